import type { HandlerMap } from '../dispatch'
import { transaction } from '../db/connection'
import { createWork, listWorks, updateWork } from './works'
import { getWorkSummary, listCatalogue } from './catalogue'
import { findDuplicates } from './duplicates'
import { mergeWorks } from './merge'

export const workHandlers: HandlerMap = {
  'works.list': (_input, { db }) => listWorks(db),
  // Every write below is announced from the change log once it commits (see core/stores).
  'works.create': (input, { db }) => createWork(db, input),
  'works.get': ({ id }, { db }) => getWorkSummary(db, id),
  'works.update': ({ id, ...changes }, { db }) => transaction(db, () => updateWork(db, id, changes)),
  'works.catalogue': (_input, { db }) => listCatalogue(db),
  'works.duplicates': (_input, { db }) => findDuplicates(db),
  'works.merge': ({ keepId, mergeIds }, { db }) => transaction(db, () => mergeWorks(db, keepId, mergeIds))
}
