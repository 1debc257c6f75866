import { useEffect, useMemo, useState } from 'react'
import { INBOX_FILTERS, type InboxFilter, type InboxItem } from '../../../../shared/contract/responses'
import { useNavigation } from '../../app/navigationStore'
import { useResponses } from './responsesStore'
import { useThread } from './threadStore'
import { changeStarred, changeStatus, markEverythingRead, refreshResponses } from './responseActions'
import { useNotices } from '../../app/noticeStore'
import { useSettings } from '../settings/settingsStore'
import { InboxEntry, type InboxActions } from './InboxEntry'
import './responses.css'

const FILTER_LABELS: Record<InboxFilter, string> = { new: 'New', starred: 'Starred', all: 'All' }
const EMPTY: Record<InboxFilter, string> = {
  new: 'No new responses. Everything readers wrote has been read.',
  starred: 'No starred responses. Star one with ☆ to keep it here.',
  all: 'No reader responses yet. Add them on a review, or import a blog export with its comments.'
}

/** The inbox: new responses across every review, newest first, a page at a time. */
export function ResponsesScreen() {
  const { filter, items, nextCursor, total, unread, loaded, loading, load, loadMore, setFilter } =
    useResponses()
  const openReview = useNavigation((s) => s.openReview)
  const [selected, setSelected] = useState<string[]>([])
  const [replying, setReplying] = useState<string | null>(null)
  const ownName = useSettings((s) => s.settings?.criticName ?? '')

  useEffect(() => {
    void load()
  }, [load])
  useEffect(() => {
    const shown = new Set(items.map((i) => i.id))
    setSelected((s) => (s.every((id) => shown.has(id)) ? s : s.filter((id) => shown.has(id))))
  }, [items])

  const actions = useMemo<InboxActions>(() => {
    const openInThread = (item: InboxItem) => {
      useThread.getState().requestFocus(item.id)
      openReview(item.reviewId)
    }
    return {
      toggleSelected: (id) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id])),
      openInThread,
      setStatus: (id, status) => void changeStatus([id], status),
      setStarred: (id, starred) => void changeStarred([id], starred),
      setReplying,
      replied: (item) => {
        setReplying(null)
        void refreshResponses()
        useNotices.getState().show({
          tone: 'info',
          message: `Replied to ${item.authorName}.`,
          action: { label: 'Open in thread', run: () => openInThread(item) }
        })
      }
    }
  }, [openReview])

  const allSelected = items.length > 0 && selected.length === items.length
  return (
    <section className="page inbox" aria-labelledby="responses-heading">
      <div className="inbox-header">
        <h1 id="responses-heading">
          Inbox <span className="subtle">reader responses</span>
        </h1>
        <button type="button" onClick={() => void markEverythingRead()} disabled={unread === 0}>
          Mark all read
        </button>
      </div>
      <div className="row inbox-filters" role="group" aria-label="Show">
        {INBOX_FILTERS.map((f) => (
          <button key={f} type="button" aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {FILTER_LABELS[f]}
            {f === 'new' && ` (${unread.toLocaleString()})`}
          </button>
        ))}
      </div>
      {items.length > 0 && (
        <div className="row bulk-bar" role="toolbar" aria-label="Selected responses">
          <label>
            <input
              type="checkbox"
              checked={allSelected}
              onChange={() => setSelected(allSelected ? [] : items.map((i) => i.id))}
            />{' '}
            Select all shown
          </label>
          <button
            type="button"
            disabled={selected.length === 0}
            onClick={() => void changeStatus(selected, 'read')}
          >
            Mark read{selected.length > 0 && ` (${selected.length})`}
          </button>
          <button
            type="button"
            disabled={selected.length === 0}
            onClick={() => void changeStatus(selected, 'hidden')}
          >
            Hide{selected.length > 0 && ` (${selected.length})`}
          </button>
        </div>
      )}
      {loaded && items.length === 0 ? (
        <p className="empty">{EMPTY[filter]}</p>
      ) : (
        <ol className="inbox-list" aria-label={`${FILTER_LABELS[filter]} responses`} aria-busy={!loaded}>
          {items.map((item) => (
            <InboxEntry
              key={item.id}
              item={item}
              selected={selected.includes(item.id)}
              replying={replying === item.id}
              ownName={ownName}
              actions={actions}
            />
          ))}
        </ol>
      )}
      {items.length > 0 && (
        <div className="row inbox-footer">
          <span className="subtle" role="status">
            Showing {items.length.toLocaleString()} of {total.toLocaleString()}
          </span>
          {nextCursor && (
            <button type="button" onClick={() => void loadMore()} disabled={loading}>
              {loading ? 'Loading…' : 'Show older'}
            </button>
          )}
        </div>
      )}
    </section>
  )
}
