import { availableParallelism } from 'node:os'
import type { Worker } from 'node:worker_threads'
import type { ConvertedHtml } from '../../../../shared/conversions/html'
import type { LexicalDoc } from '../../../../shared/domain'
import { convert, type ConversionAnswer, type ConversionKind, type ConversionRequest } from './conversions'
import { startThread } from './threads'
import { rememberReviewText } from '../../stores/reviewText'

type Waiting = { resolve(converted: ConvertedHtml): void; reject(err: Error): void }

/** One running thread, with the conversions it still owes. */
interface Run {
  thread: Worker
  waiting: Map<number, Waiting>
}

/**
 * Threads beside the import's own: one per core left over, at most three, since each holds its
 * own Lexical and its own heap (see threads.ts) and an import's memory stays bounded.
 */
export function conversionThreads(): number {
  return Math.max(1, Math.min(3, availableParallelism() - 1))
}

/**
 * HTML and Markdown to review documents in threads of their own (`conversionWorker.ts`), so an
 * import's writing overlaps Lexical's imports. Each conversion goes to the thread owing the
 * fewest; answers are what converting in place would give. Threads start on the first
 * conversion (most imports have none). If one dies (a post too large for its memory, a thread
 * that cannot start), what it owed fails and the others carry on; with none left, conversions
 * run here instead: slower, but the import goes on.
 */
export class ConversionPool {
  private runs: Run[] = []
  private next = 0

  /** `inPlace`: convert on this thread from the start (a small import, where a thread costs more than it saves). */
  constructor(
    private inPlace = false,
    private size = conversionThreads()
  ) {}

  html(html: string): Promise<ConvertedHtml> {
    return this.convert('html', html)
  }

  async markdown(markdown: string): Promise<LexicalDoc> {
    return (await this.convert('markdown', markdown)).doc
  }

  /** Stops the threads; conversions still owed fail. */
  async close(): Promise<void> {
    const runs = this.runs
    this.runs = []
    await Promise.all(runs.map((run) => run.thread.terminate()))
  }

  private convert(kind: ConversionKind, text: string): Promise<ConvertedHtml> {
    if (this.inPlace) return new Promise((resolve) => resolve(convert(kind, text)))
    if (this.runs.length < this.size) this.runs.push(this.start())
    const run = this.runs.reduce((least, r) => (r.waiting.size < least.waiting.size ? r : least))
    const id = this.next++
    return new Promise((resolve, reject) => {
      run.waiting.set(id, { resolve, reject })
      run.thread.postMessage({ id, kind, text } satisfies ConversionRequest)
    })
  }

  private start(): Run {
    const run: Run = { thread: startThread('conversionWorker', null), waiting: new Map() }
    run.thread.on('message', (answer: ConversionAnswer) => {
      const waiting = run.waiting.get(answer.id)
      run.waiting.delete(answer.id)
      if ('converted' in answer) {
        // The document's text was derived in the thread: the review store need not derive it again.
        rememberReviewText(answer.converted.doc, answer.text)
        waiting?.resolve(answer.converted)
      } else waiting?.reject(new Error(answer.error))
    })
    const stopped = (err: Error) => {
      // Not stopped by `close`: the thread died. It is not replaced; with none left, convert here.
      if (this.runs.includes(run)) {
        this.runs = this.runs.filter((r) => r !== run)
        this.size--
        if (this.size === 0) this.inPlace = true
      }
      for (const waiting of run.waiting.values()) waiting.reject(err)
      run.waiting.clear()
    }
    run.thread.on('error', stopped)
    run.thread.on('exit', () => stopped(new Error('the conversion stopped before it answered')))
    return run
  }
}
