import { createHash, randomBytes } from 'node:crypto'
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js'
import type { DocUpdate } from './apply'
import { SyncFailure } from './errors'

/**
 * One update file in a shared folder, whole or refused:
 *
 *   "RJSYNC1\n"  magic (8 bytes)
 *   mode         1 byte: 0 plain, 1 XChaCha20-Poly1305
 *   length       4 bytes, big-endian: the bytes that follow
 *   plain:       payload, then its SHA-256 (32 bytes)
 *   encrypted:   24-byte nonce, then the sealed payload (its 16-byte tag included)
 *
 * A file shorter than its length is still arriving (a sync service writes as it downloads) and
 * is left for a later round; one whose checksum or tag fails was damaged or tampered with.
 * The payload is the list of `(document, Yjs update)` pairs, each length-prefixed. The device
 * that wrote the file is bound into the tag, so a file moved into another device's folder fails.
 */
const MAGIC = Buffer.from('RJSYNC1\n', 'latin1')
const HEADER = MAGIC.length + 1 + 4
const NONCE = 24
const SHA = 32

export type FileKey = Uint8Array | null

export function encodeUpdateFile(updates: DocUpdate[], device: string, key: FileKey): Buffer {
  const payload = encodePayload(updates)
  const body = key
    ? seal(key, device, payload)
    : Buffer.concat([payload, createHash('sha256').update(payload).digest()])
  const header = Buffer.alloc(HEADER)
  MAGIC.copy(header)
  header.writeUInt8(key ? 1 : 0, MAGIC.length)
  header.writeUInt32BE(body.length, MAGIC.length + 1)
  return Buffer.concat([header, body])
}

/**
 * The file's updates; `torn` when it is not whole yet. Throws a SyncFailure for a file that is
 * whole but not ours to trust: damaged, tampered with, or encrypted when we have no key (or
 * plain when we expect encryption).
 */
export function decodeUpdateFile(
  file: Buffer,
  device: string,
  key: FileKey,
  where: string
): DocUpdate[] | 'torn' {
  if (file.length < HEADER) return 'torn'
  if (!file.subarray(0, MAGIC.length).equals(MAGIC))
    throw new SyncFailure('DAMAGED', `${where} is not a sync file of this journal.`)
  const mode = file.readUInt8(MAGIC.length)
  const length = file.readUInt32BE(MAGIC.length + 1)
  if (file.length < HEADER + length) return 'torn'
  if (file.length > HEADER + length)
    throw new SyncFailure('DAMAGED', `${where} is longer than it says: it was altered.`)
  const body = file.subarray(HEADER)
  if (mode === 1) {
    if (!key) throw new SyncFailure('NEEDS_PASSPHRASE', 'The sync folder is encrypted: give its passphrase.')
    return decodePayload(open(key, device, body, where), where)
  }
  if (mode !== 0) throw new SyncFailure('DAMAGED', `${where} is not a sync file of this journal.`)
  if (key)
    throw new SyncFailure(
      'NOT_ENCRYPTED',
      `${where} is not encrypted, but this sync uses a passphrase: refused.`
    )
  const payload = body.subarray(0, body.length - SHA)
  if (
    body.length < SHA ||
    !createHash('sha256')
      .update(payload)
      .digest()
      .equals(body.subarray(body.length - SHA))
  ) {
    throw new SyncFailure('DAMAGED', `${where} is damaged: its checksum does not match.`)
  }
  return decodePayload(payload, where)
}

const aad = (device: string) => Buffer.from(`review-journal sync file of device ${device}`)

function seal(key: Uint8Array, device: string, payload: Buffer): Buffer {
  const nonce = randomBytes(NONCE)
  return Buffer.concat([nonce, xchacha20poly1305(key, nonce, aad(device)).encrypt(payload)])
}

function open(key: Uint8Array, device: string, body: Buffer, where: string): Buffer {
  try {
    const plain = xchacha20poly1305(key, body.subarray(0, NONCE), aad(device)).decrypt(body.subarray(NONCE))
    return Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength)
  } catch {
    throw new SyncFailure(
      'TAMPERED',
      `${where} failed its authentication check: it was altered or not written with this passphrase. Nothing was applied.`
    )
  }
}

function encodePayload(updates: DocUpdate[]): Buffer {
  const parts: Buffer[] = []
  for (const { doc, update } of updates) {
    const name = Buffer.from(doc, 'utf8')
    const head = Buffer.alloc(6)
    head.writeUInt16BE(name.length, 0)
    head.writeUInt32BE(update.length, 2)
    parts.push(head, name, Buffer.from(update.buffer, update.byteOffset, update.byteLength))
  }
  return Buffer.concat(parts)
}

function decodePayload(payload: Buffer, where: string): DocUpdate[] {
  const updates: DocUpdate[] = []
  for (let at = 0; at < payload.length; ) {
    if (at + 6 > payload.length) throw new SyncFailure('DAMAGED', `${where} ends in the middle of an update.`)
    const nameLength = payload.readUInt16BE(at)
    const updateLength = payload.readUInt32BE(at + 2)
    const end = at + 6 + nameLength + updateLength
    if (end > payload.length) throw new SyncFailure('DAMAGED', `${where} ends in the middle of an update.`)
    const doc = payload.toString('utf8', at + 6, at + 6 + nameLength)
    updates.push({ doc, update: new Uint8Array(payload.subarray(at + 6 + nameLength, end)) })
    at = end
  }
  return updates
}
