import { foundationBench } from './suites/foundation'

/**
 * `npm run bench`: every suite on generated data, printing medians and p95 beside a baseline
 * measured in the same run. `npm run bench -- NAME` runs the suites whose name contains NAME.
 */
const SUITES: [string, () => Promise<void>][] = [['foundation', foundationBench]]

async function main(): Promise<void> {
  const filter = process.argv[2]
  for (const [name, run] of SUITES) {
    if (filter && !name.includes(filter)) continue
    console.log(`\n== ${name} ==`)
    await run()
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
