import type { Core } from '../../main/core'
import type { ChannelInput, ChannelName, ChannelResult } from '../../shared/contract'
import { CliFailure, UsageError } from './io'

/** Calls one channel through the same dispatcher the app uses; failures become one clear line. */
export async function call<K extends ChannelName>(
  core: Core,
  channel: K,
  input?: ChannelInput<K>
): Promise<ChannelResult<K>> {
  const result = await core.dispatch(channel, input)
  if (result.ok) return result.value as ChannelResult<K>
  if (result.error.code === 'INVALID_INPUT') throw new UsageError(result.error.message)
  throw new CliFailure(result.error.message)
}
