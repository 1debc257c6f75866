import { openJournal, type Db, type OpenOptions } from './db/connection'
import { createDispatch, type Dispatch } from './dispatch'
import { handlers } from './handlers'
import type { EventName, JournalEvents } from '../../shared/contract'
import type { HostCapabilities } from './context'

export { StorageUnavailableError } from './db/errors'
export { defaultDataDir } from './paths'

export interface Core {
  db: Db
  dataDir: string
  dispatch: Dispatch
  close(): void
}

export interface CoreOptions extends OpenOptions {
  dataDir: string
  version: string
  emit?: <E extends EventName>(event: E, payload: JournalEvents[E]) => void
  host?: HostCapabilities
}

/** Opens the journal and returns the one dispatcher every host (Electron, web, CLI) calls. */
export async function openCore(options: CoreOptions): Promise<Core> {
  const db = await openJournal(options.dataDir, options)
  const dispatch = createDispatch(handlers, {
    db,
    dataDir: options.dataDir,
    version: options.version,
    host: options.host ?? {},
    nativeBinding: options.nativeBinding,
    emit: options.emit ?? (() => {})
  })
  return { db, dataDir: options.dataDir, dispatch, close: () => db.close() }
}
