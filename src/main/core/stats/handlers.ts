import type { HandlerMap } from '../dispatch'

export const statsHandlers: HandlerMap = {}
