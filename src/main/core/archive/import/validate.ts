import {
  isCalendarDate,
  lexicalDocSchema,
  ratingSchema,
  RESPONSE_STATUSES,
  REVIEW_STATUSES,
  SCREENING_FORMATS
} from '../../../../shared/domain'
import type { ImportRecord } from '../records'

/** One record that breaks a field rule: reported against its row, the rest of the import goes on. */
export class RowProblem extends Error {}

function check(ok: boolean, message: string): void {
  if (!ok) throw new RowProblem(message)
}

function checkTimestamp(value: string | null | undefined, field: string): void {
  if (value === undefined || value === null) return
  check(
    typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value)),
    `${field} "${String(value).slice(0, 40)}" is not a date`
  )
}

function checkRating(value: number | null): void {
  check(ratingSchema.safeParse(value).success, `rating ${value} is not between 0.5 and 5 in half stars`)
}

function checkTags(tags: string[]): void {
  check(tags.length <= 200, 'more than 200 tags')
  for (const tag of tags)
    check(tag.trim().length <= 80, `tag "${tag.slice(0, 30)}…" is longer than 80 characters`)
}

/**
 * Applies the journal's field rules (the same ones the channels use, from `shared/domain`) to
 * a record before it is written, so no reader can put a row into the journal the app could not.
 */
export function validateRecord(record: ImportRecord): void {
  if (record.kind === 'problem' || record.kind === 'skip' || record.kind === 'note') return
  checkTimestamp(record.createdAt, 'created date')
  checkTimestamp(record.updatedAt, 'updated date')
  switch (record.kind) {
    case 'work':
      check(record.title.trim().length > 0, 'a film needs a title')
      check(
        record.year === null || (Number.isInteger(record.year) && record.year >= 1870 && record.year <= 2200),
        `year ${record.year} is not a film year`
      )
      return
    case 'tag':
      check(
        record.name.trim().length > 0 && record.name.length <= 80,
        'a tag needs a name of at most 80 characters'
      )
      return
    case 'review':
      check(REVIEW_STATUSES.includes(record.status), `status "${record.status}" is unknown`)
      check(lexicalDocSchema.safeParse(record.body).success, 'the review text is not a document')
      checkRating(record.rating)
      checkTags(record.tags)
      checkTimestamp(record.publishedAt, 'published date')
      checkTimestamp(record.deletedAt, 'deleted date')
      return
    case 'revision':
      check(lexicalDocSchema.safeParse(record.body).success, 'the revision text is not a document')
      return
    case 'screening':
      check(
        isCalendarDate(record.watchedOn),
        `watched date "${record.watchedOn}" does not exist (YYYY-MM-DD)`
      )
      check(SCREENING_FORMATS.includes(record.format), `format "${record.format}" is unknown`)
      checkRating(record.rating)
      checkTags(record.tags)
      checkTimestamp(record.deletedAt, 'deleted date')
      return
    case 'response':
      check(record.authorName.trim().length > 0, 'a response needs an author name')
      check(record.body.trim().length > 0, 'the response is empty')
      check(RESPONSE_STATUSES.includes(record.status), `status "${record.status}" is unknown`)
      checkTimestamp(record.receivedAt, 'received date')
      check(record.receivedAt !== undefined && record.receivedAt !== '', 'a response needs a date')
      return
  }
}

/** Whether `incoming` is strictly newer than `current` (ISO timestamps, any offset). */
export function isNewer(incoming: string | undefined, current: string): boolean {
  if (!incoming) return false
  return Date.parse(incoming) > Date.parse(current)
}
