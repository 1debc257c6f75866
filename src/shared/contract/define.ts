import type { z } from 'zod'

/** A channel: the zod schema its input must satisfy and (as a phantom) the type it resolves to. */
export interface Channel<I extends z.ZodType = z.ZodType, R = unknown> {
  input: I
  result: R
}

/** Declares a channel. `result` exists only for the type checker; it is never read at run time. */
export function channel<I extends z.ZodType, R>(input: I): Channel<I, R> {
  return { input, result: undefined as R }
}

export type ChannelMap = Record<string, Channel>

/** Error codes the renderer can act on. */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNKNOWN_CHANNEL'
  | 'FORBIDDEN'
  | 'STORAGE_UNAVAILABLE'
  | 'IMPORT_FAILED'
  | 'EXPORT_FAILED'
  | 'CANCELLED'
  | 'INTERNAL'

export interface JournalError {
  code: ErrorCode
  message: string
  /** Per-field messages for forms, keyed by the input's field path ("rating", "work.title"). */
  fields?: Record<string, string>
}

/** Every channel answers with this envelope: errors cross the bridge as data, never as throws. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: JournalError }
