import { z } from 'zod'
import type { Db } from '../db/connection'
import { writeSetting } from '../stores/settings'
import { DEFAULT_SETTINGS, settingsPatchSchema, type Settings } from '../../../shared/contract/settings'

const SETTINGS_KEY = 'preferences'
const WINDOW_KEY = 'window.state'

/** Reads one JSON value from the settings table, or undefined when absent or unreadable. */
function readValue(db: Db, key: string): unknown {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined
  if (!row) return undefined
  try {
    return JSON.parse(row.value)
  } catch {
    return undefined
  }
}

/**
 * The critic's preferences, defaults filled in. A stored value that no longer validates (edited
 * by hand, or written by another version) falls back to its default instead of failing.
 */
export function readSettings(db: Db): Settings {
  const stored = readValue(db, SETTINGS_KEY)
  const settings: Settings = { ...DEFAULT_SETTINGS }
  if (stored && typeof stored === 'object') {
    for (const [key, value] of Object.entries(stored)) {
      const field = settingsPatchSchema.shape[key as keyof Settings]
      if (field && field.safeParse(value).success) Object.assign(settings, { [key]: value })
    }
  }
  return settings
}

/** Applies a validated patch and returns the full preferences. */
export function updateSettings(db: Db, patch: Partial<Settings>): Settings {
  const next = { ...readSettings(db), ...patch }
  writeSetting(db, SETTINGS_KEY, next)
  return next
}

const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(200).max(20000),
  height: z.number().int().min(200).max(20000),
  maximized: z.boolean().default(false),
  fullScreen: z.boolean().default(false)
})
export type WindowState = z.infer<typeof windowStateSchema>

/** Where the window was last time, or null on a first run or when the stored value is unusable. */
export function readWindowState(db: Db): WindowState | null {
  const parsed = windowStateSchema.safeParse(readValue(db, WINDOW_KEY))
  return parsed.success ? parsed.data : null
}

/** Remembers the window's size and position for the next launch. */
export function saveWindowState(db: Db, state: WindowState): void {
  const parsed = windowStateSchema.safeParse(state)
  if (parsed.success) writeSetting(db, WINDOW_KEY, parsed.data)
}
