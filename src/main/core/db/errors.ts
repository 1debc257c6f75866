/** Thrown when the data folder or its database cannot be used; the message is for people. */
export class StorageUnavailableError extends Error {
  readonly code = 'STORAGE_UNAVAILABLE'
}
