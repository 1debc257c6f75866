import type { HandlerMap } from '../dispatch'
import { transaction } from '../db/connection'
import { createWork, listWorks, updateWork } from './works'
import { getWorkSummary, listCatalogue } from './catalogue'
import { findDuplicates } from './duplicates'
import { mergeWorks } from './merge'

export const workHandlers: HandlerMap = {
  'works.list': (_input, { db }) => listWorks(db),
  'works.create': (input, { db, emit }) => {
    const work = createWork(db, input)
    emit('data.changed', { kinds: ['works'] })
    return work
  },
  'works.get': ({ id }, { db }) => getWorkSummary(db, id),
  'works.update': ({ id, ...changes }, { db, emit }) => {
    const work = transaction(db, () => updateWork(db, id, changes))
    // A new title shows in screenings and reviews too.
    emit('data.changed', { kinds: ['works', 'screenings', 'reviews'] })
    return work
  },
  'works.catalogue': (_input, { db }) => listCatalogue(db),
  'works.duplicates': (_input, { db }) => findDuplicates(db),
  'works.merge': ({ keepId, mergeIds }, { db, emit }) => {
    const result = transaction(db, () => mergeWorks(db, keepId, mergeIds))
    emit('data.changed', { kinds: ['works', 'screenings', 'reviews'] })
    return result
  }
}
