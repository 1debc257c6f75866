import './trash.css'
import { useEffect, useState } from 'react'
import { useTrash } from './trashStore'
import { useDataChanged } from '../../app/useDataChanged'
import { useNotices } from '../../app/noticeStore'
import { useNavigation } from '../../app/navigationStore'
import { formatInstantDay } from '../../ui/dates'
import { Dialog } from '../../ui/Dialog'

type Confirm = { kind: 'empty' } | { kind: 'one'; id: string; title: string }

/** Trashed reviews: restore one, delete one for good, or empty the trash (each asks first). */
export function TrashScreen() {
  const { items, loaded, load, restore, deleteForever, empty } = useTrash()
  const [confirm, setConfirm] = useState<Confirm | null>(null)
  useDataChanged(['reviews'], load)

  useEffect(() => {
    void load()
  }, [load])

  async function confirmed() {
    if (!confirm) return
    if (confirm.kind === 'empty') {
      const n = await empty()
      useNotices
        .getState()
        .show({ tone: 'info', message: `Deleted ${n} review${n === 1 ? '' : 's'} for good.` })
    } else {
      await deleteForever(confirm.id)
    }
    setConfirm(null)
  }

  return (
    <section className="trash-screen" aria-labelledby="trash-heading">
      <div className="pane-header">
        <h1 id="trash-heading">Trash</h1>
        <button
          type="button"
          className="danger"
          disabled={items.length === 0}
          onClick={() => setConfirm({ kind: 'empty' })}
        >
          Empty trash…
        </button>
      </div>
      {!loaded ? (
        <p aria-busy="true">Loading…</p>
      ) : items.length === 0 ? (
        <p className="empty">The trash is empty. Reviews you delete wait here until you empty it.</p>
      ) : (
        <ul className="item-list" aria-label="Trashed reviews">
          {items.map((r) => (
            <li key={r.id} className="trash-item">
              <span className="item-title">{r.title || 'Untitled review'}</span>
              <span className="item-meta">
                {[
                  r.workTitle,
                  `${r.wordCount} words`,
                  r.deletedAt && `deleted ${formatInstantDay(r.deletedAt)}`
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              <span className="trash-actions">
                <button
                  type="button"
                  onClick={async () => {
                    await restore(r.id)
                    useNotices.getState().show({
                      tone: 'info',
                      message: `“${r.title || 'Untitled review'}” is back in your reviews.`,
                      action: { label: 'Open', run: () => useNavigation.getState().openReview(r.id) }
                    })
                  }}
                >
                  Restore <span className="visually-hidden">{r.title || 'Untitled review'}</span>
                </button>
                <button
                  type="button"
                  className="danger"
                  onClick={() => setConfirm({ kind: 'one', id: r.id, title: r.title || 'Untitled review' })}
                >
                  Delete for good… <span className="visually-hidden">{r.title || 'Untitled review'}</span>
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {confirm && (
        <Dialog
          title={
            confirm.kind === 'empty'
              ? `Delete ${items.length} review${items.length === 1 ? '' : 's'} for good?`
              : `Delete “${confirm.title}” for good?`
          }
          size="small"
          onClose={() => setConfirm(null)}
          description="Their text, history and reader responses cannot be brought back. Screenings stay in your diary."
        >
          <div className="form-actions">
            <button type="button" onClick={() => setConfirm(null)} data-initial-focus>
              Keep
            </button>
            <button type="button" className="primary danger-fill" onClick={() => void confirmed()}>
              Delete for good
            </button>
          </div>
        </Dialog>
      )}
    </section>
  )
}
