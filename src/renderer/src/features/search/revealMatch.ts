/**
 * After a search hit opens, brings the matched words into view and marks them, the way a
 * browser's find-in-page does: the text is marked with the CSS Custom Highlight API, so the
 * review's document (Lexical's DOM) is never changed and reading it saves nothing.
 */

const HIGHLIGHT = 'search-match'
/** How long to wait for the opened screen to show the text before giving up. */
const WAIT_MS = 3000

interface TextIndex {
  nodes: Text[]
  starts: number[]
  text: string
}

function indexText(root: Element): TextIndex {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  const nodes: Text[] = []
  const starts: number[] = []
  let text = ''
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text)
    starts.push(text.length)
    text += (node as Text).data
  }
  return { nodes, starts, text: text.toLowerCase() }
}

function position(index: TextIndex, at: number): [Text, number] {
  let i = index.starts.length - 1
  while (i > 0 && index.starts[i] > at) i--
  return [index.nodes[i], at - index.starts[i]]
}

/** A range over the first occurrence of `words` (matched text as the snippet showed it) in `root`. */
export function findMatch(root: Element, words: string): Range | null {
  const needle = words.toLowerCase().trim()
  if (!needle) return null
  const index = indexText(root)
  const at = index.text.indexOf(needle)
  if (at < 0) return null
  const range = document.createRange()
  range.setStart(...position(index, at))
  range.setEnd(...position(index, at + needle.length))
  return range
}

/** Scrolls the match to the middle of its pane and marks it until the next search is opened. */
export function markMatch(range: Range): void {
  const highlights = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights
  if (highlights && typeof Highlight !== 'undefined') highlights.set(HIGHLIGHT, new Highlight(range))
  const element = range.startContainer.parentElement
  element?.scrollIntoView({ block: 'center' })
  // A response is marked as a whole too, as the inbox's "Open in thread" focuses one.
  element?.closest('.thread-entry article')?.setAttribute('data-found', '')
}

export function clearMatch(): void {
  ;(CSS as unknown as { highlights?: Map<string, unknown> }).highlights?.delete(HIGHLIGHT)
  for (const marked of document.querySelectorAll('[data-found]')) marked.removeAttribute('data-found')
}

/**
 * Waits (a frame at a time) for `selector` to hold `words`, then reveals them. Resolves with
 * the range, or null when the text never showed (the words were in the title or film only).
 */
export function revealWhenShown(selector: string, words: string): Promise<Range | null> {
  clearMatch()
  const started = performance.now()
  return new Promise((resolve) => {
    const look = () => {
      const root = document.querySelector(selector)
      const range = root ? findMatch(root, words) : null
      if (range) {
        markMatch(range)
        resolve(range)
      } else if (performance.now() - started > WAIT_MS) resolve(null)
      else requestAnimationFrame(look)
    }
    requestAnimationFrame(look)
  })
}
