import type { HandlerMap } from '../dispatch'
import { transaction } from '../db/connection'
import { listResponses } from './responses'
import { loadThread } from './thread'
import { addResponse, updateResponse } from './write'
import { markAllRead, setResponseStarred, setResponseStatus } from './status'
import { countUnread, listInbox } from './inbox'
import { deleteResponses, restoreResponses } from './remove'

// Every write below is announced from the change log once it commits (see core/stores).
export const responseHandlers: HandlerMap = {
  'responses.list': ({ reviewId }, { db }) => listResponses(db, reviewId),
  'responses.thread': ({ reviewId, showHidden, showSpam }, { db }) =>
    loadThread(db, reviewId, { showHidden, showSpam }),
  'responses.add': (input, { db }) => transaction(db, () => addResponse(db, input)),
  'responses.update': (input, { db }) => transaction(db, () => updateResponse(db, input)),
  'responses.setStatus': ({ ids, status }, { db }) =>
    transaction(db, () => setResponseStatus(db, ids, status)),
  'responses.setStarred': ({ ids, starred }, { db }) =>
    transaction(db, () => setResponseStarred(db, ids, starred)),
  'responses.delete': ({ ids }, { db }) => transaction(db, () => deleteResponses(db, ids)),
  'responses.restore': ({ responses, reparented }, { db }) =>
    transaction(db, () => restoreResponses(db, responses, reparented)),
  'responses.markAllRead': (_input, { db }) => transaction(db, () => markAllRead(db)),
  'responses.inbox': ({ filter, cursor, limit }, { db }) => listInbox(db, filter, limit, cursor),
  'responses.unreadCount': (_input, { db }) => ({ unread: countUnread(db) })
}
