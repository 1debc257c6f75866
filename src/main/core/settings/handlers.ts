import type { HandlerMap } from '../dispatch'

export const settingsHandlers: HandlerMap = {}
