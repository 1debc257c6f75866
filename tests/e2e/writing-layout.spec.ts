import type { Page } from '@playwright/test'
import { test, expect, type Journal } from './support/fixtures'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 }
]

async function call<T>(journal: Journal, channel: string, input: unknown): Promise<T> {
  const result = await journal.core.dispatch(channel, input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value as T
}

const LONG = Array.from(
  { length: 40 },
  (_, i) => `Paragraph ${i + 1}: the long take holds on the street while the light changes and nobody speaks.`
).join('\n\n')

/**
 * Every piece of the editor's text (or its placeholder) that shows on screen, as the boxes of
 * its lines clipped to what scrolls it, with what is drawn at each box's centre and the boxes of
 * the controls around the text. Returns the problems found, worded for the failure message.
 */
function textProblems(page: Page, what: 'text' | 'placeholder'): Promise<string[]> {
  return page.evaluate((what) => {
    const problems: string[] = []
    const input = document.querySelector<HTMLElement>('[aria-label="Review text"]')!
    const source = what === 'text' ? input : document.querySelector<HTMLElement>('.editor-placeholder')
    if (!source) return [`no ${what}`]
    const clipOf = (el: HTMLElement) => {
      let clip = new DOMRect(0, 0, innerWidth, innerHeight)
      for (let p = el.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowY
        if (o === 'visible') continue
        const r = p.getBoundingClientRect()
        const left = Math.max(clip.left, r.left)
        const top = Math.max(clip.top, r.top)
        clip = new DOMRect(
          left,
          top,
          Math.max(0, Math.min(clip.right, r.right) - left),
          Math.max(0, Math.min(clip.bottom, r.bottom) - top)
        )
      }
      return clip
    }
    const clip = clipOf(source)
    const range = document.createRange()
    range.selectNodeContents(source)
    const lines = [...range.getClientRects()].filter((r) => r.width > 2 && r.height > 2)
    const visible = lines
      .map((r) => {
        const left = Math.max(r.left, clip.left)
        const top = Math.max(r.top, clip.top)
        return new DOMRect(
          left,
          top,
          Math.min(r.right, clip.right) - left,
          Math.min(r.bottom, clip.bottom) - top
        )
      })
      .filter((r) => r.width > 1 && r.height > 1)
    if (visible.length === 0) problems.push(`none of the ${what} is on screen`)
    const controls = [
      ...document.querySelectorAll<HTMLElement>(
        '.ed-toolbar, .writing-aids, .review-editor-header, .review-actions, .history-panel'
      )
    ]
    for (const r of visible) {
      // Part of a line cut by the edge of what scrolls it is fine; a line drawn under something is not.
      if (r.height < lines[0]!.height * 0.9) continue
      const hit = document.elementFromPoint(r.left + Math.min(8, r.width / 2), r.top + r.height / 2)
      if (!hit || !(source.contains(hit) || hit.contains(source) || input.contains(hit))) {
        problems.push(`${what} at y=${Math.round(r.top)} is covered by ${hit?.className || hit?.tagName}`)
      }
      for (const c of controls) {
        const b = c.getBoundingClientRect()
        if (r.left < b.right && r.right > b.left && r.top < b.bottom && r.bottom > b.top) {
          problems.push(`${what} at y=${Math.round(r.top)} overlaps .${c.className.split(' ')[0]}`)
        }
      }
    }
    return problems
  }, what)
}

/** Pairs of the review's controls whose boxes intersect, and controls poking out of their column. */
function controlProblems(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((scope) => {
    const root = document.querySelector<HTMLElement>(scope)!
    const column = root.getBoundingClientRect()
    const controls = [
      ...root.querySelectorAll<HTMLElement>(
        'input, select, button, textarea, [role="slider"], [role="status"], .writing-aids > span'
      )
    ].filter((el) => el.offsetParent !== null && !el.closest('.ed-toolbar-group, .tag-chip, .rating-input'))
    const problems: string[] = []
    const name = (el: HTMLElement) =>
      `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? (el as HTMLInputElement).placeholder ?? '').trim().slice(0, 24)}"`
    for (let i = 0; i < controls.length; i++) {
      const a = controls[i]!.getBoundingClientRect()
      if (a.right > column.right + 1 || a.left < column.left - 1)
        problems.push(`${name(controls[i]!)} sticks out of its column`)
      for (let j = i + 1; j < controls.length; j++) {
        if (controls[i]!.contains(controls[j]!) || controls[j]!.contains(controls[i]!)) continue
        const b = controls[j]!.getBoundingClientRect()
        if (a.left < b.right - 1 && a.right > b.left + 1 && a.top < b.bottom - 1 && a.bottom > b.top + 1) {
          problems.push(`${name(controls[i]!)} overlaps ${name(controls[j]!)}`)
        }
      }
    }
    const title = root.querySelector<HTMLElement>('.review-title')
    if (title && title.scrollWidth > title.clientWidth + 1)
      problems.push(`the title is clipped (${title.clientWidth}px for ${title.scrollWidth}px)`)
    if (title && title.scrollHeight > title.clientHeight + 1)
      problems.push(`the title is cut short (${title.clientHeight}px for ${title.scrollHeight}px)`)
    return problems
  }, scope)
}

async function windowScrolls(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      document.scrollingElement!.scrollHeight > innerHeight + 1 ||
      document.scrollingElement!.scrollWidth > innerWidth + 1
  )
}

