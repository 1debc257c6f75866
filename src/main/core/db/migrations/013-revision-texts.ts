/**
 * A snapshot taken of a review's text as it stands (an import's first revision) need not hold a
 * second copy of it: its `body` is then JSON `null`, read as the review's own body until that
 * body changes, when the store copies it into the snapshot first (stores/reviews.ts). Every
 * reader of a snapshot's text reads it through this view. An import of 5,000 reviews wrote every
 * body twice before. The index finds a review's sharing snapshots at each save without reading
 * the body of every snapshot it has.
 */
export const revisionTexts = /* sql */ `
CREATE INDEX review_revisions_shared ON review_revisions (review_id) WHERE body = 'null';
CREATE VIEW review_revision_texts AS
  SELECT rv.rid, rv.id, rv.review_id, rv.title,
    CASE WHEN rv.body = 'null' THEN r.body ELSE rv.body END AS body,
    CASE WHEN rv.body = 'null' THEN r.body_text ELSE rv.body_text END AS body_text,
    rv.word_count, rv.reason, rv.label, rv.created_at
  FROM review_revisions rv JOIN reviews r ON r.id = rv.review_id;
`
