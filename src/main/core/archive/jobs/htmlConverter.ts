import type { Worker } from 'node:worker_threads'
import type { ConvertedHtml } from '../../../../shared/conversions/html'
import { convertReviewHtml } from '../../conversions/dom'
import type { HtmlAnswer, HtmlRequest } from './htmlWorker'
import { startThread } from './threads'

type Waiting = { resolve(converted: ConvertedHtml): void; reject(err: Error): void }

/** One run of the thread, with the conversions it still owes. */
interface Run {
  thread: Worker
  waiting: Map<number, Waiting>
}

/**
 * HTML to review documents in a thread of its own (`htmlWorker.ts`), so that an import's
 * writing overlaps Lexical's HTML import. `convert` answers with what `convertReviewHtml`
 * would give. The thread starts on the first conversion (most imports have no HTML). If it dies
 * (a post too large for its memory, a thread that cannot start), what it owed fails and later
 * conversions run here instead: slower, but the import goes on.
 */
export class HtmlConverter {
  private run: Run | null = null
  private next = 0

  /** `inPlace`: convert on this thread from the start (a small import, where a thread costs more than it saves). */
  constructor(private inPlace = false) {}

  convert(html: string): Promise<ConvertedHtml> {
    if (this.inPlace) return new Promise((resolve) => resolve(convertReviewHtml(html)))
    const run = (this.run ??= this.start())
    const id = this.next++
    return new Promise((resolve, reject) => {
      run.waiting.set(id, { resolve, reject })
      run.thread.postMessage({ id, html } satisfies HtmlRequest)
    })
  }

  /** Stops the thread; conversions still owed fail. */
  async close(): Promise<void> {
    const run = this.run
    this.run = null
    await run?.thread.terminate()
  }

  private start(): Run {
    const run: Run = { thread: startThread('htmlWorker', null), waiting: new Map() }
    run.thread.on('message', (answer: HtmlAnswer) => {
      const waiting = run.waiting.get(answer.id)
      run.waiting.delete(answer.id)
      if ('converted' in answer) waiting?.resolve(answer.converted)
      else waiting?.reject(new Error(answer.error))
    })
    const stopped = (err: Error) => {
      // Not stopped by `close`: the thread died.
      if (this.run === run) {
        this.run = null
        this.inPlace = true
      }
      for (const waiting of run.waiting.values()) waiting.reject(err)
      run.waiting.clear()
    }
    run.thread.on('error', stopped)
    run.thread.on('exit', () => stopped(new Error('the HTML conversion stopped before it answered')))
    return run
  }
}
