import { randomBytes } from 'node:crypto'
import {
  closeSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync
} from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { DocUpdate } from './apply'
import { decodeUpdateFile, encodeUpdateFile, type FileKey } from './updateFile'
import { describeDevice, deviceKey, parseDescription, type DeviceDescription } from './deviceKeys'
import { SyncFailure } from './errors'

/**
 * A shared folder that a file-sync service keeps in step (Dropbox, iCloud Drive, Syncthing, a
 * USB stick). Each device owns `devices/<its id>/`: a `device.json` and its update files, which
 * only it writes (to a hidden temporary name, then renamed, so a file is never seen half-made
 * under its real name) and only it deletes (when it compacts them). Every device reads every
 * other's. Names are not trusted beyond their ending: a "conflicted copy" is read like any file,
 * and merging an update twice changes nothing.
 */

const DEVICE_ID = /^[0-9a-f]{24}$/
const UPDATE_FILE = /^[^.].*\.rjsync$/
const DESCRIPTION = 'device.json'

export interface IncomingFile {
  device: string
  name: string
  size: number
  updates: DocUpdate[]
}

export interface FolderRead {
  files: IncomingFile[]
  /** Files not whole yet (still arriving), left for a later round. */
  waiting: number
}

const devicesDir = (folder: string) => join(folder, 'devices')
const deviceDir = (folder: string, device: string) => join(devicesDir(folder), device)

/** Fails with one clear sentence when the folder cannot be used at all. */
export function checkFolder(folder: string): void {
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder')
    readdirSync(folder)
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message
    throw new SyncFailure('FOLDER_UNREADABLE', `Cannot read the sync folder ${folder} (${reason}).`)
  }
}

/**
 * This device's key for writing, checking it against what it wrote before: the same passphrase
 * (or none). The journal remembers its own description (salt and check, no secret), so one
 * deleted or replaced in the folder is written back as it was and the device's older files stay
 * readable. Answers the description to write to the folder, and to remember, when either lacks it.
 */
export async function ownKey(
  folder: string,
  device: string,
  passphrase: string | null,
  remembered: DeviceDescription | null
): Promise<{ key: FileKey; write?: DeviceDescription; remember?: DeviceDescription }> {
  const inFolder = readDescription(folder, device)
  const existing = remembered ?? inFolder
  if (!existing) {
    const made = await describeDevice(device, passphrase)
    return { key: made.key, write: made.description, remember: made.description }
  }
  if ((existing.encryption === null) !== (passphrase === null)) {
    throw new SyncFailure(
      passphrase === null ? 'NEEDS_PASSPHRASE' : 'NOT_ENCRYPTED',
      passphrase === null
        ? 'This computer syncs to this folder with a passphrase: give it.'
        : 'This computer synced to this folder without a passphrase; use a new folder to start encrypting.'
    )
  }
  const key = await deviceKey(existing, passphrase)
  const same = JSON.stringify(inFolder) === JSON.stringify(existing)
  return { key, write: same ? undefined : existing, remember: remembered ? undefined : existing }
}

function readDescription(folder: string, device: string): DeviceDescription | null {
  try {
    return parseDescription(readFileSync(join(deviceDir(folder, device), DESCRIPTION), 'utf8'), device)
  } catch {
    return null
  }
}

/**
 * Reads every other device's update files not read before (`seen` answers by name and size),
 * verifying each whole. Throws a SyncFailure on the first file that cannot be trusted, before
 * anything was applied.
 */
export async function readOthers(
  folder: string,
  device: string,
  passphrase: string | null,
  seen: (device: string, name: string, size: number) => boolean
): Promise<FolderRead> {
  const read: FolderRead = { files: [], waiting: 0 }
  for (const other of listDir(devicesDir(folder))
    .filter((name) => DEVICE_ID.test(name) && name !== device)
    .sort()) {
    const names = listDir(deviceDir(folder, other))
      .filter((name) => UPDATE_FILE.test(name))
      .sort()
    const fresh = names.filter((name) => !seen(other, name, fileSize(folder, other, name)))
    if (!fresh.length) continue
    // A device whose description has not arrived yet is read once it has.
    const description = readDescription(folder, other)
    if (!description) {
      read.waiting += fresh.length
      continue
    }
    const key = await deviceKey(description, passphrase)
    for (const name of fresh) {
      let bytes: Buffer
      try {
        bytes = readFileSync(join(deviceDir(folder, other), name))
      } catch {
        continue // deleted by its device's compaction since the listing: its successor holds it
      }
      const updates = decodeUpdateFile(bytes, other, key, `Sync file ${other}/${name}`)
      if (updates === 'torn') read.waiting++
      else read.files.push({ device: other, name, size: bytes.length, updates })
    }
  }
  return read
}

/** The names of this device's update files now in the folder. */
export function ownFiles(folder: string, device: string): string[] {
  return listDir(deviceDir(folder, device)).filter((name) => UPDATE_FILE.test(name))
}

/** Writes this device's description when the folder lacks it, and clears a crash's temporary files. */
export async function prepareOwnFolder(
  folder: string,
  device: string,
  description?: DeviceDescription
): Promise<void> {
  const dir = deviceDir(folder, device)
  await mkdir(dir, { recursive: true })
  for (const name of listDir(dir))
    if (name.startsWith('.') && name.endsWith('.tmp')) rmSync(join(dir, name), { force: true })
  if (description) writeWhole(dir, DESCRIPTION, Buffer.from(JSON.stringify(description, null, 2) + '\n'))
}

/** Writes one update file of this device; answers its name. */
export function writeOwnFile(
  folder: string,
  device: string,
  number: number,
  updates: DocUpdate[],
  key: FileKey
): string {
  const name = `${String(number).padStart(10, '0')}-${randomBytes(3).toString('hex')}.rjsync`
  writeWhole(deviceDir(folder, device), name, encodeUpdateFile(updates, device, key))
  return name
}

export function removeOwnFile(folder: string, device: string, name: string): void {
  rmSync(join(deviceDir(folder, device), name), { force: true })
}

/** Written under a hidden temporary name, flushed, then renamed: never seen half-written. */
function writeWhole(dir: string, name: string, bytes: Buffer): void {
  const temp = join(dir, `.${name}.${process.pid}.tmp`)
  const fd = openSync(temp, 'w')
  try {
    writeSync(fd, bytes)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temp, join(dir, name))
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}

function fileSize(folder: string, device: string, name: string): number {
  try {
    return statSync(join(deviceDir(folder, device), name)).size
  } catch {
    return -1
  }
}
