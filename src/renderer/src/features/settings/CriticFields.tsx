import { useEffect, useState } from 'react'
import type { Settings } from '../../../../shared/contract/settings'
import { useSettings } from './settingsStore'

type TextSetting = 'criticName' | 'defaultOutlet'

const FIELDS: { key: TextSetting; label: string; hint: string; autoComplete: string }[] = [
  {
    key: 'criticName',
    label: 'Your name',
    hint: 'Signs your replies to readers and is the author of your exports (WordPress, Markdown).',
    autoComplete: 'name'
  },
  {
    key: 'defaultOutlet',
    label: 'Usual outlet',
    hint: 'Where your reviews usually appear; publishing a review starts with it.',
    autoComplete: 'organization'
  }
]

/** One text preference, saved when the field is left or Enter is pressed (as the backups count is). */
function TextPreference({ field, settings }: { field: (typeof FIELDS)[number]; settings: Settings }) {
  const { errors, update } = useSettings()
  const stored = settings[field.key]
  const [value, setValue] = useState(stored)
  // Follows a change saved elsewhere, but not another field's save (that would wipe this one's typing).
  useEffect(() => setValue(stored), [stored])
  const id = `pref-${field.key}`
  const error = errors[field.key]
  const save = () => {
    if (value !== stored) void update({ [field.key]: value })
  }
  return (
    <div className="field">
      <label htmlFor={id}>{field.label}</label>
      <input
        id={id}
        value={value}
        autoComplete={field.autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        onChange={(e) => setValue(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => e.key === 'Enter' && save()}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="hint">
          {field.hint}
        </p>
      )}
    </div>
  )
}

/** Preferences about the critic: their name and their usual outlet. */
export function CriticFields({ settings }: { settings: Settings }) {
  return (
    <fieldset>
      <legend>You</legend>
      {FIELDS.map((field) => (
        <TextPreference key={field.key} field={field} settings={settings} />
      ))}
    </fieldset>
  )
}
