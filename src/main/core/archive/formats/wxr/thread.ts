import type { WxrComment } from './wxrParser'

export interface Thread {
  /** The comments that become responses, every parent before its replies. */
  kept: WxrComment[]
  /** Each kept comment's nearest kept ancestor (absent for a top-level response). */
  parentOf: Map<WxrComment, WxrComment>
  /** Why each left-out comment was left out. */
  skipped: string[]
}

/**
 * Orders one post's comments into threads by `comment_parent`. A reply whose parent was left
 * out (a pingback, a trashed comment) or is missing hangs from the nearest ancestor that was
 * kept; a loop of parents (a damaged file) is cut. Replies always come after their parent, so
 * the merger can link them as it goes.
 */
export function commentsInThreadOrder(
  comments: WxrComment[],
  skipReason: (c: WxrComment) => string | null
): Thread {
  const byId = new Map<string, WxrComment>()
  const skipped: string[] = []
  const kept = new Set<WxrComment>()
  for (const comment of comments) {
    const reason = skipReason(comment)
    const id = (comment['wp:comment_id'] ?? '').trim()
    if (reason) skipped.push(reason)
    else if (byId.has(id) && kept.has(byId.get(id)!)) skipped.push('comment id given twice')
    else kept.add(comment)
    if (!byId.has(id)) byId.set(id, comment)
  }

  const parentOf = new Map<WxrComment, WxrComment>()
  for (const comment of kept) {
    const seen = new Set<WxrComment>([comment])
    let cursor = byId.get((comment['wp:comment_parent'] ?? '').trim())
    while (cursor && !seen.has(cursor) && !kept.has(cursor)) {
      seen.add(cursor)
      cursor = byId.get((cursor['wp:comment_parent'] ?? '').trim())
    }
    if (cursor && !seen.has(cursor)) parentOf.set(comment, cursor)
  }
  cutLoops(kept, parentOf)

  const depth = new Map<WxrComment, number>()
  // Iterative, so a hostile thread thousands of replies deep cannot overflow the stack.
  const depthOf = (c: WxrComment): number => {
    const chain: WxrComment[] = []
    let cursor: WxrComment | undefined = c
    while (cursor && !depth.has(cursor)) {
      chain.push(cursor)
      cursor = parentOf.get(cursor)
    }
    let d = cursor ? depth.get(cursor)! : -1
    for (let i = chain.length - 1; i >= 0; i--) depth.set(chain[i], ++d)
    return depth.get(c)!
  }
  // Stable sort: within one depth, the file's order (WordPress writes oldest first).
  const ordered = [...kept].map((c, i) => ({ c, i, d: depthOf(c) })).sort((a, b) => a.d - b.d || a.i - b.i)
  return { kept: ordered.map((o) => o.c), parentOf, skipped }
}

/** Kept comments whose parents lead round in a circle become top-level responses. */
function cutLoops(kept: Set<WxrComment>, parentOf: Map<WxrComment, WxrComment>): void {
  const settled = new Set<WxrComment>()
  for (const start of kept) {
    const path = new Set<WxrComment>()
    let cursor: WxrComment | undefined = start
    while (cursor && !settled.has(cursor)) {
      if (path.has(cursor)) {
        parentOf.delete(cursor)
        break
      }
      path.add(cursor)
      cursor = parentOf.get(cursor)
    }
    for (const c of path) settled.add(c)
  }
}
