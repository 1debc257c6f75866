import type { LexicalDoc, ResponseStatus, ReviewStatus, ScreeningFormat } from '../../../shared/domain'
import type { RecordType } from '../../../shared/contract/archive'

export type { RecordType }

/**
 * What every importer produces: format-neutral records, streamed one at a time to the one
 * merger (`apply.ts`) that matches them against the journal and writes them. A format reader
 * never touches the database; the merger never knows a file format.
 *
 * Identity: a record carries our `id` when the source is our own archive, else a `sourceKey`
 * naming it in its source ("wxr:<site>:post:12", "letterboxd:diary:<uri>:<date>") so that a
 * re-import matches it instead of duplicating it.
 */
export type RecordRef = { id: string } | { sourceKey: string }

/** How a record names its film: by reference, or by what the source knows (resolved offline). */
export type WorkRef =
  | RecordRef
  | {
      title: string
      year: number | null
      letterboxdUri?: string | null
      tmdbId?: string | null
      imdbId?: string | null
      directors?: string[]
    }

interface Identity {
  id?: string
  sourceKey?: string
  /** 1-based position in the source (row, item), for the per-row report. */
  position?: number
  createdAt?: string
  updatedAt?: string
  /** Rows of the bundled sample journal keep that mark through an archive round trip. */
  isSample?: boolean
}

export interface WorkRecord extends Identity {
  kind: 'work'
  title: string
  originalTitle?: string | null
  year: number | null
  directors: string[]
  runtimeMinutes?: number | null
  letterboxdUri?: string | null
  tmdbId?: string | null
  imdbId?: string | null
}

export interface ReviewRecord extends Identity {
  kind: 'review'
  work: WorkRef | null
  title: string
  body: LexicalDoc
  status: ReviewStatus
  rating: number | null
  tags: string[]
  hasSpoilers?: boolean
  responsesClosed: boolean
  outlet?: string | null
  publishedUrl?: string | null
  publishedAt?: string | null
  slug?: string | null
  targetWords?: number | null
  /** The short summary above the text (WordPress's excerpt); absent or '' when none. */
  standfirst?: string
  /** The password readers need on the site; absent or null when the review is public. */
  password?: string | null
  deletedAt?: string | null
}

export interface RevisionRecord extends Identity {
  kind: 'revision'
  review: RecordRef
  title: string
  body: LexicalDoc
  reason: 'edit' | 'status' | 'publish' | 'restore' | 'import'
  label: string | null
}

export interface ScreeningRecord extends Identity {
  kind: 'screening'
  work: WorkRef
  watchedOn: string
  watchedTime?: string | null
  venue: string | null
  format: ScreeningFormat
  formatDetail?: string | null
  companions: string[]
  rewatch: boolean
  walkedOut?: boolean
  rating: number | null
  tags: string[]
  notes: string
  embargoUntil?: string | null
  review?: RecordRef | null
  deletedAt?: string | null
}

export interface ResponseRecord extends Identity {
  kind: 'response'
  review: RecordRef
  parent: RecordRef | null
  authorName: string
  authorEmail: string | null
  authorUrl: string | null
  body: string
  receivedAt: string
  status: ResponseStatus
  isOwnReply: boolean
  starred?: boolean
}

/** A tag by its own id (our archive), so that tag ids survive a round trip too. */
export interface TagRecord extends Identity {
  kind: 'tag'
  name: string
}

/** A source item that could not become a record: reported with its position, never fatal alone. */
export interface RecordProblem {
  kind: 'problem'
  position: number
  what: string
  message: string
}

/**
 * Something the critic should know about an item that did import: part of a post left out on
 * purpose (a script, an embed), or a date whose time zone the file does not give.
 */
export interface RecordNote {
  kind: 'note'
  position: number
  what: string
  message: string
}

/** A source item deliberately left out (a pingback, an attachment), counted in the preview. */
export interface RecordSkip {
  kind: 'skip'
  type: RecordType
  position?: number
  reason: string
}

export type ImportRecord =
  | WorkRecord
  | TagRecord
  | ReviewRecord
  | RevisionRecord
  | ScreeningRecord
  | ResponseRecord
  | RecordProblem
  | RecordNote
  | RecordSkip
