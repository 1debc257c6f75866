import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from '../../src/main/core/db/connection'
import { WxrParser, type WxrItem } from '../../src/main/core/archive/formats/wxr/wxrParser'
import { openTestJournal } from '../support/journal'
import { exportHere, importHere } from '../core/archive.support'
import { PEERS } from './peers'

/** WordPress's own importer test exports. */
export const WORDPRESS_DIR = join(PEERS, 'wordpress-importer')

/** The test exports a WordPress site imports (the others are refused on purpose, and tested so). */
export const IMPORTABLE = [
  'a11y-unit-test-data.xml',
  'cdata-edge.xml',
  'crazy-cdata-escaped.xml',
  'missing-tags.xml',
  'multiple-cdata.xml',
  'namespace-edge-cases.xml',
  'post-content-blank-lines.xml',
  'slashes.xml',
  'small-export.xml',
  'theme-unit-test-data.xml',
  'valid-wxr-1.0.xml',
  'valid-wxr-1.1.xml',
  'wxr-utf-8-challenges.xml'
]

/** Every `<item>` of a file, in order, as our parser reads it (position = index + 1). */
export function itemsOf(path: string): WxrItem[] {
  const parser = new WxrParser('peer', 64 * 1024 ** 2)
  parser.write(readFileSync(path, 'utf8'))
  parser.end()
  return parser.take()
}

/** A journal holding `file` imported, with the import's report. */
export async function importedJournal(path: string) {
  const journal = await openTestJournal()
  const { report } = await importHere(journal.db, journal.dataDir, path)
  return { journal, report }
}

/** Our WXR export of a journal, written into its data folder. */
export async function exportWxr(db: Db, dataDir: string, name = 'export.xml'): Promise<string> {
  const out = join(dataDir, name)
  await exportHere(db, 'wxr', out)
  return out
}

/** Words as a browser's innerText separates them: any run of whitespace. */
export function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean)
}

/** What is in `a` and not in `b`, counting repeats (a multiset difference). */
export function missingFrom(a: string[], b: string[]): string[] {
  const left = new Map<string, number>()
  for (const w of b) left.set(w, (left.get(w) ?? 0) + 1)
  const out: string[] = []
  for (const w of a) {
    const n = left.get(w) ?? 0
    if (n > 0) left.set(w, n - 1)
    else out.push(w)
  }
  return out
}

/**
 * The journal with ids aside: reviews and their responses by their place in the file (title,
 * text, dates, status, fields) and each response's parent by its author and text, so two
 * imports can be compared whatever ids they were given.
 */
export function journalWithoutIds(db: Db): unknown[] {
  const reviews = db
    .prepare(
      `SELECT id, title, body_text, status, rating, has_spoilers, responses_closed, outlet, published_url, published_at, slug,
         standfirst, password, created_at, deleted_at,
         (SELECT group_concat(t.name, '|') FROM (SELECT t.name FROM review_tags x JOIN tags t ON t.id = x.tag_id WHERE x.review_id = reviews.id ORDER BY t.name) t) AS tags
       FROM reviews ORDER BY created_at, title, body_text`
    )
    .all() as Record<string, unknown>[]
  const responses = db.prepare(
    `SELECT r.author_name, r.author_email, r.author_url, r.body, r.received_at, r.status, r.is_own_reply,
       p.author_name AS parent_author, p.body AS parent_body
     FROM responses r LEFT JOIN responses p ON p.id = r.parent_id WHERE r.review_id = ? ORDER BY r.received_at, r.author_name, r.body`
  )
  return reviews.map(({ id, ...review }) => ({ ...review, responses: responses.all(id) }))
}
