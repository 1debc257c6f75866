import type { HandlerMap } from '../dispatch'

export const archiveHandlers: HandlerMap = {}
