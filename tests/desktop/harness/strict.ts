import { EventEmitter } from 'node:events'

/** Thrown when the shell uses a part of Electron the harness does not model. */
export class NotModelledError extends Error {
  constructor(what: string) {
    super(
      `The shell harness does not model ${what}. Model it in tests/desktop/harness (see docs/shell-harness.md) before the shell relies on it.`
    )
  }
}

/**
 * Wraps a stand-in so that reading any member it does not define throws: a shell that starts
 * using an unmodelled API fails loudly instead of getting `undefined` and passing by accident.
 */
export function strict<T extends object>(target: T, name: string): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === 'symbol' || key in object) return Reflect.get(object, key, receiver)
      // Promise resolution and inspection probe these; they are not the shell's calls.
      if (key === 'then' || key === 'toJSON' || key === 'asymmetricMatch' || key === '$$typeof')
        return undefined
      throw new NotModelledError(`${name}.${key}`)
    }
  })
}

/** What Electron passes to a preventable event's listeners. */
export interface PreventableEvent {
  defaultPrevented: boolean
  preventDefault(): void
  [key: string]: unknown
}

export function preventableEvent(fields: Record<string, unknown> = {}): PreventableEvent {
  const event: PreventableEvent = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true
    }
  }
  return event
}

/** Electron's emitters call listeners with an event object first; this fires one and says whether it was prevented. */
export class ElectronEmitter extends EventEmitter {
  fire(name: string, ...args: unknown[]): PreventableEvent {
    const event = preventableEvent()
    this.emit(name, event, ...args)
    return event
  }
}
