import { z } from 'zod'
import { channel } from './define'
import { idSchema, isCalendarDate, RESPONSE_STATUSES, type ReaderResponse } from '../domain'

/** The most ids one bulk action takes; the renderer sends larger selections in chunks. */
export const BULK_LIMIT = 5000
/** The longest response body kept (a generous essay; longer pastes are refused, not cut). */
export const RESPONSE_BODY_MAX = 100_000

/**
 * Normalises pasted text: Windows and old Mac line ends become `\n`, trailing spaces go, runs
 * of blank lines shrink to one blank line (a paragraph break) and the ends are trimmed.
 */
export function normaliseResponseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** Splits a response body into paragraphs (blank-line separated), for display. */
export function responseParagraphs(body: string): string[] {
  return body.split(/\n{2,}/)
}

const ISO_LIKE = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

/** A received date: ISO 8601 ("2014-01-12", "2014-01-12T10:30Z"), stored as a UTC timestamp. */
export const receivedAtSchema = z
  .string()
  .trim()
  .max(40, 'That date could not be read (use YYYY-MM-DD HH:MM)')
  .refine((s) => {
    const m = ISO_LIKE.exec(s)
    return m !== null && isCalendarDate(m[1]) && !Number.isNaN(Date.parse(s))
  }, 'That date could not be read (use YYYY-MM-DD HH:MM)')
  .transform((s) => new Date(s).toISOString())

const authorNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter the name of the person who wrote this')
  .max(200, 'A name can be at most 200 characters')

const bodySchema = z
  .string()
  .max(RESPONSE_BODY_MAX * 2, 'A response can be at most 100,000 characters')
  .transform(normaliseResponseText)
  .refine((s) => s.length > 0, 'Write the text of the response')
  .refine((s) => s.length <= RESPONSE_BODY_MAX, 'A response can be at most 100,000 characters')

/** An optional text field: blank becomes null (clears it); left out stays undefined (unchanged). */
function optionalText(max: number, message: string) {
  return z
    .string()
    .trim()
    .max(max, message)
    .nullable()
    .optional()
    .transform((s) => (s === undefined ? undefined : s || null))
}

const emailSchema = optionalText(320, 'An email address can be at most 320 characters').refine(
  (s) => !s || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s),
  'That does not look like an email address'
)

/** A web link: "example.org/me" gets https://; anything but http(s) is refused. Imports keep it too. */
export const authorUrlSchema = optionalText(2000, 'A link can be at most 2,000 characters')
  .transform((s) => (s && !/^[a-z][a-z0-9+.-]*:/i.test(s) ? `https://${s}` : s))
  .refine((s) => {
    if (!s) return true
    try {
      const url = new URL(s)
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.')
    } catch {
      return false
    }
  }, 'A link must be a web address (https://…)')

const listInput = z.object({ reviewId: idSchema.optional() }).strict().default({})

const threadInput = z
  .object({
    reviewId: idSchema,
    showHidden: z.boolean().default(false),
    showSpam: z.boolean().default(false)
  })
  .strict()

const addInput = z
  .object({
    reviewId: idSchema,
    parentId: idSchema.nullable().default(null),
    /** The critic's own reply or note (allowed on a review closed to responses). */
    isOwnReply: z.boolean().default(false),
    /**
     * File a reader's response as new (unread), as an import does. Left out, a response the
     * critic typed in is read: they have just read it (as WordPress files a comment written in
     * its dashboard as approved, not pending).
     */
    unread: z.boolean().default(false),
    authorName: authorNameSchema,
    authorEmail: emailSchema,
    authorUrl: authorUrlSchema,
    /** When it arrived; now when left out. */
    receivedAt: receivedAtSchema.optional(),
    body: bodySchema
  })
  .strict()

const updateInput = z
  .object({
    id: idSchema,
    parentId: idSchema.nullable().optional(),
    authorName: authorNameSchema.optional(),
    authorEmail: emailSchema,
    authorUrl: authorUrlSchema,
    receivedAt: receivedAtSchema.optional(),
    body: bodySchema.optional()
  })
  .strict()

