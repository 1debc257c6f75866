import type { HandlerMap } from '../dispatch'
import type { CoreContext } from '../context'
import type { DataKind } from '../../../shared/domain'
import { transaction } from '../db/connection'
import { createReview, getReview, listReviews, saveReview } from './reviews'
import { checkpointRevision, diffRevision, getRevision, listRevisions } from './revisions'
import { now } from '../ids'
import { restoreRevision } from './restore'
import { setReviewStatus } from './status'
import { deleteReviewForever, emptyTrash, restoreReview, trashReview } from './trash'

const ALL_LINKED: DataKind[] = ['reviews', 'responses', 'screenings', 'tags']
const TEXT_FIELDS = new Set(['id', 'title', 'body'])

/** Runs `fn` in a transaction, then tells every screen that reviews changed. */
function changing<T>(ctx: CoreContext, fn: () => T, kinds: DataKind[] = ['reviews']): T {
  const result = transaction(ctx.db, fn)
  ctx.emit('data.changed', { kinds })
  return result
}

export const reviewHandlers: HandlerMap = {
  'reviews.list': ({ scope }, { db }) => listReviews(db, scope),
  'reviews.get': ({ id }, { db }) => getReview(db, id),
  // No data.changed for a create or a text save: the renderer that made it updates its own
  // store, and a list reload per pause in typing would be wasted work. A save of details alone
  // (a rating, "responses closed" from the responses screen) does tell the other screens.
  'reviews.create': (input, { db }) => transaction(db, () => createReview(db, input)),
  'reviews.save': (input, ctx) => {
    const textOnly = Object.keys(input).every((k) => TEXT_FIELDS.has(k))
    return textOnly ? transaction(ctx.db, () => saveReview(ctx.db, input)) : changing(ctx, () => saveReview(ctx.db, input))
  },
  'reviews.setStatus': (input, ctx) => changing(ctx, () => setReviewStatus(ctx.db, input)),
  // History only: no list shows it, so no data.changed.
  'reviews.checkpoint': ({ id }, { db }) => ({ written: transaction(db, () => checkpointRevision(db, id, now())) }),
  'reviews.revisions': ({ id }, { db }) => listRevisions(db, id),
  'reviews.revision': ({ revisionId }, { db }) => getRevision(db, revisionId),
  'reviews.revisionDiff': ({ revisionId }, { db }) => diffRevision(db, revisionId),
  'reviews.restoreRevision': ({ revisionId }, ctx) => changing(ctx, () => restoreRevision(ctx.db, revisionId)),
  'reviews.trash': ({ id }, ctx) => changing(ctx, () => trashReview(ctx.db, id)),
  'reviews.restore': ({ id }, ctx) => changing(ctx, () => restoreReview(ctx.db, id)),
  // Deleting for good takes the review's reader responses and screening links with it.
  'reviews.deleteForever': ({ id }, ctx) => changing(ctx, () => deleteReviewForever(ctx.db, id), ALL_LINKED),
  'reviews.emptyTrash': (_input, ctx) => changing(ctx, () => emptyTrash(ctx.db), ALL_LINKED)
}
