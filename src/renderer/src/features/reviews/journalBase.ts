import type { EditableReview } from '../../../../shared/contract/reviews'
import type { ReviewDetail } from '../../../../shared/domain'

/** The details an open review follows when another writer (a sync round) changes them. */
const FOLLOWED = [
  'title',
  'workId',
  'rating',
  'tags',
  'hasSpoilers',
  'responsesClosed',
  'standfirst',
  'targetWords',
  'status',
  'outlet',
  'publishedUrl',
  'publishedAt',
  'password'
] as const satisfies readonly (keyof ReviewDetail)[]
type Followed = Pick<ReviewDetail, (typeof FOLLOWED)[number]>

/**
 * What the open editor last knew to be in the journal: loaded, saved by it, or followed. A body
 * save sends `version` as its base, so text landed by another writer since is never saved over
 * unseen; the follower compares the stored review with this to tell another writer's change from
 * the editor's own. `saves` counts the editor's own writes, so a read that a save overtook is
 * thrown away rather than shown. Details are compared with what the journal last answered, not
 * with what the editor sent (the journal trims and orders some), so the first read after the
 * editor's own saves (`saves` ≠ `readAfter`) takes the details as they are stored without showing.
 * `writing` counts the editor's own writes outside the save queue still under way: a read while
 * one is may see it half done, or see it before its answer has been taken in.
 */
export interface JournalBase {
  version: string | undefined
  bodyJson: string
  fields: Followed
  saves: number
  readAfter: number
  writing: number
}

function followedOf(review: ReviewDetail): Followed {
  return Object.fromEntries(FOLLOWED.map((k) => [k, review[k]])) as unknown as Followed
}

/** The base of a review as loaded (a review just created has no version yet). */
export function baseOf(review: ReviewDetail & { bodyVersion?: string }): JournalBase {
  const fields = followedOf(review)
  return {
    version: review.bodyVersion,
    bodyJson: JSON.stringify(review.body),
    fields,
    saves: 0,
    readAfter: 0,
    writing: 0
  }
}

/** Takes what the editor's own save wrote; the body's version only when it sent a body. */
export function noteSaved(base: JournalBase, bodyJson: string | undefined, bodyVersion: string): void {
  base.saves++
  if (bodyJson === undefined) return
  base.version = bodyVersion
  base.bodyJson = bodyJson
}

/**
 * Runs a write of the editor's own outside the save queue (a status change): until it is done and
 * its answer taken in, what a read of the journal sees is not another writer's change.
 */
export async function ownWrite<T>(base: JournalBase, write: () => Promise<T>): Promise<T> {
  base.writing++
  try {
    return await write()
  } finally {
    base.writing--
    base.saves++
  }
}

/** Takes a whole review the editor now shows from elsewhere (a restore) as its base. */
export function noteShown(base: JournalBase, review: ReviewDetail & { bodyVersion?: string }): void {
  base.saves++
  base.fields = followedOf(review)
  base.version = review.bodyVersion
  base.bodyJson = JSON.stringify(review.body)
}

/**
 * Compares a stored review with the base and takes it as the new base: what differs is another
 * writer's change for the editor to show (details only when no own save came since the last read).
 */
export function followStored(
  base: JournalBase,
  stored: EditableReview
): { body: boolean; title: boolean; details: boolean } {
  const fields = followedOf(stored)
  const bodyJson = JSON.stringify(stored.body)
  const ownSince = base.saves !== base.readAfter
  const changed = (k: keyof Followed) => JSON.stringify(fields[k]) !== JSON.stringify(base.fields[k])
  const result = {
    body: stored.bodyVersion !== base.version && bodyJson !== base.bodyJson,
    title: !ownSince && changed('title'),
    details: !ownSince && FOLLOWED.some((k) => k !== 'title' && changed(k))
  }
  Object.assign(base, { version: stored.bodyVersion, bodyJson, fields, readAfter: base.saves })
  return result
}