const idsSchema = z
  .array(idSchema)
  .min(1, 'Choose at least one response')
  .max(BULK_LIMIT, `At most ${BULK_LIMIT} responses at a time`)

const setStatusInput = z.object({ ids: idsSchema, status: z.enum(RESPONSE_STATUSES) }).strict()
const deleteInput = z.object({ ids: idsSchema }).strict()

/** A deleted response as `responses.delete` gave it back, for undo. */
const deletedResponse = z.object({
  id: idSchema,
  reviewId: idSchema,
  parentId: idSchema.nullable(),
  authorName: authorNameSchema,
  authorEmail: emailSchema,
  authorUrl: authorUrlSchema,
  body: bodySchema,
  receivedAt: receivedAtSchema,
  status: z.enum(RESPONSE_STATUSES),
  isOwnReply: z.boolean(),
  starred: z.boolean(),
  createdAt: receivedAtSchema
})

const restoreInput = z
  .object({
    responses: z.array(deletedResponse).min(1).max(BULK_LIMIT, `At most ${BULK_LIMIT} responses at a time`),
    /** Replies that moved up when their parent was deleted, with the parent to give back. */
    reparented: z
      .array(z.object({ id: idSchema, parentId: idSchema }).strict())
      .max(BULK_LIMIT * 10)
      .default([])
  })
  .strict()
const setStarredInput = z.object({ ids: idsSchema, starred: z.boolean() }).strict()

export const INBOX_FILTERS = ['new', 'starred', 'all'] as const
export type InboxFilter = (typeof INBOX_FILTERS)[number]

const inboxInput = z
  .object({
    filter: z.enum(INBOX_FILTERS).default('new'),
    /** The `nextCursor` of the previous page; absent for the first page. */
    cursor: z.string().max(100).optional(),
    limit: z.number().int().min(1).max(200).default(50)
  })
  .strict()
  .default({ filter: 'new', limit: 50 })

const none = z.object({}).strict().optional()

/** One response placed in its thread. */
export interface ThreadItem extends ReaderResponse {
  /** Nesting level as shown (0 = top level); the renderer caps the indentation, not this. */
  depth: number
  /** Who this answers, when it is a reply; `shown` is false when that response is filtered out. */
  inReplyTo: { id: string; authorName: string; shown: boolean } | null
}

export interface ResponseThread {
  reviewId: string
  reviewTitle: string
  responsesClosed: boolean
  /** Responses in reading order: each followed by its replies, siblings oldest first. */
  items: ThreadItem[]
  counts: { total: number; new: number; hidden: number; spam: number }
  /** The name the critic last signed an own reply with ("You" until then). */
  ownName: string
}

export interface InboxItem extends ReaderResponse {
  reviewTitle: string
  workTitle: string | null
  inReplyTo: string | null
}

export interface InboxPage {
  items: InboxItem[]
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null
  /** Responses matching the filter, and unread (new) ones across the journal. */
  total: number
  unread: number
}

export interface BulkResult {
  /** Each changed response with the status or star it had, for undo. */
  changed: { id: string; status: ReaderResponse['status']; starred: boolean }[]
}

export interface DeleteResult {
  removed: ReaderResponse[]
  reparented: { id: string; parentId: string }[]
}

export const responseChannels = {
  'responses.list': channel<typeof listInput, ReaderResponse[]>(listInput),
  'responses.thread': channel<typeof threadInput, ResponseThread>(threadInput),
  'responses.add': channel<typeof addInput, ReaderResponse>(addInput),
  'responses.update': channel<typeof updateInput, ReaderResponse>(updateInput),
  'responses.setStatus': channel<typeof setStatusInput, BulkResult>(setStatusInput),
  'responses.setStarred': channel<typeof setStarredInput, BulkResult>(setStarredInput),
  'responses.delete': channel<typeof deleteInput, DeleteResult>(deleteInput),
  'responses.restore': channel<typeof restoreInput, { restored: number }>(restoreInput),
  'responses.markAllRead': channel<typeof none, { ids: string[] }>(none),
  'responses.inbox': channel<typeof inboxInput, InboxPage>(inboxInput),
  'responses.unreadCount': channel<typeof none, { unread: number }>(none)
}
