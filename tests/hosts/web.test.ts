import { describe, expect, it, afterEach } from 'vitest'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { request } from 'node:http'
import { openTestJournal, tempDir } from '../support/journal'
import { MAX_JSON_BODY_BYTES, startWebHost, type WebHost } from '../../src/hosts/web/server'

let host: WebHost | undefined
afterEach(async () => {
  await host?.close()
  host = undefined
})

async function start() {
  const journal = await openTestJournal()
  const rendererDir = tempDir()
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>')
  mkdirSync(join(rendererDir, 'assets'))
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  host = await startWebHost({ dispatch: journal.dispatch, rendererDir })
  const port = new URL(host.url).port
  return { journal, host, port }
}

/** A raw request, so the Host header can be anything (fetch would not let us set it). */
function raw(
  port: string,
  opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }
) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        // An event stream never ends: its status is the answer.
        if (res.headers['content-type'] === 'text/event-stream') {
          res.destroy()
          return resolve({ status: res.statusCode ?? 0, body: '' })
        }
        let body = ''
        res.on('data', (c) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      }
    )
    req.on('error', reject)
    // A refused body (413) is answered before it is all sent: the rest of the write fails once the
    // answer is in, after the socket has left this request, and that is expected.
    req.on('socket', (socket) => socket.on('error', () => {}))
    req.end(opts.body)
  })
}

