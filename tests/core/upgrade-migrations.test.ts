import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listMigrations, MIGRATIONS } from '../../src/main/core/db/migrations'

const FOLDER = join(__dirname, '../../src/main/core/db/migrations')

describe('the migrations are listed from their files', () => {
  it('holds every NNN-name.ts in the folder, in order, each with its SQL', () => {
    const files = readdirSync(FOLDER)
      .filter((name) => /^\d{3}-.*\.ts$/.test(name))
      .sort()
    expect(files.length).toBeGreaterThan(7)
    expect(MIGRATIONS.map((m) => `${String(m.id).padStart(3, '0')}-${m.name}.ts`)).toEqual(files)
    expect(MIGRATIONS[0]).toMatchObject({ id: 1, name: 'initial-schema' })
    for (const migration of MIGRATIONS)
      expect(migration.sql).toMatch(/\b(CREATE|ALTER|DROP|INSERT|UPDATE)\b/i)
  })

  it('takes the id and name from the file name and the SQL from the camel-cased export', () => {
    const listed = listMigrations(
      {
        '003-later.ts': { later: 'SELECT 3' },
        '001-first-step.ts': { firstStep: 'SELECT 1', helper: 'not this' }
      },
      new Set([2])
    )
    expect(listed).toEqual([
      { id: 1, name: 'first-step', sql: 'SELECT 1' },
      { id: 3, name: 'later', sql: 'SELECT 3' }
    ])
  })

  it('refuses two files with one number', () => {
    expect(() => listMigrations({ '001-a.ts': { a: '' }, '001-b.ts': { b: '' } }, new Set())).toThrow(
      /001-a\.ts and 001-b\.ts have the same number/
    )
  })

  it('refuses a gap, and a file that takes a number journals skipped', () => {
    expect(() => listMigrations({ '001-a.ts': { a: '' }, '003-c.ts': { c: '' } }, new Set())).toThrow(
      /Migration 002 is missing/
    )
    expect(() => listMigrations({ '001-a.ts': { a: '' }, '002-b.ts': { b: '' } }, new Set([2]))).toThrow(
      /002-b\.ts takes a number that was skipped/
    )
  })

  it('refuses a misnamed file and one without its export', () => {
    expect(() => listMigrations({ '01-short.ts': { short: '' } }, new Set())).toThrow(
      /01-short\.ts is not named NNN-name\.ts/
    )
    expect(() => listMigrations({ '001-Upper_case.ts': { x: '' } }, new Set())).toThrow(
      /is not named NNN-name\.ts/
    )
    expect(() => listMigrations({ '001-add-table.ts': { addTables: '' } }, new Set())).toThrow(
      /must export its SQL as a string named addTable/
    )
  })
})
