import type { ResponseStatus } from '../../../../shared/domain'
import { BULK_LIMIT, type BulkResult, type DeleteResult } from '../../../../shared/contract/responses'
import { journal, unwrap } from '../../bridge'
import { reportError, useNotices } from '../../app/noticeStore'
import { useResponses } from './responsesStore'
import { useThread } from './threadStore'

/** Brings the open thread, the inbox and the unread badge up to date after a change. */
export async function refreshResponses(): Promise<void> {
  await Promise.all([useThread.getState().reload(), useResponses.getState().load()])
}

const DONE: Record<ResponseStatus, string> = {
  new: 'marked unread',
  read: 'marked read',
  replied: 'marked replied',
  hidden: 'hidden',
  spam: 'marked as spam'
}

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += BULK_LIMIT) out.push(list.slice(i, i + BULK_LIMIT))
  return out
}

const plural = (n: number) => (n === 1 ? '1 response' : `${n.toLocaleString()} responses`)

/** Puts back the statuses a bulk action changed. */
async function restoreStatuses(changed: BulkResult['changed']): Promise<void> {
  const byStatus = new Map<ResponseStatus, string[]>()
  for (const c of changed) byStatus.set(c.status, [...(byStatus.get(c.status) ?? []), c.id])
  for (const [status, ids] of byStatus) {
    for (const part of chunks(ids)) await unwrap(journal['responses.setStatus']({ ids: part, status }))
  }
}

/** Sets the status of responses, says what changed and offers to undo it. */
export async function changeStatus(ids: string[], status: ResponseStatus): Promise<void> {
  if (ids.length === 0) return
  try {
    const changed: BulkResult['changed'] = []
    for (const part of chunks(ids))
      changed.push(...(await unwrap(journal['responses.setStatus']({ ids: part, status }))).changed)
    useThread.getState().clearSelection()
    await refreshResponses()
    if (changed.length === 0) return
    useNotices.getState().show({
      tone: 'info',
      message: `${plural(changed.length)} ${DONE[status]}.`,
      action: { label: 'Undo', run: () => void restoreStatuses(changed).then(refreshResponses, reportError) }
    })
  } catch (err) {
    reportError(err)
  }
}

/** Stars or unstars responses. */
export async function changeStarred(ids: string[], starred: boolean): Promise<void> {
  try {
    for (const part of chunks(ids)) await unwrap(journal['responses.setStarred']({ ids: part, starred }))
    await refreshResponses()
  } catch (err) {
    reportError(err)
  }
}

/** Marks every new response read, with an undo. */
export async function markEverythingRead(): Promise<void> {
  try {
    const { ids } = await unwrap(journal['responses.markAllRead']())
    await refreshResponses()
    if (ids.length === 0) return
    useNotices.getState().show({
      tone: 'info',
      message: `${plural(ids.length)} marked read.`,
      action: {
        label: 'Undo',
        run: () =>
          void restoreStatuses(ids.map((id) => ({ id, status: 'new', starred: false }))).then(
            refreshResponses,
            reportError
          )
      }
    })
  } catch (err) {
    reportError(err)
  }
}

/** Deletes responses (their replies stay, moved up), with an undo that puts all of it back. */
export async function removeResponses(ids: string[]): Promise<void> {
  try {
    const removed: DeleteResult['removed'] = []
    const reparented: DeleteResult['reparented'] = []
    for (const part of chunks(ids)) {
      const result = await unwrap(journal['responses.delete']({ ids: part }))
      removed.push(...result.removed)
      reparented.push(...result.reparented)
    }
    useThread.getState().clearSelection()
    await refreshResponses()
    useNotices.getState().show({
      tone: 'info',
      message: `${plural(removed.length)} deleted.`,
      action: {
        label: 'Undo',
        run: () =>
          void unwrap(journal['responses.restore']({ responses: removed, reparented })).then(
            refreshResponses,
            reportError
          )
      }
    })
  } catch (err) {
    reportError(err)
  }
}
