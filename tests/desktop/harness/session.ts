import { ElectronEmitter, strict } from './strict'

type PermissionRequestHandler = (
  webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: Record<string, unknown>
) => void
type HeadersListener = (
  details: {
    url: string
    method: string
    statusCode: number
    responseHeaders: Record<string, string[]>
    resourceType: string
  },
  callback: (response: { cancel?: boolean; responseHeaders?: Record<string, string | string[]> }) => void
) => void

/**
 * `session.defaultSession`: the permission handlers, the response-header hook and the spellcheck
 * settings the shell sets. Permission prompts from the page reach the request handler (see
 * pageScript.ts); the header hook runs on every response the harness serves.
 */
export class HarnessSession extends ElectronEmitter {
  permissionRequestHandler: PermissionRequestHandler | null = null
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null
  private headersListener: HeadersListener | null = null
  private spellCheckerEnabled = true
  private spellCheckerLanguages: string[] = ['en-US']
  dictionaryDownloadURL: string | null = null
  readonly webRequest = strict(
    {
      onHeadersReceived: (listener: HeadersListener | null) => {
        this.headersListener = listener
      }
    },
    'session.webRequest'
  )

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: ((...args: unknown[]) => boolean) | null): void {
    this.permissionCheckHandler = handler
  }

  /** A permission the page asked for: Electron grants it unless a handler says otherwise. */
  requestPermission(webContents: unknown, permission: string, requestingUrl: string): Promise<boolean> {
    const handler = this.permissionRequestHandler
    if (!handler) return Promise.resolve(true)
    return new Promise((resolve) =>
      handler(webContents, permission, resolve, { requestingUrl, isMainFrame: true })
    )
  }

  /** A permission the page checks without asking (`navigator.permissions.query`). */
  checkPermission(webContents: unknown, permission: string, origin: string): boolean {
    return this.permissionCheckHandler
      ? this.permissionCheckHandler(webContents, permission, origin, {})
      : true
  }

  /** The headers a response goes out with once the shell's `onHeadersReceived` listener has seen them. */
  async applyHeadersReceived(
    url: string,
    method: string,
    statusCode: number,
    headers: Headers
  ): Promise<Record<string, string> | null> {
    const responseHeaders: Record<string, string[]> = {}
    headers.forEach((value, name) => (responseHeaders[name] = [value]))
    if (!this.headersListener) return flatten(responseHeaders)
    const listener = this.headersListener
    const answer = await new Promise<Parameters<Parameters<HeadersListener>[1]>[0]>((resolve) =>
      listener({ url, method, statusCode, responseHeaders, resourceType: 'mainFrame' }, resolve)
    )
    if (answer.cancel) return null
    return flatten(answer.responseHeaders ?? responseHeaders)
  }

  setSpellCheckerEnabled(enabled: boolean): void {
    this.spellCheckerEnabled = enabled
  }
  isSpellCheckerEnabled(): boolean {
    return this.spellCheckerEnabled
  }
  setSpellCheckerLanguages(languages: string[]): void {
    this.spellCheckerLanguages = [...languages]
  }
  getSpellCheckerLanguages(): string[] {
    return [...this.spellCheckerLanguages]
  }
  setSpellCheckerDictionaryDownloadURL(url: string): void {
    new URL(url) // Electron refuses what is not a URL
    this.dictionaryDownloadURL = url
  }
}

function flatten(headers: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value])
  )
}
