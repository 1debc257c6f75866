import { afterAll, describe, expect, it, vi } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createElectronMock } from './electron-mock'

const electron = createElectronMock()
vi.mock('electron', () => electron.module)

const dataDir = mkdtempSync(join(tmpdir(), 'rj-main-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))
electron.app.getPath.mockReturnValue(dataDir)

const { IPC_INVOKE, IPC_EVENT } = await import('../../src/shared/bridge')

/** Imports the main module once (as Electron would) and returns its window and IPC entry. */
async function startApp() {
  await import('../../src/main/index')
  await vi.waitFor(() => expect(electron.windows).toHaveLength(1))
  const window = electron.windows[0]
  const invoke = (channel: string, payload?: unknown) =>
    electron.handlers.get(IPC_INVOKE)!(
      { senderFrame: window.webContents.mainFrame },
      channel,
      payload
    ) as Promise<{ ok: boolean; value?: unknown }>
  return { window, invoke }
}

describe('the desktop app’s main process', () => {
  it('opens the journal, builds the menu, applies preferences and follows their changes', async () => {
    const { window, invoke } = await startApp()
    expect(electron.module.Menu.setApplicationMenu).toHaveBeenCalled()
    expect(electron.module.nativeTheme.themeSource).toBe('system')
    expect(window.options).toMatchObject({ width: 1200, height: 800 })
    expect(await invoke('app.info')).toMatchObject({ ok: true, value: { version: '9.9.9', dataDir } })

    await invoke('settings.update', { theme: 'dark', spellcheck: false })
    expect(electron.module.nativeTheme.themeSource).toBe('dark')
    expect(electron.session.setSpellCheckerEnabled).toHaveBeenLastCalledWith(false)
    // The settings change also reaches the renderer, so other screens can follow it.
    expect(window.webContents.send).toHaveBeenCalledWith(IPC_EVENT, 'data.changed', { kinds: ['settings'] })
  })

  it('takes the day’s backup at start', async () => {
    const { invoke } = await startApp()
    await vi.waitFor(async () => {
      const list = (await invoke('backup.list')).value as { backups: { reason: string }[] }
      expect(list.backups.map((b) => b.reason)).toContain('daily')
    })
  })

  it('focuses the running window on a second launch and offers the archive it was given', async () => {
    const { window } = await startApp()
    writeFileSync(join(dataDir, 'shared.rjarchive'), 'zip')
    window.webContents.fire('did-finish-load')
    electron.app.fire('second-instance', ['review-journal', 'shared.rjarchive'], dataDir)
    expect(window.focus).toHaveBeenCalled()
    const command = window.webContents.send.mock.calls.find(
      ([, name, payload]) => name === 'app.command' && (payload as { command: string }).command === 'import'
    )
    expect(command?.[2]).toEqual({
      command: 'import',
      file: { fileId: expect.any(String), name: 'shared.rjarchive' }
    })
  })
  it('asks the renderer to flush before the window closes, and remembers where the window was', async () => {
    const { window, invoke } = await startApp()
    window.bounds = { x: 44, y: 55, width: 1111, height: 777 }
    window.close()
    expect(window.isDestroyed()).toBe(false)
    const [, , flush] = window.webContents.send.mock.calls.find(
      ([, name, payload]) => name === 'app.command' && (payload as { command: string }).command === 'flush'
    )!
    await invoke('app.flushed', { requestId: (flush as { requestId: string }).requestId })
    await vi.waitFor(() => expect(window.isDestroyed()).toBe(true))
    const { readWindowState } = await import('../../src/main/core/settings/settings')
    const { openJournal } = await import('../../src/main/core/db/connection')
    const db = await openJournal(dataDir)
    expect(readWindowState(db)).toMatchObject({ x: 44, y: 55, width: 1111, height: 777 })
    db.close()
  })
})
