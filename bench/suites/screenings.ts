import { benchJournal, call, measure } from '../harness'
import { seedScreenings } from '../generate'

/** The diary's reads on 20,000 screenings, each beside a raw SELECT of the same rows. */
export async function screeningsBench(): Promise<void> {
  const journal = await benchJournal()
  seedScreenings(journal.db)

  await measure('core: diary index, 20,000 screenings (count per month)', 50, () =>
    call(journal, 'screenings.diaryIndex', {})
  )
  const rawMonths = journal.db.prepare(
    'SELECT substr(watched_on, 1, 7) AS m, count(*) FROM screenings WHERE deleted_at IS NULL GROUP BY m ORDER BY m DESC'
  )
  await measure('baseline: raw GROUP BY month', 50, () => rawMonths.all())

  await measure('core: diary first page (100 rows, with films and tags)', 50, () =>
    call(journal, 'screenings.diaryPage', { offset: 0, limit: 100 })
  )
  await measure('core: diary last page (offset 19,900)', 50, () =>
    call(journal, 'screenings.diaryPage', { offset: 19_900, limit: 100 })
  )
  const rawPage = journal.db.prepare(
    `SELECT s.*, w.title FROM screenings s JOIN works w ON w.id = s.work_id WHERE s.deleted_at IS NULL
     ORDER BY s.watched_on DESC LIMIT 100 OFFSET ?`
  )
  await measure('baseline: raw SELECT of a 100-row page at offset 19,900', 50, () => rawPage.all(19_900))

  const filter = { year: 2015, format: 'cinema' as const, tag: 'noir' }
  await measure('core: filtered diary (year + format + tag): index and first page', 50, async () => {
    await call(journal, 'screenings.diaryIndex', filter)
    await call(journal, 'screenings.diaryPage', { filter, offset: 0, limit: 100 })
  })

  await measure('core: list all 20,000 screenings (screenings.list, the CLI)', 10, async () => {
    const all = await call(journal, 'screenings.list', {})
    if (all.length !== 20_000) throw new Error('list failed')
  })
  const rawAll = journal.db.prepare(
    'SELECT * FROM screenings WHERE deleted_at IS NULL ORDER BY watched_on DESC'
  )
  await measure('baseline: raw SELECT of 20,000 screening rows', 10, () => rawAll.all())

  const workId = 'bench-work-42'
  await measure('core: one film page (screenings.film)', 50, () =>
    call(journal, 'screenings.film', { workId })
  )
  await measure('core: rewatch hint for one film', 50, () =>
    call(journal, 'screenings.rewatchHint', { workId, watchedOn: '2026-01-01' })
  )
  journal.done()
}
