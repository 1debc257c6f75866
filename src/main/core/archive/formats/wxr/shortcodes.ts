import type { DroppedPart } from '../../../../../shared/conversions/html'

/**
 * WordPress stores some of what a page shows as shortcodes and expands them only when it shows
 * the page. `[caption]` wraps an image and the caption readers see under it; the media ones
 * (`[gallery]`, `[embed]`, `[video]` …) become players and galleries, with no words of their own.
 */
const MEDIA = new Set([
  'gallery',
  'embed',
  'audio',
  'video',
  'playlist',
  'wpvideo',
  'youtube',
  'vimeo',
  'soundcloud',
  'spotify'
])

const CAPTION = /\[(caption|wp_caption)\b([^\]]*)\]([\s\S]*?)\[\/\1\]/gi
const MEDIA_SHORTCODE = /\[(\w+)\b[^\]]*\](?:([\s\S]*?)\[\/\1\])?/g
const TAG = /<[^>]*>/g

/**
 * The post with its captions as `<figure>`s holding their `<figcaption>` (as WordPress shows
 * them) and its media shortcodes taken out, each reported as left out on purpose.
 */
export function expandShortcodes(html: string, dropped: DroppedPart[]): string {
  if (!html.includes('[')) return html
  const captioned = html.replace(CAPTION, (_all, _name: string, attributes: string, content: string) => {
    // Old posts carry the caption as an attribute; newer ones as the text after the image.
    const attribute = /\bcaption=(?:"([^"]*)"|'([^']*)')/i.exec(attributes)
    const text = attribute
      ? (attribute[1] ?? attribute[2] ?? '')
      : content.replace(/^\s*(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?/i, '')
    const image = attribute ? content : content.slice(0, content.length - text.length)
    return `<figure>${image}<figcaption>${text.trim()}</figcaption></figure>`
  })
  return captioned.replace(MEDIA_SHORTCODE, (all, name: string, content: string | undefined) => {
    if (!MEDIA.has(name.toLowerCase())) return all
    dropped.push({
      what: `[${name}] shortcode`,
      text: (content ?? '').replace(TAG, ' ').replace(/\s+/g, ' ').trim()
    })
    return ' '
  })
}
