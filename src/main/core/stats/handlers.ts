import type { HandlerMap } from '../dispatch'
import { cachedStatement, type Db } from '../db/connection'
import type { StatsOverview } from '../../../shared/contract/stats'
import { statsOverview } from './overview'
import { yearInReview } from './yearInReview'

/**
 * What the journal's file has seen change: every write made on this connection (through the
 * stores or not) and, through `data_version`, every commit another connection made (an import's
 * worker). Equal keys mean the same rows, so the same figures.
 */
function journalVersion(db: Db): string {
  const changes = cachedStatement(db, 'SELECT total_changes()').pluck().get() as number
  return `${changes}:${db.pragma('data_version', { simple: true }) as number}`
}

/** The last overview counted per journal, kept while the journal stays as it was. */
const counted = new WeakMap<Db, { version: string; year: number | null; overview: StatsOverview }>()

/**
 * The overview, counted again only when the journal changed (or another period is asked for):
 * coming back to Statistics costs nothing, while counting 10,000 reviews takes ~50 ms of SQL.
 */
function overviewOf(db: Db, year: number | null): StatsOverview {
  const version = journalVersion(db)
  const last = counted.get(db)
  if (last && last.version === version && last.year === year) return last.overview
  const overview = statsOverview(db, { year })
  counted.set(db, { version, year, overview })
  return overview
}

export const statsHandlers: HandlerMap = {
  'stats.overview': ({ year }, { db }) => overviewOf(db, year ?? null),
  'stats.year': ({ year }, { db }) => yearInReview(db, year)
}
