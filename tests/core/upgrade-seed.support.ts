import type Database from 'better-sqlite3'
import { countWords, plainTextToLexical } from '../../src/shared/conversions/plainText'
import { dataTables, hasColumn, insert } from './upgrade.support'

/**
 * A small journal with something in every table, written as each earlier version wrote its rows:
 * columns a version did not have yet are left out. The test reads it back after the upgrade.
 */

const VERTIGO_TEXT = [
  'Scottie follows Madeleine through San Francisco and the film follows him following her.',
  'Hitchcock turns looking into a sickness, and the green light of the Empire Hotel into a wound.'
].join('\n\n')
const MOOD_TEXT =
  'Two neighbours, a narrow staircase, noodles in a thermos. The slow motion is a kind of memory.'

/** What the seeded journal holds, as the core should give it back after the upgrade. */
export const SEEDED = {
  works: {
    vertigo: {
      id: 'w-vertigo',
      title: 'Vertigo',
      year: 1958,
      directors: ['Alfred Hitchcock'],
      tmdbId: '426'
    },
    mood: {
      id: 'w-mood',
      title: 'In the Mood for Love',
      originalTitle: '花樣年華',
      year: 2000,
      directors: ['Wong Kar-wai']
    }
  },
  /** The id of a film merged into Vertigo before the upgrade (work_aliases, from 006). */
  mergedVertigoId: 'w-vertigo-duplicate',
  /** A journal that has synced: its Yjs state (an empty document's, two bytes), one update not sent yet, one file read. */
  sync: {
    doc: 'reviews/r-vertigo',
    state: Buffer.from([0, 0]),
    otherDevice: 'd-laptop',
    fileRead: '000001.update'
  },
  reviews: {
    vertigo: {
      id: 'r-vertigo',
      title: 'Vertigo, again',
      text: VERTIGO_TEXT,
      wordCount: countWords(VERTIGO_TEXT),
      rating: 4.5,
      status: 'published',
      tags: ['hitchcock', 'obsession'],
      outlet: 'Sight and Sound',
      publishedUrl: 'https://example.org/vertigo-again',
      standfirst: 'A film about looking, and about being looked at.'
    },
    mood: {
      id: 'r-mood',
      title: 'The corridor',
      text: MOOD_TEXT,
      wordCount: countWords(MOOD_TEXT),
      rating: null,
      status: 'draft',
      tags: ['wong kar-wai'],
      password: 'neighbours'
    }
  },
  revision: {
    id: 'rev-vertigo-1',
    label: 'the version published in Sight and Sound',
    text: VERTIGO_TEXT.split('\n\n')[0]
  },
  screenings: {
    vertigo: {
      id: 's-vertigo',
      venue: 'BFI Southbank',
      notes: 'The 70mm print, sold out; the reel change came mid-kiss.',
      companions: ['Ana'],
      tags: ['70mm']
    },
    mood: {
      id: 's-mood',
      venue: null,
      notes: 'Late at night, subtitles slightly out of sync.',
      companions: [],
      tags: []
    }
  },
  /** A thread on the Vertigo review: a reader, the critic's own reply, and the reader again. */
  responses: [
    {
      id: 'p-maya',
      parentId: null,
      author: 'Maya',
      body: 'The nightmare sequence still frightens me.',
      status: 'replied',
      own: false,
      starred: false
    },
    {
      id: 'p-own',
      parentId: 'p-maya',
      author: 'Jo Critic',
      body: 'Me too: the animation makes it worse.',
      status: 'read',
      own: true,
      starred: false
    },
    {
      id: 'p-tom',
      parentId: 'p-own',
      author: 'Tom',
      body: 'Saul Bass did the titles, not the dream.',
      status: 'new',
      own: false,
      starred: true
    }
  ],
  settings: { criticName: 'Jo Critic', theme: 'dark', backupsToKeep: 5 }
} as const

