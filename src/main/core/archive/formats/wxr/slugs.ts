/**
 * WordPress term slugs for tag names: lower case, accents dropped, ASCII letters and digits
 * joined by dashes, made unique ("tar", "tar-2") so that two tags never merge into one term.
 * Keyed by the lower-cased name, as tags are unique regardless of case.
 */
export function tagSlugs(names: string[]): Map<string, { slug: string; name: string }> {
  const out = new Map<string, { slug: string; name: string }>()
  const taken = new Set<string>()
  for (const name of names) {
    const key = name.toLowerCase()
    if (out.has(key)) continue
    const base =
      name
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 190) || 'tag'
    let slug = base
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
    taken.add(slug)
    out.set(key, { slug, name })
  }
  return out
}
