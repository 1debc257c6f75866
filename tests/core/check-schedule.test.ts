import { describe, expect, it } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openCore, type OpeningStep } from '../../src/main/core'
import { CHECK_EVERY_MS, integrityCheckDue } from '../../src/main/core/db/checkSchedule'
import { MIGRATIONS } from '../../src/main/core/db/migrations'
import { tempDir } from '../support/journal'
import { journalAtVersion } from './upgrade.support'

/** Opens the journal as the desktop app does and answers the steps it was told of. */
async function openAsApp(dataDir: string): Promise<{ steps: OpeningStep[]; close(): void }> {
  const steps: OpeningStep[] = []
  const core = await openCore({
    dataDir,
    version: 'test',
    checkIntegrity: 'when-due',
    onProgress: (step) => void steps.push(step)
  })
  return { steps, close: () => core.close() }
}

const checks = (steps: OpeningStep[]) => steps.filter((s) => s.what === 'check')

describe('the start-up check', () => {
  it('runs when never run, then not again until a week has passed', async () => {
    const dataDir = tempDir()
    // A new journal has nothing to check.
    const created = await openAsApp(dataDir)
    created.close()
    expect(created.steps).toEqual([])
    const first = await openAsApp(dataDir)
    first.close()
    expect(checks(first.steps)).toEqual([
      { what: 'check', label: 'Checking the journal for damage', done: 0, total: 1 }
    ])
    const second = await openAsApp(dataDir)
    second.close()
    expect(second.steps).toEqual([])
    expect(integrityCheckDue(dataDir, Date.now() + CHECK_EVERY_MS)).toEqual({ due: true, reason: 'week' })
    writeFileSync(join(dataDir, 'last-check'), new Date(Date.now() - CHECK_EVERY_MS - 1000).toISOString())
    const weekLater = await openAsApp(dataDir)
    weekLater.close()
    expect(checks(weekLater.steps)).toHaveLength(1)
  })

  it('runs after a session that did not close, and only once for it', async () => {
    const dataDir = tempDir()
    ;(await openAsApp(dataDir)).close()
    ;(await openAsApp(dataDir)).close()
    expect(integrityCheckDue(dataDir)).toEqual({ due: false, reason: null })
    // A session whose process is gone without closing (pid 2^22 + 1 is above Linux's maximum).
    mkdirSync(join(dataDir, 'sessions'), { recursive: true })
    writeFileSync(join(dataDir, 'sessions', `${2 ** 22 + 1}.open`), '')
    expect(integrityCheckDue(dataDir)).toEqual({ due: true, reason: 'crash' })
    const after = await openAsApp(dataDir)
    expect(checks(after.steps)).toHaveLength(1)
    // This session is open and alive: it does not count as one that failed to close.
    expect(integrityCheckDue(dataDir)).toEqual({ due: false, reason: null })
    after.close()
    ;(await openAsApp(dataDir)).close()
    expect(integrityCheckDue(dataDir).due).toBe(false)
  })

  it('names each migration a journal still needs before running it, in order', async () => {
    const dataDir = tempDir()
    journalAtVersion(dataDir, 8).close()
    writeFileSync(join(dataDir, 'last-check'), new Date().toISOString())
    const opened = await openAsApp(dataDir)
    opened.close()
    const pending = MIGRATIONS.filter((m) => m.id > 8)
    expect(opened.steps).toEqual(
      pending.map((m, i) => ({
        what: 'migrate',
        label: `Updating the journal: ${m.name.replace(/-/g, ' ')}`,
        done: i,
        total: pending.length
      }))
    )
  })
})
