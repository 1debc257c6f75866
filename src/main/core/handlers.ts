import { registerHandlers } from './dispatch'
import { appHandlers } from './app/handlers'
import { reviewHandlers } from './reviews/handlers'
import { workHandlers } from './works/handlers'
import { screeningHandlers } from './screenings/handlers'
import { responseHandlers } from './responses/handlers'
import { archiveHandlers } from './archive/handlers'
import { searchHandlers } from './search/handlers'
import { statsHandlers } from './stats/handlers'
import { backupHandlers } from './backup/handlers'
import { settingsHandlers } from './settings/handlers'
import { syncHandlers } from './sync/handlers'

/** Every channel of the contract, answered by the feature that owns it. */
export const handlers = registerHandlers([
  appHandlers,
  reviewHandlers,
  workHandlers,
  screeningHandlers,
  responseHandlers,
  archiveHandlers,
  searchHandlers,
  statsHandlers,
  backupHandlers,
  settingsHandlers,
  syncHandlers
])
