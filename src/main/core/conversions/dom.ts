/// <reference lib="dom" />
import { parseHTML } from 'linkedom'
import type { LexicalDoc } from '../../../shared/domain'
import { convertHtml, htmlToLexical, type ConvertedHtml } from '../../../shared/conversions/html'

let patched = false

/** What a browser's `element.style` answers for an element without a style attribute. */
const NO_STYLE = new Proxy(Object.freeze({}), {
  get: (_target, key) => (typeof key === 'string' ? '' : undefined)
})

/**
 * Parses HTML into a Document for the shared conversions, using linkedom (small, no native
 * parts). Lexical reads `element.style.<property>` and expects '' for an unset property, as a
 * browser answers; linkedom answers undefined, so its `style` getter is wrapped once.
 */
export function parseHtmlDocument(html: string): Document {
  // A whole page parses as it is; a fragment is put in a body first, as DOMParser would.
  const page = /^\s*(<!doctype|<html[\s>])/i.test(html)
  const { document } = parseHTML(
    page ? html : `<!doctype html><html><head></head><body>${html}</body></html>`
  )
  if (!patched) patchStyleGetter(document)
  return document as unknown as Document
}

/** HTML (a post, a Letterboxd review) to a review document with the shared conversions, linkedom as the DOM. */
export function htmlToReviewDoc(html: string): LexicalDoc {
  return htmlToLexical(html, parseHtmlDocument)
}

/** `htmlToReviewDoc`, also saying what was left out on purpose (scripts, embeds, images), for an import's report. */
export function convertReviewHtml(html: string): ConvertedHtml {
  return convertHtml(html, parseHtmlDocument)
}

function patchStyleGetter(document: { createElement(tag: string): object }): void {
  let proto: object | null = Object.getPrototypeOf(document.createElement('div')) as object
  while (proto && !Object.getOwnPropertyDescriptor(proto, 'style'))
    proto = Object.getPrototypeOf(proto) as object | null
  const descriptor = proto && Object.getOwnPropertyDescriptor(proto, 'style')
  if (!proto || !descriptor?.get) return
  const original = descriptor.get
  Object.defineProperty(proto, 'style', {
    configurable: true,
    get(this: Element) {
      // Sanitised trees carry no style attributes: answer those reads without building a map.
      if (!this.hasAttribute('style')) return NO_STYLE
      const style = original.call(this) as Record<string | symbol, unknown>
      return new Proxy(style, {
        get: (target, key) => {
          const value = target[key]
          return value === undefined && typeof key === 'string' ? '' : value
        }
      })
    }
  })
  patched = true
}
