/**
 * Sync on Yjs. Each record of the journal is a Yjs document kept beside its row (`docStore`,
 * migration 011), a review's holding its body in the shape Lexical's collaboration binding
 * reads and writes. `captureChanges` brings the documents up to the rows from the change log;
 * `applyUpdates` merges other devices' updates and writes the records back through the stores.
 * Transports only move `(document, update)` pairs: what `sync_outbox` holds out, what they
 * receive in.
 *
 * - Shared folder: `syncWithFolder` (one round: read and verify, capture + apply in one
 *   transaction, write this device's file).
 * - A Hocuspocus server: `syncWithServer(db, { url, token, timeoutMs? })`, the same round over
 *   one websocket (documents named `<journal>/<kind>/<id>`, the journal derived from the token;
 *   an index document tells which changed, see serverIndex.ts), resolving to the same
 *   `SyncReport` (its `files` count documents: read, pushed) or throwing a `SyncFailure`
 *   (`WRONG_TOKEN`, `SERVER_UNREACHABLE`, `SERVER_TIMED_OUT`) with the journal unchanged.
 *   `watchServer(db, options, onChange): Promise<ServerWatch>` resolves once connected (or
 *   throws as a round would), then stays connected, reconnecting by itself, and calls
 *   `onChange` whenever another device has pushed something this journal has not read yet (the
 *   app then runs `syncWithServer`, coalescing bursts); `close()` ends it.
 * - The app: a channel that runs a round through the dispatcher, so `data.changed` is announced
 *   from the rows apply wrote, as for any write.
 */
export { syncWithFolder, type FolderSyncOptions, type SyncReport } from './folderSync'
export { captureChanges, markCaptured, type KindCounts } from './capture'
export { applyUpdates, type DocUpdate, type ApplyResult } from './apply'
export { SyncFailure, type SyncFailureCode } from './errors'
export { loadYjs } from './yjs'
export { syncWithServer, type ServerSyncOptions } from './serverSync'
export { watchServer, type ServerWatch } from './serverWatch'
export { journalOfToken } from './serverNames'
