import { useEffect } from 'react'
import type { DataKind } from '../../../shared/domain'
import { journal } from '../bridge'

/**
 * Runs `reload` when data of one of `kinds` changed. The core announces every committed write
 * from its change log (the critic's own saves too, and imports), so this is the one way a screen
 * learns of a change: subscribe to the kinds it shows and nothing else.
 */
export function useDataChanged(kinds: DataKind[], reload: () => void): void {
  const key = kinds.join(',')
  useEffect(
    () =>
      journal.on('data.changed', (payload) => {
        if (payload.kinds.some((k) => key.split(',').includes(k))) reload()
      }),
    [key, reload]
  )
}
