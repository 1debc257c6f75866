import type { Db } from '../db/connection'
import { JournalFailure, type CoreContext } from '../context'
import { lastChange } from '../stores/changeLog'
import { loadLater } from '../loadLater'
import type { SyncStatus } from '../../../shared/contract/sync'
import {
  readRoundOutcome,
  readSyncConfig,
  recordRoundFailure,
  recordRoundSuccess,
  shownTarget,
  type SyncTarget
} from './sessionConfig'
import { capturedSeq, pendingCounts, uncapturedCount } from './status'
import { describeRoundFailure } from './sessionFailure'
import { ServerWatcher } from './sessionWatch'

/**
 * Sync while the app runs: one round at a time, on request ("Sync now") or by itself — a few
 * seconds after the critic stops saving, every few minutes, and soon after the app opens. The
 * engine (Yjs, Lexical's binding, the ciphers) loads with the first round, so a journal that
 * never syncs never pays for it.
 *
 * Rounds the session starts itself go through the dispatcher (`ctx.dispatch`) like a host's
 * call, so `data.changed` is announced from the rows they wrote.
 */
const loadEngine = loadLater(__filename, './index', () => import('./index'))

export interface SyncTimings {
  /** How often the session looks at the change log (a cheap query). */
  pollMs: number
  /** How long saving must pause before the edits are synced. */
  quietMs: number
  /** A round at least this often, for what other computers sent. */
  intervalMs: number
  /** The first round after the app opens. */
  startDelayMs: number
}

export const DEFAULT_TIMINGS: SyncTimings = {
  pollMs: 2_000,
  quietMs: 5_000,
  intervalMs: 5 * 60_000,
  startDelayMs: 3_000
}

export class SyncSession {
  private round: Promise<void> | null = null
  private timer: ReturnType<typeof setInterval> | null = null
  /** The change log's end when last looked at, and when it last moved. */
  private seenEnd = -1
  private movedAt = 0
  /** The change log's end when the last round started: a failed round is not retried for it. */
  private attemptedAt = -1
  private lastRoundAt = 0
  /** The server's word that another computer pushed, and whether one came during a round. */
  private readonly watcher: ServerWatcher
  private pushedMeanwhile = false

  constructor(
    private readonly ctx: CoreContext,
    private readonly timings: SyncTimings = DEFAULT_TIMINGS,
    private readonly now: () => number = Date.now
  ) {
    this.watcher = new ServerWatcher(ctx.db, () => this.onServerPush())
  }

  private get db(): Db {
    return this.ctx.db
  }

  status(): SyncStatus {
    const config = readSyncConfig(this.db)
    return {
      target: shownTarget(config.target),
      automatic: config.automatic,
      running: this.round !== null,
      ...readRoundOutcome(this.db),
      pending: pendingCounts(this.db, config.target),
      serverAvailable: true,
      folderDialog: Boolean(this.ctx.host.pickOpenPath)
    }
  }

  /** Tells every window what changed (a round began or ended, the settings changed). */
  publish(): SyncStatus {
    const status = this.status()
    this.ctx.emit('sync.status', status)
    return status
  }

  /**
   * Runs one round, or waits for the one under way. A failure is kept as the status's error,
   * in plain words, and the journal is as it was: the engine refuses before it writes.
   */
  async syncNow(): Promise<SyncStatus> {
    if (!this.db.open) throw closed()
    if (!this.round) {
      const target = readSyncConfig(this.db).target
      if (!target)
        throw new JournalFailure('INVALID_INPUT', 'Choose a folder or a server to sync with first.')
      this.round = this.runRound(target).finally(() => {
        this.round = null
        // Someone pushed while this round ran: what they sent may have come after it looked.
        if (this.pushedMeanwhile && this.timer) {
          this.pushedMeanwhile = false
          this.startAutomaticRound()
        }
      })
      this.publish()
    }
    await this.round
    if (!this.db.open) throw closed()
    return this.publish()
  }

