import { JOURNAL_META_PREFIX } from './wxrParser'

/**
 * Postmeta and commentmeta this app writes into its WordPress exports and reads back, so that
 * export → import (directly, or through a WordPress site, whose importer keeps meta) gives back
 * the same reviews: our ids, the film, the rating and the exact status. Underscored keys are
 * hidden from WordPress's custom-fields box.
 */
export const META = {
  id: `meta:${JOURNAL_META_PREFIX}id`,
  status: `meta:${JOURNAL_META_PREFIX}status`,
  rating: `meta:${JOURNAL_META_PREFIX}rating`,
  filmTitle: `meta:${JOURNAL_META_PREFIX}film_title`,
  filmYear: `meta:${JOURNAL_META_PREFIX}film_year`,
  // What WordPress has no field for, or rounds: read back only from files this app wrote.
  createdAt: `meta:${JOURNAL_META_PREFIX}created_at`,
  publishedAt: `meta:${JOURNAL_META_PREFIX}published_at`,
  publishedUrl: `meta:${JOURNAL_META_PREFIX}published_url`,
  outlet: `meta:${JOURNAL_META_PREFIX}outlet`,
  hasSpoilers: `meta:${JOURNAL_META_PREFIX}has_spoilers`
} as const

/** The meta key as written in the file (without the "meta:" prefix the parser adds). */
export function metaKey(key: (typeof META)[keyof typeof META]): string {
  return key.slice('meta:'.length)
}
