import Database from 'better-sqlite3'
import type { BackupContents } from '../../../shared/contract/backup'

/**
 * What a backup holds, counted from the file itself (opened read-only), so two backups taken
 * for the same reason can be told apart by what the journal was before. Null when the file
 * cannot be read as a journal (damaged, or not one).
 */
export function backupContents(file: string): BackupContents | null {
  let copy: Database.Database | null = null
  try {
    copy = new Database(file, { readonly: true, fileMustExist: true })
    const count = (sql: string) => (copy!.prepare(sql).pluck().get() as number) ?? 0
    return {
      reviews: count('SELECT count(*) FROM reviews WHERE deleted_at IS NULL'),
      screenings: count('SELECT count(*) FROM screenings WHERE deleted_at IS NULL'),
      responses: count('SELECT count(*) FROM responses')
    }
  } catch {
    return null
  } finally {
    copy?.close()
  }
}
