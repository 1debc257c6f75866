/** Link schemes a review may hold. Anything else (`javascript:`, `data:`, `file:` …) is dropped. */
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:'])

/**
 * The link's URL if it is safe to keep (web or mail), else null. Relative URLs have no meaning
 * outside the site they came from, so they are dropped too.
 */
export function safeLinkUrl(raw: string): string | null {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  const url = raw.replace(/[\u0000-\u001f\u007f-\u009f]+/g, '').trim()
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(url)?.[1]?.toLowerCase()
  if (!scheme || !SAFE_SCHEMES.has(scheme)) return null
  if (scheme !== 'mailto:' && !/^https?:\/\/[^/?#\s]+/i.test(url)) return null
  return url
}
