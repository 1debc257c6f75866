import { useId, useState, type FormEvent, type ReactNode } from 'react'
import type { SyncTargetInput, SyncTargetShown } from '../../../../shared/contract/sync'
import { journal, unwrap } from '../../bridge'
import { reportError } from '../../app/noticeStore'

interface Props {
  /** 'set-up': a passphrase set here for the first time is typed twice. 'join': the folder checks it. */
  mode: 'set-up' | 'join'
  submitLabel: string
  busy: boolean
  serverAvailable: boolean
  folderDialog: boolean
  /** Messages from the core, by field ("target.folder"). */
  errors: Record<string, string>
  /** Where it syncs now, when the critic changes it: the fields start from there. */
  current?: SyncTargetShown | null
  onSubmit(target: SyncTargetInput): void
  onCancel?(): void
}

/** Where to sync: a shared folder (with an optional passphrase) or a sync server. */
export function SyncTargetForm(props: Props) {
  const { mode, submitLabel, busy, serverAvailable, folderDialog, errors, current, onSubmit, onCancel } =
    props
  const id = useId()
  const [kind, setKind] = useState<'folder' | 'server'>(current?.kind ?? 'folder')
  const [folder, setFolder] = useState(current?.kind === 'folder' ? current.folder : '')
  const [passphrase, setPassphrase] = useState('')
  const [confirm, setConfirm] = useState('')
  const [url, setUrl] = useState(current?.kind === 'server' ? current.url : '')
  const [token, setToken] = useState('')
  const [mismatch, setMismatch] = useState(false)

  async function chooseFolder() {
    try {
      const chosen = await unwrap(journal['sync.chooseFolder']())
      if (chosen) setFolder(chosen)
    } catch (err) {
      reportError(err)
    }
  }

  const keepsPassphrase = current?.kind === 'folder' && current.encrypted

  function submit(event: FormEvent) {
    event.preventDefault()
    if (kind === 'server') return onSubmit({ kind, url, token })
    const differs = mode === 'set-up' && passphrase !== '' && passphrase !== confirm
    setMismatch(differs)
    // Left empty while one is kept: the core keeps it for the same folder (and there is none for another).
    const empty = keepsPassphrase ? undefined : null
    if (!differs) onSubmit({ kind, folder, passphrase: passphrase === '' ? empty : passphrase })
  }

  const field = (name: string, label: string, input: ReactNode, hint?: string, error?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {input}
      {error ? (
        <p id={`${id}-${name}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : (
        hint && (
          <p id={`${id}-${name}-hint`} className="hint">
            {hint}
          </p>
        )
      )}
    </div>
  )
  const described = (name: string, error?: string, hint = true) =>
    error ? `${id}-${name}-error` : hint ? `${id}-${name}-hint` : undefined

  const folderError = errors['target.folder']
  const passphraseError = errors['target.passphrase']
  const confirmError = mismatch ? 'The two passphrases differ: type the same one twice.' : undefined
  return (
    <form className="sync-form" onSubmit={submit} aria-busy={busy || undefined}>
      <fieldset className="sync-form-fields" disabled={busy}>
        {serverAvailable && (
          <fieldset className="sync-kind">
            <legend>Sync through</legend>
            <label className="choice">
              <input
                type="radio"
                name={`${id}-kind`}
                checked={kind === 'folder'}
                onChange={() => setKind('folder')}
              />
              A shared folder (Dropbox, iCloud Drive, Syncthing, a USB stick…)
            </label>
            <label className="choice">
              <input
                type="radio"
                name={`${id}-kind`}
                checked={kind === 'server'}
                onChange={() => setKind('server')}
              />
              A sync server
            </label>
          </fieldset>
        )}
        {kind === 'folder' ? (
          <>
            {field(
              'folder',
              'Folder',
              <div className="row">
                <input
                  id={`${id}-folder`}
                  // The usual choice: the field a dialog starts on, whatever appears above it later.
                  data-initial-focus
                  className="sync-path"
                  value={folder}
                  required
                  spellCheck={false}
                  placeholder={folderDialog ? undefined : '/home/me/Dropbox/Review Journal'}
                  aria-invalid={folderError ? true : undefined}
                  aria-describedby={described('folder', folderError)}
                  onChange={(e) => setFolder(e.target.value)}
                />
                {folderDialog && (
                  <button type="button" onClick={() => void chooseFolder()}>
                    Choose…
                  </button>
                )}
              </div>,
              'A folder your file-sync service keeps the same on every computer. Give its full path.',
              folderError
            )}
            {field(
              'passphrase',
              'Passphrase (optional)',
              <input
                id={`${id}-passphrase`}
                type="password"
                autoComplete="new-password"
                value={passphrase}
                aria-invalid={passphraseError ? true : undefined}
                aria-describedby={described('passphrase', passphraseError)}
                onChange={(e) => setPassphrase(e.target.value)}
              />,
              mode === 'join'
                ? 'The passphrase your other computer syncs with, if it uses one.'
                : keepsPassphrase
                  ? 'Leave it empty to keep the passphrase this computer syncs with now.'
                  : 'Encrypts everything written to the folder, so the cloud sees only ciphertext. Use the same one on every computer; it cannot be recovered.',
              passphraseError
            )}
            {mode === 'set-up' &&
              passphrase !== '' &&
              field(
                'confirm',
                'Passphrase again',
                <input
                  id={`${id}-confirm`}
                  type="password"
                  autoComplete="new-password"
                  value={confirm}
                  aria-invalid={confirmError ? true : undefined}
                  aria-describedby={described('confirm', confirmError, false)}
                  onChange={(e) => setConfirm(e.target.value)}
                />,
                undefined,
                confirmError
              )}
          </>
        ) : (
          <>
            {field(
              'url',
              'Server address',
              <input
                id={`${id}-url`}
                value={url}
                required
                spellCheck={false}
                placeholder="wss://sync.example.org"
                aria-invalid={errors['target.url'] ? true : undefined}
                aria-describedby={described('url', errors['target.url'])}
                onChange={(e) => setUrl(e.target.value)}
              />,
              'Starts with ws:// or wss://.',
              errors['target.url']
            )}
            {field(
              'token',
              'Token',
              <input
                id={`${id}-token`}
                type="password"
                value={token}
                required
                aria-invalid={errors['target.token'] ? true : undefined}
                aria-describedby={described('token', errors['target.token'])}
                onChange={(e) => setToken(e.target.value)}
              />,
              'The journal’s token, given by whoever runs the server.',
              errors['target.token']
            )}
          </>
        )}
      </fieldset>
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        )}
      </div>
    </form>
  )
}
