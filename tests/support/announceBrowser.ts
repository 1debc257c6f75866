import { describeChromium, findChromium } from './browser'

/** Playwright global setup: the run's first line says which browser the suite drives. */
export default function announceBrowser(): void {
  console.log(describeChromium(findChromium()))
}
