import { z } from 'zod'
import { channel } from './define'

/** The kinds of record sync carries, as a round reports them. */
export type SyncedRecordKind = 'settings' | 'works' | 'reviews' | 'revisions' | 'screenings' | 'responses'
export type SyncKindCounts = Partial<Record<SyncedRecordKind, number>>

/** What one round moved, by kind of record. */
export interface SyncRoundReport {
  /** Local changes newly taken into the sync state. */
  captured: SyncKindCounts
  /** Records whose changes went out. */
  sent: SyncKindCounts
  /** Records that gained something from other computers. */
  received: SyncKindCounts
  /** Records written to (or deleted from) this journal. */
  applied: SyncKindCounts
}

/** Where this computer syncs to, as the UI may see it: never the passphrase or the token. */
export type SyncTargetShown =
  | { kind: 'folder'; folder: string; encrypted: boolean }
  | { kind: 'server'; url: string }

export interface SyncStatus {
  /** Null until the critic chooses a folder or a server. */
  target: SyncTargetShown | null
  /** Rounds run by themselves while the app is open (after a pause in saving, and every few minutes). */
  automatic: boolean
  /** A round is under way. */
  running: boolean
  /** The last round that finished, with what it moved. */
  lastSync: { at: string; report: SyncRoundReport } | null
  /** The last round's failure in plain words; cleared by the next good round. */
  lastError: { code: string; message: string; at: string } | null
  /** What waits to go out: changes already prepared but not sent, and edits not yet prepared. */
  pending: { unsent: number; uncaptured: number }
  /** Whether this build can sync through a server (else only a folder is offered). */
  serverAvailable: boolean
  /** Whether the host can show a native folder dialog (the desktop app); else a path is typed. */
  folderDialog: boolean
}

const folderTarget = z
  .object({
    kind: z.literal('folder'),
    folder: z.string().trim().min(1, 'Choose a folder').max(4096),
    /** Null or absent: the folder's files are written in the clear. */
    passphrase: z.string().min(1, 'The passphrase is empty').max(1024).nullable().optional()
  })
  .strict()

const serverTarget = z
  .object({
    kind: z.literal('server'),
    url: z
      .string()
      .trim()
      .max(2048)
      .regex(/^wss?:\/\/[^\s/]+/i, 'A server address starts with ws:// or wss://'),
    token: z.string().min(1, 'Give the journal’s token').max(1024)
  })
  .strict()

export const syncTargetInput = z.discriminatedUnion('kind', [folderTarget, serverTarget])
export type SyncTargetInput = z.infer<typeof syncTargetInput>

const configureInput = z
  .object({
    /** Where to sync; absent: keep the one chosen before (to turn automatic sync on or off). */
    target: syncTargetInput.optional(),
    automatic: z.boolean().optional()
  })
  .strict()
  .refine((input) => input.target !== undefined || input.automatic !== undefined, {
    message: 'Say where to sync, or whether to sync by itself'
  })

const none = z.object({}).strict().optional()

export const syncChannels = {
  'sync.status': channel<typeof none, SyncStatus>(none),
  /** Chooses where this computer syncs to (checked, not yet synced) or turns automatic sync on or off. */
  'sync.configure': channel<typeof configureInput, SyncStatus>(configureInput),
  /** Runs one round now (or waits for the one under way); a failed round's error is in `lastError`. */
  'sync.now': channel<typeof none, SyncStatus>(none),
  /** Stops syncing on this computer: forgets the target, its passphrase or token, and the last results. */
  'sync.forget': channel<typeof none, SyncStatus>(none),
  /** Opens the desktop's folder dialog; null when the critic cancels. */
  'sync.chooseFolder': channel<typeof none, string | null>(none)
}
