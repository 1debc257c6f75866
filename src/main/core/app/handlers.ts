import type { HandlerMap } from '../dispatch'
import { transaction } from '../db/connection'
import { checkIntegrity } from './integrity'
import { hasSample, loadSample, removeSample } from './sample'

export const appHandlers: HandlerMap = {
  'app.info': (_input, { db, dataDir, version }) => {
    const any = db
      .prepare(
        'SELECT 1 FROM reviews UNION ALL SELECT 1 FROM screenings UNION ALL SELECT 1 FROM works LIMIT 1'
      )
      .get()
    return { version, dataDir, isEmpty: !any, hasSample: hasSample(db) }
  },
  'app.check': (_input, { db }) => checkIntegrity(db),
  // Both are announced from the change log once they commit (see core/stores).
  'sample.load': (_input, { db }) => transaction(db, () => loadSample(db)),
  'sample.remove': (_input, { db }) => ({ removed: transaction(db, () => removeSample(db)) })
}
