import type { HandlerMap } from '../dispatch'
import { JournalFailure } from '../context'
import { forgetSyncTarget, saveAutomatic, saveSyncTarget } from './sessionConfig'
import { syncSession } from './session'

/** Preferences ▸ Sync and the join flow: where to sync, a round now, the status, stop syncing. */
export const syncHandlers: HandlerMap = {
  'sync.status': (_input, ctx) => syncSession(ctx).status(),

  'sync.configure': (input, ctx) => {
    const session = syncSession(ctx)
    if (input.target) saveSyncTarget(ctx.db, input.target)
    if (input.automatic !== undefined) saveAutomatic(ctx.db, input.automatic)
    session.follow()
    return session.publish()
  },

  'sync.now': (_input, ctx) => syncSession(ctx).syncNow(),

  'sync.forget': (_input, ctx) => {
    const session = syncSession(ctx)
    forgetSyncTarget(ctx.db)
    session.follow()
    return session.publish()
  },

  'sync.chooseFolder': async (_input, { host }) => {
    if (!host.pickOpenPath)
      throw new JournalFailure(
        'INVALID_INPUT',
        'This host has no folder dialog; type the folder’s path instead.'
      )
    return host.pickOpenPath({ title: 'Choose the folder to sync through', filters: [], directory: true })
  }
}
