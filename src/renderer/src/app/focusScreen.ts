/**
 * After a keyboard command changes the screen (Ctrl+1…9, Ctrl+, or a menu command), puts focus
 * on the new screen's heading so a screen reader announces it and Tab continues inside it, as
 * a single-page app's route change should. A screen that focused something itself (the search
 * box, a review's title) keeps that.
 */
export function focusScreen(): void {
  const started = performance.now()
  const settle = () => {
    const main = document.getElementById('main')
    if (!main) return
    const active = document.activeElement
    if (active && active !== document.body && main.contains(active)) return
    const heading = main.querySelector<HTMLElement>('h1')
    if (heading) {
      heading.tabIndex = -1
      heading.focus()
    } else if (performance.now() - started < 1000) requestAnimationFrame(settle)
    else main.focus()
  }
  requestAnimationFrame(settle)
}
