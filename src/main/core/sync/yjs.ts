import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type * as Yjs from 'yjs'
// Loaded the way this file is (ES module or CommonJS), exactly as bodyDoc.ts loads it.
import '@lexical/yjs'

/**
 * Yjs ships a CommonJS build and an ES module build, and two copies in one process break its
 * type checks ("Yjs was already imported"). Sync must use the copy Lexical's binding uses, which
 * depends on who loaded the binding: Node, vitest and the hosts' bundles load it as the ES
 * module it is (it imports Yjs's ES build), while tsx turns it into CommonJS (it requires the
 * CommonJS build). So this file loads the binding first and `loadYjs` takes the build it took: the
 * CommonJS one when that is already loaded, else the ES one, by its path (code compiled to
 * CommonJS would turn a plain `import('yjs')` into a require). Call it once at each entry of a
 * round, then `yjs()` wherever Yjs is used.
 */
let loaded: typeof Yjs | undefined

export async function loadYjs(): Promise<typeof Yjs> {
  if (!loaded) {
    const require = createRequire(__filename)
    const commonJs = require.resolve('yjs')
    loaded = require.cache[commonJs]
      ? (require(commonJs) as typeof Yjs)
      : ((await import(pathToFileURL(join(dirname(commonJs), 'yjs.mjs')).href)) as typeof Yjs)
  }
  return loaded
}

export function yjs(): typeof Yjs {
  if (!loaded) throw new Error('Sync used Yjs before loading it: await loadYjs() first.')
  return loaded
}
