import { protocol, net } from 'electron'
import { join, normalize, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { APP_SCHEME } from './security'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'

/** Must run before `app` is ready: the scheme behaves like https (secure, standard origin). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

/** Resolves a request path inside `root`, or null when it would escape it. */
export function resolveInside(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const relative = normalize(decoded === '/' || decoded === '' ? 'index.html' : decoded).replace(
    /^([/\\])+/,
    ''
  )
  const file = join(root, relative)
  return file.startsWith(root + sep) ? file : null
}

/** Serves the built renderer from `app://journal/…`, never from file:// or the network. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveInside(rendererDir, new URL(request.url).pathname)
    if (!file) return new Response('Not found', { status: 404 })
    const response = await net.fetch(pathToFileURL(file).toString()).catch(() => null)
    if (!response || !response.ok) return new Response('Not found', { status: 404 })
    const headers = new Headers(response.headers)
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    return new Response(response.body, { status: 200, headers })
  })
}
