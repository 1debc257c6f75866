import type { HandlerMap } from '../dispatch'
import { readSettings, updateSettings } from './settings'

export const settingsHandlers: HandlerMap = {
  'settings.get': (_input, { db }) => readSettings(db),
  // Announced from the change log once it commits (see core/stores).
  'settings.update': (patch, { db }) => updateSettings(db, patch)
}
