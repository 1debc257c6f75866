import type { MenuItemConstructorOptions } from 'electron'
import type { AppCommand } from '../shared/contract'

export interface MenuOptions {
  platform: NodeJS.Platform
  appName: string
  send(command: AppCommand): void
  showAbout(): void
}

/**
 * The application menu. Items that the renderer also answers from the keyboard show their
 * shortcut without registering it (`registerAccelerator: false`), so one key press never acts
 * twice; editing, zoom and full screen use Electron's own roles.
 */
export function menuTemplate({
  platform,
  appName,
  send,
  showAbout
}: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  const command = (label: string, payload: AppCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    registerAccelerator: accelerator ? false : undefined,
    click: () => send(payload)
  })
  const preferences = command(mac ? 'Settings…' : 'Preferences…', { command: 'preferences' }, 'CmdOrCtrl+,')
  const about: MenuItemConstructorOptions = { label: `About ${appName}`, click: showAbout }

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: appName,
          submenu: [
            about,
            { type: 'separator' },
            preferences,
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' }
          ]
        }
      ]
    : []
  return [
    ...appMenu,
    {
      label: '&File',
      submenu: [
        command('New Review', { command: 'new-review' }, 'CmdOrCtrl+N'),
        command('Log Screening…', { command: 'log-screening' }, 'CmdOrCtrl+L'),
        { type: 'separator' },
        command('Import…', { command: 'import' }, 'CmdOrCtrl+O'),
        command('Export…', { command: 'export' }, 'CmdOrCtrl+Shift+E'),
        // The renderer's Ctrl+7 (the Backups screen's place in the sidebar).
        command('Backups…', { command: 'backups' }, 'CmdOrCtrl+7'),
        ...(mac
          ? []
          : [
              { type: 'separator' } as const,
              preferences,
              { type: 'separator' } as const,
              { role: 'quit' } as const
            ]),
        ...(mac ? [{ type: 'separator' } as const, { role: 'close' } as const] : [])
      ]
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'selectAll' },
        { type: 'separator' },
        command('Search the Journal…', { command: 'search' }, 'CmdOrCtrl+K')
      ]
    },
    {
      label: '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' }
      ]
    },
    { role: 'windowMenu' },
    ...(mac ? [] : [{ label: '&Help', submenu: [about] }])
  ]
}

/** The plain-words text of the About box: name, version, and where the journal lives. */
export function aboutText(
  appName: string,
  version: string,
  dataDir: string
): { message: string; detail: string } {
  return {
    message: `${appName} ${version}`,
    detail: `An offline journal for film critics.\nElectron ${process.versions.electron ?? 'n/a'} · Chromium ${process.versions.chrome ?? 'n/a'} · Node ${process.versions.node}\nYour journal: ${dataDir}`
  }
}
