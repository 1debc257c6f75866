/**
 * One full-text index per kind instead of one shared by all four. FTS5 does some work per query
 * over the whole of an index — bm25 counts every document holding each word, and a prefix
 * longer than the prefix index merges every word it begins — so in a shared index, searching
 * the few films paid for the 400,000 reviews and responses beside them, four times a search.
 *
 * rowid is the row's own rid. The indexes are contentless: the text stays in the rows, where
 * snippets are cut from, rather than a second copy of every review's body; contentless_delete
 * lets a row's entry be replaced when it changes. Columns are the same in each (title, body,
 * meta) so that one set of bm25 weights serves them all.
 *
 * The update triggers now fire only for the columns an entry is made from, so a rating or a
 * status change no longer re-indexes a review's whole body.
 */
const FTS = `content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'`

type Kind = 'review' | 'response' | 'screening' | 'work'

/** Writes the entries of `kind`'s rows that `where` (over the view's `rid`) picks. */
const entries = (kind: Kind, where: string) => /* sql */ `
  INSERT INTO ${kind}s_fts (rowid, title, body, meta)
  SELECT rid, title, body, meta FROM ${kind}_search_entries WHERE ${where};`

/** Writes again the entries of `kind`'s rows whose rid is in `rids` (a list or a subquery). */
const reindex = (kind: Kind, rids: string) => /* sql */ `
  DELETE FROM ${kind}s_fts WHERE rowid IN (${rids});
  ${entries(kind, `rid IN (${rids})`)}`

/**
 * A row's entry is written when the row is added (a live one, for kinds with a trash), written
 * again when one of `columns` changes, and removed with the row.
 */
const rowTriggers = (kind: Kind, columns: string, hasTrash: boolean) => /* sql */ `
CREATE TRIGGER ${kind}s_fts_insert AFTER INSERT ON ${kind}s ${hasTrash ? 'WHEN new.deleted_at IS NULL' : ''} BEGIN
  ${entries(kind, 'rid = new.rid')}
END;
CREATE TRIGGER ${kind}s_fts_update AFTER UPDATE OF ${columns} ON ${kind}s BEGIN
  ${reindex(kind, 'old.rid')}
END;
CREATE TRIGGER ${kind}s_fts_delete AFTER DELETE ON ${kind}s BEGIN
  DELETE FROM ${kind}s_fts WHERE rowid = old.rid;
END;`

export const searchIndexPerKind = /* sql */ `
DROP TRIGGER reviews_fts_insert;
DROP TRIGGER reviews_fts_update;
DROP TRIGGER reviews_fts_delete;
DROP TRIGGER responses_fts_insert;
DROP TRIGGER responses_fts_update;
DROP TRIGGER responses_fts_delete;
DROP TRIGGER screenings_fts_insert;
DROP TRIGGER screenings_fts_update;
DROP TRIGGER screenings_fts_delete;
DROP TRIGGER works_fts_insert;
DROP TRIGGER works_fts_update;
DROP TRIGGER works_fts_delete;
DROP TRIGGER review_tags_fts_insert;
DROP TRIGGER review_tags_fts_delete;
DROP TRIGGER tags_fts_rename;
DROP TRIGGER works_fts_related;
DROP TABLE search_fts;

CREATE VIRTUAL TABLE reviews_fts USING fts5 (title, body, meta, ${FTS});
CREATE VIRTUAL TABLE responses_fts USING fts5 (title, body, meta, ${FTS});
CREATE VIRTUAL TABLE screenings_fts USING fts5 (title, body, meta, ${FTS});
CREATE VIRTUAL TABLE works_fts USING fts5 (title, body, meta, ${FTS});

-- What each kind's entry holds, in one place: the triggers below write single rows from these,
-- and a bulk import rebuilds whole indexes from them.
CREATE VIEW review_search_entries AS
  SELECT r.rid, r.title, r.body_text AS body,
    coalesce((SELECT w.title || ' ' || coalesce(w.original_title, '') FROM works w WHERE w.id = r.work_id), '')
      || ' ' || coalesce((SELECT group_concat(t.name, ' ') FROM review_tags rt JOIN tags t ON t.id = rt.tag_id
                          WHERE rt.review_id = r.id), '') AS meta
  FROM reviews r WHERE r.deleted_at IS NULL;
CREATE VIEW response_search_entries AS
  SELECT p.rid, p.author_name AS title, p.body, '' AS meta FROM responses p;
CREATE VIEW screening_search_entries AS
  SELECT s.rid, coalesce((SELECT title FROM works WHERE id = s.work_id), '') AS title, s.notes AS body,
    coalesce(s.venue, '') || ' ' || coalesce(s.format_detail, '') AS meta
  FROM screenings s WHERE s.deleted_at IS NULL;
CREATE VIEW work_search_entries AS
  SELECT w.rid, w.title, coalesce(w.original_title, '') AS body,
    (SELECT coalesce(group_concat(value, ' '), '') FROM json_each(w.directors)) AS meta
  FROM works w;

${rowTriggers('review', 'title, body_text, work_id, deleted_at', true)}
${rowTriggers('response', 'author_name, body', false)}
${rowTriggers('screening', 'work_id, notes, venue, format_detail, deleted_at', true)}
${rowTriggers('work', 'title, original_title, directors', false)}

-- A review's entry holds its tags' names, and a review's or screening's its film's title.
CREATE TRIGGER review_tags_fts_insert AFTER INSERT ON review_tags BEGIN
  ${reindex('review', 'SELECT rid FROM reviews WHERE id = new.review_id')}
END;
CREATE TRIGGER review_tags_fts_delete AFTER DELETE ON review_tags BEGIN
  ${reindex('review', 'SELECT rid FROM reviews WHERE id = old.review_id')}
END;
CREATE TRIGGER tags_fts_rename AFTER UPDATE OF name ON tags BEGIN
  ${reindex('review', 'SELECT r.rid FROM reviews r JOIN review_tags rt ON rt.review_id = r.id WHERE rt.tag_id = new.id')}
END;
CREATE TRIGGER works_fts_related AFTER UPDATE OF title, original_title ON works BEGIN
  ${reindex('review', 'SELECT rid FROM reviews WHERE work_id = new.id')}
  ${reindex('screening', 'SELECT rid FROM screenings WHERE work_id = new.id')}
END;

${entries('review', '1')}
${entries('response', '1')}
${entries('screening', '1')}
${entries('work', '1')}
`
