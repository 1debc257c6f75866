import type { z } from 'zod'
import {
  channels,
  CHANNEL_NAMES,
  type ChannelName,
  type ChannelParsed,
  type ChannelResult,
  type Result
} from '../../shared/contract'
import { JournalFailure, type CoreContext } from './context'

export type Handler<K extends ChannelName> = (
  input: ChannelParsed<K>,
  ctx: CoreContext
) => ChannelResult<K> | Promise<ChannelResult<K>>

export type HandlerMap = { [K in ChannelName]?: Handler<K> }

export type Dispatch = (channel: string, payload: unknown) => Promise<Result<unknown>>

/**
 * Joins the feature handler maps into one and checks it against the contract: every channel
 * has exactly one handler, and no handler answers a channel the contract does not name.
 */
export function registerHandlers(maps: HandlerMap[]): Required<HandlerMap> {
  const all: Record<string, unknown> = {}
  for (const map of maps) {
    for (const [name, handler] of Object.entries(map)) {
      if (!(name in channels)) throw new Error(`Handler for unknown channel "${name}"`)
      if (name in all) throw new Error(`Channel "${name}" has two handlers`)
      all[name] = handler
    }
  }
  const missing = CHANNEL_NAMES.filter((name) => !(name in all))
  if (missing.length) throw new Error(`Channels without a handler: ${missing.join(', ')}`)
  return all as Required<HandlerMap>
}

/**
 * The one entry point every host calls: validates the payload against the channel's schema,
 * runs the handler, and answers with data — never a throw — whatever happens.
 */
export function createDispatch(handlers: Required<HandlerMap>, ctx: CoreContext): Dispatch {
  return async (name, payload) => {
    if (typeof name !== 'string' || !Object.hasOwn(channels, name)) {
      return failure('UNKNOWN_CHANNEL', `There is no channel called "${String(name)}".`)
    }
    const channel = name as ChannelName
    const parsed = (channels[channel].input as z.ZodType).safeParse(payload ?? undefined)
    if (!parsed.success) return invalidInput(parsed.error)
    try {
      const run = handlers[channel] as Handler<ChannelName>
      const value = await run(parsed.data as never, ctx)
      return { ok: true, value }
    } catch (err) {
      if (err instanceof JournalFailure) {
        return { ok: false, error: { code: err.code, message: err.message, fields: err.fields } }
      }
      const sqliteCode = (err as { code?: string }).code ?? ''
      if (sqliteCode === 'SQLITE_CONSTRAINT_CHECK') {
        return failure('INVALID_INPUT', 'That value is not allowed here; nothing was saved.')
      }
      if (/^SQLITE_(BUSY|LOCKED|READONLY|CORRUPT|NOTADB|IOERR|FULL|CANTOPEN)/.test(sqliteCode)) {
        return failure('STORAGE_UNAVAILABLE', storageMessage(sqliteCode))
      }
      console.error(`[journal] ${channel} failed:`, err)
      return failure('INTERNAL', `Something went wrong in ${channel}; nothing was changed.`)
    }
  }
}

/** What a person should know when the journal file itself refused a write. */
function storageMessage(sqliteCode: string): string {
  if (sqliteCode.startsWith('SQLITE_READONLY')) {
    return 'The journal is open read-only (it may be damaged): nothing was changed. Restore a backup to keep writing.'
  }
  if (/^SQLITE_(BUSY|LOCKED)/.test(sqliteCode)) {
    return 'The journal is busy (an import or a restore is running): nothing was changed yet. Try again in a moment.'
  }
  if (sqliteCode.startsWith('SQLITE_FULL'))
    return 'The disk is full: nothing was changed. Free some space and try again.'
  return 'The journal file could not be written (it may be damaged or unreachable): nothing was changed.'
}

function failure(
  code: 'UNKNOWN_CHANNEL' | 'INTERNAL' | 'INVALID_INPUT' | 'STORAGE_UNAVAILABLE',
  message: string
) {
  return { ok: false as const, error: { code, message } }
}

function invalidInput(error: z.ZodError): Result<never> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_'
    fields[key] ??= issue.message
  }
  const first = error.issues[0]
  const where = first?.path.length ? `${first.path.join('.')}: ` : ''
  return {
    ok: false,
    error: { code: 'INVALID_INPUT', message: `${where}${first?.message ?? 'Invalid input'}`, fields }
  }
}
