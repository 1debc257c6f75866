import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { openCore, type Core } from '../../src/main/core'
import type {
  ChannelInput,
  ChannelName,
  ChannelResult,
  EventName,
  JournalEvents
} from '../../src/shared/contract'

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.()
})

/** A fresh temp folder, removed after the test. */
export function tempDir(prefix = 'rj-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

export interface TestJournal extends Core {
  events: { event: EventName; payload: unknown }[]
  /** Calls a channel and returns its value, failing the test on an error result. */
  call<K extends ChannelName>(channel: K, input?: ChannelInput<K>): Promise<ChannelResult<K>>
}

/** The real core on a real SQLite file in a temp folder, closed after the test. */
export async function openTestJournal(dataDir = tempDir()): Promise<TestJournal> {
  const events: TestJournal['events'] = []
  const core = await openCore({
    dataDir,
    version: 'test',
    emit: <E extends EventName>(event: E, payload: JournalEvents[E]) => events.push({ event, payload })
  })
  cleanups.unshift(() => core.close())
  return Object.assign(core, {
    events,
    async call<K extends ChannelName>(channel: K, input?: ChannelInput<K>) {
      const result = await core.dispatch(channel, input)
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`)
      return result.value as ChannelResult<K>
    }
  })
}
