import type { Db } from '../db/connection'
import { plainTextToLexical } from '../../../shared/conversions/plainText'
import { newId, now } from '../ids'
import { createWork } from '../works/works'
import { createReview, saveReview } from '../reviews/reviews'
import { criticIdentity } from '../archive/critic'
import { deleteReviews, updateReview } from '../stores/reviews'
import { deleteScreenings, insertScreening } from '../stores/screenings'
import { insertResponse, type NewResponseRow } from '../stores/responses'
import { deleteUnusedSampleWorks } from '../stores/works'

/** Who signs the sample's own reply until Preferences name the critic. */
export const SAMPLE_CRITIC = 'The critic'

/**
 * A small journal written for first runs: three films, three reviews in each status, a few
 * screenings and one short reader thread. Every row is flagged `is_sample` so one call removes it.
 */
export function loadSample(db: Db): { reviews: number; screenings: number; responses: number } {
  const works = {
    nosferatu: createWork(db, {
      title: 'Nosferatu',
      year: 1922,
      directors: ['F. W. Murnau'],
      isSample: true
    }),
    sunrise: createWork(db, {
      title: 'Sunrise: A Song of Two Humans',
      year: 1927,
      directors: ['F. W. Murnau'],
      isSample: true
    }),
    generalFilm: createWork(db, {
      title: 'The General',
      year: 1926,
      directors: ['Buster Keaton', 'Clyde Bruckman'],
      isSample: true
    })
  }
  const published = createReview(db, {
    title: 'Sunrise still glows',
    workId: works.sunrise.id,
    isSample: true,
    body: plainTextToLexical(
      'Murnau builds a whole city out of light and then walks two frightened people through it. The trolley ride into town is one of the great passages in cinema: the marsh gives way to streets, and the couple, still raw from what nearly happened on the lake, are carried along before they can speak.\n\nWhat surprises on a rewatch is how funny the middle hour is. The runaway pig, the barber, the photographer: small comedies that let the marriage heal in public.'
    )
  })
  saveReview(db, { id: published.id, rating: 5, tags: ['silent', 'restoration'] })
  updateReview(db, published.id, {
    status: 'published',
    outlet: 'The Sample Gazette',
    published_at: '2026-03-14T09:00:00.000Z',
    published_url: 'https://example.org/reviews/sunrise'
  })

  const ready = createReview(db, {
    title: 'The General runs on time',
    workId: works.generalFilm.id,
    isSample: true,
    body: plainTextToLexical(
      'Keaton never asks for sympathy, which is why he gets it. Every gag is engineered like the locomotive he is chasing.'
    )
  })
  saveReview(db, { id: ready.id, rating: 4.5, tags: ['silent', 'comedy'] })
  updateReview(db, ready.id, { status: 'ready' })

  createReview(db, {
    title: 'Notes on Nosferatu',
    workId: works.nosferatu.id,
    isSample: true,
    body: plainTextToLexical(
      'Draft. The shadow on the stairs, obviously, but also the daylight scenes, which are stranger.'
    )
  })

  const at = now()
  const rows: [
    string,
    string,
    string,
    string,
    string | null,
    string[],
    number,
    number | null,
    string,
    string | null
  ][] = [
    [
      works.sunrise.id,
      '2025-11-02',
      'Film Forum',
      'cinema',
      null,
      ['Ana'],
      0,
      4.5,
      'New 4K restoration, live organ.',
      null
    ],
    [
      works.sunrise.id,
      '2026-03-01',
      'Home',
      'home-media',
      'Blu-ray',
      [],
      1,
      5,
      'Watched again before writing.',
      published.id
    ],
    [
      works.generalFilm.id,
      '2026-02-10',
      'Cinémathèque',
      'festival',
      'Silent Days',
      ['Ana', 'Tom'],
      0,
      4.5,
      '',
      ready.id
    ],
    [
      works.nosferatu.id,
      '2026-10-31',
      'Home',
      'streaming',
      'Criterion Channel',
      [],
      1,
      4,
      'Halloween tradition.',
      null
    ]
  ]
  for (const [workId, on, venue, format, detail, companions, rewatch, rating, notes, reviewId] of rows) {
    insertScreening(db, {
      id: newId(),
      work_id: workId,
      watched_on: on,
      venue,
      format,
      format_detail: detail,
      companions: JSON.stringify(companions),
      rewatch: rewatch === 1,
      rating,
      notes,
      review_id: reviewId,
      is_sample: true,
      created_at: at,
      updated_at: at
    })
  }

  const respond = (
    id: string,
    fields: Pick<NewResponseRow, 'parent_id' | 'author_name' | 'body' | 'received_at' | 'status'> &
      Partial<NewResponseRow>
  ) => insertResponse(db, { id, review_id: published.id, created_at: at, updated_at: at, ...fields })
  const first = newId()
  const reply = newId()
  respond(first, {
    parent_id: null,
    author_name: 'Marguerite',
    body: 'I had only seen it on a washed-out DVD. Is the restoration worth the trip?',
    received_at: '2026-03-15T18:22:00.000Z',
    status: 'replied'
  })
  // Signed as the critic signs replies, so it reads (and exports to WordPress) as theirs.
  const critic = criticIdentity(db)
  respond(reply, {
    parent_id: first,
    author_name: critic.name ?? SAMPLE_CRITIC,
    author_email: critic.email,
    body: 'Absolutely: the night scenes finally have depth. Go see it with the organ if you can.',
    received_at: '2026-03-15T20:05:00.000Z',
    status: 'read',
    is_own_reply: true
  })
  respond(newId(), {
    parent_id: reply,
    author_name: 'Marguerite',
    body: 'Booked for Saturday. Thank you!',
    received_at: '2026-03-16T08:40:00.000Z',
    status: 'new'
  })
  respond(newId(), {
    parent_id: null,
    author_name: 'Dev Patel (no, not that one)',
    author_email: 'dev@example.org',
    author_url: 'https://example.org/dev',
    body: 'The pig sequence is the best thing in it and I will not be taking questions.',
    received_at: '2026-03-17T11:12:00.000Z',
    status: 'new'
  })
  return { reviews: 3, screenings: rows.length, responses: 4 }
}

/** Removes every sample row (responses and revisions follow their reviews). */
export function removeSample(db: Db): number {
  const reviews = deleteReviews(db, 'sample')
  const screenings = deleteScreenings(db, 'sample')
  // A sample film the critic has since used for their own screening stays.
  const works = deleteUnusedSampleWorks(db)
  return reviews + screenings + works
}

export function hasSample(db: Db): boolean {
  return Boolean(
    db
      .prepare(
        'SELECT 1 FROM reviews WHERE is_sample = 1 UNION ALL SELECT 1 FROM works WHERE is_sample = 1 LIMIT 1'
      )
      .get()
  )
}
