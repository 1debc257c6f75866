import { SaxesParser, type SaxesTagNS } from 'saxes'
import { ImportFault } from '../types'
import { formatBytes } from '../../files/limits'

/** What a WordPress export says about its site, read from `<channel>` before the first item. */
export interface WxrChannel {
  title: string
  link: string
  baseSiteUrl: string
  version: string
  /** The site's users who wrote its posts (`<wp:author>`): their comments are the critic's own. */
  authors: WxrAuthor[]
}

/** One `<wp:author>`, fields as text ("wp:author_id", "wp:author_email" …). */
export type WxrAuthor = Record<string, string>

export interface WxrCategory {
  domain: string
  nicename: string
  name: string
}

/**
 * One `<wp:comment>`, every field as text exactly as the XML gave it ("wp:comment_id" …),
 * plus our own commentmeta ("meta:_review_journal_id").
 */
export type WxrComment = Record<string, string>

/** One `<item>`: its fields as text (keyed "wp:post_id", "content:encoded", "title" …). */
export interface WxrItem {
  fields: Record<string, string>
  categories: WxrCategory[]
  comments: WxrComment[]
  /** Postmeta written by this app ("meta:_review_journal_id"), nothing else. */
  meta: Record<string, string>
}

/** Postmeta and commentmeta keys this app writes so a round trip keeps our ids, films and ratings. */
export const JOURNAL_META_PREFIX = '_review_journal_'

// Every WXR version names its namespace this way (1.0, 1.1, 1.2; http or https).
const WP_NS = /^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/$/
const NAMESPACES: Record<string, string> = {
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://wordpress.org/export/1.2/excerpt/': 'excerpt',
  'http://purl.org/dc/elements/1.1/': 'dc'
}

const CHANNEL_FIELDS = new Set(['title', 'link', 'wp:base_site_url', 'wp:wxr_version'])
const ITEM_FIELDS = new Set([
  'title',
  'link',
  'pubDate',
  'content:encoded',
  'wp:post_id',
  'wp:post_date',
  'wp:post_date_gmt',
  'wp:post_modified',
  'wp:post_modified_gmt',
  'wp:comment_status',
  'wp:post_name',
  'wp:status',
  'wp:post_type',
  'wp:post_password',
  'excerpt:encoded'
])
const AUTHOR_FIELDS = new Set([
  'wp:author_id',
  'wp:author_login',
  'wp:author_email',
  'wp:author_display_name'
])
/** More authors than any real site has: a hostile file's endless list stops counting here. */
const MAX_AUTHORS = 10_000
const COMMENT_FIELDS = new Set(
  [
    'id',
    'author',
    'author_email',
    'author_url',
    'date',
    'date_gmt',
    'content',
    'approved',
    'type',
    'parent',
    'user_id'
  ].map((f) => `wp:comment_${f}`)
)

/**
 * A streaming reader of WordPress eXtended RSS: feed it text with `write`, collect finished
 * items with `take`. Elements are matched by namespace URI, not prefix, so a file that
 * redefines `wp:` for a hostile element is not fooled. A DOCTYPE is refused outright: WordPress
 * never writes one, and it is how entity expansion (billion laughs) and external entities (XXE)
 * get in — nothing is ever expanded or fetched.
 */
export class WxrParser {
  readonly channel: WxrChannel = { title: '', link: '', baseSiteUrl: '', version: '', authors: [] }
  private readonly sax = new SaxesParser({ xmlns: true, position: true })
  private readonly done: WxrItem[] = []
  private depth = 0
  private item: WxrItem | null = null
  private comment: WxrComment | null = null
  private author: WxrAuthor | null = null
  private meta: { key: string; value: string; depth: number; store: Record<string, string> } | null = null
  private capture: {
    key: string
    depth: number
    parts: string[]
    size: number
    assign(value: string): void
  } | null = null
  private itemCount = 0
  private inChannel = false
  private sawRoot = false

  constructor(
    private readonly label: string,
    private readonly maxFieldChars: number
  ) {
    this.sax.on('doctype', () => {
      throw new ImportFault(
        `${this.label} declares a DOCTYPE. WordPress exports never do, and such declarations can expand entities or fetch other files, so it was refused; nothing was imported.`
      )
    })
    this.sax.on('opentag', (tag) => this.open(tag))
    this.sax.on('closetag', () => this.close())
    this.sax.on('text', (text) => this.append(text))
    this.sax.on('cdata', (text) => this.append(text))
  }

  /** Parses the next piece of the document. */
  write(text: string): void {
    this.guard(() => this.sax.write(text))
  }

  /** Ends the document: a file cut short fails here. */
  end(): void {
    this.guard(() => this.sax.close())
    if (this.depth !== 0 || !this.sawRoot) this.fail('it ends before its last element is closed')
    this.requireVersion()
  }

  /** The items finished since the last call. */
  take(): WxrItem[] {
    return this.done.splice(0)
  }