  private async runRound(target: SyncTarget): Promise<void> {
    this.attemptedAt = lastChange(this.db)
    this.lastRoundAt = this.now()
    try {
      const engine = await loadEngine()
      const report =
        target.kind === 'folder'
          ? await engine.syncWithFolder(this.db, { folder: target.folder, passphrase: target.passphrase })
          : await engine.syncWithServer(this.db, { url: target.url, token: target.token })
      if (this.stillSyncingTo(target)) recordRoundSuccess(this.db, report)
    } catch (err) {
      if (!this.stillSyncingTo(target)) return
      const { code, message } = describeRoundFailure(err)
      recordRoundFailure(this.db, code, message)
    }
  }

  /** A round's result belongs to the status only while the critic has not changed or forgotten its target. */
  private stillSyncingTo(target: SyncTarget): boolean {
    return this.db.open && JSON.stringify(readSyncConfig(this.db).target) === JSON.stringify(target)
  }

  /** Starts or stops the automatic rounds to match the settings; call after each change. */
  follow(): void {
    const { target, automatic } = readSyncConfig(this.db)
    const wanted = Boolean(target && automatic)
    // A new server (or none) ends the watch on the old one; the next look opens the new one.
    if (!wanted || !this.watcher.isWatching(target)) this.watcher.close()
    if (wanted && !this.timer) {
      this.lastRoundAt = this.now() - this.timings.intervalMs + this.timings.startDelayMs
      this.timer = setInterval(() => this.tick(), this.timings.pollMs)
      // Never what keeps a process alive (a CLI command, a test): the host's own life does that.
      this.timer.unref?.()
    } else if (!wanted) this.stop()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    this.watcher.close()
  }

  /** Another computer pushed: a round now, or one more after the round under way. */
  private onServerPush(): void {
    if (!this.timer) return
    if (this.round) this.pushedMeanwhile = true
    else this.startAutomaticRound()
  }

  /** One look at the journal: sync after a pause in saving, or when the interval is up. */
  private tick(): void {
    if (!this.db.open) return this.stop()
    const target = readSyncConfig(this.db).target
    if (target?.kind === 'server') this.watcher.watch(target, this.now(), this.lastRoundAt)
    if (this.round) return
    const now = this.now()
    const end = lastChange(this.db)
    if (end !== this.seenEnd) {
      this.seenEnd = end
      this.movedAt = now
    }
    const captured = capturedSeq(this.db)
    const edited =
      end !== this.attemptedAt && (captured === null || end > captured) && uncapturedCount(this.db) > 0
    const afterPause = edited && now - this.movedAt >= this.timings.quietMs
    if (afterPause || now - this.lastRoundAt >= this.timings.intervalMs) this.startAutomaticRound()
  }

  private startAutomaticRound(): void {
    this.lastRoundAt = this.now()
    const run = this.ctx.dispatch
      ? this.ctx.dispatch('sync.now', undefined)
      : this.syncNow().catch((err: unknown) => console.error('[sync] automatic round failed:', err))
    void run
  }
}

/** The app is closing the journal under a round: nothing to report to. */
const closed = () => new JournalFailure('STORAGE_UNAVAILABLE', 'The journal was closed; sync stopped.')

const sessions = new WeakMap<Db, SyncSession>()

/** Ends the journal's automatic rounds and its watch on a server: the journal is closing. */
export function stopSyncSession(db: Db): void {
  sessions.get(db)?.stop()
  sessions.delete(db)
}

/**
 * Starts automatic sync as the app opens the journal, so it runs after a restart before any
 * screen asks. A journal without the sync tables (a damaged one opened read-only, before its
 * migrations) simply does not sync.
 */
export function startSyncSession(ctx: CoreContext): void {
  try {
    syncSession(ctx)
  } catch (err) {
    console.error('[sync] automatic sync not started:', (err as Error).message)
  }
}

/** The journal's one session, made (and its automatic rounds started) on first use. */
export function syncSession(ctx: CoreContext, timings?: SyncTimings): SyncSession {
  let session = sessions.get(ctx.db)
  if (!session) {
    session = new SyncSession(ctx, timings)
    sessions.set(ctx.db, session)
    session.follow()
  }
  return session
}
