/**
 * The Yjs state kept beside the journal's rows, so that sync can merge without a server and a
 * crash can never leave the two apart (both are written in one transaction).
 *
 * - `sync_docs`: one Yjs document per record, named `<kind>/<id>` (a review's holds its fields
 *   and its body in the collaboration binding's shape); `body_sha` fingerprints the body the
 *   review row held when the two last agreed, so an unchanged body is not read again;
 *   `unapplied` marks a document that could not be written yet (its film or review has not
 *   arrived) and is tried again each round.
 * - `sync_outbox`: this device's own Yjs updates, kept until compacted; `file` names the update
 *   file that carried one to a shared folder (NULL: not sent yet).
 * - `sync_files_read`: the other devices' update files already merged, by name and size.
 * - `sync_meta`: this journal's random device id (made at its first sync, see sync/docStore.ts),
 *   and how far the change log has been captured.
 */
export const syncState = /* sql */ `
CREATE TABLE sync_docs (
  doc TEXT PRIMARY KEY,
  state BLOB NOT NULL,
  body_sha TEXT,
  unapplied INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX sync_docs_unapplied ON sync_docs (unapplied) WHERE unapplied = 1;

CREATE TABLE sync_outbox (
  seq INTEGER PRIMARY KEY,
  doc TEXT NOT NULL,
  data BLOB NOT NULL,
  file TEXT
);
CREATE INDEX sync_outbox_file ON sync_outbox (file);

CREATE TABLE sync_files_read (
  device TEXT NOT NULL,
  name TEXT NOT NULL,
  size INTEGER NOT NULL,
  PRIMARY KEY (device, name)
) WITHOUT ROWID;

CREATE TABLE sync_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO sync_meta (key, value) VALUES ('device', lower(hex(randomblob(12))));
`
