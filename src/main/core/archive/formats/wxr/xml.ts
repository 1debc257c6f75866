// Characters XML 1.0 forbids anywhere, even in CDATA: C0 controls other than tab, LF and CR,
// U+FFFE/U+FFFF, and surrogates that are not part of a pair.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Text with the characters XML cannot carry removed. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '')
}

/**
 * Text as one CDATA section. A "]]>" inside would end the section early, so it is split across
 * two sections ("]]" ends one, ">" starts the next), which every XML parser joins back.
 */
export function cdata(text: string): string {
  return `<![CDATA[${xmlSafe(text).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;'
}

/** Text escaped for XML content or a double-quoted attribute. */
export function xmlText(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

/** "2014-01-18 20:15:00": how WordPress writes dates, from an ISO timestamp (in UTC). */
export function wordpressDateText(iso: string | null): string {
  const date = iso ? new Date(iso) : null
  if (!date || Number.isNaN(date.getTime())) return '0000-00-00 00:00:00'
  return date.toISOString().slice(0, 19).replace('T', ' ')
}

/** "Sat, 18 Jan 2014 20:15:00 +0000", RSS's date format. */
export function rssDate(iso: string | null): string {
  const date = iso ? new Date(iso) : null
  if (!date || Number.isNaN(date.getTime())) return ''
  return date.toUTCString().replace('GMT', '+0000')
}
