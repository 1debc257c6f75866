/**
 * WordPress term slugs for tag names, made unique ("tar", "tar-2") so that two tags never merge
 * into one term. Keyed by the lower-cased name, as tags are unique regardless of case.
 */
export function tagSlugs(names: string[]): Map<string, { slug: string; name: string }> {
  const out = new Map<string, { slug: string; name: string }>()
  const taken = new Set<string>()
  for (const name of names) {
    const key = name.toLowerCase()
    if (out.has(key)) continue
    const base = wordpressSlug(name) || 'tag'
    let slug = base
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
    taken.add(slug)
    out.set(key, { slug, name })
  }
  return out
}

// Latin letters that do not decompose into a letter and accents.
const LATIN_SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
  ł: 'l',
  Ł: 'L',
  ħ: 'h',
  Ħ: 'H',
  ı: 'i',
  ĸ: 'k',
  ŋ: 'n',
  Ŋ: 'N',
  ſ: 's'
}
const LATIN = /[\u00C0-\u024F\u1E00-\u1EFF]/g

// Encoded characters WordPress turns into dashes, and those it drops, when it saves a slug.
const AS_DASH = [
  '%c2%a0',
  '%e2%80%93',
  '%e2%80%94',
  ...range(0x80, 0x8a).map((b) => `%e2%80%${hex(b)}`),
  '%e2%80%a8',
  '%e2%80%a9',
  '%e2%80%af'
]
const DROPPED = [
  '%c2%ad',
  '%c2%a1',
  '%c2%bf',
  '%c2%ab',
  '%c2%bb',
  '%e2%80%b9',
  '%e2%80%ba',
  '%e2%80%98',
  '%e2%80%99',
  '%e2%80%9c',
  '%e2%80%9d',
  '%e2%80%9a',
  '%e2%80%9b',
  '%e2%80%9e',
  '%e2%80%9f',
  '%e2%80%a2',
  '%c2%a9',
  '%c2%ae',
  '%c2%b0',
  '%e2%80%a6',
  '%e2%84%a2',
  '%c2%b4',
  '%cb%8a',
  '%cc%81',
  '%cd%81',
  '%cc%80',
  '%cc%84',
  '%cc%8c',
  '%e2%80%8b',
  '%e2%80%8c',
  '%e2%80%8d',
  '%e2%80%8e',
  '%e2%80%8f',
  '%e2%80%aa',
  '%e2%80%ab',
  '%e2%80%ac',
  '%e2%80%ad',
  '%e2%80%ae',
  '%ef%bb%bf',
  '%ef%bf%bc'
]

/**
 * A name as WordPress's `sanitize_title` saves it: tags stripped, Latin accents removed, lower
 * case, every other non-ASCII character kept as its percent-encoded UTF-8 (lowercase hex,
 * "фильм" → "%d1%84%d0%b8%d0%bb%d1%8c%d0%bc", at most 200 characters of it), spaces and dots
 * as dashes, other punctuation dropped.
 */
export function wordpressSlug(name: string): string {
  let slug = name
    .replace(/<[^>]*>/g, '')
    .replace(/%(?![0-9a-f]{2})/gi, '')
    .replace(LATIN, (c) => LATIN_SPECIAL[c] ?? c.normalize('NFD').replace(/\p{M}+/gu, ''))
    .toLowerCase()
  slug = percentEncode(slug, 200).toLowerCase()
  for (const code of AS_DASH) slug = slug.replaceAll(code, '-')
  for (const code of DROPPED) slug = slug.replaceAll(code, '')
  return slug
    .replace(/&(?:nbsp|#160|ndash|#8211|mdash|#8212);/g, '-')
    .replaceAll('/', '-')
    .replaceAll('%c3%97', 'x')
    .replace(/&.+?;/g, '')
    .replaceAll('.', '-')
    .replace(/[^%a-z0-9 _-]/g, '')
    .replace(/\s+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** Non-ASCII characters as percent-encoded UTF-8, stopping before `max` characters of output. */
function percentEncode(text: string, max: number): string {
  let out = ''
  for (const char of text) {
    const piece =
      char.charCodeAt(0) < 0x80 ? char : [...Buffer.from(char, 'utf8')].map((b) => `%${hex(b)}`).join('')
    if (out.length + piece.length > max) break
    out += piece
  }
  return out
}

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0')
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i)
}
