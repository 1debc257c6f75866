/**
 * Chromium driven by Playwright cannot load a custom scheme, so an `app://journal/…` page is
 * loaded from `https://journal.app.shell-harness.invalid/…` and every request to that origin is
 * answered by the shell's own `protocol.handle('app', …)`. The shell only ever sees the
 * `app://` form: frame URLs, navigation events and requests are translated back.
 */
const SUFFIX = '.shell-harness.invalid'
const WEB_SCHEMES = new Set(['http:', 'https:', 'file:', 'about:', 'data:', 'blob:', 'chrome-error:'])

/** The URL Chromium loads for a shell URL; null for schemes that are not the shell's own. */
export function toPageUrl(shellUrl: string): string | null {
  const url = new URL(shellUrl)
  if (WEB_SCHEMES.has(url.protocol)) return null
  return `https://${url.hostname}.${url.protocol.slice(0, -1)}${SUFFIX}${url.pathname}${url.search}${url.hash}`
}

/** The shell's view of a URL Chromium loaded: `app://journal/…` for the stand-in origin. */
export function toShellUrl(pageUrl: string): string {
  const match = /^https:\/\/([^/]+)\.([a-z][a-z0-9+.-]*)\.shell-harness\.invalid(\/[^]*)?$/.exec(pageUrl)
  return match ? `${match[2]}://${match[1]}${match[3] ?? '/'}` : pageUrl
}

/** The custom scheme a page URL stands for, or null for an ordinary web URL. */
export function schemeOf(pageUrl: string): string | null {
  const shell = toShellUrl(pageUrl)
  return shell === pageUrl ? null : shell.slice(0, shell.indexOf(':'))
}
