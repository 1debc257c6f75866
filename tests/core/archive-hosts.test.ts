import { describe, expect, it } from 'vitest'
import { join, resolve } from 'node:path'
import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { openTestJournal, tempDir } from '../support/journal'
import { startWebHost } from '../../src/hosts/web/server'
import { runCli } from '../../src/hosts/cli/main'
import { seedJournal } from './archive.support'

async function withHost<T>(
  fn: (base: string, token: string, journal: Awaited<ReturnType<typeof openTestJournal>>) => Promise<T>
): Promise<T> {
  const journal = await openTestJournal()
  const rendererDir = tempDir()
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>')
  const host = await startWebHost({ dispatch: journal.dispatch, rendererDir })
  try {
    return await fn(new URL(host.url).origin, host.token, journal)
  } finally {
    await host.close()
  }
}

describe('browser host transfers', () => {
  it('streams an upload to a granted file, previews and imports it, and downloads an export once', async () => {
    await withHost(async (base, token, journal) => {
      const note = '---\ntitle: Uploaded note\nrating: 3.5\n---\nBody text.'
      const refused = await fetch(`${base}/api/upload?name=note.md`, { method: 'POST', body: note })
      expect(refused.status).toBe(401)
      const uploaded = (await (
        await fetch(`${base}/api/upload?name=..%2F..%2Fnote.md`, {
          method: 'POST',
          body: note,
          headers: { 'x-journal-token': token }
        })
      ).json()) as { ok: true; value: { fileId: string; name: string } }
      expect(uploaded).toMatchObject({ ok: true, value: { name: 'note.md' } })
      const preview = await journal.call('archive.preview', { fileId: uploaded.value.fileId, format: 'auto' })
      expect(preview.counts.review.created).toBe(1)
      const report = await journal.call('archive.import', { fileId: uploaded.value.fileId, format: 'auto' })
      expect(report.counts.review.created).toBe(1)
      // The upload was used up by the import.
      expect(
        (await journal.dispatch('archive.import', { fileId: uploaded.value.fileId, format: 'auto' })).ok
      ).toBe(false)

      const exported = await journal.call('archive.export', { format: 'html' })
      const url = `${base}/api/download/${exported.downloadId}`
      expect((await fetch(url)).status).toBe(401)
      const download = await fetch(`${url}?token=${token}`)
      expect(download.status).toBe(200)
      expect(download.headers.get('content-disposition')).toMatch(
        /^attachment; filename="review-journal-html-.*\.html"/
      )
      expect(await download.text()).toContain('Uploaded note')
      expect((await fetch(`${url}?token=${token}`)).status).toBe(404)
    })
  })

  it('refuses an upload declared larger than the import limit without reading it', async () => {
    await withHost(async (base, token) => {
      const { hostname, port } = new URL(base)
      const status = await new Promise<number>((done, fail) => {
        const req = request(
          {
            hostname,
            port,
            method: 'POST',
            path: '/api/upload?name=huge.xml',
            headers: {
              'x-journal-token': token,
              'content-length': String(3 * 1024 ** 3),
              host: `${hostname}:${port}`
            }
          },
          (res) => {
            done(res.statusCode ?? 0)
            res.resume()
            req.destroy()
          }
        )
        req.on('error', fail)
        req.write('<?xml')
      })
      expect(status).toBe(413)
    })
  })
})

describe('CLI import and export', () => {
  it('imports with --dry-run and --json, exports with --format and --out, and names bad usage', async () => {
    const dataDir = tempDir()
    const seeded = await openTestJournal(join(dataDir, 'src'))
    seedJournal(seeded.db)
    const out = join(tempDir(), 'cli.rjarchive')
    const writes: string[] = []
    const original = process.stdout.write.bind(process.stdout)
    process.stdout.write = ((chunk: string) => (
      writes.push(String(chunk)),
      true
    )) as typeof process.stdout.write
    try {
      expect(
        await runCli(['--data-dir', join(dataDir, 'src'), 'export', '--format', 'archive', '--out', out])
      ).toBe(0)
      writes.length = 0
      expect(await runCli(['--data-dir', join(dataDir, 'dst'), 'import', out, '--dry-run', '--json'])).toBe(0)
      const report = JSON.parse(writes.join(''))
      expect(report).toMatchObject({ dryRun: true, format: 'archive', counts: { review: { created: 3 } } })
      mkdirSync(join(dataDir, 'empty'))
      expect(
        await runCli([
          '--data-dir',
          join(dataDir, 'dst'),
          'import',
          resolve(dataDir, 'empty'),
          '--format',
          'markdown'
        ])
      ).toBe(1)
      expect(await runCli(['--data-dir', join(dataDir, 'dst'), 'import', out, '--format', 'docx'])).toBe(2)
      expect(await runCli(['--data-dir', join(dataDir, 'dst'), 'export', '--format', 'html'])).toBe(2)
    } finally {
      process.stdout.write = original
    }
  })
})
