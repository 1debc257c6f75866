import type { HandlerMap } from '../dispatch'
import { readSettings, updateSettings } from './settings'

export const settingsHandlers: HandlerMap = {
  'settings.get': (_input, { db }) => readSettings(db),
  'settings.update': (patch, { db, emit }) => {
    const settings = updateSettings(db, patch)
    emit('data.changed', { kinds: ['settings'] })
    return settings
  }
}
