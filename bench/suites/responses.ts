import { benchJournal, call, measure, report } from '../harness'
import { prose, rng } from '../generate'
import type { Db } from '../../src/main/core/db/connection'

const STATUSES = ['new', 'read', 'replied', 'hidden', 'spam'] as const

/**
 * Writes `count` responses to one review straight into the table: about a third at the top
 * level, the rest answering an earlier response (so threads run several levels deep).
 */
function seedThread(
  db: Db,
  reviewId: string,
  count: number,
  random: () => number,
  prefix: string,
  start = Date.UTC(2014, 0, 1)
): void {
  const insert = db.prepare(
    `INSERT INTO responses (id, review_id, parent_id, author_name, body, received_at, status, is_own_reply, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const ids: string[] = []
  for (let n = 0; n < count; n++) {
    const id = `${prefix}-${n}`
    const parent = n > 0 && random() > 0.33 ? ids[Math.floor(random() * ids.length)] : null
    const at = new Date(start + n * 60_000).toISOString()
    const own = parent !== null && random() < 0.15
    const status = own ? 'read' : STATUSES[Math.floor(random() * random() * STATUSES.length)]
    insert.run(
      id,
      reviewId,
      parent,
      own ? 'You' : `Reader ${n % 97}`,
      prose(40, random),
      at,
      status,
      own ? 1 : 0,
      at,
      at
    )
    ids.push(id)
  }
}

/** A 2,000-response thread and an inbox over 100,000 responses, against raw SELECT baselines. */
export async function responsesBench(): Promise<void> {
  const journal = await benchJournal()
  const random = rng(5)
  const review = await call(journal, 'reviews.create', { title: 'A much-discussed review' })
  journal.db.transaction(() => seedThread(journal.db, review.id, 2000, random, 't'))()

  await measure('core: load a 2,000-response thread (responses.thread)', 50, async () => {
    const thread = await call(journal, 'responses.thread', {
      reviewId: review.id,
      showHidden: true,
      showSpam: true
    })
    if (thread.items.length !== 2000) throw new Error('thread incomplete')
  })
  const rawThread = journal.db.prepare(
    'SELECT * FROM responses WHERE review_id = ? ORDER BY received_at, rid'
  )
  await measure('baseline: raw SELECT of the same 2,000 rows', 50, () => rawThread.all(review.id))

  await measure('core: add a response by hand (responses.add, durable)', 100, async () => {
    await call(journal, 'responses.add', { reviewId: review.id, authorName: 'Bench', body: 'A short reply.' })
  })

  const started = performance.now()
  const reviews = journal.db.prepare(
    `INSERT INTO reviews (id, title, body, body_text, created_at, updated_at) VALUES (?, ?, '{"root":{"type":"root","children":[]}}', '', ?, ?)`
  )
  journal.db.transaction(() => {
    for (let r = 0; r < 500; r++) {
      const at = new Date(Date.UTC(2015, 0, 1) + r * 86_400_000).toISOString()
      reviews.run(`rv-${r}`, `Review ${r}`, at, at)
      seedThread(journal.db, `rv-${r}`, 196, random, `x${r}`, Date.UTC(2015, 0, 1) + r * 7_000_000)
    }
  })()
  const total = (journal.db.prepare('SELECT count(*) AS n FROM responses').get() as { n: number }).n
  report(
    `seeded ${total.toLocaleString()} responses on 501 reviews`,
    `${((performance.now() - started) / 1000).toFixed(1)} s`
  )

  await measure('core: inbox first page, 50 new of 100,000 (responses.inbox)', 50, async () => {
    const page = await call(journal, 'responses.inbox', { filter: 'new', limit: 50 })
    if (page.items.length !== 50) throw new Error('inbox page short')
  })
  const rawInbox = journal.db.prepare(
    `SELECT * FROM responses WHERE status = 'new' ORDER BY received_at DESC LIMIT 50`
  )
  await measure('baseline: raw SELECT of the newest 50 new rows', 50, () => rawInbox.all())
  await measure('core: inbox first page, all filter (received_at index)', 20, async () => {
    await call(journal, 'responses.inbox', { filter: 'all', limit: 50 })
  })
  const first = await call(journal, 'responses.inbox', { filter: 'new', limit: 50 })
  await measure('core: inbox second page by cursor', 50, async () => {
    await call(journal, 'responses.inbox', { filter: 'new', limit: 50, cursor: first.nextCursor! })
  })
  await measure('core: unread count for the badge (responses.unreadCount)', 50, async () => {
    await call(journal, 'responses.unreadCount')
  })
  const rawCount = journal.db.prepare(`SELECT count(*) FROM responses WHERE status = 'new'`)
  await measure('baseline: raw count of new rows', 50, () => rawCount.get())
  journal.done()
}
