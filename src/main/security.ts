import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron'
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
 * Refuses every navigation away from the app and every new window; a clicked http(s) link
 * opens in the system browser instead (never inside the app).
 */
export function lockNavigation(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(APP_ORIGIN + '/')) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(APP_ORIGIN + '/')) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebLink(url)) openExternal(url)
    return { action: 'deny' }
  })
}

/** True when an IPC message comes from the app's own page in its main frame. */
export function isTrustedSender(frame: { url: string } | null, mainFrame: unknown): boolean {
  if (!frame || frame !== mainFrame) return false
  return frame.url.startsWith(APP_ORIGIN + '/')
}
