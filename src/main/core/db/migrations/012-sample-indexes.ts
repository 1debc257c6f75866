/**
 * Whether the journal holds the sample is asked at every start (`app.info`, before the first
 * screen): answered from these two small indexes rather than a scan of every review and film,
 * which costs tens of milliseconds on a journal of thousands.
 */
export const sampleIndexes = /* sql */ `
CREATE INDEX reviews_sample ON reviews (is_sample) WHERE is_sample = 1;
CREATE INDEX works_sample ON works (is_sample) WHERE is_sample = 1;
`
