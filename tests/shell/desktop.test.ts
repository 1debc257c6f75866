import { describe, expect, it, vi } from 'vitest'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { aboutText, menuTemplate } from '../../src/main/menu'
import { restoredBounds } from '../../src/main/windowState'
import { archivePathsFromArgv, OpenedFiles } from '../../src/main/openFiles'
import { configureOfflineSpellcheck, seedDictionaries } from '../../src/main/spellcheck'
import type { AppCommand } from '../../src/shared/contract'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rj-shell-'))
  dirs.push(dir)
  return dir
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])])
}

describe('the application menu', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`offers every action with its shortcut on ${platform}`, () => {
      const sent: AppCommand[] = []
      const showAbout = vi.fn()
      const all = items(
        menuTemplate({ platform, appName: 'Review Journal', send: (c) => sent.push(c), showAbout })
      )
      const byLabel = (label: string) => all.find((i) => i.label === label)!
      const expected: [string, AppCommand['command'], string | undefined][] = [
        ['New Review', 'new-review', 'CmdOrCtrl+N'],
        ['Log Screening…', 'log-screening', 'CmdOrCtrl+L'],
        ['Import…', 'import', 'CmdOrCtrl+O'],
        ['Export…', 'export', 'CmdOrCtrl+Shift+E'],
        ['Search the Journal…', 'search', 'CmdOrCtrl+K'],
        [platform === 'darwin' ? 'Settings…' : 'Preferences…', 'preferences', 'CmdOrCtrl+,'],
        ['Backups…', 'backups', 'CmdOrCtrl+7']
      ]
      for (const [label, command, accelerator] of expected) {
        const item = byLabel(label)
        expect(item.accelerator).toBe(accelerator)
        // The renderer answers these keys itself; the menu only shows them, so nothing runs twice.
        if (accelerator) expect(item.registerAccelerator).toBe(false)
        ;(item.click as () => void)()
        expect(sent.at(-1)).toEqual({ command })
      }
      const roles = all.map((i) => i.role).filter(Boolean)
      for (const role of [
        'undo',
        'redo',
        'cut',
        'copy',
        'paste',
        'selectAll',
        'zoomIn',
        'zoomOut',
        'resetZoom',
        'togglefullscreen',
        'quit'
      ]) {
        expect(roles).toContain(role)
      }
      ;(byLabel('About Review Journal').click as () => void)()
      expect(showAbout).toHaveBeenCalled()
    })
  }

  it('says which version is running and where the journal lives', () => {
    const about = aboutText('Review Journal', '1.2.3', '/home/critic/journal')
    expect(about.message).toBe('Review Journal 1.2.3')
    expect(about.detail).toContain('/home/critic/journal')
  })
})

describe('remembering the window', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }]
  it('opens where it was when that place is on a screen', () => {
    expect(
      restoredBounds({ x: 100, y: 50, width: 1300, height: 900, maximized: false, fullScreen: false }, screen)
    ).toEqual({ x: 100, y: 50, width: 1300, height: 900 })
  })
  it('centres the saved size when its screen was unplugged, and never opens larger than a screen', () => {
    expect(
      restoredBounds(
        { x: 3000, y: 50, width: 1300, height: 900, maximized: false, fullScreen: false },
        screen
      )
    ).toEqual({ width: 1300, height: 900 })
    expect(
      restoredBounds({ x: 0, y: 0, width: 5000, height: 4000, maximized: false, fullScreen: false }, screen)
    ).toEqual({ x: 0, y: 0, width: 1920, height: 1080 })
  })
  it('uses the default size on a first run', () => {
    expect(restoredBounds(null, screen)).toEqual({ width: 1200, height: 800 })
  })
})

describe('archives opened from the desktop', () => {
  it('takes only existing .rjarchive files from a command line', () => {
    const dir = temp()
    writeFileSync(join(dir, 'mine.rjarchive'), 'x')
    writeFileSync(join(dir, 'other.zip'), 'x')
    mkdirSync(join(dir, 'folder.rjarchive'))
    const argv = [
      '/opt/Review Journal/review-journal',
      '--flag',
      'mine.rjarchive',
      'other.zip',
      'missing.rjarchive',
      'folder.rjarchive'
    ]
    expect(archivePathsFromArgv(argv, dir)).toEqual([join(dir, 'mine.rjarchive')])
  })
  it('keeps files opened before the window is ready, then hands each over once', () => {
    const opened = new OpenedFiles()
    opened.add('/a.rjarchive')
    const deliver = vi.fn()
    opened.ready(deliver)
    opened.add('/b.rjarchive')
    expect(deliver.mock.calls).toEqual([['/a.rjarchive'], ['/b.rjarchive']])
  })
})

describe('offline spellcheck', () => {
  it('copies the bundled dictionaries where Chromium looks and never points it at the network', () => {
    const bundled = temp()
    const userData = temp()
    writeFileSync(join(bundled, 'en-US-10-1.bdic'), 'dictionary')
    writeFileSync(join(bundled, 'fr-FR-3-0.bdic'), 'dictionnaire')
    writeFileSync(join(bundled, 'README'), 'not a dictionary')
    const session = {
      setSpellCheckerDictionaryDownloadURL: vi.fn(),
      setSpellCheckerLanguages: vi.fn(),
      setSpellCheckerEnabled: vi.fn(),
      on: vi.fn()
    }
    const languages = configureOfflineSpellcheck(session as never, {
      bundledDir: bundled,
      userDataDir: userData,
      enabled: true,
      preferred: ['fr-FR', 'de-DE']
    })
    expect(languages.sort()).toEqual(['en-US', 'fr-FR'])
    expect(readdirSync(join(userData, 'Dictionaries')).sort()).toEqual(['en-US-10-1.bdic', 'fr-FR-3-0.bdic'])
    const url = session.setSpellCheckerDictionaryDownloadURL.mock.calls[0][0] as string
    expect(url).toMatch(/^app:\/\/journal\//)
    if (process.platform !== 'darwin')
      expect(session.setSpellCheckerLanguages).toHaveBeenCalledWith(['fr-FR'])
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(true)
  })
  it('falls back to a loopback address, never the network, if the app’s own scheme is refused', () => {
    const session = {
      setSpellCheckerDictionaryDownloadURL: vi.fn((url: string) => {
        if (url.startsWith('app:')) throw new Error('not a valid URL')
      }),
      setSpellCheckerLanguages: vi.fn(),
      setSpellCheckerEnabled: vi.fn(),
      on: vi.fn()
    }
    configureOfflineSpellcheck(session as never, {
      bundledDir: temp(),
      userDataDir: temp(),
      enabled: false,
      preferred: []
    })
    expect(session.setSpellCheckerDictionaryDownloadURL).toHaveBeenLastCalledWith('http://127.0.0.1:9/')
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false)
  })

  it('copes with no bundled dictionaries at all', () => {
    expect(seedDictionaries(join(temp(), 'missing'), join(temp(), 'Dictionaries'))).toEqual([])
  })
})
