import { readSettings } from '../settings/settings'
import type { Db } from '../db/connection'
import type { ReaderResponse } from '../../../shared/domain'
import type { ResponseThread, ThreadItem } from '../../../shared/contract/responses'
import { notFound } from '../context'
import { toResponse, type DbResponse } from './responses'

export interface ThreadFilter {
  showHidden: boolean
  showSpam: boolean
}

/**
 * Places responses (given oldest first) in reading order: each followed by its replies, at any
 * depth. A response filtered out (hidden, spam) takes no place, but its replies stay: they move
 * up to the nearest shown ancestor and still name whom they answer. A reply whose parent is
 * missing, and any loop of parents an old archive might hold, is shown at the top level.
 */
export function arrangeThread(responses: ReaderResponse[], filter: ThreadFilter): ThreadItem[] {
  const byId = new Map(responses.map((r) => [r.id, r]))
  const isShown = (r: ReaderResponse) =>
    (r.status !== 'hidden' || filter.showHidden) && (r.status !== 'spam' || filter.showSpam)
  const children = new Map<string | null, ReaderResponse[]>()
  for (const r of responses) {
    const key = r.parentId !== null && byId.has(r.parentId) && r.parentId !== r.id ? r.parentId : null
    const siblings = children.get(key)
    if (siblings) siblings.push(r)
    else children.set(key, [r])
  }

  const items: ThreadItem[] = []
  const visited = new Set<string>()
  // Iterative depth-first walk: a thread thousands of replies deep must not exhaust the stack.
  const walk = (starts: ReaderResponse[]) => {
    const stack = starts.map((r) => ({ r, depth: 0 })).reverse()
    while (stack.length) {
      const { r, depth } = stack.pop()!
      if (visited.has(r.id)) continue
      visited.add(r.id)
      let childDepth = depth
      if (isShown(r)) {
        const parent = r.parentId ? byId.get(r.parentId) : undefined
        items.push({
          ...r,
          depth,
          inReplyTo: parent ? { id: parent.id, authorName: parent.authorName, shown: isShown(parent) } : null
        })
        childDepth = depth + 1
      }
      const replies = children.get(r.id) ?? []
      for (let i = replies.length - 1; i >= 0; i--) stack.push({ r: replies[i], depth: childDepth })
    }
  }
  walk(children.get(null) ?? [])
  for (const r of responses) if (!visited.has(r.id)) walk([r])
  return items
}

interface DbThreadReview {
  title: string
  responses_closed: number
  deleted_at: string | null
}

/** A review's responses as a thread, with counts for the filters and the critic's signing name. */
export function loadThread(db: Db, reviewId: string, filter: ThreadFilter): ResponseThread {
  const review = db
    .prepare('SELECT title, responses_closed, deleted_at FROM reviews WHERE id = ?')
    .get(reviewId) as DbThreadReview | undefined
  if (!review) throw notFound('review', reviewId)
  const rows = db
    .prepare('SELECT * FROM responses WHERE review_id = ? ORDER BY received_at, rid')
    .all(reviewId) as DbResponse[]
  const responses = rows.map(toResponse)
  const counts = { total: responses.length, new: 0, hidden: 0, spam: 0 }
  for (const r of responses) {
    if (r.status === 'new' || r.status === 'hidden' || r.status === 'spam') counts[r.status]++
  }
  return {
    reviewId,
    reviewTitle: review.title,
    responsesClosed: review.responses_closed === 1,
    items: arrangeThread(responses, filter),
    counts,
    ownName: ownSigningName(db)
  }
}

/**
 * The name the critic's next reply is signed with: their name from Preferences, else the name on
 * their latest own reply, else blank (the form then asks for it rather than signing "You").
 */
export function ownSigningName(db: Db): string {
  const name = readSettings(db).criticName
  if (name) return name
  const row = db
    .prepare('SELECT author_name FROM responses WHERE is_own_reply = 1 ORDER BY rid DESC LIMIT 1')
    .get() as { author_name: string } | undefined
  return row?.author_name ?? ''
}
