import { describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM_ARGS, chromiumLaunchOptions, describeChromium, findChromium } from './browser'

describe('browser discovery for the end-to-end suites', () => {
  it('takes CHROMIUM_PATH first and says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rj-browser-'))
    const fake = join(dir, 'my-chromium')
    writeFileSync(fake, '')
    try {
      const found = findChromium({ CHROMIUM_PATH: fake, PATH: '' })
      expect(found).toEqual({ path: fake, source: 'CHROMIUM_PATH' })
      expect(describeChromium(found)).toBe(`End-to-end tests use Chromium at ${fake} (from CHROMIUM_PATH)`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses a CHROMIUM_PATH that names no file instead of testing another browser', () => {
    expect(() => findChromium({ CHROMIUM_PATH: join(tmpdir(), 'no-such-chromium') })).toThrow(
      /CHROMIUM_PATH is .*no-such-chromium, which does not exist/
    )
  })

  // macOS and Windows look in their fixed install folders, not on PATH.
  it.skipIf(process.platform === 'darwin' || process.platform === 'win32')(
    'finds a Chromium on PATH as a shell would',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'rj-browser-'))
      writeFileSync(join(dir, 'chromium-browser'), '')
      try {
        const found = findChromium({ PATH: dir })
        expect(found).toEqual({ path: join(dir, 'chromium-browser'), source: 'system' })
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  )

  it('gives every suite the same quiet, offline switches', () => {
    const options = chromiumLaunchOptions()
    expect(options.args).toEqual([...CHROMIUM_ARGS])
    expect(options.args).toContain('--disable-background-networking')
  })
})
