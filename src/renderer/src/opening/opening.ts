import type { OpeningStep } from '../../../shared/contract'
import './opening.css'

/*
 * The page the desktop app shows while it opens a large journal that needs a check or an
 * update first (see src/main/openingWindow.ts): what it is doing, and how far it has got.
 */
const step = document.getElementById('opening-step')!
const progress = document.getElementById('opening-progress') as HTMLProgressElement

window.journal.on('app.opening', (next: OpeningStep) => {
  step.textContent = next.total > 1 ? `${next.label} (step ${next.done + 1} of ${next.total})` : next.label
  // One step alone: a bar that moves without claiming how far it is (quick_check says nothing).
  if (next.total > 1) {
    progress.max = next.total
    progress.value = next.done
  } else progress.removeAttribute('value')
})
