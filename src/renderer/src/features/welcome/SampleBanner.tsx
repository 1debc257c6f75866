import { useState } from 'react'
import { journal, unwrap } from '../../bridge'
import { reportError, useNotices } from '../../app/noticeStore'

/** While the sample journal is loaded, says so and removes it in one step. */
export function SampleBanner({ onRemoved }: { onRemoved(): void }) {
  const [busy, setBusy] = useState(false)
  async function remove() {
    setBusy(true)
    try {
      await unwrap(journal['sample.remove']())
      useNotices.getState().show({ tone: 'info', message: 'The sample journal was removed.' })
      onRemoved()
    } catch (err) {
      reportError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="banner" role="region" aria-label="Sample journal">
      <p>You are looking at the sample journal. Your own writing is kept when you remove it.</p>
      <button type="button" onClick={remove} disabled={busy}>
        Remove sample
      </button>
    </div>
  )
}
