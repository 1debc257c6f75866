import type { Db } from '../db/connection'
import type { DuplicateGroup, WorkSummary } from '../../../shared/contract/works'
import { listCatalogue } from './catalogue'
import { titleKey } from './titleKey'

/**
 * Films that are probably one film: the same TMDB or IMDb id, or the same title (accents, case
 * and punctuation aside) with the same year — or with one of them of unknown year. A film
 * appears in one group at most; id matches are the surer ones and are grouped first.
 */
export function findDuplicates(db: Db): DuplicateGroup[] {
  const works = listCatalogue(db)
  const grouped = new Set<string>()
  const groups: DuplicateGroup[] = []
  const collect = (reason: DuplicateGroup['reason'], keyOf: (w: WorkSummary) => string | null) => {
    const buckets = new Map<string, WorkSummary[]>()
    for (const work of works) {
      const key = grouped.has(work.id) ? null : keyOf(work)
      if (key) buckets.set(key, [...(buckets.get(key) ?? []), work])
    }
    for (const [key, members] of buckets) {
      if (members.length < 2) continue
      members.forEach((w) => grouped.add(w.id))
      groups.push({ key: `${reason}:${key}`, reason, works: members })
    }
  }
  collect('tmdb', (w) => w.tmdbId)
  collect('imdb', (w) => w.imdbId?.toLowerCase() ?? null)
  collect('title', (w) => `${titleKey(w.title)}|${w.year ?? ''}`)
  collectUnknownYears(works, grouped, groups)
  return groups
}

/** A film of unknown year joins the one other film of its title, if there is exactly one. */
function collectUnknownYears(works: WorkSummary[], grouped: Set<string>, groups: DuplicateGroup[]) {
  const byTitle = new Map<string, WorkSummary[]>()
  for (const w of works) {
    if (grouped.has(w.id)) continue
    const key = titleKey(w.title)
    byTitle.set(key, [...(byTitle.get(key) ?? []), w])
  }
  for (const [key, members] of byTitle) {
    if (members.length === 2 && members.some((w) => w.year === null)) {
      groups.push({ key: `title:${key}|?`, reason: 'title', works: members })
    }
  }
}
