import { useCallback, useEffect, useId, useMemo, useState } from 'react'
import type { ThreadItem } from '../../../../shared/contract/responses'
import { useDataChanged } from '../../app/useDataChanged'
import { useThread } from './threadStore'
import { useReviews } from '../reviews/reviewsStore'
import { changeStarred, changeStatus, refreshResponses, removeResponses } from './responseActions'
import { ResponseForm, type FormMode } from './ResponseForm'
import type { EntryActions } from './ThreadEntry'
import { ThreadList } from './ThreadList'
import './responses.css'

interface OpenForm {
  /** The response the form sits under, or null for a new top-level response. */
  at: string | null
  mode: FormMode
}

/** The reader responses of one review as a thread, with adding, replying and bulk actions. */
export function ResponsesThread({ reviewId }: { reviewId: string }) {
  const headingId = useId()
  const { thread, showHidden, showSpam, selected, loading, focusId, setFilter, clearSelection } = useThread()
  const [form, setForm] = useState<OpenForm | null>(null)

  useEffect(() => {
    void useThread.getState().open(reviewId)
    return () => useThread.getState().close()
  }, [reviewId])
  const reload = useCallback(() => void useThread.getState().reload(), [])
  useDataChanged(['responses', 'reviews'], reload)

  const current = thread?.reviewId === reviewId ? thread : null
  const items = useMemo(() => current?.items ?? [], [current])

  // The review's own "responses closed" switch saves through the reviews list: follow it.
  const closedInList = useReviews((s) => s.reviews.find((r) => r.id === reviewId)?.responsesClosed)
  const closedInThread = current?.responsesClosed
  useEffect(() => {
    if (closedInList !== undefined && closedInThread !== undefined && closedInList !== closedInThread)
      reload()
  }, [closedInList, closedInThread, reload])

  const focused = useCallback(() => useThread.getState().requestFocus(null), [])
  // A requested response the filters leave out (hidden, spam) turns them on, then is focused.
  const missing = useCallback(() => {
    const state = useThread.getState()
    if (!state.showHidden || !state.showSpam) state.setFilter({ showHidden: true, showSpam: true })
    else state.requestFocus(null)
  }, [])

  const actions = useMemo<EntryActions>(
    () => ({
      toggleSelected: (id) => useThread.getState().toggleSelected(id),
      openForm: (at, mode) => setForm({ at, mode }),
      setStatus: (id, status) => void changeStatus([id], status),
      setStarred: (id, starred) => void changeStarred([id], starred),
      focusResponse: (id) => useThread.getState().requestFocus(id)
    }),
    []
  )

  if (!current) return <section className="thread" aria-busy="true" aria-label="Responses" />

  const byId = new Map(items.map((i) => [i.id, i]))
  const closeForm = () => {
    const back = form?.at
    setForm(null)
    if (back) requestAnimationFrame(() => document.getElementById(`response-${back}`)?.focus())
  }
  const renderForm = (at: string | null) => {
    if (!form || form.at !== at) return null
    const anchor = at ? byId.get(at) : undefined
    return (
      <ResponseForm
        key={`${at}-${form.mode}`}
        reviewId={reviewId}
        mode={form.mode}
        parent={anchor && form.mode !== 'edit' ? anchor : null}
        editing={form.mode === 'edit' ? anchor : undefined}
        parentChoices={form.mode === 'edit' && anchor ? parentChoices(items, anchor) : undefined}
        closed={current.responsesClosed}
        ownName={current.ownName}
        onCancel={closeForm}
        onDelete={
          form.mode === 'edit' && anchor
            ? () => {
                setForm(null)
                void removeResponses([anchor.id])
              }
            : undefined
        }
        onDone={(id) => {
          setForm(null)
          void refreshResponses().then(() => useThread.getState().requestFocus(id))
        }}
      />
    )
  }

  const { counts } = current
  return (
    <section className="thread" aria-labelledby={headingId}>
      <div className="thread-header">
        <h2 id={headingId}>
          Responses <span className="subtle">({counts.total})</span>
        </h2>
        <div className="row">
          <button type="button" onClick={() => setForm({ at: null, mode: 'reader' })}>
            Add a reader’s response
          </button>
          <button type="button" onClick={() => setForm({ at: null, mode: 'own' })}>
            Add a note of your own
          </button>
        </div>
      </div>
      <div className="row thread-filters">
        <label>
          <input
            type="checkbox"
            checked={showHidden}
            onChange={(e) => setFilter({ showHidden: e.target.checked })}
          />{' '}
          Show hidden ({counts.hidden})
        </label>
        <label>
          <input
            type="checkbox"
            checked={showSpam}
            onChange={(e) => setFilter({ showSpam: e.target.checked })}
          />{' '}
          Show spam ({counts.spam})
        </label>
        {counts.new > 0 && (
          <button
            type="button"
            onClick={() =>
              useThread.getState().select(items.filter((i) => i.status === 'new').map((i) => i.id))
            }
          >
            Select the {counts.new} new
          </button>
        )}
      </div>
      {selected.length > 0 && (
        <div className="row bulk-bar" role="toolbar" aria-label="Selected responses">
          <span>{selected.length} selected</span>
          <button type="button" onClick={() => void changeStatus(selected, 'read')}>
            Mark read
          </button>
          <button type="button" onClick={() => void changeStatus(selected, 'hidden')}>
            Hide
          </button>
          <button type="button" onClick={() => void changeStatus(selected, 'spam')}>
            Mark as spam
          </button>
          <button type="button" onClick={() => void removeResponses(selected)}>
            Delete
          </button>
          <button type="button" onClick={clearSelection}>
            Clear selection
          </button>
        </div>
      )}
      {renderForm(null)}
      {items.length === 0 ? (
        <p className="empty">
          {counts.total === 0 ? 'No responses yet.' : 'Every response here is hidden or spam.'}
        </p>
      ) : (
        <ThreadList
          items={items}
          label={`Responses to ${current.reviewTitle || 'this review'}`}
          selected={selected}
          actions={actions}
          formAt={form?.at ?? null}
          renderForm={renderForm}
          focusId={loading ? null : focusId}
          onFocused={focused}
          onMissing={missing}
        />
      )}
      {current.responsesClosed && <p className="thread-closed">Comments are closed.</p>}
    </section>
  )
}

/** Every response an edited one may move under: all but itself and its replies. */
function parentChoices(items: ThreadItem[], editing: ThreadItem): { id: string; label: string }[] {
  const start = items.indexOf(editing)
  let end = start + 1
  while (end < items.length && items[end].depth > editing.depth) end++
  return [...items.slice(0, start), ...items.slice(end)].map((i) => ({
    id: i.id,
    label: `${i.authorName}: ${i.body.slice(0, 50)}${i.body.length > 50 ? '…' : ''}`
  }))
}
