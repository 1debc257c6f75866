/** A key combination: `mod` is Ctrl, or ⌘ on a Mac. `code` is the physical key (KeyboardEvent.code). */
export interface Shortcut {
  code: string
  mod: boolean
  shift?: boolean
  alt?: boolean
  /** For aria-keyshortcuts. */
  aria: string
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
const MOD = isMac ? 'Meta' : 'Control'

function combo(code: string, key: string, options: { shift?: boolean; alt?: boolean } = {}): Shortcut {
  const parts = [MOD, options.alt ? 'Alt' : '', options.shift ? 'Shift' : '', key].filter(Boolean)
  return { code, mod: true, ...options, aria: parts.join('+') }
}

/**
 * Every editor shortcut in one table, read by the shortcut plugin, the toolbar's tooltips and
 * the help list. Bold, italic, underline, undo and redo are Lexical's own (Mod+B/I/U/Z, Mod+Shift+Z).
 */
export const SHORTCUTS = {
  undo: combo('KeyZ', 'Z'),
  redo: combo('KeyZ', 'Z', { shift: true }),
  bold: combo('KeyB', 'B'),
  italic: combo('KeyI', 'I'),
  underline: combo('KeyU', 'U'),
  strikethrough: combo('KeyX', 'X', { shift: true }),
  spoiler: combo('KeyS', 'S', { shift: true }),
  // Ctrl/⌘+K belongs to search everywhere, so links take Shift as well.
  link: combo('KeyK', 'K', { shift: true }),
  paragraph: combo('Digit0', '0', { alt: true }),
  h2: combo('Digit2', '2', { alt: true }),
  h3: combo('Digit3', '3', { alt: true }),
  quote: combo('Digit9', '9', { shift: true }),
  pullquote: combo('KeyP', 'P', { alt: true }),
  number: combo('Digit7', '7', { shift: true }),
  bullet: combo('Digit8', '8', { shift: true }),
  rule: combo('Minus', '-', { alt: true }),
  focus: combo('KeyF', 'F', { shift: true })
} satisfies Record<string, Shortcut>

export type ShortcutId = keyof typeof SHORTCUTS

/** True when `event` is `shortcut` (extra modifiers do not match). */
export function matches(event: KeyboardEvent, shortcut: Shortcut): boolean {
  const mod = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
  return (
    mod &&
    event.code === shortcut.code &&
    event.shiftKey === !!shortcut.shift &&
    event.altKey === !!shortcut.alt
  )
}

/** "Ctrl+Shift+S" (or "⌘⇧S") for tooltips. */
export function shortcutLabel(id: ShortcutId): string {
  const s = SHORTCUTS[id]
  return s.aria.replace('Control', 'Ctrl').replace('Meta', '⌘')
}
