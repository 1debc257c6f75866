import { useState } from 'react'
import { journal, unwrap } from '../../bridge'
import { reportError } from '../../app/noticeStore'
import { useNavigation } from '../../app/navigationStore'
import { JoinJournal } from '../sync/JoinJournal'

/** Shown on an empty journal: start writing, or look around a small sample journal first. */
export function FirstRun({
  onStartWriting,
  onSampleLoaded
}: {
  onStartWriting(): void
  onSampleLoaded(): void
}) {
  const [busy, setBusy] = useState(false)
  const [joining, setJoining] = useState(false)
  async function openSample() {
    setBusy(true)
    try {
      await unwrap(journal['sample.load']())
      onSampleLoaded()
    } catch (err) {
      reportError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="first-run" aria-labelledby="welcome-heading">
      <h1 id="welcome-heading">Welcome to Review Journal</h1>
      <p>Your reviews, screenings and readers’ responses, kept on this computer and available offline.</p>
      <div className="row">
        <button type="button" className="primary" onClick={onStartWriting} autoFocus>
          Start writing
        </button>
        <button type="button" onClick={openSample} disabled={busy}>
          {busy ? 'Opening sample…' : 'Open the sample journal'}
        </button>
        <button type="button" onClick={() => useNavigation.getState().go('archives')}>
          Import my reviews…
        </button>
        <button type="button" onClick={() => setJoining(true)}>
          Join a journal I keep on another computer…
        </button>
      </div>
      {joining && <JoinJournal onClose={() => setJoining(false)} onJoined={onSampleLoaded} />}
      <p className="hint">
        The sample holds a few reviews, screenings and a reader thread. Remove it in one step whenever you
        like. Already writing elsewhere? Import a WordPress export, a Letterboxd export, Markdown notes or a
        journal archive.
      </p>
    </section>
  )
}
