import type { HandlerMap } from '../dispatch'
import { journalHealth } from '../db/connection'
import { readSettings } from '../settings/settings'
import { backupFolder, backupJournal, listBackups } from './backups'
import { newestGoodBackup, restoreBackup } from './restore'
import { JournalFailure } from '../context'
import { join } from 'node:path'
import { backupContents } from './contents'

export const backupHandlers: HandlerMap = {
  'backup.list': (_input, { db, dataDir }) => ({
    backups: listBackups(dataDir).map((b) => ({
      ...b,
      contents: backupContents(join(backupFolder(dataDir), b.name))
    })),
    folder: backupFolder(dataDir),
    keep: readSettings(db).backupsToKeep
  }),
  'backup.create': (_input, { db, dataDir }) => {
    if (journalHealth(db).damaged) {
      throw new JournalFailure(
        'CONFLICT',
        'The journal is damaged: restore a backup instead of backing up the damage.'
      )
    }
    return backupJournal(db, dataDir, 'manual')
  },
  // Announced from the change log (a reset of every kind) once the restore is in place.
  'backup.restore': ({ name }, { db, dataDir }) => restoreBackup(db, dataDir, name),
  'backup.health': (_input, { db, dataDir }) => {
    const health = journalHealth(db)
    return {
      damaged: health.damaged,
      readOnly: health.damaged,
      problems: health.problems.slice(0, 5),
      newestGoodBackup: health.damaged ? newestGoodBackup(dataDir) : null
    }
  },
  // The renderer's answer to a shell's flush request; the desktop shell watches for it.
  'app.flushed': () => ({ received: true })
}
