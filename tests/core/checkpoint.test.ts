import { describe, expect, it } from 'vitest'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { DB_FILE_NAME } from '../../src/main/core/db/connection'
import { CHECKPOINT_IDLE_MS } from '../../src/main/core/db/checkpoint'
import { plainTextToLexical } from '../../src/shared/conversions/plainText'
import { openTestJournal } from '../support/journal'

describe('checkpointing the write-ahead log', () => {
  it('leaves it out of the save and copies it into the database file once the journal is idle', async () => {
    const journal = await openTestJournal()
    const review = await journal.call('reviews.create', { title: 'Long' })
    await new Promise((resolve) => setTimeout(resolve, CHECKPOINT_IDLE_MS * 2))
    const fileSize = () => statSync(join(journal.dataDir, DB_FILE_NAME)).size
    const before = fileSize()

    // About 6 MB of document: far more than SQLite's default 1,000-page automatic checkpoint.
    const text = Array.from(
      { length: 12000 },
      (_, i) => `Paragraph ${i} of a very long review about light and time.`
    ).join('\n\n')
    await journal.call('reviews.save', { id: review.id, body: plainTextToLexical(text) })
    expect(fileSize()).toBe(before)

    await expect.poll(fileSize, { timeout: 5000 }).toBeGreaterThan(before + 1_000_000)
    expect((await journal.call('reviews.get', { id: review.id })).text).toBe(text)
  })
})
