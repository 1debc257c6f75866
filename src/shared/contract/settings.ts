import { z } from 'zod'
import { channel } from './define'

export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]

/** The critic's preferences, stored in the journal's `settings` table. */
export interface Settings {
  /** 'system' follows the operating system's light or dark appearance. */
  theme: Theme
  /** Rolling backups kept before the oldest are removed. */
  backupsToKeep: number
  /** Take a backup once a day while the app runs. */
  dailyBackups: boolean
  /** Underline misspelled words in the editor (dictionaries ship with the app). */
  spellcheck: boolean
  /** The critic's name: signs their own replies and is the author of exported reviews. Blank: not set. */
  criticName: string
  /** Where reviews usually appear ("Sight and Sound", "my blog"): the publish form starts with it. */
  defaultOutlet: string
}

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  backupsToKeep: 10,
  dailyBackups: true,
  spellcheck: true,
  criticName: '',
  defaultOutlet: ''
}

export const settingsPatchSchema = z
  .object({
    theme: z.enum(THEMES, 'Theme is system, light or dark'),
    backupsToKeep: z
      .number('Enter a number of backups')
      .int('Enter a whole number of backups')
      .min(1, 'Keep at least one backup')
      .max(100, 'Keep at most 100 backups'),
    dailyBackups: z.boolean(),
    spellcheck: z.boolean(),
    criticName: z.string('Enter your name').trim().max(200, 'A name can be at most 200 characters'),
    defaultOutlet: z.string('Enter an outlet').trim().max(200, 'An outlet can be at most 200 characters')
  })
  .partial()
  .strict()

const none = z.object({}).strict().optional()

export const settingsChannels = {
  'settings.get': channel<typeof none, Settings>(none),
  'settings.update': channel<typeof settingsPatchSchema, Settings>(settingsPatchSchema)
}
