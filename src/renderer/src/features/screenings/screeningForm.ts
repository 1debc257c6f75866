import type { ChannelInput } from '../../../../shared/contract'
import type { ScreeningEntry } from '../../../../shared/contract/screenings'
import type { ScreeningFormat, Work } from '../../../../shared/domain'
import { filmLabel } from '../../ui/filmLabel'
import type { FilmChoice } from './FilmField'
import { splitList, todayLocal } from './labels'

/** What the log dialog holds while the critic types: text as typed, converted on submit. */
export interface ScreeningDraft {
  film: FilmChoice
  watchedOn: string
  watchedTime: string
  venue: string
  format: ScreeningFormat
  formatDetail: string
  companions: string
  rewatch: boolean
  /** Once the critic ticks or unticks "rewatch", the suggestion no longer changes it. */
  rewatchChosen: boolean
  walkedOut: boolean
  rating: number | null
  tags: string
  notes: string
  embargoUntil: string
}

export type FieldErrors = Record<string, string>

/** A fresh draft: today, at the cinema, for the preset film if there is one. */
export function blankDraft(preset: Pick<Work, 'id' | 'title' | 'year'> | null): ScreeningDraft {
  return {
    film: preset
      ? { workId: preset.id, title: filmLabel(preset), year: preset.year ? String(preset.year) : '' }
      : { workId: null, title: '', year: '' },
    watchedOn: todayLocal(),
    watchedTime: '',
    venue: '',
    format: 'cinema',
    formatDetail: '',
    companions: '',
    rewatch: false,
    rewatchChosen: false,
    walkedOut: false,
    rating: null,
    tags: '',
    notes: '',
    embargoUntil: ''
  }
}

export function draftFromEntry(entry: ScreeningEntry): ScreeningDraft {
  return {
    film: {
      workId: entry.workId,
      title: filmLabel({ title: entry.workTitle, year: entry.workYear }),
      year: entry.workYear ? String(entry.workYear) : ''
    },
    watchedOn: entry.watchedOn,
    watchedTime: entry.watchedTime ?? '',
    venue: entry.venue ?? '',
    format: entry.format,
    formatDetail: entry.formatDetail ?? '',
    companions: entry.companions.join(', '),
    rewatch: entry.rewatch,
    rewatchChosen: true,
    walkedOut: entry.walkedOut,
    rating: entry.rating,
    tags: entry.tags.join(', '),
    notes: entry.notes,
    embargoUntil: entry.embargoUntil ?? ''
  }
}

/**
 * The channel input for a draft, or the errors the form can tell before asking the journal
 * (everything else — a day that does not exist, a rating off the half-star grid — the journal
 * checks and answers beside the same fields).
 */
export function draftToInput(draft: ScreeningDraft): {
  input?: ChannelInput<'screenings.log'>
  errors?: FieldErrors
} {
  const errors: FieldErrors = {}
  const year = draft.film.year.trim()
  if (!draft.film.workId && year && !/^\d{4}$/.test(year))
    errors['film.year'] = 'The year is four digits, like 1927'
  if (!draft.watchedOn) errors.watchedOn = 'Choose the day you watched it'
  if (Object.keys(errors).length) return { errors }
  return {
    input: {
      film: draft.film.workId
        ? { workId: draft.film.workId }
        : { title: draft.film.title, year: year ? Number(year) : null },
      watchedOn: draft.watchedOn,
      watchedTime: draft.watchedTime || null,
      venue: draft.venue,
      format: draft.format,
      formatDetail: draft.formatDetail,
      companions: splitList(draft.companions),
      rewatch: draft.rewatchChosen ? draft.rewatch : null,
      walkedOut: draft.walkedOut,
      rating: draft.rating,
      tags: splitList(draft.tags),
      notes: draft.notes,
      embargoUntil: draft.embargoUntil || null
    }
  }
}

/** Server field keys ("tags.3", "companions.0") folded onto the form's fields. */
export function foldFieldErrors(fields: Record<string, string>): FieldErrors {
  const out: FieldErrors = {}
  for (const [key, message] of Object.entries(fields)) {
    const field = key.startsWith('film.') ? key : key.split('.')[0]
    out[field] ??= message
  }
  return out
}
