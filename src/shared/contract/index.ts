import type { z } from 'zod'
import type { Result } from './define'
import { appChannels } from './app'
import { reviewChannels } from './reviews'
import { workChannels } from './works'
import { screeningChannels } from './screenings'
import { responseChannels } from './responses'
import { archiveChannels } from './archive'
import { searchChannels } from './search'
import { statsChannels } from './stats'
import { backupChannels } from './backup'
import { settingsChannels } from './settings'
import { syncChannels } from './sync'

export * from './define'
export * from './app'

/**
 * The whole contract: every channel, named once. Each feature declares its channels in its own
 * file; a name declared twice is a type error here (the spread would hide it, so `assertDisjoint`
 * also checks at run time).
 */
export const channels = assertDisjoint(
  appChannels,
  reviewChannels,
  workChannels,
  screeningChannels,
  responseChannels,
  archiveChannels,
  searchChannels,
  statsChannels,
  backupChannels,
  settingsChannels,
  syncChannels
)

export type Channels = typeof channels
export type ChannelName = keyof Channels & string
export type ChannelInput<K extends ChannelName> = z.input<Channels[K]['input']>
export type ChannelParsed<K extends ChannelName> = z.output<Channels[K]['input']>
export type ChannelResult<K extends ChannelName> = Channels[K]['result']

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[]

/** What the renderer sees as `window.journal`, whichever host runs it. */
export type JournalApi = {
  [K in ChannelName]: undefined extends ChannelInput<K>
    ? (input?: ChannelInput<K>) => Promise<Result<ChannelResult<K>>>
    : (input: ChannelInput<K>) => Promise<Result<ChannelResult<K>>>
} & {
  on<E extends import('./app').EventName>(
    event: E,
    listener: (payload: import('./app').JournalEvents[E]) => void
  ): () => void
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never

function assertDisjoint<T extends Record<string, unknown>[]>(...maps: T): UnionToIntersection<T[number]> {
  const merged: Record<string, unknown> = {}
  for (const map of maps) {
    for (const [name, value] of Object.entries(map)) {
      if (name in merged) throw new Error(`Channel "${name}" is declared twice`)
      merged[name] = value
    }
  }
  return merged as UnionToIntersection<T[number]>
}
