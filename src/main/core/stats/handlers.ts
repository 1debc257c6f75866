import type { HandlerMap } from '../dispatch'
import { statsOverview } from './overview'
import { yearInReview } from './yearInReview'

export const statsHandlers: HandlerMap = {
  'stats.overview': ({ year }, { db }) => statsOverview(db, { year: year ?? null }),
  'stats.year': ({ year }, { db }) => yearInReview(db, year)
}