describe('the browser host', () => {
  it('prints a loopback URL carrying the token', async () => {
    const { host } = await start()
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{32}$/)
  })

  it('answers 401 to any /api/ path without the right token, before routing', async () => {
    const { port, host } = await start()
    for (const path of [
      '/api/reviews.list',
      '/api/does.not.exist',
      '/api/',
      '/api/events',
      '/api/../api/reviews.list'
    ]) {
      const res = await raw(port, {
        path,
        method: 'POST',
        headers: { host: `127.0.0.1:${port}` },
        body: '{}'
      })
      expect(res.status, path).toBe(401)
    }
    const wrong = await raw(port, {
      path: '/api/reviews.list',
      method: 'POST',
      headers: { host: `127.0.0.1:${port}`, 'x-journal-token': host.token.slice(1) + 'x' }
    })
    expect(wrong.status).toBe(401)
  })

  it('refuses a Host that is not the address it serves (DNS rebinding)', async () => {
    const { port, host } = await start()
    for (const h of ['evil.example:' + port, `127.0.0.1:${Number(port) + 1}`, 'localhost.evil.example']) {
      const res = await raw(port, {
        path: '/api/reviews.list',
        method: 'POST',
        headers: { host: h, 'x-journal-token': host.token }
      })
      expect(res.status, h).toBe(421)
    }
  })

  it('dispatches /api/<channel> with the token, and validates the payload', async () => {
    const { port, host } = await start()
    const headers = {
      host: `127.0.0.1:${port}`,
      'x-journal-token': host.token,
      'content-type': 'application/json'
    }
    const created = await raw(port, {
      path: '/api/reviews.create',
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 'Via HTTP' })
    })
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { title: 'Via HTTP' } })
    const bad = await raw(port, {
      path: '/api/reviews.save',
      method: 'POST',
      headers,
      body: JSON.stringify({ id: 5 })
    })
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const notJson = await raw(port, { path: '/api/reviews.list', method: 'POST', headers, body: '{oops' })
    expect(notJson.status).toBe(400)
  })

  it('serves the renderer with a CSP and never a file outside its folder', async () => {
    const { port } = await start()
    const headers = { host: `127.0.0.1:${port}` }
    const index = await raw(port, { path: '/', headers })
    expect(index.body).toContain('<title>app</title>')
    const asset = await raw(port, { path: '/assets/app.js', headers })
    expect(asset.body).toBe('console.log(1)')
    const escape = await raw(port, { path: '/..%2f..%2f..%2fetc%2fpasswd', headers })
    expect(escape.body).not.toContain('root:')
  })

  it('refuses a request from another origin (403), even with the token', async () => {
    const { port, host } = await start()
    const own = { host: `127.0.0.1:${port}`, 'x-journal-token': host.token }
    for (const origin of ['http://evil.example', `http://127.0.0.1:${Number(port) + 1}`, 'null']) {
      const api = await raw(port, { path: '/api/app.info', method: 'POST', headers: { ...own, origin } })
      expect(api.status, origin).toBe(403)
      const page = await raw(port, { path: '/', headers: { ...own, origin } })
      expect(page.status, origin).toBe(403)
    }
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      const api = await raw(port, { path: '/api/app.info', method: 'POST', headers: { ...own, origin } })
      expect(api.status, origin).toBe(200)
    }
  })

  it('takes the token for a write from the header only; the query string opens only the event stream and downloads', async () => {
    const { port, host } = await start()
    const headers = { host: `127.0.0.1:${port}` }
    const q = `?token=${encodeURIComponent(host.token)}`
    const write = await raw(port, { path: `/api/reviews.create${q}`, method: 'POST', headers, body: '{}' })
    expect(write.status).toBe(401)
    const upload = await raw(port, {
      path: `/api/upload${q}&name=a.xml`,
      method: 'POST',
      headers,
      body: '<x/>'
    })
    expect(upload.status).toBe(401)
    expect((await raw(port, { path: `/api/events${q}`, headers })).status).toBe(200)
    // Known token, unknown download: past the token check, refused as not found.
    expect((await raw(port, { path: `/api/download/not-a-download${q}`, headers })).status).toBe(404)
  })

  it('takes at most four uploads arriving at once; the next is refused until one is done', async () => {
    const { port, host } = await start()
    const headers = { host: `127.0.0.1:${port}`, 'x-journal-token': host.token, 'content-length': '1000' }
    // Four uploads that have started and not finished.
    const open = Array.from({ length: 4 }, (_, i) => {
      const req = request({
        host: '127.0.0.1',
        port,
        path: `/api/upload?name=slow-${i}.md`,
        method: 'POST',
        headers
      })
      req.on('error', () => {})
      req.write('# Arriving slowly\n')
      return req
    })
    await new Promise((resolve) => setTimeout(resolve, 200))
    const fifth = await raw(port, {
      path: '/api/upload?name=fifth.md',
      method: 'POST',
      headers: { ...headers, 'content-length': '3' },
      body: '# 5'
    })
    expect(fifth.status).toBe(429)
    expect(fifth.body).toMatch(/already arriving/)
    open.forEach((req) => req.destroy())
    await new Promise((resolve) => setTimeout(resolve, 200))
    const after = await raw(port, {
      path: '/api/upload?name=after.md',
      method: 'POST',
      headers: { ...headers, 'content-length': '3' },
      body: '# 6'
    })
    expect(after.status).toBe(200)
  })

  it('answers a malformed percent-encoded path with 400, not 500', async () => {
    const { port, host } = await start()
    const headers = { host: `127.0.0.1:${port}`, 'x-journal-token': host.token }
    expect((await raw(port, { path: '/%E0%A4%A', headers })).status).toBe(400)
    expect((await raw(port, { path: '/api/%ZZ', method: 'POST', headers, body: '{}' })).status).toBe(400)
    expect((await raw(port, { path: `/api/download/%E0%A4%A?token=${host.token}`, headers })).status).toBe(
      400
    )
  })

  it('caps a JSON body at a few megabytes: an archive chunk fits, more is refused', async () => {
    const { port, host } = await start()
    expect(MAX_JSON_BODY_BYTES).toBeLessThanOrEqual(16 * 1024 * 1024)
    const headers = {
      host: `127.0.0.1:${port}`,
      'x-journal-token': host.token,
      'content-type': 'application/json'
    }
    const chunk = Buffer.alloc(4 * 1024 * 1024, 7).toString('base64')
    const fits = await raw(port, {
      path: '/api/archive.receive',
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'a.rjarchive', chunk, last: true })
    })
    expect(fits.status).toBe(200)
    expect(JSON.parse(fits.body)).toMatchObject({ ok: true })
    const tooBig = await raw(port, {
      path: '/api/reviews.list',
      method: 'POST',
      headers,
      body: JSON.stringify({ pad: 'x'.repeat(MAX_JSON_BODY_BYTES) })
    })
    expect(tooBig.status).toBe(413)
  })

  it('a taken port: one clear line, exit 1, and the journal closed', async () => {
    const rendererDir = tempDir()
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>')
    const runHost = (dataDir: string, port: string) =>
      spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'src/hosts/web/index.ts',
          '--data-dir',
          dataDir,
          '--port',
          port,
          '--renderer-dir',
          rendererDir
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] }
      )
    const first = runHost(tempDir(), '0')
    try {
      let printed = ''
      for await (const chunk of first.stdout) if ((printed += chunk).includes('Ctrl+C')) break
      const port = /127\.0\.0\.1:(\d+)/.exec(printed)![1]
      const dataDir = tempDir()
      const second = runHost(dataDir, port)
      let stderr = ''
      second.stderr.on('data', (c) => (stderr += c))
      const [code] = await once(second, 'exit')
      expect(stderr).toBe(`Port ${port} is in use; choose another with --port\n`)
      expect(code).toBe(1)
      // A journal closed cleanly leaves no write-ahead log behind.
      expect(existsSync(join(dataDir, 'journal.sqlite'))).toBe(true)
      expect(existsSync(join(dataDir, 'journal.sqlite-wal'))).toBe(false)
    } finally {
      first.kill()
    }
  }, 30_000)
})
