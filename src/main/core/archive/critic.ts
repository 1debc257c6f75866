import type { Db } from '../db/connection'
import { readSettings } from '../settings/settings'

/** The critic as Preferences name them: their name signs own replies, their e-mail finds them in imports. */
export interface CriticIdentity {
  name: string | null
  email: string | null
}

/**
 * The critic's name and e-mail from Preferences, each null until set. Read by field name, so
 * that a journal whose Preferences do not have them yet simply has none.
 */
export function criticIdentity(db: Db): CriticIdentity {
  const settings = readSettings(db) as unknown as Record<string, unknown>
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null)
  return { name: text(settings.criticName), email: text(settings.criticEmail) }
}
