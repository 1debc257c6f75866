import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { Dispatch } from '../../main/core'
import type { EventName, JournalEvents } from '../../shared/contract'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'
import { receiveUpload, sendDownload } from './transfers'

/**
 * The largest JSON call a renderer makes is one `archive.receive` piece: RECEIVE_CHUNK_BYTES
 * (4 MiB) base64-encoded is 5.6 MB. A whole review's editor state comes next: 200,000 words,
 * the longest target the app sets, is about 1.8 MB of Lexical JSON. 8 MiB holds either with
 * room to spare; file uploads stream through /api/upload under the import size limit instead.
 */
export const MAX_JSON_BODY_BYTES = 8 * 1024 * 1024
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}

export interface WebHost {
  server: Server
  url: string
  token: string
  emit<E extends EventName>(event: E, payload: JournalEvents[E]): void
  close(): Promise<void>
}

/**
 * Serves the built renderer and the core's channels on 127.0.0.1 only. Every `/api/` request
 * must carry the per-run token (checked before routing), a `Host` other than the address this
 * server listens on is refused, which defeats DNS rebinding, and so is an `Origin` other than
 * its own, which stops another site's page from calling in even if it learnt the token.
 */
export async function startWebHost(opts: {
  dispatch: Dispatch
  rendererDir: string
  port?: number
}): Promise<WebHost> {
  const token = randomBytes(24).toString('base64url')
  const streams = new Set<ServerResponse>()
  let allowedHosts: Set<string> = new Set()
  let allowedOrigins: Set<string> = new Set()

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[web] request failed:', err)
      if (!res.headersSent)
        send(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'The request failed.' } })
      else res.end()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, 'Misdirected request: unknown Host.')
    // A page on another site can send requests here; the token aside, its Origin gives it away.
    const origin = req.headers.origin
    if (origin !== undefined && !allowedOrigins.has(origin))
      return send(res, 403, {
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Requests from another site are refused.' }
      })
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const pathname = decodePath(url.pathname)
    if (pathname === null)
      return send(res, 400, {
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'The address is not valid percent-encoding.' }
      })
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      const isEvents = url.pathname === '/api/events' && req.method === 'GET'
      const isDownload = url.pathname.startsWith('/api/download/') && req.method === 'GET'
      if (!hasToken(req, url, token, isEvents || isDownload))
        return send(res, 401, { ok: false, error: { code: 'FORBIDDEN', message: 'Missing or wrong token.' } })
      if (isEvents) return openEventStream(res)
      if (url.pathname === '/api/upload' && req.method === 'POST') return receiveUpload(req, res, url)
      if (isDownload) return sendDownload(res, url)
      if (req.method !== 'POST')
        return send(res, 405, { ok: false, error: { code: 'INVALID_INPUT', message: 'Use POST.' } })
      const channel = pathname.slice('/api/'.length)
      const body = await readJsonBody(req)
      if (!body.ok)
        return send(res, body.status, { ok: false, error: { code: 'INVALID_INPUT', message: body.message } })
      return send(res, 200, await opts.dispatch(channel, body.value))
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed')
    return serveStatic(res, pathname)
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive'
    })
    res.write(': connected\n\n')
    streams.add(res)
    res.on('close', () => streams.delete(res))
  }

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    const relative = normalize(pathname === '/' ? '/index.html' : pathname).replace(/^([/\\])+/, '')
    const file = join(opts.rendererDir, relative)
    if (!file.startsWith(opts.rendererDir + sep)) return send(res, 404, 'Not found')
    const found = await stat(file).then(
      (s) => s.isFile(),
      () => false
    )
    // Unknown paths fall back to the app shell so a reload on any screen works.
    const target = found ? file : join(opts.rendererDir, 'index.html')
    const data = await readFile(target)
    res.writeHead(200, {
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store'
    })
    res.end(data)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as { port: number }).port
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  allowedOrigins = new Set([...allowedHosts].map((h) => `http://${h}`))

  return {
    server,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    emit(event, payload) {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
      for (const stream of streams) stream.write(frame)
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end()
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

/**
 * The token comes in the `x-journal-token` header. Only the event stream (EventSource cannot
 * send headers) and one-use downloads (a link the browser follows) may carry it in the query
 * string, so a write never rides on a URL that could leak through history or logs.
 */
function hasToken(req: IncomingMessage, url: URL, token: string, queryAllowed: boolean): boolean {
  const given = req.headers['x-journal-token'] ?? (queryAllowed ? url.searchParams.get('token') : null) ?? ''
  const a = Buffer.from(String(given))
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

async function readJsonBody(
  req: IncomingMessage
): Promise<{ ok: true; value: unknown } | { ok: false; status: number; message: string }> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_JSON_BODY_BYTES)
    return { ok: false, status: 413, message: 'The request is too large.' }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_JSON_BODY_BYTES) return { ok: false, status: 413, message: 'The request is too large.' }
    chunks.push(chunk)
  }
  if (size === 0) return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) }
  } catch {
    return { ok: false, status: 400, message: 'The request body is not valid JSON.' }
  }
}

/** The path with its percent-escapes decoded, or null when they are malformed. */
function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname)
  } catch {
    return null
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  res.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json',
    'cache-control': 'no-store'
  })
  res.end(text)
}
