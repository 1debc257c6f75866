/**
 * The diary pages through live screenings in one fixed order (newest day, then latest time,
 * then most recently logged). An index of live screenings in exactly that order lets a page at
 * any offset walk the index instead of sorting every screening, so the 200th page costs about
 * what the first does. Partial, so queries that look screenings up by film or review keep
 * their own indexes.
 */
export const screeningsDiaryOrder = /* sql */ `
CREATE INDEX screenings_diary ON screenings (watched_on DESC, watched_time DESC, created_at DESC, id DESC)
  WHERE deleted_at IS NULL;
`
