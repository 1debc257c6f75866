import type { Page } from '@playwright/test'
import { test, expect } from '../../tests/e2e/support/fixtures'
import { prose, proseDoc, rng } from '../generate'
import { printStats } from './support'

/** Collects, for every key typed into the editor, the time from keydown to the frame after it. */
async function watchKeystrokes(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __keys: number[]; __watching?: boolean }
    w.__keys = []
    if (w.__watching) return
    w.__watching = true
    document.addEventListener(
      'keydown',
      (event) => {
        const start = event.timeStamp
        // rAF runs just before the paint; the message after it lands once that frame is done.
        requestAnimationFrame(() => {
          const channel = new MessageChannel()
          channel.port1.onmessage = () => w.__keys.push(performance.now() - start)
          channel.port2.postMessage(null)
        })
      },
      { capture: true }
    )
  })
}

async function typeAndTime(page: Page, label: string, count: number): Promise<void> {
  const editor = page.getByRole('textbox', { name: 'Review text' })
  await editor.click()
  await page.keyboard.press('Control+End')
  await watchKeystrokes(page)
  const text = 'the long take holds on the street '
  for (let i = 0; i < count; i++) await page.keyboard.type(text[i % text.length]!, { delay: 30 })
  await page.waitForTimeout(300)
  printStats(label, await page.evaluate(() => (window as unknown as { __keys: number[] }).__keys))
}

async function openAndTime(page: Page, title: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve) => {
        const button = [...document.querySelectorAll<HTMLButtonElement>('.item-list button')].find((b) =>
          b.textContent?.includes(name)
        )
        const start = performance.now()
        button?.click()
        const poll = () => {
          const editor = document.querySelector('[aria-label="Review text"]')
          if (editor && (editor.textContent?.length ?? 0) > 1000)
            requestAnimationFrame(() => resolve(performance.now() - start))
          else requestAnimationFrame(poll)
        }
        poll()
      }),
    title
  )
}

test('writing: keystroke to paint and opening in a 20,000-word review, paste of 100 kB of HTML', async ({
  page,
  journal
}) => {
  const random = rng(5)
  const frames = test.info().project.name === 'chromium' ? '' : ` (${test.info().project.name})`
  const dispatch = async (channel: string, input: unknown) => {
    const r = await journal.core.dispatch(channel, input)
    if (!r.ok) throw new Error(r.error.message)
    return r.value as { id: string }
  }
  await dispatch('reviews.create', { title: 'Long read', body: proseDoc(20_000, random) })
  await dispatch('reviews.create', { title: 'Short note', body: proseDoc(100, random) })
  await journal.open(page)
  await expect(page.getByRole('heading', { name: 'Reviews' })).toBeVisible()

  const opens: number[] = []
  for (let i = 0; i < 8; i++) {
    await page.getByRole('button', { name: /Short note/ }).click()
    await expect(page.getByRole('textbox', { name: 'Review title' })).toHaveValue('Short note')
    opens.push(await openAndTime(page, 'Long read'))
  }
  printStats(`browser: open a 20,000-word review (click to painted text)${frames}`, opens)

  await typeAndTime(page, `browser: keystroke to paint, 20,000-word review${frames}`, 150)
  await page.getByRole('button', { name: /Short note/ }).click()
  await expect(page.getByRole('textbox', { name: 'Review title' })).toHaveValue('Short note')
  await typeAndTime(page, `baseline: keystroke to paint, 100-word review${frames}`, 150)

  const html = prose(16_000, random)
    .split('\n\n')
    .map(
      (p) =>
        `<p style="color:#333;font-family:Arial">${p.replace(/^(\w+)/, '<b>$1</b>')} <a href="https://example.com">link</a></p>`
    )
    .join('')
  const pastes: number[] = []
  for (let i = 0; i < 5; i++) {
    pastes.push(
      await page.getByRole('textbox', { name: 'Review text' }).evaluate(
        (el, source) =>
          new Promise<number>((resolve) => {
            const data = new DataTransfer()
            data.setData('text/html', source)
            const start = performance.now()
            el.dispatchEvent(
              new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
            )
            requestAnimationFrame(() => resolve(performance.now() - start))
          }),
        html
      )
    )
  }
  printStats(
    `browser: paste ${Math.round(html.length / 1024)} kB of HTML (cleaned) to painted${frames}`,
    pastes
  )
})
