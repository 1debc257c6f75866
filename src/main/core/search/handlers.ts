import type { HandlerMap } from '../dispatch'
import { runSearch, searchFacets } from './search'

export const searchHandlers: HandlerMap = {
  'search.query': (input, { db }) => runSearch(db, input),
  'search.facets': (_input, { db }) => searchFacets(db)
}
