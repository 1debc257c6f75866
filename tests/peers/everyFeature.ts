import { convertReviewHtml } from '../../src/main/core/conversions/dom'
import { lexicalToPlainText, countWords } from '../../src/shared/conversions/plainText'
import { openTestJournal, type TestJournal } from '../support/journal'
import { seedJournal } from '../core/archive.support'

/** Text a WordPress round trip must carry untouched: markup-like text, CDATA ends, bidi, emoji, entities. */
export const HOSTILE =
  'Tom &amp; <script>alert("x")</script> ]]> \u202eevil\u202c 🎬 עברית — “quotes” & \\slashes\\'

const REVIEWS: {
  id: string
  title: string
  html: string
  status: string
  standfirst: string
  password: string | null
  at: string
}[] = [
  {
    id: 'r-protected',
    title: 'Members only: the director’s cut',
    html: '<p>Only subscribers may read this.</p>',
    status: 'published',
    standfirst: 'A first look, for members.',
    password: 'enter ]]> «now» & then',
    at: '2015-02-01T10:00:00.000Z'
  },
  {
    id: 'r-features',
    title: 'Spoilers and pull quotes',
    html:
      '<h2>The set-up</h2><p>The twist: <span class="spoiler">the narrator was dead all along</span>, and <a href="https://example.org/ref">a link</a>.</p>' +
      '<blockquote class="pullquote">A pull quote worth quoting.</blockquote><blockquote><p>An ordinary quote.</p></blockquote><ul><li>one</li><li>two <strong>bold</strong></li></ul>',
    status: 'ready',
    standfirst: '',
    password: null,
    at: '2015-03-01T10:00:00.000Z'
  },
  {
    id: 'r-hostile',
    title: HOSTILE,
    html: `<p>${HOSTILE.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p>`,
    status: 'draft',
    standfirst: HOSTILE,
    password: null,
    at: '2015-04-01T10:00:00.000Z'
  }
]

/**
 * A journal holding everything a WordPress export must carry: the archive suite's seed (threads
 * three deep, an own reply, spam, a sample review, one in the trash), a protected post with a
 * standfirst, spoilers, pull quotes, lists and links, and hostile text in titles, bodies,
 * standfirsts, names and responses.
 */
export async function everyFeatureJournal(): Promise<TestJournal> {
  const journal = await openTestJournal()
  const db = journal.db
  seedJournal(db)
  const review = db.prepare(
    `INSERT INTO reviews (id, title, body, body_text, word_count, status, standfirst, password, outlet, published_url, published_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'The Blog', ?, ?, ?, ?)`
  )
  for (const r of REVIEWS) {
    const doc = convertReviewHtml(r.html).doc
    const text = lexicalToPlainText(doc)
    const published = r.status === 'published'
    review.run(
      r.id,
      r.title,
      JSON.stringify(doc),
      text,
      countWords(text),
      r.status,
      r.standfirst,
      r.password,
      published ? 'https://example.org/members' : null,
      published ? r.at : null,
      r.at,
      r.at
    )
  }
  const response = db.prepare(
    `INSERT INTO responses (id, review_id, parent_id, author_name, author_email, body, received_at, status, is_own_reply, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const at = (minutes: number) =>
    new Date(Date.parse('2015-04-02T10:00:00.000Z') + minutes * 60_000).toISOString()
  response.run(
    'q-1',
    'r-hostile',
    null,
    HOSTILE,
    'hostile@example.org',
    HOSTILE,
    at(0),
    'replied',
    0,
    at(0),
    at(0)
  )
  response.run(
    'q-2',
    'r-hostile',
    'q-1',
    'The Critic',
    null,
    `Answering ${HOSTILE}`,
    at(5),
    'read',
    1,
    at(5),
    at(5)
  )
  response.run(
    'q-3',
    'r-hostile',
    'q-2',
    'Reader Two',
    null,
    'Held for moderation.',
    at(9),
    'hidden',
    0,
    at(9),
    at(9)
  )
  response.run(
    'q-4',
    'r-protected',
    null,
    'Member',
    'member@example.org',
    'Thanks for the preview.\n\nSecond paragraph.',
    at(12),
    'new',
    0,
    at(12),
    at(12)
  )
  return journal
}
