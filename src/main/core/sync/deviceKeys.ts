import { createHash, randomBytes } from 'node:crypto'
import { scryptAsync } from '@noble/hashes/scrypt.js'
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js'
import { SyncFailure } from './errors'

/**
 * Each device's `device.json` in the shared folder says how its files are sealed: not at all,
 * or with a key derived from the passphrase by scrypt (memory-hard: 64 MiB a guess) over the
 * device's own random salt, so no two devices ever have to agree on a file they both write.
 * `check` seals a known text with that key: opening it tells a wrong passphrase from a
 * tampered file before anything is read.
 */
export interface DeviceDescription {
  format: 'review-journal-sync'
  version: 1
  device: string
  encryption: null | { kdf: 'scrypt'; N: number; r: number; p: number; salt: string; check: string }
}

/** scrypt's cost: N = 2^16 with r = 8 takes 64 MiB and about a second here. */
export const SCRYPT = { N: 2 ** 16, r: 8, p: 1 }
const CHECK_TEXT = Buffer.from('review-journal sync passphrase check')
const NONCE = 24

/** A description for this device, with a fresh salt when a passphrase is given. */
export async function describeDevice(
  device: string,
  passphrase: string | null
): Promise<{ description: DeviceDescription; key: Uint8Array | null }> {
  if (passphrase === null)
    return { description: { format: 'review-journal-sync', version: 1, device, encryption: null }, key: null }
  const salt = randomBytes(16)
  const key = await deriveKey(passphrase, salt, SCRYPT)
  const nonce = randomBytes(NONCE)
  const check = Buffer.concat([nonce, xchacha20poly1305(key, nonce).encrypt(CHECK_TEXT)])
  return {
    description: {
      format: 'review-journal-sync',
      version: 1,
      device,
      encryption: { kdf: 'scrypt', ...SCRYPT, salt: salt.toString('base64'), check: check.toString('base64') }
    },
    key
  }
}

/**
 * The key that opens a device's files: null for a device that writes in the clear (refused when
 * we have a passphrase), else derived and checked. Throws a SyncFailure naming what is wrong.
 */
export async function deviceKey(
  description: DeviceDescription,
  passphrase: string | null
): Promise<Uint8Array | null> {
  const sealed = description.encryption
  if (!sealed) {
    if (passphrase !== null) {
      throw new SyncFailure(
        'NOT_ENCRYPTED',
        'Another computer syncs to this folder without a passphrase: refused, since this one uses one.'
      )
    }
    return null
  }
  if (passphrase === null)
    throw new SyncFailure('NEEDS_PASSPHRASE', 'The sync folder is encrypted: give its passphrase.')
  // Bounds keep a forged description from asking for gigabytes, or for no work at all.
  const { N, r, p } = sealed
  if (
    sealed.kdf !== 'scrypt' ||
    !Number.isInteger(Math.log2(N)) ||
    N < 2 ** 14 ||
    N > 2 ** 20 ||
    r !== 8 ||
    p < 1 ||
    p > 4
  ) {
    throw new SyncFailure(
      'TAMPERED',
      `The sync folder's key settings for device ${description.device} are not ones this app writes: refused.`
    )
  }
  const key = await deriveKey(passphrase, Buffer.from(sealed.salt, 'base64'), { N, r, p })
  const check = Buffer.from(sealed.check, 'base64')
  try {
    xchacha20poly1305(key, check.subarray(0, NONCE)).decrypt(check.subarray(NONCE))
  } catch {
    throw new SyncFailure('WRONG_PASSPHRASE', 'Wrong passphrase for this sync folder: nothing was applied.')
  }
  return key
}

/**
 * Keys already derived in this process, by passphrase, salt and cost: an app that syncs every
 * few minutes pays the second of scrypt once per device, not once per round. Memory only.
 */
const derived = new Map<string, Promise<Uint8Array>>()
const REMEMBERED = 32

function deriveKey(
  passphrase: string,
  salt: Uint8Array,
  cost: { N: number; r: number; p: number }
): Promise<Uint8Array> {
  const id = createHash('sha256')
    .update(passphrase)
    .update('\0')
    .update(salt)
    .update(JSON.stringify(cost))
    .digest('base64')
  let key = derived.get(id)
  if (!key) {
    key = scryptAsync(passphrase.normalize('NFC'), salt, { ...cost, dkLen: 32, maxmem: 2 ** 30 })
    if (derived.size >= REMEMBERED) derived.delete(derived.keys().next().value!)
    derived.set(id, key)
  }
  return key
}

/** Reads a device description, or null when it is not one (a stray or half-written file). */
export function parseDescription(text: string, device: string): DeviceDescription | null {
  try {
    const value = JSON.parse(text) as DeviceDescription
    if (value?.format !== 'review-journal-sync' || value.version !== 1 || value.device !== device) return null
    if (value.encryption !== null && typeof value.encryption?.salt !== 'string') return null
    return value
  } catch {
    return null
  }
}
