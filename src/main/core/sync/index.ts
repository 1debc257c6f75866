/**
 * Sync on Yjs: the records and review bodies of the journal as Yjs documents kept beside its
 * rows (`docStore`), brought up to the rows by `captureChanges`, merged with other devices'
 * updates and written back through the stores by `applyUpdates`. Transports only move updates:
 * `syncWithFolder` through a shared folder; a server transport sends the same outbox and hands
 * what it receives to the same `applyUpdates`.
 */
export { syncWithFolder, type FolderSyncOptions, type SyncReport } from './folderSync'
export { captureChanges, markCaptured, type KindCounts } from './capture'
export { applyUpdates, type DocUpdate, type ApplyResult } from './apply'
export { SyncFailure, type SyncFailureCode } from './errors'
export { loadYjs } from './yjs'
