import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { benchJournal, call, measure, report } from '../harness'
import { prose, rng } from '../generate'
import { backupJournal } from '../../src/main/core/backup/backups'
import { openJournal, quickCheck, DB_FILE_NAME } from '../../src/main/core/db/connection'

/**
 * A journal of years of work (5,000 reviews of ~800 words): the online backup against a plain
 * file copy, and the start-up quick_check (with the whole open) against opening without it.
 */
export async function backupBench(): Promise<void> {
  const journal = await benchJournal()
  const random = rng(8)
  const insert = journal.db.prepare(
    `INSERT INTO reviews (id, title, body, body_text, word_count, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`
  )
  journal.db.transaction(() => {
    for (let n = 0; n < 5_000; n++) {
      const text = prose(800, random)
      const at = new Date(Date.UTC(2018, 0, 1) + n * 3_600_000).toISOString()
      insert.run(
        `bench-${n}`,
        `Review ${n}`,
        JSON.stringify({ root: { type: 'root', children: [] } }),
        text,
        800,
        at,
        at
      )
    }
  })()
  journal.db.pragma('wal_checkpoint(TRUNCATE)')
  const file = join(journal.dataDir, DB_FILE_NAME)
  report('journal size', `${(statSync(file).size / 1024 / 1024).toFixed(1)} MB, 5,000 reviews`)

  await call(journal, 'settings.update', { backupsToKeep: 3 })
  await measure(
    'core: backupJournal (online backup, self-contained copy)',
    10,
    () => backupJournal(journal.db, journal.dataDir, 'manual'),
    1
  )
  const scratch = mkdtempSync(join(tmpdir(), 'rj-bench-copy-'))
  await measure(
    'baseline: plain file copy of the same journal',
    10,
    () => copyFileSync(file, join(scratch, 'copy.sqlite')),
    1
  )
  rmSync(scratch, { recursive: true, force: true })

  await measure('core: PRAGMA quick_check on the journal', 10, () => quickCheck(journal.db))
  await measure('baseline: SELECT count(*) over reviews', 10, () =>
    journal.db.prepare('SELECT count(*) FROM reviews').get()
  )
  journal.db.pragma('wal_checkpoint(TRUNCATE)')
  await measure('core: open with the start-up check', 10, async () =>
    (await openJournal(journal.dataDir, { checkIntegrity: true })).close()
  )
  await measure('baseline: open without it', 10, async () => (await openJournal(journal.dataDir)).close())
  journal.done()
}
