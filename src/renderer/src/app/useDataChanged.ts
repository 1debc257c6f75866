import { useEffect } from 'react'
import type { DataKind } from '../../../shared/domain'
import { journal } from '../bridge'

/** Runs `reload` when the main side reports that data of one of `kinds` changed (imports …). */
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
