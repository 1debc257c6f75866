import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test, expect } from '../../tests/e2e/support/fixtures'
import { openCore } from '../../src/main/core'
import { startWebHost } from '../../src/hosts/web/server'
import { seedSearchCorpus } from '../suites/searchCorpus'
import { printStats } from './support'

/** The journal the core search bench generated (100,000 reviews), when a run has made it. */
const CORPUS_DIR = join(tmpdir(), 'review-journal-bench', 'search-corpus-v1')

test('search: results within 100 ms of each keystroke, typing into the search box', async ({
  page,
  journal
}) => {
  let label = '100,000 reviews + 300,000 responses'
  let close = async () => {}
  if (existsSync(join(CORPUS_DIR, 'complete'))) {
    // A host of its own over the big journal: the same dispatcher, another data folder.
    const big = await openCore({ dataDir: CORPUS_DIR, version: 'bench' })
    const host = await startWebHost({
      dispatch: big.dispatch,
      rendererDir: resolve(process.env.RJ_OUT_DIR ?? 'out', 'renderer')
    })
    close = async () => {
      await host.close()
      big.close()
    }
    await page.goto(host.url)
  } else {
    label = '10,000 reviews + 30,000 responses (run the core search bench first for the full size)'
    seedSearchCorpus(journal.core.db, 10_000, 30_000)
    await journal.open(page)
  }
  await expect(page.getByRole('navigation', { name: 'Journal' })).toBeVisible()
  await page.keyboard.press('Control+k')
  const box = page.getByRole('searchbox', { name: 'Search the journal' })
  await expect(box).toBeFocused()

  // For each keystroke: from the keydown to the frame after results for that exact text show.
  await page.evaluate(() => {
    const w = window as unknown as { __latencies: number[]; __pending: Map<string, number> }
    w.__latencies = []
    w.__pending = new Map()
    const box = document.querySelector<HTMLInputElement>('#search-box')!
    box.addEventListener('input', () => w.__pending.set(box.value, performance.now()))
    const section = document.querySelector('.search-screen')!
    new MutationObserver(() => {
      const shown = section.getAttribute('data-results-for') ?? ''
      const started = w.__pending.get(shown)
      if (started === undefined) return
      w.__pending.delete(shown)
      requestAnimationFrame(() => w.__latencies.push(performance.now() - started))
    }).observe(section, { attributes: true, attributeFilter: ['data-results-for'], subtree: false })
  })
  const words = ['cinema', 'the film', 'kalo', 'memory and', '"of the', 'mirune']
  for (const word of words) {
    await box.fill('')
    await box.pressSequentially(word, { delay: 120 })
    await page.waitForTimeout(300)
  }
  const latencies = await page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies)
  expect(latencies.length).toBeGreaterThan(10)
  printStats(`browser: keystroke → results painted (${label})`, latencies)
  await close()
})
