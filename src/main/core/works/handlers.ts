import type { HandlerMap } from '../dispatch'
import { createWork, listWorks } from './works'

export const workHandlers: HandlerMap = {
  'works.list': (_input, { db }) => listWorks(db),
  'works.create': (input, { db, emit }) => {
    const work = createWork(db, input)
    emit('data.changed', { kinds: ['works'] })
    return work
  }
}
