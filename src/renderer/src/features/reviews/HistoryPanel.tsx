import { useCallback, useEffect, useState } from 'react'
import type { RevisionDetail, RevisionDiff, RevisionSummary } from '../../../../shared/contract/reviews'
import type { ReviewDetail } from '../../../../shared/domain'
import { lexicalToHtml } from '../../../../shared/conversions/htmlWriter'
import { journal, unwrap } from '../../bridge'
import { reportError, useNotices } from '../../app/noticeStore'
import { countOf } from '../../ui/counts'
import { formatDateTime } from '../../ui/dates'
import { Dialog } from '../../ui/Dialog'

interface Props {
  reviewId: string
  /** Saves pending text and keeps it as the newest version, so the list and the diff include what is on screen. */
  flush(): Promise<void>
  onRestored(review: ReviewDetail): void
  onClose(): void
}

const REASONS: Record<RevisionSummary['reason'], string> = {
  edit: 'Editing',
  status: 'Status change',
  publish: 'Published',
  restore: 'Restored',
  import: 'Imported'
}

/**
 * The review's history: pick a version to preview it, see what changed since, or restore it.
 * It opens as a modal sheet over the review, as WordPress's revisions open a screen of their
 * own, so the versions get their room and the editor behind keeps its layout; Escape closes it.
 */
export function HistoryPanel({ reviewId, flush, onRestored, onClose }: Props) {
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null)
  const [selected, setSelected] = useState<RevisionDetail | null>(null)
  const [diff, setDiff] = useState<RevisionDiff | null>(null)
  const [view, setView] = useState<'preview' | 'changes'>('changes')

  const load = useCallback(async () => {
    await flush().catch(() => undefined)
    setRevisions(await unwrap(journal['reviews.revisions']({ id: reviewId })))
  }, [flush, reviewId])

  useEffect(() => {
    load().catch(reportError)
  }, [load])

  async function select(revisionId: string) {
    try {
      await flush().catch(() => undefined)
      const [revision, changes] = await Promise.all([
        unwrap(journal['reviews.revision']({ revisionId })),
        unwrap(journal['reviews.revisionDiff']({ revisionId }))
      ])
      setSelected(revision)
      setDiff(changes)
    } catch (err) {
      reportError(err)
    }
  }

  async function restore() {
    if (!selected) return
    try {
      await flush()
      const review = await unwrap(journal['reviews.restoreRevision']({ revisionId: selected.id }))
      onRestored(review)
      useNotices
        .getState()
        .show({ tone: 'info', message: 'Restored. The text it replaced is kept in history.' })
      setSelected(null)
      setDiff(null)
      await load()
    } catch (err) {
      reportError(err)
    }
  }

  return (
    <Dialog
      title="History"
      size="sheet"
      className="history-panel"
      onClose={onClose}
      headerActions={
        <button type="button" onClick={onClose}>
          Close history
        </button>
      }
    >
      {revisions === null ? (
        <p aria-busy="true">Loading history…</p>
      ) : revisions.length === 0 ? (
        <p className="empty">
          No earlier versions yet. A version is kept as you write, and at every status change.
        </p>
      ) : (
        <ul className="revision-list" aria-label="Versions">
          {revisions.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                className="item"
                aria-current={selected?.id === r.id ? 'true' : undefined}
                onClick={() => void select(r.id)}
              >
                <span className="item-title">{r.label ?? REASONS[r.reason]}</span>
                <span className="item-meta">
                  {formatDateTime(r.createdAt)} · {countOf(r.wordCount, 'word')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {selected && diff && (
        <section className="revision-view" aria-label="Selected version">
          <div className="revision-tabs" role="group" aria-label="Show">
            <button type="button" aria-pressed={view === 'changes'} onClick={() => setView('changes')}>
              Changes since
            </button>
            <button type="button" aria-pressed={view === 'preview'} onClick={() => setView('preview')}>
              Preview
            </button>
            <button type="button" className="primary" onClick={() => void restore()}>
              Restore this version
            </button>
          </div>
          {view === 'changes' ? (
            <div className="revision-diff" data-testid="revision-diff">
              <p className="hint">
                Since this version: {countOf(diff.added, 'word')} added, {diff.removed.toLocaleString()}{' '}
                removed.
              </p>
              <p className="diff-text">
                {diff.parts.map((part, i) =>
                  part.kind === 'added' ? (
                    <ins key={i}>{part.text}</ins>
                  ) : part.kind === 'removed' ? (
                    <del key={i}>{part.text}</del>
                  ) : (
                    <span key={i}>{part.text}</span>
                  )
                )}
              </p>
            </div>
          ) : (
            <div className="revision-preview">
              <h3>{selected.title || 'Untitled review'}</h3>
              {/* Our own writer's output: every text escaped, only safe links (see htmlWriter). */}
              <div dangerouslySetInnerHTML={{ __html: lexicalToHtml(selected.body) }} />
            </div>
          )}
        </section>
      )}
    </Dialog>
  )
}
