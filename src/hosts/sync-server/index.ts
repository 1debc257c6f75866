/** The sync server as a library: tests and benches start it in-process. */
export {
  journalOfToken,
  startSyncServer,
  SyncServerFailure,
  type SyncServerOptions,
  type RunningSyncServer
} from './server'