  private open(tag: SaxesTagNS): void {
    const depth = ++this.depth
    const name = qualified(tag)
    const item = this.item
    const comment = this.comment
    if (depth === 1) {
      if (name !== 'rss') this.notWxr(`its root element is <${tag.name}>, not <rss>`)
      this.sawRoot = true
    } else if (depth === 2) {
      this.inChannel = name === 'channel'
    } else if (!this.inChannel || this.capture) {
      return
    } else if (depth === 3 && name === 'item') {
      this.requireVersion()
      this.item = { fields: {}, categories: [], comments: [], meta: {} }
    } else if (depth === 3 && CHANNEL_FIELDS.has(name)) {
      this.startCapture(name, (value) => this.storeChannel(name, value))
    } else if (depth === 3 && name === 'wp:author') {
      this.author = {}
    } else if (depth === 4 && this.author && AUTHOR_FIELDS.has(name)) {
      const author = this.author
      this.startCapture(name, (value) => (author[name] ??= value))
    } else if (!item) {
      return
    } else if (depth === 4 && name === 'wp:comment') {
      this.comment = {}
    } else if (depth === 4 && name === 'category') {
      const domain = attribute(tag, 'domain')
      const nicename = attribute(tag, 'nicename')
      this.startCapture(name, (value) => item.categories.push({ domain, nicename, name: value }))
    } else if (depth === 4 && ITEM_FIELDS.has(name)) {
      this.startCapture(name, (value) => (item.fields[name] ??= value))
    } else if (depth === 4 && name === 'wp:postmeta') {
      this.meta = { key: '', value: '', depth, store: item.meta }
    } else if (depth === 5 && comment && name === 'wp:commentmeta') {
      this.meta = { key: '', value: '', depth, store: comment }
    } else if (depth === 5 && comment && COMMENT_FIELDS.has(name)) {
      this.startCapture(name, (value) => (comment[name] ??= value))
    } else if (
      this.meta &&
      depth === this.meta.depth + 1 &&
      (name === 'wp:meta_key' || name === 'wp:meta_value')
    ) {
      const meta = this.meta
      this.startCapture(name, (value) => (name === 'wp:meta_key' ? (meta.key = value) : (meta.value = value)))
    }
  }

  private close(): void {
    const capture = this.capture
    const depth = this.depth--
    if (capture) {
      if (capture.depth === depth) {
        this.capture = null
        capture.assign(capture.parts.join(''))
      }
    } else if (this.meta && this.meta.depth === depth) {
      const { key, value, store } = this.meta
      // Only our own keys are kept: plugins store megabytes of postmeta nobody here needs.
      if (key.startsWith(JOURNAL_META_PREFIX)) store[`meta:${key}`] ??= value
      this.meta = null
    } else if (depth === 4 && this.comment && this.item) {
      this.item.comments.push(this.comment)
      this.comment = null
    } else if (depth === 3 && this.author) {
      if (this.channel.authors.length < MAX_AUTHORS) this.channel.authors.push(this.author)
      this.author = null
    } else if (depth === 3 && this.item) {
      this.done.push(this.item)
      this.item = null
      this.itemCount++
    }
  }

  private storeChannel(key: string, value: string): void {
    if (key === 'title') this.channel.title = value
    else if (key === 'link') this.channel.link = value
    else if (key === 'wp:base_site_url') this.channel.baseSiteUrl = value
    else if (key === 'wp:wxr_version') this.channel.version = value.trim()
  }

  private startCapture(key: string, assign: (value: string) => void): void {
    this.capture = { key, depth: this.depth, parts: [], size: 0, assign }
  }

  private append(text: string): void {
    const capture = this.capture
    if (!capture) return
    capture.size += text.length
    if (capture.size > this.maxFieldChars) {
      throw new ImportFault(
        `${this.label}: item ${this.itemCount + 1} has a <${capture.key}> larger than ${formatBytes(this.maxFieldChars)}, more than an import accepts; nothing was imported.`
      )
    }
    capture.parts.push(text)
  }

  private requireVersion(): void {
    const version = this.channel.version
    if (!version) this.notWxr('it has no WXR version (<wp:wxr_version>)')
    if (!/^\d+\.\d+$/.test(version)) this.notWxr(`its WXR version "${version}" is not a version number`)
  }

  private notWxr(why: string): never {
    throw new ImportFault(`${this.label} is not a WordPress export: ${why}. Nothing was imported.`)
  }

  private fail(why: string): never {
    throw new ImportFault(
      `${this.label} is not well-formed XML: ${why}. It may be cut short or damaged; nothing was imported.`
    )
  }

  private guard(run: () => void): void {
    try {
      run()
    } catch (err) {
      if (err instanceof ImportFault) throw err
      // saxes says "file:line:column: what"; keep the place and the reason.
      const message = (err as Error).message
        .replace(/^(?:[^:\d][^:]*:)?(\d+):(\d+): /, 'line $1, column $2: ')
        .replace(/\.+$/, '')
      this.fail(message)
    }
  }
}

/** "wp:post_id" for any WXR namespace, "content:encoded", or the bare name for RSS's own. */
function qualified(tag: SaxesTagNS): string {
  const uri = tag.uri
  if (!uri) return tag.local
  let prefix = PREFIXES.get(uri)
  if (prefix === undefined) {
    prefix = WP_NS.test(uri) ? 'wp' : (NAMESPACES[uri] ?? (/\/excerpt\/$/.test(uri) ? 'excerpt' : `{${uri}}`))
    // A hostile file could declare endless namespaces; remember only a few.
    if (PREFIXES.size < 64) PREFIXES.set(uri, prefix)
  }
  return prefix.startsWith('{') ? `${prefix}${tag.local}` : `${prefix}:${tag.local}`
}

const PREFIXES = new Map<string, string>()

function attribute(tag: SaxesTagNS, name: string): string {
  const attr = tag.attributes[name]
  return attr ? attr.value : ''
}
