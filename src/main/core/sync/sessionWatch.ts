import type { Db } from '../db/connection'
import { loadLater } from '../loadLater'
import type { SyncTarget } from './sessionConfig'

const loadEngine = loadLater(__filename, './index', () => import('./index'))

type ServerTarget = Extract<SyncTarget, { kind: 'server' }>

/**
 * The session's connection to a sync server's index, which says when another computer pushed:
 * one server at a time, opened by `watch` and ended by `close` (or by watching another). A
 * connection that fails (the server is down, the token wrong) is let go; the session tries
 * again after its next round, which reports why in the status.
 */
export class ServerWatcher {
  /** `url\0token` of the server watched or being connected to. */
  private watching: string | null = null
  private connection: { close(): void } | null = null
  /** Bumped by every close: a connection that opens after it is closed at once. */
  private generation = 0
  private startedAt = -Infinity

  constructor(
    private readonly db: Db,
    private readonly onPush: () => void
  ) {}

  /** Connects to `target` unless already watching it, or if it failed since `lastRoundAt`. */
  watch(target: ServerTarget, now: number, lastRoundAt: number): void {
    const key = keyOf(target)
    if (this.watching === key) return
    if (this.watching !== null) this.close()
    if (this.startedAt > lastRoundAt) return
    this.watching = key
    this.startedAt = now
    const generation = this.generation
    void loadEngine()
      .then((engine) => engine.watchServer(this.db, { url: target.url, token: target.token }, this.onPush))
      .then(
        (connection) => {
          if (generation === this.generation) this.connection = connection
          else connection.close()
        },
        () => {
          if (generation === this.generation) this.watching = null
        }
      )
  }

  /** Whether `target` is the server watched (or being connected to). */
  isWatching(target: SyncTarget | null): boolean {
    return target?.kind === 'server' && this.watching === keyOf(target)
  }

  /** Ends the watch; the next `watch` connects at once (only a failure waits for a round). */
  close(): void {
    this.startedAt = -Infinity
    this.generation++
    this.connection?.close()
    this.connection = null
    this.watching = null
  }
}

const keyOf = (target: ServerTarget) => `${target.url}\0${target.token}`
