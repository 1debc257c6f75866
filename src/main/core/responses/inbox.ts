import type { Db } from '../db/connection'
import type { InboxFilter, InboxItem, InboxPage } from '../../../shared/contract/responses'
import { JournalFailure } from '../context'
import { toResponse, type DbResponse } from './responses'

interface DbInboxRow extends DbResponse {
  rid: number
  review_title: string
  work_title: string | null
  parent_author: string | null
}

const FILTERS: Record<InboxFilter, string> = {
  new: `x.status = 'new'`,
  starred: `x.starred = 1 AND x.status <> 'spam'`,
  all: `x.status <> 'spam'`
}

/** The index each filter walks, newest first (rowid rises within one received_at). */
const INDEXES: Record<InboxFilter, string> = {
  new: 'responses_inbox',
  starred: 'responses_starred',
  all: 'responses_received'
}

/** A page cursor is the last row's received date and rowid: stable while new rows arrive. */
function parseCursor(cursor: string): { receivedAt: string; rid: number } {
  const cut = cursor.lastIndexOf('|')
  const rid = Number(cursor.slice(cut + 1))
  if (cut < 1 || !Number.isSafeInteger(rid)) {
    throw new JournalFailure(
      'INVALID_INPUT',
      'That page of the inbox no longer exists; start again from the first page.'
    )
  }
  return { receivedAt: cursor.slice(0, cut), rid }
}

/**
 * One page of the inbox, newest first, each response with its review and whom it answers.
 * Responses of reviews in the trash are left out. Keyset paging walks the (status, received_at)
 * index, so the first page costs the same with ten responses or a hundred thousand.
 */
export function listInbox(db: Db, filter: InboxFilter, limit: number, cursor?: string): InboxPage {
  const after = cursor ? parseCursor(cursor) : null
  const rows = db
    .prepare(
      `SELECT x.*, r.title AS review_title, w.title AS work_title, p.author_name AS parent_author
       FROM responses x INDEXED BY ${INDEXES[filter]}
       JOIN reviews r ON r.id = x.review_id AND r.deleted_at IS NULL
       LEFT JOIN works w ON w.id = r.work_id
       LEFT JOIN responses p ON p.id = x.parent_id
       WHERE ${FILTERS[filter]}
         ${after ? 'AND (x.received_at < @receivedAt OR (x.received_at = @receivedAt AND x.rid > @rid))' : ''}
       ORDER BY x.received_at DESC, x.rid
       LIMIT @limit`
    )
    .all({ ...(after ?? {}), limit: limit + 1 }) as DbInboxRow[]
  const more = rows.length > limit
  const page = more ? rows.slice(0, limit) : rows
  const last = page[page.length - 1]
  const unread = countUnread(db)
  return {
    items: page.map(toInboxItem),
    nextCursor: more && last ? `${last.received_at}|${last.rid}` : null,
    total: filter === 'new' ? unread : countOnLiveReviews(db, FILTERS[filter]),
    unread
  }
}

function toInboxItem(row: DbInboxRow): InboxItem {
  return {
    ...toResponse(row),
    reviewTitle: row.review_title,
    workTitle: row.work_title,
    inReplyTo: row.parent_author
  }
}

/** New responses on live reviews: the count for the navigation badge. */
export function countUnread(db: Db): number {
  return countOnLiveReviews(db, FILTERS.new)
}

/**
 * Responses matching `condition` on reviews not in the trash: all of them less the few on
 * trashed reviews. CROSS JOIN keeps SQLite starting from those few reviews rather than
 * looking up the review of every response.
 */
function countOnLiveReviews(db: Db, condition: string): number {
  const row = db
    .prepare(
      `SELECT (SELECT count(*) FROM responses x WHERE ${condition})
            - (SELECT count(*) FROM reviews r CROSS JOIN responses x ON x.review_id = r.id
               WHERE r.deleted_at IS NOT NULL AND ${condition}) AS n`
    )
    .get() as { n: number }
  return row.n
}