/** Fills every table of a journal at any earlier version with `SEEDED`, as that version would have. */
export function seedJournal(db: Database.Database): void {
  const at = '2024-03-02T21:30:00.000Z'
  const stamps = { created_at: at, updated_at: at }
  const { works, reviews, screenings } = SEEDED
  db.transaction(() => {
    const { vertigo, mood } = works
    insert(db, 'works', {
      id: vertigo.id,
      title: vertigo.title,
      year: vertigo.year,
      directors: JSON.stringify(vertigo.directors),
      tmdb_id: vertigo.tmdbId,
      ...stamps
    })
    insert(db, 'works', {
      id: mood.id,
      title: mood.title,
      original_title: mood.originalTitle,
      year: mood.year,
      directors: JSON.stringify(mood.directors),
      ...stamps
    })

    const v = reviews.vertigo
    insert(db, 'reviews', {
      id: v.id,
      work_id: vertigo.id,
      title: v.title,
      body: JSON.stringify(plainTextToLexical(v.text)),
      body_text: v.text,
      word_count: v.wordCount,
      rating: v.rating,
      status: v.status,
      has_spoilers: 1,
      outlet: v.outlet,
      published_url: v.publishedUrl,
      published_at: '2024-03-05T09:00:00.000Z',
      target_words: 800,
      ...stamps,
      ...(hasColumn(db, 'reviews', 'standfirst') ? { standfirst: v.standfirst } : {})
    })
    const m = reviews.mood
    insert(db, 'reviews', {
      id: m.id,
      work_id: mood.id,
      title: m.title,
      body: JSON.stringify(plainTextToLexical(m.text)),
      body_text: m.text,
      word_count: m.wordCount,
      status: m.status,
      ...stamps,
      ...(hasColumn(db, 'reviews', 'password') ? { password: m.password } : {})
    })
    const first = SEEDED.revision
    insert(db, 'review_revisions', {
      id: first.id,
      review_id: v.id,
      title: v.title,
      body: JSON.stringify(plainTextToLexical(first.text)),
      body_text: first.text,
      word_count: countWords(first.text),
      reason: 'publish',
      label: first.label,
      created_at: '2024-03-05T09:00:00.000Z'
    })

    const tagIds = new Map<string, string>()
    const tag = (name: string): string => {
      if (!tagIds.has(name)) {
        tagIds.set(name, `t-${tagIds.size + 1}`)
        insert(db, 'tags', { id: tagIds.get(name), name })
      }
      return tagIds.get(name) as string
    }
    for (const review of [v, m])
      for (const name of review.tags) insert(db, 'review_tags', { review_id: review.id, tag_id: tag(name) })

    const sv = screenings.vertigo
    insert(db, 'screenings', {
      id: sv.id,
      work_id: vertigo.id,
      watched_on: '2024-03-02',
      watched_time: '19:45',
      venue: sv.venue,
      format: 'cinema',
      format_detail: '70mm',
      companions: JSON.stringify(sv.companions),
      rewatch: 1,
      rating: 4.5,
      notes: sv.notes,
      review_id: v.id,
      ...stamps
    })
    const sm = screenings.mood
    insert(db, 'screenings', {
      id: sm.id,
      work_id: mood.id,
      watched_on: '2024-02-14',
      format: 'streaming',
      notes: sm.notes,
      ...stamps
    })
    for (const name of sv.tags) insert(db, 'screening_tags', { screening_id: sv.id, tag_id: tag(name) })

    SEEDED.responses.forEach((p, i) => {
      const receivedAt = `2024-03-0${6 + i}T10:00:00.000Z`
      insert(db, 'responses', {
        id: p.id,
        review_id: v.id,
        parent_id: p.parentId,
        author_name: p.author,
        body: p.body,
        received_at: receivedAt,
        status: p.status,
        is_own_reply: p.own ? 1 : 0,
        starred: p.starred ? 1 : 0,
        created_at: receivedAt,
        updated_at: receivedAt
      })
    })

    insert(db, 'settings', { key: 'preferences', value: JSON.stringify(SEEDED.settings) })
    insert(db, 'settings', {
      key: 'window.state',
      value: JSON.stringify({ width: 1200, height: 800, maximized: false })
    })

    if (dataTables(db).includes('work_aliases')) {
      insert(db, 'work_aliases', {
        alias: `id:${SEEDED.mergedVertigoId}`,
        work_id: vertigo.id,
        created_at: at
      })
    }
    if (dataTables(db).includes('change_log')) {
      insert(db, 'change_log', { kind: 'reviews', record_id: v.id, op: 'insert' })
    }
    if (dataTables(db).includes('sync_docs')) {
      const { doc, state, otherDevice, fileRead } = SEEDED.sync
      insert(db, 'sync_docs', { doc, state, body_sha: null, unapplied: 0 })
      insert(db, 'sync_outbox', { doc, data: state, file: null })
      insert(db, 'sync_files_read', { device: otherDevice, name: fileRead, size: 2 })
    }
  })()
}
