import { useEffect, useState } from 'react'
import { THEMES, type Theme } from '../../../../shared/contract/settings'
import { useSettings } from './settingsStore'
import { useApp } from '../../app/appStore'
import { useNavigation } from '../../app/navigationStore'
import { SHORTCUTS } from '../../app/useAppCommands'
import { CriticFields } from './CriticFields'
import { SyncSection } from '../sync/SyncSection'
import './settings.css'

const THEME_LABELS: Record<Theme, string> = { system: 'Match the system', light: 'Light', dark: 'Dark' }

/** Preferences: who the critic is, appearance, backups, spellcheck, and what this copy of the app is. */
export function SettingsScreen() {
  const { settings, errors, update } = useSettings()
  const info = useApp((s) => s.info)
  const go = useNavigation((s) => s.go)
  const [keep, setKeep] = useState('')
  useEffect(() => {
    if (settings) setKeep(String(settings.backupsToKeep))
  }, [settings])

  if (!settings) return <p className="loading">Loading preferences…</p>
  const saveKeep = () => {
    if (keep !== String(settings.backupsToKeep))
      void update({ backupsToKeep: keep.trim() === '' ? Number.NaN : Number(keep) })
  }
  return (
    <section className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Preferences</h1>
      <CriticFields settings={settings} />
      <fieldset>
        <legend>Appearance</legend>
        {THEMES.map((theme) => (
          <label key={theme} className="choice">
            <input
              type="radio"
              name="theme"
              value={theme}
              checked={settings.theme === theme}
              onChange={() => void update({ theme })}
            />
            {THEME_LABELS[theme]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Backups</legend>
        <div className="field">
          <label htmlFor="backups-keep">Backups to keep</label>
          <input
            id="backups-keep"
            type="number"
            min={1}
            max={100}
            value={keep}
            aria-invalid={errors.backupsToKeep ? true : undefined}
            aria-describedby={errors.backupsToKeep ? 'backups-keep-error' : 'backups-keep-hint'}
            onChange={(e) => setKeep(e.target.value)}
            onBlur={saveKeep}
            onKeyDown={(e) => e.key === 'Enter' && saveKeep()}
          />
          {errors.backupsToKeep ? (
            <p id="backups-keep-error" className="field-error" role="alert">
              {errors.backupsToKeep}
            </p>
          ) : (
            <p id="backups-keep-hint" className="hint">
              The oldest backup is removed when a new one would go past this number.
            </p>
          )}
        </div>
        <label className="choice">
          <input
            type="checkbox"
            checked={settings.dailyBackups}
            onChange={(e) => void update({ dailyBackups: e.target.checked })}
          />
          Back up once a day while the app is open
        </label>
        <button type="button" className="link-button" onClick={() => go('backups')}>
          See and restore backups
        </button>
      </fieldset>
      <fieldset>
        <legend>Writing</legend>
        <label className="choice">
          <input
            type="checkbox"
            checked={settings.spellcheck}
            onChange={(e) => void update({ spellcheck: e.target.checked })}
          />
          Check spelling as I type (works offline)
        </label>
      </fieldset>
      <SyncSection />
      <fieldset className="shortcuts">
        <legend>Keyboard shortcuts</legend>
        <dl>
          {SHORTCUTS.map(([keys, action]) => (
            <div key={action} style={{ display: 'contents' }}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{action}</dd>
            </div>
          ))}
        </dl>
      </fieldset>
      <fieldset>
        <legend>About Review Journal</legend>
        <dl>
          <dt>Version</dt>
          <dd data-testid="app-version">{info?.version ?? '…'}</dd>
          <dt>Your journal</dt>
          <dd>{info?.dataDir ?? '…'}</dd>
        </dl>
      </fieldset>
    </section>
  )
}
