import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { benchJournal, measure, report } from '../harness'
import { prose, rng } from '../generate'
import { importFile } from '../../src/main/core/archive/import/importFile'
import type { Db } from '../../src/main/core/db/connection'

const ROWS = 10_000
const FILMS = 3_000

interface Diary {
  csv: string
  works: unknown[][]
  screenings: unknown[][]
}

/** A diary.csv of 10,000 viewings of 3,000 films (quoted titles, ratings, rewatches, tags). */
function generate(): Diary {
  const random = rng(5)
  const lines = ['Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date']
  const works: unknown[][] = []
  const screenings: unknown[][] = []
  // Titles of a few words, like real ones, so finding a film by title compares a handful of
  // candidates rather than every film sharing one word.
  const title = (f: number) => `${prose(2, random).replace(/\.$/, '')} ${f.toString(36)}`
  for (let f = 0; f < FILMS; f++)
    works.push([
      `w${f}`,
      f % 7 === 0 ? `The Good, the Bad and ${title(f)}` : title(f),
      1920 + (f % 100),
      'x',
      'x'
    ])
  for (let i = 0; i < ROWS; i++) {
    const f = Math.floor(random() * FILMS)
    const [, title, year] = works[f] as [string, string, number]
    const day = new Date(Date.UTC(2012, 0, 1) + i * 43_200_000).toISOString().slice(0, 10)
    const rating = random() < 0.3 ? '' : String(Math.ceil(random() * 10) / 2)
    const rewatch = random() < 0.2 ? 'Yes' : ''
    const tags = random() < 0.3 ? '"at home, streaming"' : ''
    const name = title.includes(',') ? `"${title}"` : title
    lines.push(
      `${day},${name},${year},https://boxd.it/v${i.toString(36)},${rating},${rewatch},${tags},${day}`
    )
    screenings.push([
      `s${i}`,
      `w${f}`,
      day,
      rewatch ? 1 : 0,
      rating === '' ? null : Number(rating),
      `letterboxd:diary:https://boxd.it/v${i.toString(36)}:${day}`,
      'x',
      'x'
    ])
  }
  return { csv: lines.join('\r\n') + '\r\n', works, screenings }
}

function insertRaw(db: Db, diary: Diary): void {
  const work = db.prepare(
    'INSERT INTO works (id, title, year, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'
  )
  const screening = db.prepare(
    'INSERT INTO screenings (id, work_id, watched_on, rewatch, rating, source_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
  )
  db.transaction(() => {
    for (const row of diary.works) work.run(...row)
    for (const row of diary.screenings) screening.run(...row)
  })()
}

/** Letterboxd diary of 10,000 rows into an empty journal, beside a raw insert of the same rows. */
export async function letterboxdBench(): Promise<void> {
  const diary = generate()
  const dir = mkdtempSync(join(tmpdir(), 'rj-bench-letterboxd-'))
  const file = join(dir, 'diary.csv')
  writeFileSync(file, diary.csv)
  const rows = diary.works.length + diary.screenings.length
  const never = new AbortController().signal
  const targets: Awaited<ReturnType<typeof benchJournal>>[] = []
  const imported = await measure(
    `letterboxd: import a ${ROWS}-row diary (${FILMS} films) into an empty journal`,
    5,
    async () => {
      const target = await benchJournal()
      targets.push(target)
      const { report: r } = await importFile(target.db, file, {
        format: 'letterboxd',
        dryRun: false,
        dataDir: target.dataDir,
        signal: never,
        progress: () => {}
      })
      if (r.counts.screening.created !== ROWS)
        throw new Error(`imported ${r.counts.screening.created} screenings`)
    },
    1
  )
  const raw = await measure(
    `baseline: raw insert of the same ${rows} rows, one transaction`,
    5,
    async () => {
      const target = await benchJournal()
      targets.push(target)
      insertRaw(target.db, diary)
    },
    1
  )
  const again = await measure(
    'letterboxd: import the same diary again (nothing changes)',
    5,
    async () => {
      await importFile(targets[0].db, file, {
        format: 'letterboxd',
        dryRun: false,
        dataDir: targets[0].dataDir,
        signal: never,
        progress: () => {}
      })
    },
    0
  )
  report(
    '  rates',
    `import ${Math.round(rows / (imported.medianMs / 1000))} rows/s, raw ${Math.round(rows / (raw.medianMs / 1000))} rows/s (${((raw.medianMs / imported.medianMs) * 100).toFixed(0)}% of raw; aim ≥ 50%); target ≤ 2,000 ms`
  )
  report('  re-import', `median ${again.medianMs.toFixed(0)} ms`)
  for (const t of targets) t.done()
  rmSync(dir, { recursive: true, force: true })
}
