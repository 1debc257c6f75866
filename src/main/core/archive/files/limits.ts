/**
 * Limits every import obeys, so that hostile or broken input ends in one clear message and
 * bounded time and memory. Documented in docs/archive-format.md ("Limits").
 */
export interface ImportLimits {
  /** Largest file accepted at all (bytes). */
  maxFileBytes: number
  /** Most bytes all entries of one zip may inflate to, counted while inflating. */
  maxInflatedBytes: number
  /** Most an entry may inflate relative to its compressed size (zip bombs). */
  maxRatio: number
  /** Most entries a zip (or files a folder) may hold. */
  maxEntries: number
  /** Largest single text document read whole (one Markdown file, one JSON line). */
  maxDocumentBytes: number
}

export const GB = 1024 ** 3
export const MB = 1024 ** 2

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 2 * GB,
  maxInflatedBytes: 4 * GB,
  maxRatio: 200,
  maxEntries: 100_000,
  maxDocumentBytes: 64 * MB
}

/** "2 GB", "64 MB": sizes as the messages show them. */
export function formatBytes(bytes: number): string {
  if (bytes >= GB) return `${+(bytes / GB).toFixed(1)} GB`
  if (bytes >= MB) return `${+(bytes / MB).toFixed(1)} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} bytes`
}
