import { useRef, type KeyboardEvent, type ReactNode } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { FORMAT_TEXT_COMMAND, REDO_COMMAND, UNDO_COMMAND } from 'lexical'
import {
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  REMOVE_LIST_COMMAND
} from '@lexical/list'
import { INSERT_HORIZONTAL_RULE_COMMAND, SET_BLOCK_TYPE_COMMAND, type BlockType } from '../../commands/blocks'
import { TOGGLE_SPOILER_COMMAND } from '../../commands/spoiler'
import { OPEN_LINK_EDITOR_COMMAND } from '../LinkEditPlugin'
import { SHORTCUTS, shortcutLabel } from '../ShortcutsPlugin/shortcuts'
import { useActiveFormats } from './useActiveFormats'

interface ButtonSpec {
  id: keyof typeof SHORTCUTS
  label: string
  icon: ReactNode
  pressed?: boolean
  disabled?: boolean
  run(): void
}

/**
 * The formatting toolbar: every button shows whether its format is on (aria-pressed) and its
 * shortcut. Arrow keys move between buttons (one tab stop), as the ARIA toolbar pattern asks.
 */
export function ToolbarPlugin() {
  const [editor] = useLexicalComposerContext()
  const f = useActiveFormats()
  const ref = useRef<HTMLDivElement>(null)
  const block = (type: BlockType) => () => editor.dispatchCommand(SET_BLOCK_TYPE_COMMAND, type)
  const list = (type: 'bullet' | 'number') => () =>
    editor.dispatchCommand(
      f.block === type
        ? REMOVE_LIST_COMMAND
        : type === 'bullet'
          ? INSERT_UNORDERED_LIST_COMMAND
          : INSERT_ORDERED_LIST_COMMAND,
      undefined
    )
  const groups: ButtonSpec[][] = [
    [
      {
        id: 'undo',
        label: 'Undo',
        icon: '↶',
        disabled: !f.canUndo,
        run: () => editor.dispatchCommand(UNDO_COMMAND, undefined)
      },
      {
        id: 'redo',
        label: 'Redo',
        icon: '↷',
        disabled: !f.canRedo,
        run: () => editor.dispatchCommand(REDO_COMMAND, undefined)
      }
    ],
    [
      {
        id: 'bold',
        label: 'Bold',
        icon: <b>B</b>,
        pressed: f.bold,
        run: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')
      },
      {
        id: 'italic',
        label: 'Italic',
        icon: <i>I</i>,
        pressed: f.italic,
        run: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')
      },
      {
        id: 'underline',
        label: 'Underline',
        icon: <u>U</u>,
        pressed: f.underline,
        run: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'underline')
      },
      {
        id: 'strikethrough',
        label: 'Strikethrough',
        icon: <s>S</s>,
        pressed: f.strikethrough,
        run: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'strikethrough')
      },
      {
        id: 'spoiler',
        label: 'Spoiler',
        icon: '⊘',
        pressed: f.spoiler,
        run: () => editor.dispatchCommand(TOGGLE_SPOILER_COMMAND, undefined)
      },
      {
        id: 'link',
        label: 'Link',
        icon: <LinkIcon />,
        pressed: f.link !== null,
        run: () => editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined)
      }
    ],
    [
      { id: 'h2', label: 'Heading', icon: 'H2', pressed: f.block === 'h2', run: block('h2') },
      { id: 'h3', label: 'Subheading', icon: 'H3', pressed: f.block === 'h3', run: block('h3') },
      { id: 'quote', label: 'Block quote', icon: '❝', pressed: f.block === 'quote', run: block('quote') },
      {
        id: 'pullquote',
        label: 'Pull quote',
        icon: '❞',
        pressed: f.block === 'pullquote',
        run: block('pullquote')
      },
      { id: 'bullet', label: 'Bulleted list', icon: '•', pressed: f.block === 'bullet', run: list('bullet') },
      {
        id: 'number',
        label: 'Numbered list',
        icon: '1.',
        pressed: f.block === 'number',
        run: list('number')
      },
      {
        id: 'rule',
        label: 'Section break',
        icon: '―',
        run: () => editor.dispatchCommand(INSERT_HORIZONTAL_RULE_COMMAND, undefined)
      }
    ]
  ]

  function onKeyDown(event: KeyboardEvent) {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return
    const buttons = Array.from(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? buttons.length - 1
          : (at + (event.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length
    event.preventDefault()
    buttons.forEach((b, i) => (b.tabIndex = i === next ? 0 : -1))
    buttons[next]?.focus()
  }

  let index = 0
  return (
    <div className="ed-toolbar" role="toolbar" aria-label="Formatting" ref={ref} onKeyDown={onKeyDown}>
      {groups.map((group, g) => (
        <div className="ed-toolbar-group" key={g} role="group">
          {group.map((b) => {
            const shortcut = shortcutLabel(b.id)
            const title = shortcut ? `${b.label} (${shortcut})` : b.label
            return (
              <button
                key={b.id}
                type="button"
                className="ed-tool"
                tabIndex={index++ === 0 ? 0 : -1}
                aria-label={b.label}
                aria-pressed={b.pressed === undefined ? undefined : b.pressed}
                aria-keyshortcuts={SHORTCUTS[b.id].aria}
                title={title}
                aria-disabled={b.disabled || undefined}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => !b.disabled && b.run()}
              >
                <span aria-hidden="true">{b.icon}</span>
              </button>
            )
          })}
        </div>
      ))}
    </div>
  )
}

/**
 * Two chain links, drawn: an emoji would need a colour emoji font, which many Linux desktops
 * lack (the button then shows an empty box).
 */
function LinkIcon() {
  return (
    <svg
      className="ed-tool-icon"
      viewBox="0 0 16 16"
      width="15"
      height="15"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
    >
      <path d="M6.8 9.2a3 3 0 0 0 4.2 0l2.1-2.1a3 3 0 0 0-4.2-4.2l-.9.9" />
      <path d="M9.2 6.8a3 3 0 0 0-4.2 0L2.9 8.9a3 3 0 0 0 4.2 4.2l.9-.9" />
    </svg>
  )
}
