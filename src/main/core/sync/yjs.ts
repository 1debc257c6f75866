import type * as Yjs from 'yjs'

/**
 * Yjs ships a CommonJS build and an ES module build, and Lexical's binding (ES modules only)
 * imports the ES one. Two copies in one process break Yjs's type checks ("Yjs was already
 * imported"), and the CommonJS bundles of the hosts would `require` the other one. So sync takes
 * Yjs the way the binding does, by `import()`: `loadYjs` once at each entry of a round, then
 * `yjs()` wherever it is used.
 */
let loaded: typeof Yjs | undefined

export async function loadYjs(): Promise<typeof Yjs> {
  loaded ??= await import('yjs')
  return loaded
}

export function yjs(): typeof Yjs {
  if (!loaded) throw new Error('Sync used Yjs before loading it: await loadYjs() first.')
  return loaded
}
