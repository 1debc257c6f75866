// Puts Hunspell dictionaries (.bdic) for the app's spellchecker into build/dictionaries, so the
// installers ship them and nothing is downloaded at run time. They come from the
// hunspell_dictionaries.zip Electron publishes with each release (run by `npm run dist`, which
// needs internet anyway). Set RJ_DICTIONARIES_ZIP to use a zip already on disk.
const { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs')
const { join } = require('node:path')
const { tmpdir } = require('node:os')
const https = require('node:https')
const yauzl = require('yauzl')

const root = join(__dirname, '..')
const LANGUAGES = ['en-US', 'en-GB', 'en-AU', 'en-CA', 'fr-FR', 'de-DE', 'es-ES', 'it-IT', 'pt-BR', 'nl']

/** Downloads `url` to `file`, following redirects. */
function download(url, file, redirects = 5) {
  return new Promise((resolve, reject) => {
    https
      .get(url, (res) => {
        if (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location && redirects > 0) {
          res.resume()
          resolve(download(new URL(res.headers.location, url).toString(), file, redirects - 1))
        } else if (res.statusCode !== 200) {
          res.resume()
          reject(new Error(`${url} answered ${res.statusCode}`))
        } else {
          res.pipe(createWriteStream(file)).on('finish', resolve).on('error', reject)
        }
      })
      .on('error', reject)
  })
}

/** Extracts the `.bdic` files of `languages` ("en-US" matches en-US-10-1.bdic) into `outDir`. */
function extractDictionaries(zipPath, outDir, languages) {
  mkdirSync(outDir, { recursive: true })
  const wanted = (name) =>
    /^[A-Za-z-]+(-\d+)*\.bdic$/.test(name) &&
    languages.some(
      (lang) =>
        name.toLowerCase().startsWith(`${lang.toLowerCase()}-`) && /^-\d/.test(name.slice(lang.length))
    )
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err)
      const written = []
      zip.on('entry', (entry) => {
        const name = entry.fileName.split('/').pop()
        if (!wanted(name)) return zip.readEntry()
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr) return reject(streamErr)
          stream.pipe(createWriteStream(join(outDir, name))).on('finish', () => {
            written.push(name)
            zip.readEntry()
          })
        })
      })
      zip.on('end', () => resolve(written.sort()))
      zip.on('error', reject)
      zip.readEntry()
    })
  })
}

async function main() {
  const version = JSON.parse(
    readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')
  ).version
  const outDir = join(root, 'build', 'dictionaries')
  const stamp = join(outDir, `.electron-${version}`)
  if (existsSync(stamp)) return console.log(`[dictionaries] ready for Electron ${version}`)
  let zipPath = process.env.RJ_DICTIONARIES_ZIP
  if (!zipPath) {
    zipPath = join(tmpdir(), `hunspell_dictionaries-${version}.zip`)
    const mirror = process.env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/'
    await download(`${mirror}v${version}/hunspell_dictionaries.zip`, zipPath)
  }
  const written = await extractDictionaries(zipPath, outDir, LANGUAGES)
  if (!process.env.RJ_DICTIONARIES_ZIP) rmSync(zipPath, { force: true })
  writeFileSync(stamp, written.join('\n'))
  console.log(`[dictionaries] ${written.length} dictionaries in build/dictionaries`)
}

module.exports = { extractDictionaries, LANGUAGES }

if (require.main === module) {
  main().catch((err) => {
    console.error(`[dictionaries] ${err.message}`)
    process.exit(1)
  })
}
