/**
 * The inbox lists responses newest first under three filters. "New" walks the initial
 * (status, received_at) index; "all" and "starred" get their own so their first page stays a
 * short index walk with a hundred thousand responses instead of a sort of every row.
 */
export const responseInboxIndexes = /* sql */ `
CREATE INDEX responses_received ON responses (received_at DESC);
CREATE INDEX responses_starred ON responses (received_at DESC) WHERE starred = 1;
`