for (const size of SIZES) {
  test(`at ${size.width}×${size.height} the placeholder of an empty review shows, clear of the toolbar`, async ({
    page,
    journal
  }) => {
    await page.setViewportSize(size)
    await call(journal, 'reviews.create', { title: 'Empty' })
    await journal.open(page)
    await page.getByRole('button', { name: /^Empty/ }).click()
    await expect(page.getByText('Start writing…')).toBeVisible()
    expect(await textProblems(page, 'placeholder')).toEqual([])
    expect(await controlProblems(page, '.review-editor')).toEqual([])
    expect(await windowScrolls(page)).toBe(false)
  })

  test(`at ${size.width}×${size.height} no bar sits over the text of a long review scrolled to its end`, async ({
    page,
    journal
  }) => {
    await page.setViewportSize(size)
    await call(journal, 'reviews.create', {
      title: 'A long review with a title long enough to need its room',
      body: plainTextToLexical(LONG)
    })
    await journal.open(page)
    await page.getByRole('button', { name: /^A long review/ }).click()
    const text = page.getByRole('textbox', { name: 'Review text' })
    await text.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type(' The end.')
    await expect(text).toContainText('nobody speaks. The end.')
    expect(await textProblems(page, 'text')).toEqual([])
    // Halfway through, too, where the text passes the bars on both sides.
    await page.keyboard.press('Control+Home')
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowDown')
    expect(await textProblems(page, 'text')).toEqual([])
    expect(await controlProblems(page, '.review-editor')).toEqual([])
    expect(await windowScrolls(page)).toBe(false)
  })

  test(`at ${size.width}×${size.height} History gives the versions their room and leaves the editor as it was`, async ({
    page,
    journal
  }) => {
    await page.setViewportSize(size)
    const review = await call<{ id: string }>(journal, 'reviews.create', {
      title: 'A long review with a title long enough to need its room',
      body: plainTextToLexical(LONG)
    })
    await call(journal, 'reviews.setStatus', { id: review.id, status: 'ready' })
    await journal.open(page)
    await page.getByRole('button', { name: /^A long review/ }).click()
    const title = page.getByRole('textbox', { name: 'Review title' })
    const before = await title.boundingBox()
    await page.getByRole('button', { name: 'History' }).click()
    const history = page.locator('.history-panel')
    await expect(history).toBeVisible()
    await history.getByRole('button', { name: /Marked ready to publish/ }).click()
    await expect(history.getByTestId('revision-diff')).toBeVisible()
    expect(await controlProblems(page, '.history-panel')).toEqual([])
    const panel = (await history.boundingBox())!
    expect(panel.x).toBeGreaterThanOrEqual(0)
    expect(panel.x + panel.width).toBeLessThanOrEqual(size.width + 1)
    expect(await title.boundingBox()).toEqual(before)
    expect(await controlProblems(page, '.review-editor')).toEqual([])
    expect(await windowScrolls(page)).toBe(false)
    await page.keyboard.press('Escape')
    await expect(history).toBeHidden()
    await expect(page.getByRole('button', { name: 'History' })).toBeFocused()
  })
}
