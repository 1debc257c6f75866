/**
 * The whole domain from day one. Every entity has a stable string `id` (UUIDv7 or an imported
 * archive's own) and an integer `rid` that never changes, used as the full-text index's rowid.
 * `source_key` remembers where an imported row came from ("wxr:<site>:post:<id>") so that
 * importing the same file twice changes nothing.
 */
export const initialSchema = /* sql */ `
CREATE TABLE works (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  original_title TEXT,
  year INTEGER CHECK (year IS NULL OR year BETWEEN 1870 AND 2200),
  directors TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(directors)),
  runtime_minutes INTEGER,
  letterboxd_uri TEXT UNIQUE,
  tmdb_id TEXT,
  imdb_id TEXT,
  source_key TEXT UNIQUE,
  is_sample INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX works_title_year ON works (title COLLATE NOCASE, year);
CREATE INDEX works_tmdb ON works (tmdb_id) WHERE tmdb_id IS NOT NULL;
CREATE INDEX works_imdb ON works (imdb_id) WHERE imdb_id IS NOT NULL;

CREATE TABLE reviews (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  work_id TEXT REFERENCES works (id) ON UPDATE CASCADE ON DELETE SET NULL,
  title TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL CHECK (json_valid(body)),
  body_text TEXT NOT NULL DEFAULT '',
  word_count INTEGER NOT NULL DEFAULT 0,
  rating REAL CHECK (rating IS NULL OR (rating BETWEEN 0.5 AND 5 AND rating * 2 = CAST(rating * 2 AS INTEGER))),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'ready', 'published')),
  has_spoilers INTEGER NOT NULL DEFAULT 0,
  responses_closed INTEGER NOT NULL DEFAULT 0,
  outlet TEXT,
  published_url TEXT,
  published_at TEXT,
  target_words INTEGER,
  slug TEXT,
  source_key TEXT UNIQUE,
  is_sample INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX reviews_updated ON reviews (deleted_at, updated_at DESC);
CREATE INDEX reviews_work ON reviews (work_id);

CREATE TABLE review_revisions (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  review_id TEXT NOT NULL REFERENCES reviews (id) ON UPDATE CASCADE ON DELETE CASCADE,
  title TEXT NOT NULL,
  body TEXT NOT NULL CHECK (json_valid(body)),
  body_text TEXT NOT NULL,
  word_count INTEGER NOT NULL,
  -- why the snapshot was taken: editing, a status change, publishing, a restore, an import
  reason TEXT NOT NULL CHECK (reason IN ('edit', 'status', 'publish', 'restore', 'import')),
  label TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX review_revisions_review ON review_revisions (review_id, created_at DESC);

CREATE TABLE tags (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0)
);
CREATE TABLE review_tags (
  review_id TEXT NOT NULL REFERENCES reviews (id) ON UPDATE CASCADE ON DELETE CASCADE,
  tag_id TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (review_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX review_tags_tag ON review_tags (tag_id);

CREATE TABLE screenings (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  work_id TEXT NOT NULL REFERENCES works (id) ON UPDATE CASCADE ON DELETE RESTRICT,
  watched_on TEXT NOT NULL CHECK (watched_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  watched_time TEXT,
  venue TEXT,
  format TEXT NOT NULL DEFAULT 'cinema'
    CHECK (format IN ('cinema', 'press', 'festival', 'screener', 'streaming', 'tv', 'home-media', 'other')),
  format_detail TEXT,
  companions TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(companions)),
  rewatch INTEGER NOT NULL DEFAULT 0,
  walked_out INTEGER NOT NULL DEFAULT 0,
  rating REAL CHECK (rating IS NULL OR (rating BETWEEN 0.5 AND 5 AND rating * 2 = CAST(rating * 2 AS INTEGER))),
  notes TEXT NOT NULL DEFAULT '',
  embargo_until TEXT,
  review_id TEXT REFERENCES reviews (id) ON UPDATE CASCADE ON DELETE SET NULL,
  source_key TEXT UNIQUE,
  is_sample INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX screenings_watched ON screenings (deleted_at, watched_on DESC);
CREATE INDEX screenings_work ON screenings (work_id, watched_on);
CREATE INDEX screenings_review ON screenings (review_id);

CREATE TABLE screening_tags (
  screening_id TEXT NOT NULL REFERENCES screenings (id) ON UPDATE CASCADE ON DELETE CASCADE,
  tag_id TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (screening_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX screening_tags_tag ON screening_tags (tag_id);

CREATE TABLE responses (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  review_id TEXT NOT NULL REFERENCES reviews (id) ON UPDATE CASCADE ON DELETE CASCADE,
  parent_id TEXT REFERENCES responses (id) ON UPDATE CASCADE ON DELETE SET NULL,
  author_name TEXT NOT NULL CHECK (length(trim(author_name)) > 0),
  author_email TEXT,
  author_url TEXT,
  body TEXT NOT NULL CHECK (length(trim(body)) > 0),
  received_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'read', 'replied', 'hidden', 'spam')),
  is_own_reply INTEGER NOT NULL DEFAULT 0,
  starred INTEGER NOT NULL DEFAULT 0,
  source_key TEXT UNIQUE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX responses_review ON responses (review_id, received_at);
CREATE INDEX responses_parent ON responses (parent_id);
CREATE INDEX responses_inbox ON responses (status, received_at DESC);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) WITHOUT ROWID;

-- One full-text index over every kind. rowid = rid * 4 + kind (0 review, 1 response,
-- 2 screening, 3 work) so rows of all kinds share it without clashing; accents and case fold.
CREATE VIRTUAL TABLE search_fts USING fts5 (
  kind UNINDEXED,
  ref_id UNINDEXED,
  title,
  body,
  meta,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TRIGGER reviews_fts_insert AFTER INSERT ON reviews WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO search_fts (rowid, kind, ref_id, title, body, meta)
  VALUES (new.rid * 4, 'review', new.id, new.title, new.body_text,
    coalesce((SELECT title FROM works WHERE id = new.work_id), ''));
END;
CREATE TRIGGER reviews_fts_update AFTER UPDATE ON reviews BEGIN
  DELETE FROM search_fts WHERE rowid = old.rid * 4;
  INSERT INTO search_fts (rowid, kind, ref_id, title, body, meta)
  SELECT new.rid * 4, 'review', new.id, new.title, new.body_text,
    coalesce((SELECT title FROM works WHERE id = new.work_id), '')
  WHERE new.deleted_at IS NULL;
END;
CREATE TRIGGER reviews_fts_delete AFTER DELETE ON reviews BEGIN
  DELETE FROM search_fts WHERE rowid = old.rid * 4;
END;

CREATE TRIGGER responses_fts_insert AFTER INSERT ON responses BEGIN
  INSERT INTO search_fts (rowid, kind, ref_id, title, body, meta)
  VALUES (new.rid * 4 + 1, 'response', new.id, new.author_name, new.body, '');
END;
CREATE TRIGGER responses_fts_update AFTER UPDATE OF author_name, body ON responses BEGIN
  DELETE FROM search_fts WHERE rowid = old.rid * 4 + 1;
  INSERT INTO search_fts (rowid, kind, ref_id, title, body, meta)
  VALUES (new.rid * 4 + 1, 'response', new.id, new.author_name, new.body, '');
END;
CREATE TRIGGER responses_fts_delete AFTER DELETE ON responses BEGIN
  DELETE FROM search_fts WHERE rowid = old.rid * 4 + 1;
END;

CREATE TRIGGER screenings_fts_insert AFTER INSERT ON screenings WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO search_fts (rowid, kind, ref_id, title, body, meta)
  VALUES (new.rid * 4 + 2, 'screening', new.id,
    coalesce((SELECT title FROM works WHERE id = new.work_id), ''), new.notes,
    coalesce(new.venue, '') || ' ' || coalesce(new.format_detail, ''));
END;
CREATE TRIGGER screenings_fts_update AFTER UPDATE ON screenings BEGIN
  DELETE FROM search_fts WHERE rowid = old.rid * 4 + 2;
  INSERT INTO search_fts (rowid, kind, ref_id, title, body, meta)
  SELECT new.rid * 4 + 2, 'screening', new.id,
    coalesce((SELECT title FROM works WHERE id = new.work_id), ''), new.notes,
    coalesce(new.venue, '') || ' ' || coalesce(new.format_detail, '')
  WHERE new.deleted_at IS NULL;
END;
CREATE TRIGGER screenings_fts_delete AFTER DELETE ON screenings BEGIN
  DELETE FROM search_fts WHERE rowid = old.rid * 4 + 2;
END;

CREATE TRIGGER works_fts_insert AFTER INSERT ON works BEGIN
  INSERT INTO search_fts (rowid, kind, ref_id, title, body, meta)
  VALUES (new.rid * 4 + 3, 'work', new.id, new.title, coalesce(new.original_title, ''),
    (SELECT coalesce(group_concat(value, ' '), '') FROM json_each(new.directors)));
END;
CREATE TRIGGER works_fts_update AFTER UPDATE OF title, original_title, directors ON works BEGIN
  DELETE FROM search_fts WHERE rowid = old.rid * 4 + 3;
  INSERT INTO search_fts (rowid, kind, ref_id, title, body, meta)
  VALUES (new.rid * 4 + 3, 'work', new.id, new.title, coalesce(new.original_title, ''),
    (SELECT coalesce(group_concat(value, ' '), '') FROM json_each(new.directors)));
END;
CREATE TRIGGER works_fts_delete AFTER DELETE ON works BEGIN
  DELETE FROM search_fts WHERE rowid = old.rid * 4 + 3;
END;
`
