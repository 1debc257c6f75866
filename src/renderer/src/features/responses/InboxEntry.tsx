import { memo } from 'react'
import type { InboxItem } from '../../../../shared/contract/responses'
import { ResponseBody } from './ResponseBody'
import { formatReceived } from './format'
import { StarToggle } from './StarToggle'
import { ResponseForm } from './ResponseForm'

export interface InboxActions {
  toggleSelected(id: string): void
  openInThread(item: InboxItem): void
  setStatus(id: string, status: InboxItem['status']): void
  setStarred(id: string, starred: boolean): void
  /** Opens the critic's reply form under this response (null closes it). */
  setReplying(id: string | null): void
  /** The reply was added: the inbox refreshes and says so. */
  replied(item: InboxItem): void
}

interface InboxEntryProps {
  item: InboxItem
  selected: boolean
  /** The critic's reply form is open under this response. */
  replying: boolean
  /** The critic's name from Preferences, to sign the reply. */
  ownName: string
  actions: InboxActions
}

/** One response in the inbox, with the review it answers. */
export const InboxEntry = memo(function InboxEntry({
  item,
  selected,
  replying,
  ownName,
  actions
}: InboxEntryProps) {
  const headingId = `inbox-${item.id}-author`
  return (
    <li className={`inbox-entry status-${item.status}`}>
      <article aria-labelledby={headingId}>
        <header className="thread-entry-head">
          <input
            type="checkbox"
            checked={selected}
            onChange={() => actions.toggleSelected(item.id)}
            aria-label={`Select the response by ${item.authorName}`}
          />
          <span id={headingId} className="author">
            {item.authorName}
          </span>
          {item.isOwnReply && <span className="badge badge-own">Your reply</span>}
          {item.status !== 'read' && <span className={`badge badge-${item.status}`}>{item.status}</span>}
          <time dateTime={item.receivedAt}>{formatReceived(item.receivedAt)}</time>
          <StarToggle starred={item.starred} onToggle={(next) => actions.setStarred(item.id, next)} />
        </header>
        <p className="inbox-entry-where">
          on{' '}
          <button type="button" className="link-button" onClick={() => actions.openInThread(item)}>
            {item.reviewTitle || 'Untitled review'}
          </button>
          {item.workTitle && item.workTitle !== item.reviewTitle && (
            <span className="subtle"> ({item.workTitle})</span>
          )}
          {item.inReplyTo && <span className="subtle"> · in reply to {item.inReplyTo}</span>}
        </p>
        <ResponseBody body={item.body} />
        <footer className="thread-entry-actions">
          {!item.isOwnReply && (
            <button
              type="button"
              aria-expanded={replying}
              onClick={() => actions.setReplying(replying ? null : item.id)}
            >
              Reply
            </button>
          )}
          <button type="button" onClick={() => actions.openInThread(item)}>
            Open in thread
          </button>
          {item.status === 'new' ? (
            <button type="button" onClick={() => actions.setStatus(item.id, 'read')}>
              Mark read
            </button>
          ) : (
            <button type="button" onClick={() => actions.setStatus(item.id, 'new')}>
              Mark unread
            </button>
          )}
          {item.status !== 'hidden' && (
            <button type="button" onClick={() => actions.setStatus(item.id, 'hidden')}>
              Hide
            </button>
          )}
        </footer>
        {replying && (
          <ResponseForm
            reviewId={item.reviewId}
            mode="own"
            parent={{ id: item.id, authorName: item.authorName }}
            closed={false}
            ownName={ownName}
            onDone={() => actions.replied(item)}
            onCancel={() => actions.setReplying(null)}
          />
        )}
      </article>
    </li>
  )
})
