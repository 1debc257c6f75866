import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCore, type Core } from '../../src/main/core'
import { syncWithFolder } from '../../src/main/core/sync'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'
import { call, measure, report, reportRun, sampler, timedCli } from '../harness'
import { seedSearchCorpus } from './searchCorpus'

/**
 * Sync through a shared folder on a generated journal: the first round of a journal that never
 * synced (every record captured into Yjs and written out; on the other computer, every record
 * merged and written through the stores), each computer a process of its own running the
 * command line, as a critic's would; then one edited review travelling from one journal to the
 * other, end to end. SYNC_BENCH_REVIEWS sets the size (the goal is 10,000 reviews with
 * three responses and two screenings each).
 */
const REVIEWS = Math.max(10, Number(process.env.SYNC_BENCH_REVIEWS ?? 2_000) || 2_000)
const RESPONSES = REVIEWS * 3
const SCREENINGS = REVIEWS * 2
const WORDS = 800

/** What the generated journal holds, for the figures' names. */
export const SEEDED_LABEL = `${REVIEWS.toLocaleString('en')} reviews (~${WORDS} words), ${RESPONSES.toLocaleString('en')} responses, ${SCREENINGS.toLocaleString('en')} screenings`

export async function syncBench(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'rj-bench-sync-'))
  const folder = join(root, 'shared')
  const open = (name: string) => openCore({ dataDir: join(root, name), version: 'bench' })
  const sync = (name: string) => ['--data-dir', join(root, name), 'sync', '--folder', folder, '--json']
  try {
    const seeded = await open('a')
    seedWithBodies(seeded)
    seeded.close()
    mkdirSync(folder)

    reportRun(`first sync, sending: ${SEEDED_LABEL}`, timedCli(sync('a')))
    reportRun(`first sync, receiving: ${SEEDED_LABEL}`, timedCli(sync('b')))
    const a = await open('a')
    const b = await open('b')
    report('Yjs state beside the SQLite file', yjsShare(a))

    const ids = a.db.prepare('SELECT id FROM reviews ORDER BY rid LIMIT 50').pluck().all() as string[]
    let round = 0
    const edits = sampler()
    await measure('one edited review, end to end (save, sync out, sync in)', 30, async () => {
      const id = ids[round++ % ids.length]
      const review = await call(a, 'reviews.get', { id })
      const body = review.body
      const children = [
        ...body.root.children,
        ...plainTextToLexical(`An afterthought, round ${round}.`).root.children
      ]
      await call(a, 'reviews.save', { id, body: { ...body, root: { ...body.root, children } } })
      await syncWithFolder(a.db, { folder })
      const arrived = await syncWithFolder(b.db, { folder })
      if (!arrived.applied.reviews) throw new Error('the edited review did not arrive')
    })
    report('one edited review: peak memory', `${edits.stop().peakMb.toFixed(0)} MB`)
    a.close()
    b.close()
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

/**
 * The search corpus (raw inserts, no change log: the first capture must read every row), with
 * its plain text turned into real editor bodies of a few paragraphs each, so the Yjs bodies
 * carry every word.
 */
export function seedWithBodies(core: Core): void {
  core.db.pragma('synchronous = OFF')
  seedSearchCorpus(core.db, REVIEWS, RESPONSES, WORDS)
  seedScreenings(core)
  const rows = core.db.prepare('SELECT id, body_text FROM reviews').all() as {
    id: string
    body_text: string
  }[]
  const update = core.db.prepare('UPDATE reviews SET body = ? WHERE id = ?')
  core.db.transaction(() => {
    for (const row of rows) {
      const words = row.body_text.split(' ')
      const paragraphs: string[] = []
      for (let i = 0; i < words.length; i += 100) paragraphs.push(words.slice(i, i + 100).join(' '))
      update.run(JSON.stringify(plainTextToLexical(paragraphs.join('\n\n'))), row.id)
    }
  })()
  core.db.pragma('synchronous = NORMAL')
}

/** Screenings of the generated films, one in three linked to its review, with notes and a venue. */
function seedScreenings(core: Core): void {
  const films = core.db.prepare('SELECT id FROM works ORDER BY rid').pluck().all() as string[]
  const screening = core.db.prepare(
    `INSERT INTO screenings (id, work_id, watched_on, venue, notes, review_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const at = '2025-01-01T00:00:00.000Z'
  core.db.transaction(() => {
    for (let i = 0; i < SCREENINGS; i++) {
      const day = new Date(Date.UTC(2010, 0, 1) + i * 3_600_000).toISOString().slice(0, 10)
      const review = i % 3 === 0 ? `r${(i / 3) % REVIEWS}` : null
      screening.run(
        `s${i}`,
        films[i % films.length],
        day,
        `Screen ${i % 12}`,
        `Seen with notes ${i}.`,
        review,
        at,
        at
      )
    }
  })()
}

/** The Yjs state's size against the journal file's. */
function yjsShare(core: Core): string {
  core.db.pragma('wal_checkpoint(TRUNCATE)')
  const file = statSync(core.db.name).size
  const yjs = core.db
    .prepare(
      'SELECT sum(length(state)) + coalesce((SELECT sum(length(data)) FROM sync_outbox), 0) FROM sync_docs'
    )
    .pluck()
    .get() as number
  return `${(yjs / 1024 ** 2).toFixed(1)} MB of Yjs in a ${(file / 1024 ** 2).toFixed(1)} MB file (${((100 * yjs) / file).toFixed(0)}%)`
}
