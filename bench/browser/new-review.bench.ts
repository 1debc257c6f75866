import type { Page } from '@playwright/test'
import { test, expect } from '../../tests/e2e/support/fixtures'
import { proseDoc, rng } from '../generate'
import { printStats } from './support'

const RUNS = 30
const REVIEWS = 300

interface Timing {
  /** The new, empty title is on screen. */
  shown: number
  /** It has focus, ready for typing (null when focus never came within two seconds). */
  focused: number | null
  /** The whole editor is there (text, toolbar, details) with the title still focused. */
  ready: number | null
}

/** From the click on "New review" (or Ctrl+N) to the frame after each stage of `Timing`. */
function newReviewToFocusedTitle(page: Page, how: 'button' | 'shortcut'): Promise<Timing> {
  return page.evaluate(
    (how) =>
      new Promise<Timing>((resolve) => {
        const before = document.querySelector<HTMLTextAreaElement>('.review-title')
        const start = performance.now()
        if (how === 'button') {
          ;[...document.querySelectorAll<HTMLButtonElement>('button')]
            .find((b) => b.textContent === 'New review')!
            .click()
        } else {
          ;(document.activeElement ?? document.body).dispatchEvent(
            new KeyboardEvent('keydown', {
              key: 'n',
              code: 'KeyN',
              ctrlKey: true,
              bubbles: true,
              cancelable: true
            })
          )
        }
        let shown: number | null = null
        let focused: number | null = null
        const afterPaint = (then: (ms: number) => void) =>
          requestAnimationFrame(() => setTimeout(() => then(performance.now() - start), 0))
        const poll = () => {
          const title = document.querySelector<HTMLTextAreaElement>('.review-title')
          const fresh = title !== null && title !== before && title.value === ''
          const hasFocus = fresh && document.activeElement === title
          if (fresh && shown === null) afterPaint((ms) => (shown ??= ms))
          if (hasFocus && focused === null) afterPaint((ms) => (focused ??= ms))
          if (
            hasFocus &&
            document.querySelector('[aria-label="Review text"]') &&
            !title.closest('[aria-busy]')
          ) {
            return afterPaint((ready) => resolve({ shown: shown ?? ready, focused: focused ?? ready, ready }))
          }
          if (shown !== null && performance.now() - start > shown + 2000)
            return resolve({ shown, focused, ready: null })
          requestAnimationFrame(poll)
        }
        poll()
      }),
    how
  )
}

/** From the click on "Reviews" in the sidebar to the frame after the screen's heading is drawn. */
function reviewsScreenPainted(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const start = performance.now()
        ;[...document.querySelectorAll<HTMLButtonElement>('nav button')]
          .find((b) => b.textContent?.trim().startsWith('Reviews'))!
          .click()
        const poll = () => {
          if (document.querySelector('h1')?.textContent === 'Reviews')
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0))
          else requestAnimationFrame(poll)
        }
        poll()
      })
  )
}

test('new review: from the command to a focused, empty title, against the near-empty Reviews screen', async ({
  page,
  journal
}) => {
  await journal.core.dispatch('reviews.create', { title: 'The only review' })
  await journal.open(page)
  await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible()
  const baseline: number[] = []
  for (let i = 0; i < RUNS; i++) {
    await page.getByRole('button', { name: 'Screenings', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Screenings' })).toBeVisible()
    baseline.push(await reviewsScreenPainted(page))
  }

  const random = rng(14)
  for (let i = 0; i < REVIEWS; i++)
    await journal.core.dispatch('reviews.create', { title: `Review ${i}`, body: proseDoc(400, random) })
  await page.reload()
  const byButton: Timing[] = []
  const byShortcut: Timing[] = []
  for (let i = 0; i < RUNS; i++) {
    // As a critic would: reading a review, then starting another.
    await page.getByRole('button', { name: /^Review 299\b/ }).click()
    await expect(page.getByRole('textbox', { name: 'Review title' })).toHaveValue('Review 299')
    byButton.push(await newReviewToFocusedTitle(page, 'button'))
    await page.getByRole('button', { name: /^Review 298\b/ }).click()
    await expect(page.getByRole('textbox', { name: 'Review title' })).toHaveValue('Review 298')
    byShortcut.push(await newReviewToFocusedTitle(page, 'shortcut'))
  }
  for (const [label, runs] of [
    ['"New review"', byButton],
    ['Ctrl+N', byShortcut]
  ] as const) {
    const focused = runs.flatMap((r) => (r.focused === null ? [] : [r.focused]))
    if (focused.length === runs.length)
      printStats(`browser: ${label} to a focused title (${REVIEWS} reviews)`, focused)
    else
      console.log(
        `browser: ${label} left the title unfocused in ${runs.length - focused.length} of ${runs.length} runs`
      )
    printStats(
      `browser: ${label} to the new title shown (${REVIEWS} reviews)`,
      runs.map((r) => r.shown)
    )
    printStats(
      `browser: ${label} to the whole editor ready (${REVIEWS} reviews)`,
      runs.map((r) => r.ready ?? Infinity)
    )
  }
  printStats('baseline: navigating to the near-empty Reviews screen', baseline)
})
