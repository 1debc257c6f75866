/** Why a sync round was refused; the journal is unchanged whenever one of these is thrown. */
export type SyncFailureCode =
  | 'FOLDER_UNREADABLE'
  | 'WRONG_PASSPHRASE'
  | 'NEEDS_PASSPHRASE'
  | 'NOT_ENCRYPTED'
  | 'TAMPERED'
  | 'DAMAGED'
  | 'WRONG_TOKEN'
  | 'SERVER_UNREACHABLE'
  | 'SERVER_TIMED_OUT'

/** A refused round, with one sentence a person can act on. */
export class SyncFailure extends Error {
  constructor(
    readonly code: SyncFailureCode,
    message: string
  ) {
    super(message)
  }
}
