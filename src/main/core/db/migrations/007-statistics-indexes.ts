/**
 * The statistics screen counts every live screening and review by month, rating, format,
 * venue, status and film. Read from the tables, each of those counts walks whole rows — and a
 * review's row carries its body, so the walk reads every review's text from overflow pages.
 * These indexes hold just the columns the counts read, led by `deleted_at` like the lists'
 * indexes, so each count is a scan of a narrow index (a range of it for one year) whatever the
 * length of the writing, and the first and last dates are single seeks.
 */
export const statisticsIndexes = /* sql */ `
CREATE INDEX screenings_stats ON screenings (deleted_at, watched_on, work_id, format, rating, rewatch, venue);
CREATE INDEX reviews_stats ON reviews (deleted_at, created_at, status, rating, word_count, id);
`
