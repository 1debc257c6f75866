import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { createJournalApi, IPC_EVENT, IPC_INVOKE } from '../shared/bridge'

/**
 * Exposes exactly the contract's channels as `window.journal` — never `ipcRenderer` itself.
 * Events arrive on one IPC channel and are handed only to listeners of that event name.
 */
const journal = createJournalApi(
  (channel, input) => ipcRenderer.invoke(IPC_INVOKE, channel, input),
  (event, listener) => {
    const relay = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload as never)
    }
    ipcRenderer.on(IPC_EVENT, relay)
    return () => ipcRenderer.removeListener(IPC_EVENT, relay)
  }
)

contextBridge.exposeInMainWorld('journal', journal)
