import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { ReviewSummary } from '../../../../shared/domain'
import { StarRatingText } from '../../components/StarRatingText'
import { countOf } from '../../ui/counts'

/** A two-line item's height before it is measured. */
const ITEM_HEIGHT = 58
/** Items moved by Page Up and Page Down. */
const PAGE_STEP = 10

interface Props {
  reviews: ReviewSummary[]
  currentId: string | null
  onOpen(id: string): void
  /** The pane that scrolls (null until it is in the page): the list sits in it below its header. */
  scroller: HTMLElement | null
}

/**
 * Every review, newest first, as a virtualised list: only the items in view (and a few around
 * them) exist in the page, so a journal of 10,000 reviews opens and re-renders like one of 20.
 * Up, Down, Page Up, Page Down, Home and End move between reviews; Enter opens one.
 */
export function ReviewList({ reviews, currentId, onOpen, scroller }: Props) {
  const list = useRef<HTMLUListElement>(null)
  // Where the list starts within the scrolling pane (below the pane's header).
  const [listTop, setListTop] = useState(0)
  useLayoutEffect(() => {
    if (!list.current || !scroller) return
    setListTop(
      list.current.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop
    )
  }, [scroller])
  const virtualizer = useVirtualizer({
    count: reviews.length,
    getScrollElement: () => scroller,
    estimateSize: () => ITEM_HEIGHT,
    getItemKey: (i) => reviews[i]?.id ?? i,
    scrollMargin: listTop,
    overscan: 12
  })

  // A review opened from elsewhere (search, a screening, a new one) is brought into view, and so
  // is the open review when the list comes back from another screen: its pane, and where the list
  // sits in it, are only known a render after the list mounts.
  const currentIndex = currentId ? reviews.findIndex((r) => r.id === currentId) : -1
  useEffect(() => {
    if (currentIndex >= 0 && scroller) virtualizer.scrollToIndex(currentIndex, { align: 'auto' })
  }, [currentIndex, virtualizer, scroller, listTop])

  // The review whose item has focus, or that a key moved to: its item may not exist until the
  // scroll renders it, and a re-render may replace it while focused. Each render gives it focus
  // back if focus fell to the page; focus anywhere outside the list forgets it.
  const focusTarget = useRef<string | null>(null)
  const focusItem = () => {
    const id = focusTarget.current
    if (id === null) return
    const active = document.activeElement
    if (active && active !== document.body && !list.current?.contains(active)) {
      focusTarget.current = null
      return
    }
    const button = list.current?.querySelector<HTMLElement>(`[data-review-id="${CSS.escape(id)}"] button`)
    if (button && button !== active) button.focus({ preventScroll: true })
  }
  useLayoutEffect(focusItem)

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const item = (event.target as HTMLElement).closest<HTMLElement>('[data-index]')
    if (!item) return
    const at = Number(item.dataset.index)
    const targets: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      PageDown: at + PAGE_STEP,
      PageUp: at - PAGE_STEP,
      Home: 0,
      End: reviews.length - 1
    }
    if (!(event.key in targets)) return
    event.preventDefault()
    const next = Math.max(0, Math.min(reviews.length - 1, targets[event.key]!))
    focusTarget.current = reviews[next]!.id
    virtualizer.scrollToIndex(next, { align: 'auto' })
    focusItem()
  }

  return (
    <ul
      ref={list}
      className="item-list virtual-list"
      aria-label="Reviews"
      style={{ height: virtualizer.getTotalSize() }}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        const item = (event.target as HTMLElement).closest<HTMLElement>('[data-review-id]')
        if (item) focusTarget.current = item.dataset.reviewId ?? null
      }}
    >
      {virtualizer.getVirtualItems().map((v) => {
        const review = reviews[v.index]!
        return (
          <li
            key={v.key}
            ref={virtualizer.measureElement}
            data-index={v.index}
            data-review-id={review.id}
            aria-setsize={reviews.length}
            aria-posinset={v.index + 1}
            style={{ transform: `translateY(${v.start - listTop}px)` }}
          >
            <button
              type="button"
              className="item"
              aria-current={review.id === currentId ? 'true' : undefined}
              onClick={() => onOpen(review.id)}
            >
              <span className="item-title">{review.title || 'Untitled review'}</span>
              <span className="item-meta">
                {[
                  review.workTitle,
                  review.status,
                  review.isProtected ? 'protected' : null,
                  countOf(review.wordCount, 'word')
                ]
                  .filter(Boolean)
                  .join(' · ')}
                {review.rating !== null && <StarRatingText rating={review.rating} />}
              </span>
            </button>
          </li>
        )
      })}
    </ul>
  )
}
