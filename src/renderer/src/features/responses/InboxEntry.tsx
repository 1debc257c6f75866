import { memo } from 'react'
import type { InboxItem } from '../../../../shared/contract/responses'
import { ResponseBody } from './ResponseBody'
import { formatReceived } from './format'
import { StarToggle } from './StarToggle'

export interface InboxActions {
  toggleSelected(id: string): void
  openInThread(item: InboxItem): void
  setStatus(id: string, status: InboxItem['status']): void
  setStarred(id: string, starred: boolean): void
}

interface InboxEntryProps {
  item: InboxItem
  selected: boolean
  actions: InboxActions
}

/** One response in the inbox, with the review it answers. */
export const InboxEntry = memo(function InboxEntry({ item, selected, actions }: InboxEntryProps) {
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
          {item.workTitle && item.workTitle !== item.reviewTitle && <span className="subtle"> ({item.workTitle})</span>}
          {item.inReplyTo && <span className="subtle"> · in reply to {item.inReplyTo}</span>}
        </p>
        <ResponseBody body={item.body} />
        <footer className="thread-entry-actions">
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
      </article>
    </li>
  )
})
