import type { HandlerMap } from '../dispatch'
import { listResponses } from './responses'

export const responseHandlers: HandlerMap = {
  'responses.list': ({ reviewId }, { db }) => listResponses(db, reviewId)
}
