import type { App, BrowserWindowConstructorOptions, Session, WebContents } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'

export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://journal`

/** The renderer's web preferences: every switch of Electron's security checklist set safe. */
export function secureWebPreferences(preload: string): BrowserWindowConstructorOptions['webPreferences'] {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: undefined,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true
  }
}

/** Denies every permission request and check (camera, notifications, geolocation …). */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

/** Adds the CSP header to every response the session sees, whatever served it. */
export function enforceContentSecurityPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }
    })
  })
}

/** True for links the app may hand to the system browser: http(s) only. */
export function isExternalWebLink(url: string): boolean {
  try {
    const { protocol } = new URL(url)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}

/**
 * Wraps `shell.openExternal` so a page can hand over at most one http(s) link per second: a
 * person clicks links one at a time; a script opening a flood of tabs is refused.
 */
export function openExternalOnce(
  open: (url: string) => void,
  minIntervalMs = 1000,
  now = () => Date.now()
): (url: string) => void {
  let last = -Infinity
  return (url) => {
    if (!isExternalWebLink(url) || now() - last < minIntervalMs) return
    last = now()
    open(url)
  }
}

/**
 * Refuses every navigation away from the app and every new window. A link the critic clicked
 * (in the main frame, or with target=_blank) opens in the system browser when it is http(s);
 * nothing else ever leaves the app, and nothing remote ever loads inside it.
 */
export function lockNavigation(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (url.startsWith(APP_ORIGIN + '/')) return
    event.preventDefault()
    if (isExternalWebLink(url) && event.isMainFrame !== false) openExternal(url)
  })
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(APP_ORIGIN + '/')) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.on('will-frame-navigate', (event) => {
    if (!event.url.startsWith(APP_ORIGIN + '/')) event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url, disposition }) => {
    // Link clicks arrive as tabs or windows; 'other' is never a person's click.
    if (isExternalWebLink(url) && disposition !== 'other') openExternal(url)
    return { action: 'deny' }
  })
}

/** True when an IPC message comes from the app's own page in its main frame. */
export function isTrustedSender(frame: { url: string } | null, mainFrame: unknown): boolean {
  if (!frame || frame !== mainFrame) return false
  return frame.url.startsWith(APP_ORIGIN + '/')
}

/**
 * Locks every web contents the app ever creates (windows, and any <webview> or devtools that
 * should not exist): no navigation away, no new windows, no webviews attached. The app's own
 * window also gets its external-link opener; everything else opens nothing.
 */
export function guardEveryWebContents(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => {
    lockNavigation(contents, () => {})
    contents.on('will-attach-webview', (event, webPreferences) => {
      delete webPreferences.preload
      webPreferences.nodeIntegration = false
      webPreferences.contextIsolation = true
      event.preventDefault()
    })
  })
}
