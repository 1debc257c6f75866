import { cachedStatement, type Db } from '../db/connection'
import { fold, type IndexedToken } from './highlight'
import type { SearchTerm } from './query'

/**
 * How many of a word's places in the whole index are read, at most, per hit whose places are
 * wanted. The index lists a word's places document by document for the whole journal (it
 * cannot be asked for some documents only), at about 40 ns a place, where finding a word by
 * reading a hit's text costs a few hundred microseconds: a rare or a 10% word is read from the
 * index for a page of 100 hits in under a millisecond; "the", with half a million places,
 * would cost more than reading the hits' texts, where it is found in the first few words.
 */
export const PLACES_PER_HIT = 200

const instanceTables = new WeakMap<Db, Set<string>>()

/**
 * An fts5vocab table over `fts` listing every place of every word (term, doc, col, offset).
 * It lives in the connection's temp schema: it stores nothing, and the journal file's schema
 * stays as its migrations made it.
 */
function instancesOf(db: Db, fts: string): string {
  let made = instanceTables.get(db)
  if (!made) instanceTables.set(db, (made = new Set()))
  const name = `temp.${fts}_places`
  if (!made.has(name)) {
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS ${name} USING fts5vocab(main, ${fts}, instance)`)
    made.add(name)
  }
  return name
}

type Places = Map<number, Set<number>>

/**
 * The places (token offsets) in column `column` of the documents `docs` of the word `word`, or
 * of every word it begins when `prefix`; 'too many' when the word has more than `budget` places
 * in the index; 'absent' when it has none (it then reads differently in the index than here).
 */
function placesOf(
  db: Db,
  table: string,
  column: string,
  docs: string,
  word: string,
  prefix: boolean,
  budget: number,
  surelyTooMany: boolean
): { places: Places; read: number } | 'too many' | 'absent' {
  const term = prefix ? 'term >= @word AND term < @end' : 'term = @word'
  const params = { word, end: word + '\u{10ffff}', budget: budget + 1, column, docs }
  if (surelyTooMany) {
    const present = cachedStatement(db, `SELECT 1 FROM ${table} WHERE ${term} LIMIT 1`).get(params)
    return present ? 'too many' : 'absent'
  }
  // Counted first, up to the budget: a word too common to read costs only the counting.
  const read = cachedStatement(
    db,
    `SELECT count(*) FROM (SELECT 1 FROM ${table} WHERE ${term} LIMIT @budget)`
  )
    .pluck()
    .get(params) as number
  if (read === 0) return 'absent'
  if (read > budget) return 'too many'
  const rows = cachedStatement(
    db,
    `SELECT doc, offset FROM (SELECT doc, col, offset FROM ${table} WHERE ${term} LIMIT @budget)
       WHERE col = @column AND doc IN (SELECT value FROM json_each(@docs))`
  )
    .raw()
    .all(params) as [number, number][]
  const places: Places = new Map()
  for (const [doc, offset] of rows) {
    let set = places.get(doc)
    if (!set) places.set(doc, (set = new Set()))
    set.add(offset)
  }
  return { places, read }
}

/** What the index says of the hits' bodies. */
export interface BodyMatches {
  /** Per document, the tokens the indexed terms mark; a document with none is absent. */
  byDoc: Map<number, IndexedToken[]>
  /** Terms with too many places in the index to read (see PLACES_PER_HIT): found in the text. */
  common: SearchTerm[]
}

/**
 * Where the terms match in column `column` of each of `rowids`, read from the index `fts`
 * itself, as the tokens to mark (a phrase's words share one match). Terms too common to read
 * cheaply are handed back to be found in the text. Returns null when the index cannot answer
 * surely: a word it does not hold as folded here.
 *
 * `matchingDocs`, the number of documents the search matched, spares counting places: each of
 * them holds every word at least once, so when they outnumber the budget so do the places.
 */
export function indexedMatches(
  db: Db,
  fts: string,
  column: string,
  rowids: number[],
  terms: SearchTerm[],
  matchingDocs = 0
): BodyMatches | null {
  const table = instancesOf(db, fts)
  const docs = JSON.stringify(rowids)
  let budget = rowids.length * PLACES_PER_HIT
  const surelyTooMany = matchingDocs > budget
  // Each indexed term's words, with their places per document.
  const found: { word: string; prefix: boolean; places: Places }[][] = []
  const common: SearchTerm[] = []
  for (const term of terms) {
    const words: { word: string; prefix: boolean; places: Places }[] = []
    for (const [k, raw] of term.words.entries()) {
      const word = fold(raw)
      const prefix = term.prefix && k === term.words.length - 1
      const places = placesOf(db, table, column, docs, word, prefix, budget, surelyTooMany)
      if (places === 'absent') return null
      if (places === 'too many') break
      budget -= places.read
      words.push({ word, prefix, places: places.places })
    }
    if (words.length === term.words.length) found.push(words)
    else common.push(term)
  }
  const byDoc = new Map<number, IndexedToken[]>()
  for (const rowid of rowids) {
    const tokens = markedTokens(found, rowid)
    if (tokens.length) byDoc.set(rowid, tokens)
  }
  return { byDoc, common }
}

/**
 * The tokens of one document the terms mark, as `highlight` marks them: at each place, the
 * first term (in the order typed) whose words all follow from there.
 */
function markedTokens(
  found: { word: string; prefix: boolean; places: Places }[][],
  rowid: number
): IndexedToken[] {
  const starts = new Set<number>()
  for (const words of found) for (const offset of words[0].places.get(rowid) ?? []) starts.add(offset)
  const tokens = new Map<number, IndexedToken>()
  let match = 0
  for (const start of [...starts].sort((a, b) => a - b)) {
    const term = found.find((words) => words.every((w, k) => w.places.get(rowid)?.has(start + k)))
    if (!term) continue
    // A later match over a phrase's word takes that word, as in `highlight`.
    term.forEach((w, k) =>
      tokens.set(start + k, { position: start + k, match, word: w.word, prefix: w.prefix })
    )
    match++
  }
  return [...tokens.values()].sort((a, b) => a.position - b.position)
}
