import { memo, type CSSProperties, type ReactNode, type Ref } from 'react'
import type { ThreadItem } from '../../../../shared/contract/responses'
import { ResponseBody } from './ResponseBody'
import { formatReceived } from './format'
import type { FormMode } from './ResponseForm'
import { StarToggle } from './StarToggle'

/** Indentation stops growing here; deeper replies name whom they answer instead. */
export const MAX_INDENT = 4

export interface EntryActions {
  toggleSelected(id: string): void
  openForm(id: string, mode: FormMode): void
  setStatus(id: string, status: ThreadItem['status']): void
  setStarred(id: string, starred: boolean): void
  focusResponse(id: string): void
}

interface ThreadEntryProps {
  item: ThreadItem
  selected: boolean
  actions: EntryActions
  /** The form open under this response, rendered by the thread. */
  form: ReactNode
  /** Set by a virtual list: where the entry sits, for measuring and placing it. */
  position?: { ref: Ref<HTMLLIElement>; index: number; top: number; setSize: number }
}

/**
 * One response in its thread: who, when, whom it answers, the text, and what can be done with
 * it. The author's link is a link only when it is a web address (imports may carry anything).
 */
export const ThreadEntry = memo(function ThreadEntry({
  item,
  selected,
  actions,
  form,
  position
}: ThreadEntryProps) {
  const headingId = `response-${item.id}-author`
  const indent = Math.min(item.depth, MAX_INDENT)
  const classes = ['thread-entry', item.isOwnReply && 'own', `status-${item.status}`]
    .filter(Boolean)
    .join(' ')
  return (
    <li
      ref={position?.ref}
      className={classes}
      style={
        {
          '--indent': indent,
          ...(position && { transform: `translateY(${position.top}px)` })
        } as CSSProperties
      }
      data-depth={item.depth}
      data-index={position?.index}
      aria-setsize={position?.setSize}
      aria-posinset={position && position.index + 1}
    >
      <article id={`response-${item.id}`} tabIndex={-1} aria-labelledby={headingId}>
        <header className="thread-entry-head">
          <input
            type="checkbox"
            checked={selected}
            onChange={() => actions.toggleSelected(item.id)}
            aria-label={`Select the response by ${item.authorName}`}
          />
          <span id={headingId} className="author">
            {item.authorUrl && /^https?:\/\//i.test(item.authorUrl) ? (
              <a href={item.authorUrl} target="_blank" rel="noopener noreferrer">
                {item.authorName}
              </a>
            ) : (
              item.authorName
            )}
          </span>
          {item.isOwnReply && <span className="badge badge-own">Your reply</span>}
          {item.status !== 'read' && !(item.isOwnReply && item.status === 'replied') && (
            <span className={`badge badge-${item.status}`}>{item.status}</span>
          )}
          <time dateTime={item.receivedAt}>{formatReceived(item.receivedAt)}</time>
          {item.inReplyTo && (
            <span className="in-reply-to">
              in reply to{' '}
              <a
                href={`#response-${item.inReplyTo.id}`}
                onClick={(e) => {
                  e.preventDefault()
                  actions.focusResponse(item.inReplyTo!.id)
                }}
              >
                {item.inReplyTo.authorName}
              </a>
              {!item.inReplyTo.shown && ' (hidden)'}
            </span>
          )}
          <StarToggle starred={item.starred} onToggle={(next) => actions.setStarred(item.id, next)} />
        </header>
        {item.authorEmail && <p className="thread-entry-email">{item.authorEmail}</p>}
        <ResponseBody body={item.body} />
        <footer className="thread-entry-actions">
          <button type="button" onClick={() => actions.openForm(item.id, 'own')}>
            Reply
          </button>
          <button type="button" onClick={() => actions.openForm(item.id, 'reader')}>
            Add reader’s reply
          </button>
          {item.status === 'new' ? (
            <button type="button" onClick={() => actions.setStatus(item.id, 'read')}>
              Mark read
            </button>
          ) : (
            (item.status === 'read' || item.status === 'replied') &&
            !item.isOwnReply && (
              <button type="button" onClick={() => actions.setStatus(item.id, 'new')}>
                Mark unread
              </button>
            )
          )}
          <button
            type="button"
            onClick={() => actions.setStatus(item.id, item.status === 'hidden' ? 'read' : 'hidden')}
          >
            {item.status === 'hidden' ? 'Unhide' : 'Hide'}
          </button>
          {!item.isOwnReply && (
            <button
              type="button"
              onClick={() => actions.setStatus(item.id, item.status === 'spam' ? 'read' : 'spam')}
            >
              {item.status === 'spam' ? 'Not spam' : 'Spam'}
            </button>
          )}
          <button type="button" onClick={() => actions.openForm(item.id, 'edit')}>
            Edit
          </button>
        </footer>
        {form}
      </article>
    </li>
  )
})
