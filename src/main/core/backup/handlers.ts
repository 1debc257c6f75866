import type { HandlerMap } from '../dispatch'

export const backupHandlers: HandlerMap = {}
