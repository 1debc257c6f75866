import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

const NO_ELECTRON = { name: 'electron', message: 'The core and the hosts must run without Electron.' }
const NO_ELECTRON_SUBPATHS = {
  group: ['electron/*'],
  message: 'The core and the hosts must run without Electron.'
}
/**
 * A host sees the core as `core/index.ts` exports it (types included), so that the core's folders
 * can be rearranged without breaking the command line, the browser host or the desktop shell.
 */
const CORE_INDEX_ONLY = {
  regex: String.raw`^\.\.?/(.*/)?core/(?!index$)`,
  message:
    'Hosts import the core through src/main/core/index.ts only, so that its folders can change without breaking a host: export what you need from there.'
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      '.out-*/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**'
    ]
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error'
    }
  },
  {
    // The core runs under plain Node (tests, CLI, browser host): it must never need Electron.
    files: ['src/main/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_ELECTRON], patterns: [NO_ELECTRON_SUBPATHS] }] }
  },
  {
    // The command line and the browser host: no Electron, and the core only through its index.
    files: ['src/hosts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [NO_ELECTRON], patterns: [NO_ELECTRON_SUBPATHS, CORE_INDEX_ONLY] }
      ]
    }
  },
  {
    // The Electron shell beside the core: it may use Electron, and the core only through its index.
    files: ['src/main/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [CORE_INDEX_ONLY] }] }
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly'
      }
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  }
)
