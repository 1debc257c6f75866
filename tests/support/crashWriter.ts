/**
 * The writer the crash test kills: opens the journal the way the app does and saves one review
 * as fast as it can, printing each save's number only after the save has returned. Run by
 * tests/core/crash.test.ts (bundled first, so that each of its 200 starts is quick).
 */
import { writeSync } from 'node:fs'
import { openJournal, transaction } from '../../src/main/core/db/connection'
import { saveReview } from '../../src/main/core/reviews/save'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'

const [dataDir, reviewId] = process.argv.slice(2) as [string, string]
const db = await openJournal(dataDir)
const row = db.prepare('SELECT body_text FROM reviews WHERE id = ?').get(reviewId) as { body_text: string }
let n = Number(/^save (\d+)/.exec(row.body_text)?.[1] ?? 0) + 1
// A few kilobytes per save, so that a kill can land in the middle of writing pages.
const filler = 'The long take holds on the empty street until the light changes. '.repeat(60)

writeSync(1, 'ready\n')
for (;;) {
  const body = plainTextToLexical(`save ${n}\n\n${filler}`)
  transaction(db, () => saveReview(db, { id: reviewId, body }))
  // Pipes are synchronous on Linux and macOS: the number is out before the next save starts.
  writeSync(1, `${n}\n`)
  n++
}
