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

const reviewEntry = (where: string) => /* sql */ `
  INSERT INTO reviews_fts (rowid, title, body, meta)
  SELECT r.rid, r.title, r.body_text,
    coalesce((SELECT w.title || ' ' || coalesce(w.original_title, '') FROM works w WHERE w.id = r.work_id), '')
      || ' ' || coalesce((SELECT group_concat(t.name, ' ') FROM review_tags rt JOIN tags t ON t.id = rt.tag_id
                          WHERE rt.review_id = r.id), '')
  FROM reviews r WHERE ${where} AND r.deleted_at IS NULL;`

const responseEntry = (where: string) => /* sql */ `
  INSERT INTO responses_fts (rowid, title, body, meta)
  SELECT p.rid, p.author_name, p.body, '' FROM responses p WHERE ${where};`

const screeningEntry = (where: string) => /* sql */ `
  INSERT INTO screenings_fts (rowid, title, body, meta)
  SELECT s.rid, coalesce((SELECT title FROM works WHERE id = s.work_id), ''), s.notes,
    coalesce(s.venue, '') || ' ' || coalesce(s.format_detail, '')
  FROM screenings s WHERE ${where} AND s.deleted_at IS NULL;`

const workEntry = (where: string) => /* sql */ `
  INSERT INTO works_fts (rowid, title, body, meta)
  SELECT w.rid, w.title, coalesce(w.original_title, ''),
    (SELECT coalesce(group_concat(value, ' '), '') FROM json_each(w.directors))
  FROM works w WHERE ${where};`

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

CREATE TRIGGER reviews_fts_insert AFTER INSERT ON reviews WHEN new.deleted_at IS NULL BEGIN
  ${reviewEntry('r.rid = new.rid')}
END;
CREATE TRIGGER reviews_fts_update AFTER UPDATE OF title, body_text, work_id, deleted_at ON reviews BEGIN
  DELETE FROM reviews_fts WHERE rowid = old.rid;
  ${reviewEntry('r.rid = new.rid')}
END;
CREATE TRIGGER reviews_fts_delete AFTER DELETE ON reviews BEGIN
  DELETE FROM reviews_fts WHERE rowid = old.rid;
END;
CREATE TRIGGER review_tags_fts_insert AFTER INSERT ON review_tags BEGIN
  DELETE FROM reviews_fts WHERE rowid = (SELECT rid FROM reviews WHERE id = new.review_id);
  ${reviewEntry('r.id = new.review_id')}
END;
CREATE TRIGGER review_tags_fts_delete AFTER DELETE ON review_tags BEGIN
  DELETE FROM reviews_fts WHERE rowid = (SELECT rid FROM reviews WHERE id = old.review_id);
  ${reviewEntry('r.id = old.review_id')}
END;
CREATE TRIGGER tags_fts_rename AFTER UPDATE OF name ON tags BEGIN
  DELETE FROM reviews_fts WHERE rowid IN
    (SELECT r.rid FROM reviews r JOIN review_tags rt ON rt.review_id = r.id WHERE rt.tag_id = new.id);
  ${reviewEntry('r.id IN (SELECT review_id FROM review_tags WHERE tag_id = new.id)')}
END;

CREATE TRIGGER responses_fts_insert AFTER INSERT ON responses BEGIN
  ${responseEntry('p.rid = new.rid')}
END;
CREATE TRIGGER responses_fts_update AFTER UPDATE OF author_name, body ON responses BEGIN
  DELETE FROM responses_fts WHERE rowid = old.rid;
  ${responseEntry('p.rid = new.rid')}
END;
CREATE TRIGGER responses_fts_delete AFTER DELETE ON responses BEGIN
  DELETE FROM responses_fts WHERE rowid = old.rid;
END;

CREATE TRIGGER screenings_fts_insert AFTER INSERT ON screenings WHEN new.deleted_at IS NULL BEGIN
  ${screeningEntry('s.rid = new.rid')}
END;
CREATE TRIGGER screenings_fts_update
AFTER UPDATE OF work_id, notes, venue, format_detail, deleted_at ON screenings BEGIN
  DELETE FROM screenings_fts WHERE rowid = old.rid;
  ${screeningEntry('s.rid = new.rid')}
END;
CREATE TRIGGER screenings_fts_delete AFTER DELETE ON screenings BEGIN
  DELETE FROM screenings_fts WHERE rowid = old.rid;
END;

CREATE TRIGGER works_fts_insert AFTER INSERT ON works BEGIN
  ${workEntry('w.rid = new.rid')}
END;
CREATE TRIGGER works_fts_update AFTER UPDATE OF title, original_title, directors ON works BEGIN
  DELETE FROM works_fts WHERE rowid = old.rid;
  ${workEntry('w.rid = new.rid')}
END;
CREATE TRIGGER works_fts_delete AFTER DELETE ON works BEGIN
  DELETE FROM works_fts WHERE rowid = old.rid;
END;
-- A film's title is part of its reviews' and screenings' entries.
CREATE TRIGGER works_fts_related AFTER UPDATE OF title, original_title ON works BEGIN
  DELETE FROM reviews_fts WHERE rowid IN (SELECT rid FROM reviews WHERE work_id = new.id);
  ${reviewEntry('r.work_id = new.id')}
  DELETE FROM screenings_fts WHERE rowid IN (SELECT rid FROM screenings WHERE work_id = new.id);
  ${screeningEntry('s.work_id = new.id')}
END;

${reviewEntry('1')}
${responseEntry('1')}
${screeningEntry('1')}
${workEntry('1')}
`
