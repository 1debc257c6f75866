/**
 * The journal's one change stream: every write through a store (`core/stores/`) adds a row here
 * in the same transaction, naming the kind of record, its id and what happened to it. `seq`
 * orders the stream; the core announces `data.changed` from it after commit and sync reads it
 * from the last sequence it sent. Kept lean (no index but the rowid, no timestamp) because a
 * large import writes one row per record. `reset` marks a restored backup: every record of
 * that kind may have changed (`record_id` is '*').
 */
export const changeLog = /* sql */ `
CREATE TABLE change_log (
  seq INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'reset'))
);
`
