import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { openTestJournal, tempDir } from '../support/journal'

function cli(args: string[]) {
  const result = spawnSync(process.execPath, ['bin/review-journal.cjs', ...args], { encoding: 'utf8' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('the CLI backup command', () => {
  it('creates, lists and restores backups', async () => {
    const dir = tempDir()
    const journal = await openTestJournal(dir)
    await journal.call('reviews.create', { title: 'Kept' })
    journal.close()

    const created = cli(['--data-dir', dir, 'backup', 'create', '--json'])
    expect(created.code).toBe(0)
    const info = JSON.parse(created.stdout)
    expect(info.reason).toBe('manual')

    const listed = JSON.parse(cli(['--data-dir', dir, 'backup', 'list', '--json']).stdout)
    expect(listed.backups.map((b: { name: string }) => b.name)).toEqual([info.name])
    expect(cli(['--data-dir', dir, 'backup', 'list']).stdout).toContain(info.name)

    const later = await openTestJournal(dir)
    await later.call('reviews.create', { title: 'Added later' })
    later.close()

    const restored = cli(['--data-dir', dir, 'backup', 'restore', 'latest'])
    expect(restored.code).toBe(0)
    expect(restored.stdout).toMatch(/^Restored manual-.*before-restore-/s)
    const titles = JSON.parse(cli(['--data-dir', dir, 'list', 'reviews', '--json']).stdout).map(
      (r: { title: string }) => r.title
    )
    expect(titles).toEqual(['Kept'])
  }, 60_000)

  it('answers bad usage with exit code 2 and one clear line', () => {
    const dir = tempDir()
    for (const args of [
      ['backup', 'explode'],
      ['backup', 'restore', '../journal.sqlite']
    ]) {
      const result = cli(['--data-dir', dir, ...args])
      expect(result.code).toBe(2)
      expect(result.stderr.split('\n')[0]).toMatch(/^review-journal: /)
    }
    const missing = cli(['--data-dir', dir, 'backup', 'restore', 'daily-2026-01-01T00-00-00-000Z.sqlite'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/No backup|no backup/)
  }, 60_000)
})
