import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect } from '@playwright/test'
import { ShellApp } from './harness/app'
import { electronModule } from './harness/electron'
import { OUT_DIR } from './harness/launch'
import { NotModelledError } from './harness/strict'

function bundleFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.c?js$/.test(name))
    .map((name) => readFileSync(join(folder, name), 'utf8'))
}

/** Every `electron.X` and `electron.X.Y` the built code reads. */
function electronUses(sources: string[]): { modules: Set<string>; members: Set<string> } {
  const modules = new Set<string>()
  const members = new Set<string>()
  for (const source of sources) {
    for (const [, name, member] of source.matchAll(/\belectron\.(\w+)(?:\.(\w+))?/g)) {
      modules.add(name)
      if (member) members.add(`${name}.${member}`)
    }
  }
  return { modules, members }
}

const standIn = () =>
  electronModule(
    new ShellApp({
      userData: '/nonexistent',
      argv: [],
      appPath: '/',
      version: '0',
      systemTheme: 'light',
      workArea: { x: 0, y: 0, width: 1, height: 1 }
    })
  )

test('every electron API the built shell uses is modelled by the harness', () => {
  const { modules, members } = electronUses(bundleFiles(join(OUT_DIR, 'main')))
  expect(modules.size).toBeGreaterThan(5)
  const electron = standIn()
  for (const name of modules) expect(name in electron, `electron.${name}`).toBe(true)
  for (const member of members) {
    const [name, key] = member.split('.')
    const owner = electron[name] as object
    // Classes (BrowserWindow) are checked member by member as the shell calls them, by strict().
    if (typeof owner === 'function') continue
    expect(key in owner, `electron.${member}`).toBe(true)
  }
})

test('the preload uses only what the page-side stand-in gives it', () => {
  const { modules } = electronUses(bundleFiles(join(OUT_DIR, 'preload')))
  expect([...modules].sort()).toEqual(['contextBridge', 'ipcRenderer'])
})

test('an electron API the harness does not model fails loudly', () => {
  const electron = standIn()
  expect(() => electron.clipboard).toThrow(NotModelledError)
  const app = electron.app as Record<string, unknown>
  expect(() => app.setBadgeCount).toThrow(/does not model app\.setBadgeCount/)
  expect(() => (electron.app as { getPath(name: string): string }).getPath('music')).toThrow(NotModelledError)
})
