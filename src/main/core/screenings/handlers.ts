import type { HandlerMap } from '../dispatch'
import { listScreenings } from './screenings'

export const screeningHandlers: HandlerMap = {
  'screenings.list': (_input, { db }) => listScreenings(db)
}
