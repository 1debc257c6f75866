import type { ReactNode } from 'react'
import { SCREENING_FORMATS } from '../../../../shared/domain'
import type { DiaryFacets, RewatchHint } from '../../../../shared/contract/screenings'
import { FilmField } from './FilmField'
import { RatingInput } from '../../ui/RatingInput'
import { DETAIL_LABELS, FORMAT_LABELS, formatDay } from './labels'
import type { FieldErrors, ScreeningDraft } from './screeningForm'

interface Props {
  id: string
  draft: ScreeningDraft
  errors: FieldErrors
  hint: RewatchHint | null
  facets: DiaryFacets | null
  update(changes: Partial<ScreeningDraft>): void
  /** Where the cursor starts: the film, or the date when the film is already known. */
  focus?: 'film' | 'date'
}

function Field(props: {
  id: string
  label: string
  error?: string
  hint?: string
  children: (aria: object) => ReactNode
}) {
  const describedBy = [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`]
    .filter(Boolean)
    .join(' ')
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.children({
        id: props.id,
        'aria-invalid': Boolean(props.error),
        'aria-describedby': describedBy || undefined
      })}
      {props.hint && (
        <p id={`${props.id}-hint`} className="hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${props.id}-error`} className="field-error">
          {props.error}
        </p>
      )}
    </div>
  )
}

/** Every field of the log dialog, with its message beside it. */
export function ScreeningFields({ id, draft, errors, hint, facets, update, focus = 'film' }: Props) {
  const seenBefore = hint && hint.seenBefore > 0
  return (
    <div className="log-grid">
      <div className="log-wide">
        <FilmField
          id={`${id}-film`}
          value={draft.film}
          onChange={(film) => update({ film })}
          error={errors['film.title']}
          autoFocus={focus === 'film'}
        />
        {errors['film.year'] && <p className="field-error">{errors['film.year']}</p>}
      </div>
      <Field id={`${id}-date`} label="Date" error={errors.watchedOn}>
        {(aria) => (
          <input
            {...aria}
            type="date"
            required
            data-initial-focus={focus === 'date' || undefined}
            value={draft.watchedOn}
            onChange={(e) => update({ watchedOn: e.target.value })}
          />
        )}
      </Field>
      <Field id={`${id}-time`} label="Time (optional)" error={errors.watchedTime}>
        {(aria) => (
          <input
            {...aria}
            type="time"
            value={draft.watchedTime}
            onChange={(e) => update({ watchedTime: e.target.value })}
          />
        )}
      </Field>
      <Field id={`${id}-venue`} label="Venue" error={errors.venue}>
        {(aria) => (
          <>
            <input
              {...aria}
              list={`${id}-venues`}
              value={draft.venue}
              onChange={(e) => update({ venue: e.target.value })}
            />
            <datalist id={`${id}-venues`}>
              {facets?.venues.map((v) => (
                <option key={v} value={v} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field id={`${id}-format`} label="Format" error={errors.format}>
        {(aria) => (
          <select
            {...aria}
            value={draft.format}
            onChange={(e) => update({ format: e.target.value as ScreeningDraft['format'] })}
          >
            {SCREENING_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={`${id}-detail`}
        label={`${DETAIL_LABELS[draft.format]} (optional)`}
        error={errors.formatDetail}
      >
        {(aria) => (
          <>
            <input
              {...aria}
              list={`${id}-details`}
              value={draft.formatDetail}
              onChange={(e) => update({ formatDetail: e.target.value })}
            />
            <datalist id={`${id}-details`}>
              {facets?.formatDetails.map((v) => (
                <option key={v} value={v} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field id={`${id}-companions`} label="With" hint="Names, separated by commas" error={errors.companions}>
        {(aria) => (
          <input
            {...aria}
            value={draft.companions}
            onChange={(e) => update({ companions: e.target.value })}
          />
        )}
      </Field>
      <div className="log-wide row log-checks">
        <label>
          <input
            type="checkbox"
            checked={draft.rewatch}
            onChange={(e) => update({ rewatch: e.target.checked, rewatchChosen: true })}
            aria-describedby={`${id}-rewatch-hint`}
          />
          Rewatch
        </label>
        <span id={`${id}-rewatch-hint`} className="hint" aria-live="polite">
          {seenBefore && hint.lastWatchedOn ? `Seen before, last on ${formatDay(hint.lastWatchedOn)}` : ''}
        </span>
        <label>
          <input
            type="checkbox"
            checked={draft.walkedOut}
            onChange={(e) => update({ walkedOut: e.target.checked })}
          />
          Walked out / did not finish
        </label>
      </div>
      <div className="log-wide">
        <RatingInput
          id={`${id}-rating`}
          label="Rating at the time"
          className="field"
          value={draft.rating}
          onChange={(rating) => update({ rating })}
          error={errors.rating}
        />
      </div>
      <Field id={`${id}-tags`} label="Tags" hint="Separated by commas" error={errors.tags}>
        {(aria) => <input {...aria} value={draft.tags} onChange={(e) => update({ tags: e.target.value })} />}
      </Field>
      <Field
        id={`${id}-embargo`}
        label="Embargo until (optional)"
        hint="You are warned if a review linked to this screening is published before this day."
        error={errors.embargoUntil}
      >
        {(aria) => (
          <input
            {...aria}
            type="date"
            value={draft.embargoUntil}
            onChange={(e) => update({ embargoUntil: e.target.value })}
          />
        )}
      </Field>
      <div className="log-wide">
        <Field id={`${id}-notes`} label="Notes" error={errors.notes}>
          {(aria) => (
            <textarea
              {...aria}
              rows={3}
              value={draft.notes}
              onChange={(e) => update({ notes: e.target.value })}
            />
          )}
        </Field>
      </div>
    </div>
  )
}
