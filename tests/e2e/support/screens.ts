import type { Page } from '@playwright/test'

/** One screen of the app as a person reaches it: the keys or clicks, and what shows it is ready. */
export interface ScreenVisit {
  name: string
  open(page: Page): Promise<void>
}

/**
 * Boxes of the visible controls and headings that overlap another one (not their own parent or
 * child). A box is what is left of the element inside every pane that clips it, so a row
 * scrolled out of its list does not count; hidden text for screen readers (1 px) is skipped.
 */
export function overlappingControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      'button, input:not([type="hidden"]), select, textarea, [role="textbox"], h1, h2, h3, a[href], [role="combobox"], [role="slider"]'
    const visibleBox = (el: Element): DOMRect | null => {
      let box = el.getBoundingClientRect()
      if (box.width < 2 || box.height < 2) return null
      const style = getComputedStyle(el)
      if (style.visibility === 'hidden' || Number(style.opacity) === 0) return null
      let left = Math.max(box.left, 0)
      let top = Math.max(box.top, 0)
      let right = Math.min(box.right, innerWidth)
      let bottom = Math.min(box.bottom, innerHeight)
      for (let p = el.parentElement; p; p = p.parentElement) {
        const s = getComputedStyle(p)
        if (
          s.overflowX !== 'visible' ||
          s.overflowY !== 'visible' ||
          s.clip !== 'auto' ||
          s.clipPath !== 'none'
        ) {
          const r = p.getBoundingClientRect()
          left = Math.max(left, r.left)
          top = Math.max(top, r.top)
          right = Math.min(right, r.right)
          bottom = Math.min(bottom, r.bottom)
        }
      }
      if (right - left < 2 || bottom - top < 2) return null
      box = new DOMRect(left, top, right - left, bottom - top)
      return box
    }
    // What sits on top (a dialog, a notice) is judged on its own; what a modal covers is inert.
    const modal = document.querySelector('dialog[open]')
    const scope = modal ?? document
    const items = [...scope.querySelectorAll(selector)]
      .filter((el) => !el.closest('.notices'))
      .map((el) => ({ el, box: visibleBox(el) }))
      .filter((i): i is { el: Element; box: DOMRect } => i.box !== null)
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`
    const clashes: string[] = []
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const a = items[i]
        const b = items[j]
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue
        const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left)
        const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top)
        if (w > 1 && h > 1) clashes.push(`${name(a.el)} × ${name(b.el)} (${Math.round(w)}×${Math.round(h)})`)
      }
    }
    return clashes
  })
}

/** How far the window itself scrolls, down and across (0 when only panes scroll). */
export function windowOverflow(page: Page): Promise<{ down: number; across: number }> {
  return page.evaluate(() => {
    const root = document.scrollingElement!
    return { down: root.scrollHeight - innerHeight, across: root.scrollWidth - innerWidth }
  })
}
