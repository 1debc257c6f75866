/**
 * Two things a WordPress post carries that a review kept nowhere: its excerpt, shown above the
 * text as the review's standfirst, and the password that protects it on the site. Without the
 * password a protected post came back from a round trip as a public one. An empty standfirst
 * is '' (most reviews have none); a review without a password has NULL.
 */
export const reviewStandfirstAndPassword = /* sql */ `
ALTER TABLE reviews ADD COLUMN standfirst TEXT NOT NULL DEFAULT '';
ALTER TABLE reviews ADD COLUMN password TEXT CHECK (password IS NULL OR password <> '');
`
