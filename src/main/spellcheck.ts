import type { Session } from 'electron'
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { APP_ORIGIN } from './security'

/**
 * Spellcheck with no download at run time. macOS (and Windows' own checker) need no files; where
 * Electron uses Hunspell, it looks for `<userData>/Dictionaries/<lang>-*.bdic` before downloading,
 * so the dictionaries shipped in the app's resources are copied there, and the download address
 * points inside the app, where nothing is served: a missing language fails quietly, offline.
 * Returns the languages now available from the bundle.
 */
export function configureOfflineSpellcheck(
  session: Pick<
    Session,
    'setSpellCheckerDictionaryDownloadURL' | 'setSpellCheckerLanguages' | 'setSpellCheckerEnabled' | 'on'
  >,
  options: { bundledDir: string; userDataDir: string; enabled: boolean; preferred: string[] }
): string[] {
  try {
    session.setSpellCheckerDictionaryDownloadURL(`${APP_ORIGIN}/no-dictionary-downloads/`)
  } catch {
    // Should a build refuse a custom scheme here: the discard port on this machine, never the network.
    session.setSpellCheckerDictionaryDownloadURL('http://127.0.0.1:9/')
  }
  session.on('spellcheck-dictionary-download-begin', (_event, language) => {
    console.warn(`[spellcheck] no bundled dictionary for ${language}; nothing is downloaded`)
  })
  const languages = seedDictionaries(options.bundledDir, join(options.userDataDir, 'Dictionaries'))
  const chosen = options.preferred.filter((lang) => languages.includes(lang))
  if (chosen.length === 0 && languages.length > 0) chosen.push(languages[0])
  if (process.platform !== 'darwin' && chosen.length > 0) session.setSpellCheckerLanguages(chosen)
  session.setSpellCheckerEnabled(options.enabled)
  return languages
}

/** Copies bundled `.bdic` files into Chromium's dictionary folder; returns their languages. */
export function seedDictionaries(bundledDir: string, dictionariesDir: string): string[] {
  if (!existsSync(bundledDir)) return []
  const files = readdirSync(bundledDir).filter((name) => name.endsWith('.bdic'))
  if (files.length) mkdirSync(dictionariesDir, { recursive: true })
  for (const name of files) {
    const target = join(dictionariesDir, name)
    if (!existsSync(target)) copyFileSync(join(bundledDir, name), target)
  }
  // "en-US-10-1.bdic" → "en-US"
  return [...new Set(files.map((name) => name.replace(/(-\d+)*\.bdic$/, '')))]
}
