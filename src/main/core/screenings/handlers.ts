import type { HandlerMap } from '../dispatch'
import { transaction } from '../db/connection'
import { getScreening, listScreenings } from './screenings'
import { diaryFacets, diaryIndex, diaryPage, filteredScreenings } from './diary'
import {
  logScreening,
  purgeScreening,
  restoreScreening,
  rewatchHint,
  trashScreening,
  updateScreening
} from './record'
import { linkScreening, screeningsForReview, startReview } from './links'
import { filmHistory } from './film'

// Every write below is announced from the change log once it commits (see core/stores).
export const screeningHandlers: HandlerMap = {
  'screenings.list': ({ scope, ...filter }, { db }) =>
    scope === 'trash' ? listScreenings(db, 'trash') : filteredScreenings(db, filter),
  'screenings.diaryIndex': (filter, { db }) => diaryIndex(db, filter),
  'screenings.diaryPage': ({ filter, offset, limit }, { db }) => diaryPage(db, filter, offset, limit),
  'screenings.facets': (_input, { db }) => diaryFacets(db),
  'screenings.get': ({ id }, { db }) => getScreening(db, id),
  'screenings.log': (fields, { db }) => transaction(db, () => logScreening(db, fields)).entry,
  'screenings.update': ({ id, ...fields }, { db }) =>
    transaction(db, () => updateScreening(db, id, fields)).entry,
  'screenings.delete': ({ id }, { db }) => {
    transaction(db, () => trashScreening(db, id))
    return { id }
  },
  'screenings.restore': ({ id }, { db }) => transaction(db, () => restoreScreening(db, id)),
  'screenings.purge': ({ id }, { db }) => {
    transaction(db, () => purgeScreening(db, id))
    return { id }
  },
  'screenings.rewatchHint': ({ workId, watchedOn, excludeId }, { db }) =>
    rewatchHint(db, workId, watchedOn, excludeId),
  'screenings.startReview': ({ id }, { db }) => transaction(db, () => startReview(db, id)),
  'screenings.link': ({ id, reviewId }, { db }) => transaction(db, () => linkScreening(db, id, reviewId)),
  'screenings.forReview': ({ reviewId }, { db }) => screeningsForReview(db, reviewId),
  'screenings.film': ({ workId }, { db }) => filmHistory(db, workId)
}
