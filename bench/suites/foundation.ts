import { benchJournal, call, measure } from '../harness'
import { proseDoc, rng } from '../generate'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'

/** Saving a 20,000-word review and listing 10,000 reviews, against a raw insert baseline. */
export async function foundationBench(): Promise<void> {
  const journal = await benchJournal()
  const random = rng(1)
  const big = await call(journal, 'reviews.create', { title: 'Long read' })
  const docs = [proseDoc(20_000, random), proseDoc(20_000, random)]
  let i = 0
  await measure('core: save a 20,000-word review (durable, FULL sync)', 50, async () => {
    await call(journal, 'reviews.save', { id: big.id, body: docs[i++ % 2] })
  })
  const bodyJson = JSON.stringify(docs[0])
  const raw = journal.db.prepare('UPDATE reviews SET body = ?, updated_at = ? WHERE id = ?')
  await measure('baseline: raw UPDATE of the same body JSON', 50, () =>
    raw.run(bodyJson, String(i++), big.id)
  )

  const insert = journal.db.prepare(
    `INSERT INTO reviews (id, title, body, body_text, word_count, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`
  )
  const small = plainTextToLexical('A short review body of a dozen words or so, enough to list.')
  journal.db.transaction(() => {
    for (let n = 0; n < 10_000; n++) {
      const at = new Date(Date.UTC(2020, 0, 1) + n * 60_000).toISOString()
      insert.run(`bench-${n}`, `Review ${n}`, JSON.stringify(small), 'A short review body', 4, at, at)
    }
  })()
  await measure('core: list 10,000 reviews (reviews.list)', 20, async () => {
    const reviews = await call(journal, 'reviews.list', {})
    if (reviews.length < 10_000) throw new Error('list failed')
  })
  const rawList = journal.db.prepare(
    'SELECT id, title, updated_at FROM reviews WHERE deleted_at IS NULL ORDER BY updated_at DESC'
  )
  await measure('baseline: raw SELECT of 10,000 review rows', 20, () => rawList.all())
  journal.done()
}
