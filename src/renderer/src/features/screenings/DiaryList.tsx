import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { DiaryIndex } from '../../../../shared/contract/screenings'
import { rowAt, useScreenings } from './screeningsStore'
import { useDeleteConfirm } from './screeningActions'
import { DiaryRow } from './DiaryRow'
import { formatMonth, plural } from './labels'

type Item = { kind: 'month'; month: string; count: number } | { kind: 'row'; offset: number }

const MONTH_HEIGHT = 48
const ROW_HEIGHT = 68
/** Rows moved by Page Up and Page Down. */
const PAGE_STEP = 10
const COLUMNS = ['Date', 'Film', 'Where', 'Format', 'Rating', 'Actions']

/** Month headings followed by their rows, flattened for the virtualiser. */
function layout(index: DiaryIndex): Item[] {
  const items: Item[] = []
  let offset = 0
  for (const { month, count } of index.months) {
    items.push({ kind: 'month', month, count })
    for (let i = 0; i < count; i++) items.push({ kind: 'row', offset: offset++ })
  }
  return items
}

/**
 * The diary as one virtualised table: only the rows in view (and a few around them) exist in
 * the page, and their pages are fetched as they scroll in, so 20,000 screenings scroll like 20.
 * Up, Down, Page Up, Page Down, Home and End move between screenings; Delete asks to remove
 * the focused one.
 */
export function DiaryList({ index }: { index: DiaryIndex }) {
  const scroller = useRef<HTMLDivElement>(null)
  const pages = useScreenings((s) => s.pages)
  const items = useMemo(() => layout(index), [index])
  const ensureRows = useScreenings((s) => s.ensureRows)
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (items[i].kind === 'month' ? MONTH_HEIGHT : ROW_HEIGHT),
    overscan: 10
  })
  const visible = virtualizer.getVirtualItems()
  const first = visible[0]?.index ?? 0
  const last = visible.at(-1)?.index ?? 0

  useEffect(() => {
    const offsets = items.slice(first, last + 1).flatMap((item) => (item.kind === 'row' ? [item.offset] : []))
    if (offsets.length) ensureRows(offsets[0], offsets.at(-1) as number)
  }, [first, last, items, ensureRows])

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement
    const row = target.closest<HTMLElement>('[data-index]')
    if (!row) return
    const at = Number(row.dataset.index)
    if (event.key === 'Delete') {
      const item = items[at]
      const entry = item?.kind === 'row' ? rowAt(pages, item.offset) : undefined
      if (entry) {
        event.preventDefault()
        useDeleteConfirm.getState().ask(entry)
      }
      return
    }
    const moves: Record<string, [number, number]> = {
      ArrowDown: [at + 1, 1],
      ArrowUp: [at - 1, -1],
      PageDown: [Math.min(at + PAGE_STEP, items.length - 1), 1],
      PageUp: [Math.max(at - PAGE_STEP, 0), -1],
      Home: [0, 1],
      End: [items.length - 1, -1]
    }
    const move = moves[event.key]
    if (!move) return
    event.preventDefault()
    let [next] = move
    const step = move[1]
    while (items[next]?.kind === 'month') next += step
    if (!items[next] || next === at) return
    const col = target.dataset.col ?? 'film'
    virtualizer.scrollToIndex(next, { align: 'auto' })
    // The row exists only once the scroll re-renders the window (and its page has arrived).
    const focus = (tries: number) => {
      const el = scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"] [data-col="${col}"]`)
      if (el) el.focus()
      else if (tries > 0) requestAnimationFrame(() => focus(tries - 1))
    }
    requestAnimationFrame(() => focus(60))
  }

  return (
    <div className="diary-scroller" ref={scroller}>
      <div role="table" aria-label="Diary" aria-rowcount={items.length + 1} className="diary-table">
        <div role="rowgroup" className="diary-head">
          <div role="row" aria-rowindex={1} className="diary-row">
            {COLUMNS.map((c) => (
              <div role="columnheader" key={c}>
                {c === 'Actions' ? <span className="visually-hidden">{c}</span> : c}
              </div>
            ))}
          </div>
        </div>
        <div
          role="rowgroup"
          className="diary-body"
          style={{ height: virtualizer.getTotalSize() }}
          onKeyDown={onKeyDown}
        >
          {visible.map((v) => {
            const item = items[v.index]
            const style = { transform: `translateY(${v.start}px)`, height: v.size }
            if (item.kind === 'month') {
              return (
                <div
                  role="row"
                  key={`m-${item.month}`}
                  aria-rowindex={v.index + 2}
                  className="diary-month"
                  style={style}
                >
                  <div role="cell" aria-colspan={COLUMNS.length}>
                    <h2>{formatMonth(item.month)}</h2>
                    <span className="diary-count">{plural(item.count, 'screening')}</span>
                  </div>
                </div>
              )
            }
            const entry = rowAt(pages, item.offset)
            return (
              <div
                role="row"
                key={entry?.id ?? `r-${item.offset}`}
                aria-rowindex={v.index + 2}
                data-index={v.index}
                className="diary-row"
                style={style}
                aria-busy={!entry || undefined}
              >
                {entry ? (
                  <DiaryRow entry={entry} />
                ) : (
                  <div role="cell" className="diary-loading">
                    Loading…
                  </div>
                )}
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
