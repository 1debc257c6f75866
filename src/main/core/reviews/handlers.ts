import type { HandlerMap } from '../dispatch'
import { transaction } from '../db/connection'
import { createReview, getReview, listReviews, saveReview } from './reviews'

export const reviewHandlers: HandlerMap = {
  'reviews.list': ({ scope }, { db }) => listReviews(db, scope),
  'reviews.get': ({ id }, { db }) => getReview(db, id),
  // No data.changed for a create or a save: the renderer that made it updates its own store,
  // and a list reload per pause in typing would be wasted work.
  'reviews.create': (input, { db }) => transaction(db, () => createReview(db, input)),
  'reviews.save': (input, { db }) => transaction(db, () => saveReview(db, input))
}
