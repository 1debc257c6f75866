/** Why a sync round was refused; the journal is unchanged whenever one of these is thrown. */
export type SyncFailureCode =
  | 'FOLDER_UNREADABLE'
  | 'WRONG_PASSPHRASE'
  | 'NEEDS_PASSPHRASE'
  | 'NOT_ENCRYPTED'
  | 'TAMPERED'
  | 'DAMAGED'

/** A refused round, with one sentence a person can act on. */
export class SyncFailure extends Error {
  constructor(
    readonly code: SyncFailureCode,
    message: string
  ) {
    super(message)
  }
}
