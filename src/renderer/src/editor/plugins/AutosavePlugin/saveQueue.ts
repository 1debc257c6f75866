export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'error'

/** How long after the last change a save starts (the issue asks for a save within 1 s). */
export const SAVE_DELAY_MS = 600
/** Waits between retries after a failed save, longest last (the host may be restarting). */
const RETRY_DELAYS_MS = [1000, 2000, 5000, 10_000]

/**
 * Debounces changes into saves that never overlap and never drop text: changes made while a
 * save is in flight are merged and saved right after it (later values win, so the text saved
 * is always the newest), and `flush()` saves what is pending now and resolves only when
 * everything handed in so far has been written. A failed save keeps its changes and retries.
 */
export class SaveQueue<T extends object> {
  private pending: Partial<T> | null = null
  private inFlight: Partial<T> | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private running: Promise<void> | null = null
  private failures = 0

  constructor(
    private readonly write: (changes: Partial<T>) => Promise<void>,
    private readonly onStatus: (status: SaveStatus) => void,
    private readonly delayMs = SAVE_DELAY_MS
  ) {}

  /** Records changes (later values win) and schedules a save after a quiet pause. */
  change(changes: Partial<T>): void {
    this.pending = { ...this.pending, ...changes }
    this.onStatus(this.failures > 0 ? 'error' : 'unsaved')
    this.schedule(this.delayMs)
  }

  get hasPending(): boolean {
    return this.pending !== null || this.running !== null
  }

  /** True when changes arrived after the save now in flight was taken. */
  hasPendingBeyondFlight(): boolean {
    return this.pending !== null
  }

  /** Everything not yet confirmed written: the save in flight overlaid with newer changes. */
  unconfirmed(): Partial<T> | null {
    if (!this.pending && !this.inFlight) return null
    return { ...this.inFlight, ...this.pending } as Partial<T>
  }

  /** Saves whatever is pending now; resolves once every change so far is written. */
  async flush(): Promise<void> {
    this.cancelTimer()
    while (this.running || this.pending) {
      if (this.running) {
        await this.running
        continue
      }
      const changes = this.pending as Partial<T>
      this.pending = null
      this.inFlight = changes
      this.onStatus('saving')
      this.running = this.write(changes).then(
        () => {
          this.running = null
          this.inFlight = null
          this.failures = 0
          this.onStatus(this.pending ? 'unsaved' : 'saved')
        },
        (err: unknown) => {
          this.running = null
          this.inFlight = null
          // Keep the unsaved changes (newer ones win) and try again shortly.
          this.pending = { ...changes, ...this.pending }
          this.onStatus('error')
          this.schedule(RETRY_DELAYS_MS[Math.min(this.failures++, RETRY_DELAYS_MS.length - 1)]!)
          throw err
        }
      )
      await this.running
    }
  }

  private schedule(ms: number): void {
    this.cancelTimer()
    this.timer = setTimeout(() => void this.flush().catch(() => undefined), ms)
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
