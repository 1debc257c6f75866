import { benchJournal, call, measure } from '../harness'
import { seedScreenings } from '../generate'
import { seedStatsReviews } from './statsCorpus'

/**
 * Statistics over 20,000 screenings and 10,000 reviews: every aggregate the screen shows, for
 * all time and for one year, beside the baseline of merely reading the rows into JavaScript
 * (what charting in the renderer would have to start from).
 */
export async function statsBench(): Promise<void> {
  const core = await benchJournal()
  try {
    seedScreenings(core.db, 20_000, 2_000)
    seedStatsReviews(core.db, 10_000)
    await measure('stats.overview, all time (20,000 screenings, 10,000 reviews)', 30, () =>
      call(core, 'stats.overview', {})
    )
    await measure('stats.overview, one year', 30, () => call(core, 'stats.overview', { year: 2016 }))
    await measure('stats.year (year in review)', 30, () => call(core, 'stats.year', { year: 2016 }))
    await measure('  baseline: read every screening and review row', 30, () => {
      core.db.prepare('SELECT * FROM screenings WHERE deleted_at IS NULL').all()
      core.db
        .prepare(
          'SELECT id, work_id, rating, status, word_count, created_at FROM reviews WHERE deleted_at IS NULL'
        )
        .all()
    })
  } finally {
    core.done()
  }
}
