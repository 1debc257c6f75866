import { describe, expect, it } from 'vitest'
import type { TaskProgress } from '../../../../shared/contract'
import { progressText } from './progressText'

const at = (patch: Partial<TaskProgress>): TaskProgress => ({
  taskId: 't',
  label: 'Importing',
  done: 0,
  total: null,
  ...patch
})

describe('progressText', () => {
  it('counts items, grouped as the locale writes numbers', () => {
    expect(progressText(at({ done: 1200, total: 5000 }))).toBe(
      `${(1200).toLocaleString()} of ${(5000).toLocaleString()}`
    )
    expect(progressText(at({ done: 12 }))).toBe('12 so far')
  })

  it('says how much of a file was read in KB and MB, not as a raw byte count', () => {
    expect(progressText(at({ done: 3.5 * 1024 * 1024, total: 48 * 1024 * 1024, unit: 'bytes' }))).toBe(
      '3.5 MB of 48.0 MB'
    )
    expect(progressText(at({ done: 300 * 1024, total: 900 * 1024, unit: 'bytes' }))).toBe('300 KB of 900 KB')
  })

  it('starts with "Starting…" until something is done', () => {
    expect(progressText(null)).toBe('Starting…')
    expect(progressText(at({}))).toBe('Starting…')
    expect(progressText(at({ total: 10 }))).toBe('0 of 10')
  })
})
