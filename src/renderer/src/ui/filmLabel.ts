import type { Work } from '../../../shared/domain'

/** A film as the critic names it: "Sunrise (1927)", or the title alone when the year is unknown. */
export function filmLabel(film: Pick<Work, 'title' | 'year'>): string {
  return film.year ? `${film.title} (${film.year})` : film.title
}
