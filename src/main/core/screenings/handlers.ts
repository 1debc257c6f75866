import type { HandlerMap } from '../dispatch'
import type { DataKind } from '../../../shared/domain'
import { transaction } from '../db/connection'
import { getScreening, listScreenings } from './screenings'
import { diaryFacets, diaryIndex, diaryPage, filteredScreenings } from './diary'
import { logScreening, purgeScreening, restoreScreening, rewatchHint, trashScreening, updateScreening } from './record'
import { linkScreening, screeningsForReview, startReview } from './links'
import { filmHistory } from './film'

const changed = (createdWork: boolean): DataKind[] =>
  createdWork ? ['screenings', 'tags', 'works'] : ['screenings', 'tags']

export const screeningHandlers: HandlerMap = {
  'screenings.list': ({ scope, ...filter }, { db }) =>
    scope === 'trash' ? listScreenings(db, 'trash') : filteredScreenings(db, filter),
  'screenings.diaryIndex': (filter, { db }) => diaryIndex(db, filter),
  'screenings.diaryPage': ({ filter, offset, limit }, { db }) => diaryPage(db, filter, offset, limit),
  'screenings.facets': (_input, { db }) => diaryFacets(db),
  'screenings.get': ({ id }, { db }) => getScreening(db, id),
  'screenings.log': (fields, { db, emit }) => {
    const { entry, createdWork } = transaction(db, () => logScreening(db, fields))
    emit('data.changed', { kinds: changed(createdWork) })
    return entry
  },
  'screenings.update': ({ id, ...fields }, { db, emit }) => {
    const { entry, createdWork } = transaction(db, () => updateScreening(db, id, fields))
    emit('data.changed', { kinds: changed(createdWork) })
    return entry
  },
  'screenings.delete': ({ id }, { db, emit }) => {
    transaction(db, () => trashScreening(db, id))
    emit('data.changed', { kinds: ['screenings'] })
    return { id }
  },
  'screenings.restore': ({ id }, { db, emit }) => {
    const entry = transaction(db, () => restoreScreening(db, id))
    emit('data.changed', { kinds: ['screenings'] })
    return entry
  },
  'screenings.purge': ({ id }, { db, emit }) => {
    transaction(db, () => purgeScreening(db, id))
    emit('data.changed', { kinds: ['screenings'] })
    return { id }
  },
  'screenings.rewatchHint': ({ workId, watchedOn, excludeId }, { db }) => rewatchHint(db, workId, watchedOn, excludeId),
  'screenings.startReview': ({ id }, { db, emit }) => {
    const result = transaction(db, () => startReview(db, id))
    if (result.created) emit('data.changed', { kinds: ['reviews', 'screenings'] })
    return result
  },
  'screenings.link': ({ id, reviewId }, { db, emit }) => {
    const entry = transaction(db, () => linkScreening(db, id, reviewId))
    emit('data.changed', { kinds: ['screenings'] })
    return entry
  },
  'screenings.forReview': ({ reviewId }, { db }) => screeningsForReview(db, reviewId),
  'screenings.film': ({ workId }, { db }) => filmHistory(db, workId)
}
