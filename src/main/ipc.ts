import { ipcMain, type BrowserWindow } from 'electron'
import type { Dispatch } from './core'
import { isTrustedSender } from './security'

import { IPC_INVOKE } from '../shared/bridge'

/**
 * Binds the core's dispatcher to one IPC channel. Messages from any frame but the app's own
 * main frame are refused before the payload is even looked at.
 */
export function bindIpc(dispatch: Dispatch, getWindow: () => BrowserWindow | null): void {
  ipcMain.handle(IPC_INVOKE, async (event, channel: unknown, payload: unknown) => {
    const window = getWindow()
    if (!window || !isTrustedSender(event.senderFrame, window.webContents.mainFrame)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'This sender may not use the journal.' } }
    }
    return dispatch(String(channel), payload)
  })
}
