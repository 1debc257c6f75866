import { parse } from 'yaml'
import { REVIEW_STATUSES, type ReviewStatus } from '../../../../../shared/domain'
import type { WorkRef } from '../../records'

export interface SplitDocument {
  front: Record<string, unknown>
  body: string
}

/**
 * Splits a Markdown file into its YAML front matter (between `---` lines at the very top) and
 * body. The YAML is parsed with the library's safe defaults: no custom tags, and its cap on
 * alias expansion stops "billion laughs" documents.
 */
export function splitFrontMatter(text: string): SplitDocument {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text)
  if (!match) return { front: {}, body: text }
  const value: unknown = parse(match[1], { maxAliasCount: 50, prettyErrors: false })
  const front =
    value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
  return { front, body: text.slice(match[0].length) }
}

/** The first value among `keys` that is present. */
export function pick(front: Record<string, unknown>, ...keys: string[]): unknown {
  for (const key of keys)
    if (front[key] !== undefined && front[key] !== null && front[key] !== '') return front[key]
  return undefined
}

/** A date from front matter (a string, a number of ms, or a YAML date) as ISO, or undefined. */
export function toTimestamp(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString()
  if (typeof value === 'number' && value > 0) return new Date(value).toISOString()
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim()
  // "2021-03-04 10:00" (Joplin, Obsidian) is read as UTC unless it names a zone.
  const normal = /^\d{4}-\d{2}-\d{2} \d/.test(trimmed) ? trimmed.replace(' ', 'T') : trimmed
  const at = Date.parse(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(normal) ? `${normal}Z` : normal)
  return Number.isNaN(at) ? undefined : new Date(at).toISOString()
}

/** Tags written as a YAML list or as "a, b" / "#a #b"; the leading `#` Obsidian uses is dropped. */
export function toTags(value: unknown): string[] {
  const raw = Array.isArray(value)
    ? value.map(String)
    : typeof value === 'string'
      ? value.split(value.includes(',') ? ',' : /\s+/)
      : []
  return raw.map((t) => t.trim().replace(/^#/, '')).filter((t) => t.length > 0 && t.length <= 80)
}

/**
 * A rating in half stars from a number (4.5), a fraction ("4/5", "8/10"), or stars ("★★★★½").
 * Returns undefined when there is none and null… never: an unreadable rating is `'invalid'`.
 */
export function toRating(value: unknown): number | null | 'invalid' {
  if (value === undefined) return null
  let n: number
  if (typeof value === 'number') n = value
  else if (typeof value === 'string') {
    const stars = /^\s*(★*)(½?)\s*$/.exec(value)
    const fraction = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(5|10)\s*$/.exec(value)
    if (stars && (stars[1] || stars[2])) n = stars[1].length + (stars[2] ? 0.5 : 0)
    else if (fraction) n = (Number(fraction[1]) / Number(fraction[2])) * 5
    else n = Number(value)
  } else return 'invalid'
  if (!Number.isFinite(n) || n < 0.5 || n > 5) return 'invalid'
  return Math.round(n * 2) / 2
}

export function toStatus(front: Record<string, unknown>): ReviewStatus {
  const status = pick(front, 'status')
  if (typeof status === 'string' && (REVIEW_STATUSES as readonly string[]).includes(status.toLowerCase()))
    return status.toLowerCase() as ReviewStatus
  if (status === 'publish') return 'published'
  if (front.draft === true) return 'draft'
  if (front.published === true) return 'published'
  return 'draft'
}

/** The film a note is about: `film: Her` with `year: 2013`, `film: "Her (2013)"`, or a `film:` map. */
export function toWork(front: Record<string, unknown>): WorkRef | null {
  let film = pick(front, 'film', 'movie', 'work')
  let year: unknown = pick(front, 'year', 'film_year')
  let directors: unknown = pick(front, 'directors', 'director')
  if (film && typeof film === 'object' && !Array.isArray(film)) {
    const f = film as Record<string, unknown>
    year ??= f.year
    directors ??= f.directors ?? f.director
    film = f.title
  }
  if (typeof film !== 'string' || !film.trim()) return null
  let title = film.trim()
  const withYear = /^(.*\S)\s*\((\d{4})\)$/.exec(title)
  if (withYear && year === undefined) {
    title = withYear[1]
    year = Number(withYear[2])
  }
  const y =
    typeof year === 'number'
      ? year
      : typeof year === 'string' && /^\d{4}$/.test(year.trim())
        ? Number(year)
        : null
  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : null)
  return {
    title,
    year: y !== null && y >= 1870 && y <= 2200 ? y : null,
    directors: Array.isArray(directors)
      ? directors.map(String)
      : typeof directors === 'string'
        ? [directors]
        : [],
    letterboxdUri: text(pick(front, 'letterboxd', 'letterboxd_uri')),
    tmdbId: text(pick(front, 'tmdb', 'tmdb_id')),
    imdbId: text(pick(front, 'imdb', 'imdb_id'))
  }
}
