/**
 * Search over review tags and films kept in step everywhere, and film aliases for merges.
 *
 * - A review's `meta` in the full-text index now holds its film's title and original title and
 *   its tag names, refreshed when tags are added or removed, a tag is renamed, or a film is
 *   renamed (screenings carry the film title too). The review rows are rebuilt at the end.
 * - `work_aliases` remembers the ids and source keys of films merged into another, so that an
 *   archive or import that names the old film still finds the one it became.
 */
const reviewRow = (where: string) => /* sql */ `
  INSERT INTO search_fts (rowid, kind, ref_id, title, body, meta)
  SELECT r.rid * 4, 'review', r.id, r.title, r.body_text,
    coalesce((SELECT w.title || ' ' || coalesce(w.original_title, '') FROM works w WHERE w.id = r.work_id), '')
      || ' ' || coalesce((SELECT group_concat(t.name, ' ') FROM review_tags rt JOIN tags t ON t.id = rt.tag_id
                          WHERE rt.review_id = r.id), '')
  FROM reviews r WHERE ${where} AND r.deleted_at IS NULL;`

const screeningRow = (where: string) => /* sql */ `
  INSERT INTO search_fts (rowid, kind, ref_id, title, body, meta)
  SELECT s.rid * 4 + 2, 'screening', s.id, coalesce((SELECT title FROM works WHERE id = s.work_id), ''), s.notes,
    coalesce(s.venue, '') || ' ' || coalesce(s.format_detail, '')
  FROM screenings s WHERE ${where} AND s.deleted_at IS NULL;`

export const searchAndFilmAliases = /* sql */ `
CREATE TABLE work_aliases (
  alias TEXT PRIMARY KEY,          -- 'id:<old id>' or 'source:<old source key>'
  work_id TEXT NOT NULL REFERENCES works (id) ON UPDATE CASCADE ON DELETE CASCADE,
  created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX work_aliases_work ON work_aliases (work_id);

DROP TRIGGER reviews_fts_insert;
DROP TRIGGER reviews_fts_update;

CREATE TRIGGER reviews_fts_insert AFTER INSERT ON reviews WHEN new.deleted_at IS NULL BEGIN
  ${reviewRow('r.rid = new.rid')}
END;
CREATE TRIGGER reviews_fts_update AFTER UPDATE ON reviews BEGIN
  DELETE FROM search_fts WHERE rowid = old.rid * 4;
  ${reviewRow('r.rid = new.rid')}
END;

CREATE TRIGGER review_tags_fts_insert AFTER INSERT ON review_tags BEGIN
  DELETE FROM search_fts WHERE rowid = (SELECT rid * 4 FROM reviews WHERE id = new.review_id);
  ${reviewRow('r.id = new.review_id')}
END;
CREATE TRIGGER review_tags_fts_delete AFTER DELETE ON review_tags BEGIN
  DELETE FROM search_fts WHERE rowid = (SELECT rid * 4 FROM reviews WHERE id = old.review_id);
  ${reviewRow('r.id = old.review_id')}
END;
CREATE TRIGGER tags_fts_rename AFTER UPDATE OF name ON tags BEGIN
  DELETE FROM search_fts WHERE rowid IN
    (SELECT r.rid * 4 FROM reviews r JOIN review_tags rt ON rt.review_id = r.id WHERE rt.tag_id = new.id);
  ${reviewRow('r.id IN (SELECT review_id FROM review_tags WHERE tag_id = new.id)')}
END;

CREATE TRIGGER works_fts_related AFTER UPDATE OF title, original_title ON works BEGIN
  DELETE FROM search_fts WHERE rowid IN (SELECT rid * 4 FROM reviews WHERE work_id = new.id);
  ${reviewRow('r.work_id = new.id')}
  DELETE FROM search_fts WHERE rowid IN (SELECT rid * 4 + 2 FROM screenings WHERE work_id = new.id);
  ${screeningRow('s.work_id = new.id')}
END;

DELETE FROM search_fts WHERE kind = 'review';
${reviewRow('1')}
`
