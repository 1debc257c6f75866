import type { HandlerMap } from '../dispatch'

export const searchHandlers: HandlerMap = {}
