export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'error'

/**
 * Debounces changes into saves that never overlap and never drop text: changes made while a
 * save is in flight are merged and saved right after it, and `flush()` saves what is pending now
 * and resolves only when everything handed in so far has been written.
 */
export class SaveQueue<T extends object> {
  private pending: Partial<T> | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private running: Promise<void> | null = null

  constructor(
    private readonly write: (changes: Partial<T>) => Promise<void>,
    private readonly onStatus: (status: SaveStatus) => void,
    private readonly delayMs = 700
  ) {}

  /** Records changes (later values win) and schedules a save after a quiet pause. */
  change(changes: Partial<T>): void {
    this.pending = { ...this.pending, ...changes }
    this.onStatus('unsaved')
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.flush(), this.delayMs)
  }

  get hasPending(): boolean {
    return this.pending !== null || this.running !== null
  }

  /** Saves whatever is pending now; resolves once every change so far is written. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    while (this.running || this.pending) {
      if (this.running) {
        await this.running
        continue
      }
      const changes = this.pending as Partial<T>
      this.pending = null
      this.onStatus('saving')
      this.running = this.write(changes).then(
        () => {
          this.running = null
          this.onStatus(this.pending ? 'unsaved' : 'saved')
        },
        (err: unknown) => {
          this.running = null
          // Keep the unsaved changes (newer ones win) so the next flush retries them.
          this.pending = { ...changes, ...this.pending }
          this.onStatus('error')
          throw err
        }
      )
      await this.running
    }
  }
}
