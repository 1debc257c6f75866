import type { SaveQueue } from '../../editor/plugins/AutosavePlugin/saveQueue'

/** Every review's save queue that may still hold unwritten text, open or just closed. */
const queues = new Map<string, Set<SaveQueue<object>>>()

/** Adds a review's queue to the registry; the returned function takes it out once it is empty. */
export function registerSaveQueue(reviewId: string, queue: SaveQueue<object>): () => void {
  const set = queues.get(reviewId) ?? new Set()
  set.add(queue)
  queues.set(reviewId, set)
  return () => {
    void queue.flush().finally(() => {
      set.delete(queue)
      if (set.size === 0 && queues.get(reviewId) === set) queues.delete(reviewId)
    })
  }
}

/**
 * Resolves when every open (or closing) review's queue is written. The desktop shell calls this
 * before the window closes or the app quits; the page calls it on `pagehide`.
 */
export async function flushPendingSaves(): Promise<void> {
  const all = [...queues.values()].flatMap((set) => [...set])
  await Promise.all(all.map((q) => q.flush()))
}

/**
 * Resolves once the review's own pending saves are written, so that reopening a review right
 * after leaving it never loads the text from before its last save.
 */
export async function whenReviewSaved(reviewId: string): Promise<void> {
  const set = queues.get(reviewId)
  if (set) await Promise.all([...set].map((q) => q.flush().catch(() => undefined)))
}
