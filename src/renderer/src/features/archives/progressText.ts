import type { TaskProgress } from '../../../../shared/contract'
import { sizeOf } from '../../ui/counts'

/**
 * How far an import or export got, in words: "120 of 5,000", or "3.4 MB of 48.0 MB" from a
 * reader that counts the bytes it read; "120 so far" with no total yet; "Starting…" before
 * anything is done.
 */
export function progressText(progress: TaskProgress | null): string {
  const total = progress?.total ?? null
  const done = progress?.done ?? 0
  const amount = (n: number) => (progress?.unit === 'bytes' ? sizeOf(n) : n.toLocaleString())
  if (total) return `${amount(done)} of ${amount(total)}`
  return done > 0 ? `${amount(done)} so far` : 'Starting…'
}
