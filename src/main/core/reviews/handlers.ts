import type { HandlerMap } from '../dispatch'
import { transaction } from '../db/connection'
import { createReview, getReviewForEditing, listReviews, saveReview } from './reviews'
import { checkpointRevision, diffRevision, getRevision, listRevisions } from './revisions'
import { now } from '../ids'
import { restoreRevision } from './restore'
import { setReviewStatus } from './status'
import { deleteReviewForever, emptyTrash, restoreReview, trashReview } from './trash'

export const reviewHandlers: HandlerMap = {
  'reviews.list': ({ scope, limit }, { db }) => listReviews(db, scope, limit),
  'reviews.get': ({ id }, { db }) => getReviewForEditing(db, id),
  // Every write below is announced from the change log once it commits (see core/stores).
  'reviews.create': (input, { db }) => transaction(db, () => createReview(db, input)),
  'reviews.save': (input, { db }) => transaction(db, () => saveReview(db, input)),
  'reviews.setStatus': (input, { db }) => transaction(db, () => setReviewStatus(db, input)),
  'reviews.checkpoint': ({ id }, { db }) => ({
    written: transaction(db, () => checkpointRevision(db, id, now()))
  }),
  'reviews.revisions': ({ id }, { db }) => listRevisions(db, id),
  'reviews.revision': ({ revisionId }, { db }) => getRevision(db, revisionId),
  'reviews.revisionDiff': ({ revisionId }, { db }) => diffRevision(db, revisionId),
  'reviews.restoreRevision': ({ revisionId }, { db }) =>
    transaction(db, () => restoreRevision(db, revisionId)),
  'reviews.trash': ({ id }, { db }) => transaction(db, () => trashReview(db, id)),
  'reviews.restore': ({ id }, { db }) => transaction(db, () => restoreReview(db, id)),
  // Deleting for good takes the review's reader responses and screening links with it.
  'reviews.deleteForever': ({ id }, { db }) => transaction(db, () => deleteReviewForever(db, id)),
  'reviews.emptyTrash': (_input, { db }) => transaction(db, () => emptyTrash(db))
}
