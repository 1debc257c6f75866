import type { Db } from '../db/connection'
import type { ScreeningFields } from '../../../shared/contract/screenings'
import { JournalFailure } from '../context'
import { findOrCreateWork } from '../works/resolve'

/**
 * The film a screening is of: the chosen film, or the typed title matched against the journal's
 * films (so "the general" finds The General) and created when none matches. Failures name the
 * dialog's film field.
 */
export function resolveFilm(db: Db, film: ScreeningFields['film']): { workId: string; created: boolean } {
  try {
    const resolved = film.workId
      ? findOrCreateWork(db, { id: film.workId })
      : findOrCreateWork(db, { title: film.title ?? '', year: film.year ?? null })
    return { workId: resolved.work.id, created: resolved.created }
  } catch (err) {
    if (err instanceof JournalFailure) {
      const message = err.code === 'NOT_FOUND' ? 'That film is no longer in the journal' : err.message
      throw new JournalFailure(err.code, message, { 'film.title': message })
    }
    throw err
  }
}
