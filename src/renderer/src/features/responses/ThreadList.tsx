import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual'
import type { ThreadItem } from '../../../../shared/contract/responses'
import { ThreadEntry, type EntryActions } from './ThreadEntry'

/** Threads longer than this render only the responses near the viewport. */
export const VIRTUAL_FROM = 150

interface ThreadListProps {
  items: ThreadItem[]
  label: string
  selected: string[]
  actions: EntryActions
  /** The response with an open form: always rendered, so typing is never lost to scrolling. */
  formAt: string | null
  renderForm(at: string): ReactNode
  /** A response to scroll to and focus; `onMissing` when the thread does not show it. */
  focusId: string | null
  onFocused(): void
  onMissing(): void
}

/** The responses of a thread in reading order; long threads are virtualised. */
export function ThreadList(props: ThreadListProps) {
  return props.items.length > VIRTUAL_FROM ? <VirtualThreadList {...props} /> : <PlainThreadList {...props} />
}

function focusEntry(id: string): boolean {
  const target = document.getElementById(`response-${id}`)
  if (!target) return false
  target.scrollIntoView({ block: 'center' })
  target.focus()
  return true
}

function PlainThreadList({
  items,
  label,
  selected,
  actions,
  formAt,
  renderForm,
  focusId,
  onFocused,
  onMissing
}: ThreadListProps) {
  useEffect(() => {
    if (!focusId) return
    if (focusEntry(focusId)) onFocused()
    else onMissing()
  }, [focusId, items, onFocused, onMissing])
  return (
    <ol className="thread-list" aria-label={label}>
      {items.map((item) => (
        <ThreadEntry
          key={item.id}
          item={item}
          selected={selected.includes(item.id)}
          actions={actions}
          form={formAt === item.id ? renderForm(item.id) : null}
        />
      ))}
    </ol>
  )
}

/** The nearest scrolling ancestor (the review's pane), which the virtual list follows. */
function scrollParent(node: HTMLElement | null): HTMLElement | null {
  for (let el = node?.parentElement ?? null; el; el = el.parentElement) {
    const { overflowY } = getComputedStyle(el)
    if (overflowY === 'auto' || overflowY === 'scroll') return el
  }
  return document.scrollingElement as HTMLElement | null
}

function VirtualThreadList({
  items,
  label,
  selected,
  actions,
  formAt,
  renderForm,
  focusId,
  onFocused,
  onMissing
}: ThreadListProps) {
  const listRef = useRef<HTMLOListElement>(null)
  const [scroller, setScroller] = useState<HTMLElement | null>(null)
  const [margin, setMargin] = useState(0)
  const formIndex = formAt ? items.findIndex((i) => i.id === formAt) : -1

  useLayoutEffect(() => setScroller(scrollParent(listRef.current)), [])
  // Where the list starts inside the scrolling pane moves as the review above it grows.
  useLayoutEffect(() => {
    if (!scroller) return
    const measure = () => {
      if (!listRef.current) return
      const top =
        listRef.current.getBoundingClientRect().top -
        scroller.getBoundingClientRect().top +
        scroller.scrollTop
      setMargin((m) => (Math.abs(top - m) > 1 ? top : m))
    }
    measure()
    const observer = new ResizeObserver(measure)
    for (const child of scroller.children) observer.observe(child)
    return () => observer.disconnect()
  }, [scroller])

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller,
    estimateSize: () => 170,
    overscan: 6,
    scrollMargin: margin,
    getItemKey: (index) => items[index].id,
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range)
      return formIndex >= 0 && !indexes.includes(formIndex)
        ? [...indexes, formIndex].sort((a, b) => a - b)
        : indexes
    }
  })

  useEffect(() => {
    if (!focusId || !scroller) return
    const index = items.findIndex((i) => i.id === focusId)
    if (index < 0) return onMissing()
    // Sizes are measured as rows render, so the jump is repeated until the row is drawn.
    let frames = 0
    let frame = 0
    const attempt = () => {
      if (focusEntry(focusId)) return onFocused()
      virtualizer.scrollToIndex(index, { align: 'center' })
      if (frames++ < 120) frame = requestAnimationFrame(attempt)
      else onFocused()
    }
    attempt()
    return () => cancelAnimationFrame(frame)
  }, [focusId, items, scroller, virtualizer, onFocused, onMissing])

  return (
    <ol
      ref={listRef}
      className="thread-list virtual"
      aria-label={label}
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((row) => {
        const item = items[row.index]
        return (
          <ThreadEntry
            key={item.id}
            item={item}
            selected={selected.includes(item.id)}
            actions={actions}
            form={formAt === item.id ? renderForm(item.id) : null}
            position={{
              ref: virtualizer.measureElement,
              index: row.index,
              top: row.start - margin,
              setSize: items.length
            }}
          />
        )
      })}
    </ol>
  )
}
