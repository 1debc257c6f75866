import { registerHandlers } from './dispatch'
import { appHandlers } from './app/handlers'
import { reviewHandlers } from './reviews/handlers'
import { workHandlers } from './works/handlers'
import { screeningHandlers } from './screenings/handlers'
import { responseHandlers } from './responses/handlers'

/** Every channel of the contract, answered by the feature that owns it. */
export const handlers = registerHandlers([
  appHandlers,
  reviewHandlers,
  workHandlers,
  screeningHandlers,
  responseHandlers
])
