import { test, expect } from '../../tests/e2e/support/fixtures'
import { seedScreenings } from '../generate'
import { longTasks, printStats, watchLongTasks } from './support'

const FIRST_ROW = '[role="table"][aria-label="Diary"] .diary-film button'

test('screenings diary: 20,000 screenings, first rows painted after navigation, and 5 s of scrolling', async ({
  page,
  journal
}) => {
  seedScreenings(journal.core.db)
  await journal.open(page)
  await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible()

  /** From the click on "Screenings" to the frame after the first filled row exists. */
  const navigate = () =>
    page.evaluate(
      (selector) =>
        new Promise<number>((resolve) => {
          const button = [...document.querySelectorAll<HTMLButtonElement>('nav button')].find(
            (b) => b.textContent?.trim() === 'Screenings'
          )
          const start = performance.now()
          button?.click()
          const poll = () => {
            if (document.querySelector(selector))
              requestAnimationFrame(() => resolve(performance.now() - start))
            else requestAnimationFrame(poll)
          }
          poll()
        }),
      FIRST_ROW
    )
  const backToReviews = async () => {
    await page.getByRole('button', { name: 'Reviews', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible()
  }

  const cold: number[] = []
  for (let i = 0; i < 10; i++) {
    await page.reload()
    await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible()
    cold.push(await navigate())
  }
  printStats('browser: diary first rows painted, fresh page (20,000 screenings)', cold)

  const warm: number[] = []
  for (let i = 0; i < 10; i++) {
    await backToReviews()
    warm.push(await navigate())
  }
  printStats('browser: diary first rows painted, diary visited before', warm)

  const baseline: number[] = []
  for (let i = 0; i < 10; i++) {
    await page.getByRole('button', { name: 'Screenings', exact: true }).click()
    baseline.push(
      await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const start = performance.now()
            const button = [...document.querySelectorAll<HTMLButtonElement>('nav button')].find(
              (b) => b.textContent?.trim() === 'Reviews'
            )
            button?.click()
            const poll = () => {
              if (document.querySelector('h1')?.textContent === 'Reviews')
                requestAnimationFrame(() => resolve(performance.now() - start))
              else requestAnimationFrame(poll)
            }
            poll()
          })
      )
    )
  }
  printStats('baseline: navigating to the (empty) reviews screen', baseline)

  await page.getByRole('button', { name: 'Screenings', exact: true }).click()
  await expect(page.locator(FIRST_ROW).first()).toBeVisible()
  await watchLongTasks(page)
  const scrolled = await page.evaluate(
    () =>
      new Promise<{ frames: number; top: number; height: number }>((resolve) => {
        const scroller = document.querySelector<HTMLElement>('.diary-scroller')
        if (!scroller) throw new Error('no diary')
        const start = performance.now()
        let frames = 0
        let direction = 1
        const step = () => {
          frames++
          // Fast wheel-like scrolling, with a jump by the scrollbar every second.
          scroller.scrollTop += direction * 240
          if (frames % 60 === 0) scroller.scrollTop = Math.random() * scroller.scrollHeight
          if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) direction = -1
          if (scroller.scrollTop <= 0) direction = 1
          if (performance.now() - start < 5000) requestAnimationFrame(step)
          else resolve({ frames, top: scroller.scrollTop, height: scroller.scrollHeight })
        }
        requestAnimationFrame(step)
      })
  )
  const tasks = await longTasks(page)
  const longest = tasks.length ? Math.max(...tasks) : 0
  console.log(
    `${'browser: diary scrolled for 5 s'.padEnd(64)} ${scrolled.frames} frames (${(scrolled.frames / 5).toFixed(0)} fps), ` +
      `${tasks.length} long tasks, longest ${longest.toFixed(0)} ms (target: none over 50 ms)`
  )
  expect(scrolled.height).toBeGreaterThan(20_000 * 50)
})
