import type { LexicalDoc } from '../../../../shared/domain'

/** What a recovery copy holds: the changes not yet confirmed saved when it was written. */
export interface RecoveryCopy {
  title?: string
  body?: LexicalDoc
  at: number
}

const key = (reviewId: string) => `review-journal:recovery:${reviewId}`

/**
 * Keeps unsaved text in the browser's local storage (written synchronously, so it survives the
 * page closing or the host going away before the save arrives). Cleared once the save lands.
 */
export function writeRecoveryCopy(reviewId: string, copy: Omit<RecoveryCopy, 'at'>): void {
  if (copy.title === undefined && copy.body === undefined) return
  try {
    localStorage.setItem(key(reviewId), JSON.stringify({ ...copy, at: Date.now() }))
  } catch {
    // Storage full or unavailable: the save queue still holds the text.
  }
}

export function readRecoveryCopy(reviewId: string): RecoveryCopy | null {
  try {
    const raw = localStorage.getItem(key(reviewId))
    return raw ? (JSON.parse(raw) as RecoveryCopy) : null
  } catch {
    return null
  }
}

export function clearRecoveryCopy(reviewId: string): void {
  try {
    localStorage.removeItem(key(reviewId))
  } catch {
    // Nothing to clear.
  }
}
