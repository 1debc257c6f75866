import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createPrivateFile, makePrivateFolder } from './privateFiles'

/**
 * When the desktop app runs `PRAGMA quick_check` at start: a week after the last one, or after
 * a session that did not close (a crash, a power cut, a killed process), when damage is likeliest.
 * On every start it cost 2.5 s on a 68 MB journal before the window could open.
 */
export const CHECK_EVERY_MS = 7 * 24 * 3600_000

const LAST_CHECK = 'last-check'
const SESSIONS = 'sessions'

/** Whether a process with this id is still running (signal 0 only asks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Sessions that began and never ended: their process is gone but their mark is still there. */
function unclosedSessions(dataDir: string): string[] {
  let marks: string[]
  try {
    marks = readdirSync(join(dataDir, SESSIONS))
  } catch {
    return []
  }
  return marks.filter((name) => {
    const pid = Number(/^(\d+)\.open$/.exec(name)?.[1])
    return Number.isInteger(pid) && pid !== process.pid && !alive(pid)
  })
}

/** Whether the start-up check is due for the journal in `dataDir`, and why. */
export function integrityCheckDue(
  dataDir: string,
  now = Date.now()
): { due: boolean; reason: 'never' | 'crash' | 'week' | null } {
  if (unclosedSessions(dataDir).length > 0) return { due: true, reason: 'crash' }
  let last: number
  try {
    last = Date.parse(readFileSync(join(dataDir, LAST_CHECK), 'utf8').trim())
  } catch {
    return { due: true, reason: 'never' }
  }
  if (!Number.isFinite(last) || now - last >= CHECK_EVERY_MS)
    return { due: true, reason: Number.isFinite(last) ? 'week' : 'never' }
  return { due: false, reason: null }
}

/** Notes that the journal was checked now, and clears the marks of sessions that never closed. */
export function recordIntegrityCheck(dataDir: string, at = new Date()): void {
  const file = join(dataDir, LAST_CHECK)
  createPrivateFile(file)
  writeFileSync(file, at.toISOString())
  for (const name of unclosedSessions(dataDir)) rmSync(join(dataDir, SESSIONS, name), { force: true })
}

/**
 * Marks this process's session as open until the returned function ends it; a mark left behind
 * tells the next start that this session did not close.
 */
export function beginSession(dataDir: string): () => void {
  const dir = join(dataDir, SESSIONS)
  makePrivateFolder(dir)
  const mark = join(dir, `${process.pid}.open`)
  createPrivateFile(mark)
  return () => rmSync(mark, { force: true })
}
