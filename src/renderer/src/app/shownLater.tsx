import { lazy, Suspense, useState, type ComponentType } from 'react'

const waiting: (() => Promise<unknown>)[] = []

/**
 * A component whose code is fetched and parsed only after the first screen is on screen: the
 * reviews list a journal opens to does not wait for Statistics or the editor to be parsed. All
 * are fetched once the page is first idle (`loadShownLaterWhenIdle`); from then on the component
 * renders at once, as if it had been in the first bundle, so focus and typing land in it without
 * a frame's gap. Opened before that, it shows nothing for the moment its code takes.
 */
export function shownLater<P extends object>(
  load: () => Promise<ComponentType<P>>
): ComponentType<P> & { ready(): Promise<unknown> } {
  let Loaded: ComponentType<P> | null = null
  let loading: Promise<ComponentType<P>> | null = null
  const loadOnce = () =>
    (loading ??= load().then(
      (Component) => (Loaded = Component),
      (err: unknown) => {
        loading = null
        throw err
      }
    ))
  waiting.push(loadOnce)
  const Later = lazy(() => loadOnce().then((Component) => ({ default: Component })))
  function ShownLater(props: P) {
    // Chosen once for each place it is shown: going from the suspending path to the loaded
    // component on a later render would mount it afresh, and an editor opened before its code
    // arrived would lose its caret, and the keys typed next, at its first save.
    const [Direct] = useState(() => Loaded)
    if (Direct) return <Direct {...props} />
    return (
      <Suspense fallback={null}>
        <Later {...props} />
      </Suspense>
    )
  }
  /** Resolves once the code is here: shown after that, the component renders at once. */
  return Object.assign(ShownLater, { ready: loadOnce })
}

/** Fetches every `shownLater` component's code once the first frame is drawn and the page is idle. */
export function loadShownLaterWhenIdle(): void {
  const fetchAll = () => waiting.forEach((load) => void load().catch(() => {}))
  const whenIdle = (fn: () => void) =>
    'requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 1000 }) : setTimeout(fn, 100)
  requestAnimationFrame(() => setTimeout(() => whenIdle(fetchAll), 0))
}
