import { useEffect, useId, useRef, useState } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import {
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_EDITOR,
  createCommand,
  mergeRegister,
  type BaseSelection,
  type LexicalCommand
} from 'lexical'
import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link'
import { $findMatchingParent } from '@lexical/utils'
import { safeLinkUrl } from '../../../../../shared/conversions/urls'
import './linkEdit.css'

export const OPEN_LINK_EDITOR_COMMAND: LexicalCommand<void> = createCommand('OPEN_LINK_EDITOR_COMMAND')

/** Opens a link outside the app (the desktop shell hands new windows to the system browser). */
export function openExternally(url: string): void {
  const safe = safeLinkUrl(url)
  if (safe) window.open(safe, '_blank', 'noopener,noreferrer')
}

/**
 * The link popover (Ctrl/⌘+Shift+K or the toolbar): edit the address, remove the link, or open it in
 * the system browser. Links never open inside the app: a click in the text only places the caret.
 */
export function LinkEditPlugin() {
  const [editor] = useLexicalComposerContext()
  const [open, setOpen] = useState(false)
  const [url, setUrl] = useState('')
  const [error, setError] = useState<string | null>(null)
  const saved = useRef<BaseSelection | null>(null)
  const input = useRef<HTMLInputElement>(null)
  const id = useId()

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          OPEN_LINK_EDITOR_COMMAND,
          () => {
            const selection = $getSelection()
            if (!$isRangeSelection(selection)) return false
            saved.current = selection.clone()
            const link = $findMatchingParent(selection.anchor.getNode(), $isLinkNode)
            setUrl($isLinkNode(link) ? link.getURL() : '')
            setError(null)
            setOpen(true)
            return true
          },
          COMMAND_PRIORITY_EDITOR
        ),
        editor.registerRootListener((root, previous) => {
          const guard = (event: MouseEvent) => {
            if ((event.target as Element | null)?.closest?.('a')) event.preventDefault()
          }
          previous?.removeEventListener('click', guard)
          previous?.removeEventListener('auxclick', guard)
          root?.addEventListener('click', guard)
          root?.addEventListener('auxclick', guard)
        })
      ),
    [editor]
  )

  useEffect(() => {
    if (open) input.current?.focus()
  }, [open])

  function close() {
    setOpen(false)
    editor.focus()
  }

  function apply(next: string | null) {
    if (next !== null) {
      const safe = safeLinkUrl(next.includes(':') ? next : `https://${next}`)
      if (!safe) {
        setError('Enter a web address (https://…) or an email link (mailto:…)')
        return
      }
      next = safe
    }
    editor.update(() => {
      if (saved.current) $setSelection(saved.current.clone())
      editor.dispatchCommand(TOGGLE_LINK_COMMAND, next)
    })
    close()
  }

  if (!open) return null
  return (
    <form
      className="link-popover"
      aria-label="Edit link"
      onSubmit={(e) => {
        e.preventDefault()
        apply(url.trim())
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault()
          close()
        }
      }}
    >
      <label htmlFor={`${id}-url`}>Link address</label>
      <input
        id={`${id}-url`}
        ref={input}
        type="url"
        value={url}
        placeholder="https://"
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setUrl(e.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="link-popover-actions">
        <button type="submit" className="primary">
          Save link
        </button>
        <button type="button" onClick={() => apply(null)}>
          Remove link
        </button>
        <button type="button" disabled={!safeLinkUrl(url)} onClick={() => openExternally(url)}>
          Open in browser
        </button>
        <button type="button" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  )
}
