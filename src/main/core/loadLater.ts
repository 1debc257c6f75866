import { createRequire } from 'node:module'

/**
 * A module of the core loaded the first time it is needed, so a command that never needs it
 * never pays for it (the archive formats pull in Lexical and linkedom; a `list` has no use for
 * them). `load` is the module's `import()`, which bundles, vitest and tsx follow; under a
 * CommonJS TypeScript hook (Playwright's, which runs the core inside its tests) `import()` of a
 * `.ts` file bypasses the hook, so there the source is required through it instead. A bundle
 * (`fromFile` a .js chunk) always uses `import()`, even inside a process that has such a hook.
 */
export function loadLater<T>(fromFile: string, specifier: string, load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined
  return () => {
    if (!loaded) {
      const require = createRequire(fromFile)
      const hookedSource = fromFile.endsWith('.ts') && Boolean(require.extensions['.ts'])
      const loading = hookedSource ? Promise.resolve().then(() => require(specifier) as T) : load()
      // A failed load is tried again next time rather than remembered.
      loaded = loading.catch((err: unknown) => {
        loaded = undefined
        throw err
      })
    }
    return loaded
  }
}
