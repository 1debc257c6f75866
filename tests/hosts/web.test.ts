import { describe, expect, it, afterEach } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { request } from 'node:http'
import { openTestJournal, tempDir } from '../support/journal'
import { startWebHost, type WebHost } from '../../src/hosts/web/server'

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
function raw(port: string, opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
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
    for (const path of ['/api/reviews.list', '/api/does.not.exist', '/api/', '/api/events', '/api/../api/reviews.list']) {
      const res = await raw(port, { path, method: 'POST', headers: { host: `127.0.0.1:${port}` }, body: '{}' })
      expect(res.status, path).toBe(401)
    }
    const wrong = await raw(port, { path: '/api/reviews.list', method: 'POST', headers: { host: `127.0.0.1:${port}`, 'x-journal-token': host.token.slice(1) + 'x' } })
    expect(wrong.status).toBe(401)
  })

  it('refuses a Host that is not the address it serves (DNS rebinding)', async () => {
    const { port, host } = await start()
    for (const h of ['evil.example:' + port, `127.0.0.1:${Number(port) + 1}`, 'localhost.evil.example']) {
      const res = await raw(port, { path: '/api/reviews.list', method: 'POST', headers: { host: h, 'x-journal-token': host.token } })
      expect(res.status, h).toBe(421)
    }
  })

  it('dispatches /api/<channel> with the token, and validates the payload', async () => {
    const { port, host } = await start()
    const headers = { host: `127.0.0.1:${port}`, 'x-journal-token': host.token, 'content-type': 'application/json' }
    const created = await raw(port, { path: '/api/reviews.create', method: 'POST', headers, body: JSON.stringify({ title: 'Via HTTP' }) })
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { title: 'Via HTTP' } })
    const bad = await raw(port, { path: '/api/reviews.save', method: 'POST', headers, body: JSON.stringify({ id: 5 }) })
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
})
