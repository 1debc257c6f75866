import type { Db } from '../../src/main/core/db/connection'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'
import type { TestJournal } from '../support/journal'

/** The text of a review as paragraphs, as the editor would hold them. */
export const paragraphs = (...texts: string[]) => plainTextToLexical(texts.join('\n\n'))

/**
 * Everything two synced journals must agree on, table by table, without what is local to a file
 * (row numbers) or to a way of writing JSON (a body compares as data, not as text).
 */
export function journalContents(db: Db): Record<string, unknown[]> {
  const rows = (sql: string) => db.prepare(sql).all() as Record<string, unknown>[]
  const strip = (row: Record<string, unknown>) => {
    const { rid: _rid, ...rest } = row
    if (typeof rest.body === 'string' && rest.body.startsWith('{')) rest.body = JSON.parse(rest.body)
    return rest
  }
  return {
    works: rows('SELECT * FROM works ORDER BY id').map(strip),
    reviews: rows('SELECT * FROM reviews ORDER BY id').map(strip),
    // As read: a snapshot may share its review's text in one journal and hold a copy in another.
    revisions: rows('SELECT * FROM review_revision_texts ORDER BY id').map(strip),
    screenings: rows('SELECT * FROM screenings ORDER BY id').map(strip),
    responses: rows('SELECT * FROM responses ORDER BY id').map(strip),
    reviewTags: rows(
      'SELECT l.review_id, t.name FROM review_tags l JOIN tags t ON t.id = l.tag_id ORDER BY 1, 2'
    ),
    screeningTags: rows(
      'SELECT l.screening_id, t.name FROM screening_tags l JOIN tags t ON t.id = l.tag_id ORDER BY 1, 2'
    ),
    settings: rows("SELECT * FROM settings WHERE key <> 'window.state' ORDER BY key")
  }
}

/** What the app shows of the journal: the lists and every review's text. */
export async function shownContents(journal: TestJournal): Promise<unknown> {
  const reviews = await journal.call('reviews.list', {})
  const texts = []
  for (const item of reviews) {
    const detail = await journal.call('reviews.get', { id: item.id })
    texts.push({ id: detail.id, title: detail.title, text: detail.text, tags: detail.tags })
  }
  return { reviews: texts, works: await journal.call('works.list', {}) }
}

export const changeLogEnd = (db: Db) =>
  db.prepare('SELECT coalesce(max(seq), 0) FROM change_log').pluck().get() as number

/**
 * The same offline work on two journals that both hold `reviewId` and `screeningId`: both edit
 * the review (different paragraphs, and the same one), each adds a review of its own, B deletes
 * the screening for good and A adds a response. Answers the two new reviews.
 */
export async function editOfflineOnBoth(
  a: TestJournal,
  b: TestJournal,
  reviewId: string,
  screeningId: string
): Promise<{ onlyA: { id: string }; onlyB: { id: string } }> {
  await a.call('reviews.save', {
    id: reviewId,
    body: paragraphs(
      'The room grants wishes, they say.',
      'Three men walk through the grass.',
      'The black dog follows them home.'
    )
  })
  await b.call('reviews.save', {
    id: reviewId,
    title: 'The Zone, again',
    body: paragraphs(
      'The room grants wishes.',
      'Three tired men walk through the wet grass.',
      'The dog follows them home at last.'
    )
  })
  const onlyA = await a.call('reviews.create', { title: 'Solaris' })
  const onlyB = await b.call('reviews.create', { title: 'Mirror' })
  await b.call('screenings.delete', { id: screeningId })
  await b.call('screenings.purge', { id: screeningId })
  await a.call('responses.add', {
    reviewId,
    parentId: null,
    authorName: 'Bo',
    body: 'The dog!',
    isOwnReply: false
  })
  return { onlyA, onlyB }
}
