import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { Dispatch } from '../../main/core/dispatch'
import type { EventName, JournalEvents } from '../../shared/contract'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'
import { receiveUpload, sendDownload } from './transfers'

const MAX_BODY_BYTES = 256 * 1024 * 1024
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
 * must carry the per-run token (checked before routing), and a `Host` other than the address
 * this server listens on is refused, which defeats DNS rebinding.
 */
export async function startWebHost(opts: { dispatch: Dispatch; rendererDir: string; port?: number }): Promise<WebHost> {
  const token = randomBytes(24).toString('base64url')
  const streams = new Set<ServerResponse>()
  let allowedHosts: Set<string> = new Set()

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[web] request failed:', err)
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'The request failed.' } })
      else res.end()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, 'Misdirected request: unknown Host.')
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      if (!hasToken(req, url, token)) return send(res, 401, { ok: false, error: { code: 'FORBIDDEN', message: 'Missing or wrong token.' } })
      if (url.pathname === '/api/events' && req.method === 'GET') return openEventStream(res)
      if (url.pathname === '/api/upload' && req.method === 'POST') return receiveUpload(req, res, url)
      if (url.pathname.startsWith('/api/download/') && req.method === 'GET') return sendDownload(res, url)
      if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'INVALID_INPUT', message: 'Use POST.' } })
      const channel = decodeURIComponent(url.pathname.slice('/api/'.length))
      const body = await readJsonBody(req)
      if (!body.ok) return send(res, body.status, { ok: false, error: { code: 'INVALID_INPUT', message: body.message } })
      return send(res, 200, await opts.dispatch(channel, body.value))
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed')
    return serveStatic(res, url.pathname)
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
    res.write(': connected\n\n')
    streams.add(res)
    res.on('close', () => streams.delete(res))
  }

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    const relative = normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname)).replace(/^([/\\])+/, '')
    const file = join(opts.rendererDir, relative)
    if (!file.startsWith(opts.rendererDir + sep)) return send(res, 404, 'Not found')
    const found = await stat(file).then((s) => s.isFile(), () => false)
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

function hasToken(req: IncomingMessage, url: URL, token: string): boolean {
  // EventSource cannot send headers, so the event stream takes the token as a query parameter.
  const given = req.headers['x-journal-token'] ?? url.searchParams.get('token') ?? ''
  const a = Buffer.from(String(given))
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

async function readJsonBody(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; status: number; message: string }> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) return { ok: false, status: 413, message: 'The request is too large.' }
    chunks.push(chunk)
  }
  if (size === 0) return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) }
  } catch {
    return { ok: false, status: 400, message: 'The request body is not valid JSON.' }
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
