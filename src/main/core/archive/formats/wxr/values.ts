import { idSchema } from '../../../../../shared/domain'

/** Our own id, when the file was written by this app and the value is a plausible id. */
export function ourId(value: string | undefined): string | null {
  // Most files are not ours: skip zod (and the cost of its error objects) when there is no value.
  if (value === undefined) return null
  const parsed = idSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}

/** `value` trimmed when it is one of `allowed`, else null. */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | null {
  const trimmed = value?.trim()
  return allowed.find((a) => a === trimmed) ?? null
}
