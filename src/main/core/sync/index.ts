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
 * - A server (Hocuspocus) would be a second transport over the same pairs: documents named as
 *   here (`reviews/<id>`), the outbox sent on connect and marked sent per document, each
 *   update received handed to `applyUpdates` in a transaction after a capture. An open review
 *   can bind the app's editor to the very document this module keeps, for live editing.
 * - The app: a channel that runs a round through the dispatcher, so `data.changed` is announced
 *   from the rows apply wrote, as for any write.
 */
export { syncWithFolder, type FolderSyncOptions, type SyncReport } from './folderSync'
export { captureChanges, markCaptured, type KindCounts } from './capture'
export { applyUpdates, type DocUpdate, type ApplyResult } from './apply'
export { SyncFailure, type SyncFailureCode } from './errors'
export { loadYjs } from './yjs'
