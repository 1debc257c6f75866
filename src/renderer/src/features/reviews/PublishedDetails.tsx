import { useId, useState } from 'react'
import type { ReviewDetail } from '../../../../shared/domain'
import { outletSchema, publishedUrlSchema } from '../../../../shared/contract/reviews'
import { formatDay } from '../../ui/dates'
import { TextField } from '../../ui/TextField'
import type { ReviewChange } from './useReviewSaver'

interface Props {
  review: ReviewDetail
  change(changes: ReviewChange): void
}

/**
 * Where and when a published review appeared. Outlet and address stay editable (a piece moves,
 * an outlet renames itself), each checked as typed and saved with the review; the address opens
 * in the system browser, as a link in WordPress's post list does.
 */
export function PublishedDetails({ review, change }: Props) {
  const id = useId()
  const [outlet, setOutlet] = useState(review.outlet ?? '')
  const [url, setUrl] = useState(review.publishedUrl ?? '')
  const [errors, setErrors] = useState<{ outlet?: string; url?: string }>({})
  const savedUrl = publishedUrlSchema.safeParse(url).success ? url.trim() : (review.publishedUrl ?? '')

  function editOutlet(next: string) {
    setOutlet(next)
    const parsed = outletSchema.safeParse(next)
    setErrors((e) => ({ ...e, outlet: parsed.success ? undefined : parsed.error.issues[0]!.message }))
    if (parsed.success) change({ outlet: parsed.data })
  }

  function editUrl(next: string) {
    setUrl(next)
    if (next.trim() === '') {
      setErrors((e) => ({ ...e, url: undefined }))
      return change({ publishedUrl: null })
    }
    const parsed = publishedUrlSchema.safeParse(next)
    setErrors((e) => ({ ...e, url: parsed.success ? undefined : parsed.error.issues[0]!.message }))
    if (parsed.success) change({ publishedUrl: parsed.data })
  }

  return (
    <div className="published-details" role="group" aria-label="Publication">
      {review.publishedAt && <p className="hint">Published on {formatDay(review.publishedAt)}</p>}
      <TextField
        id={`${id}-outlet`}
        label="Outlet"
        value={outlet}
        onChange={editOutlet}
        error={errors.outlet}
      />
      <TextField
        id={`${id}-url`}
        className="published-address"
        label="Published address"
        type="url"
        placeholder="https://"
        value={url}
        onChange={editUrl}
        error={errors.url}
      />
      {savedUrl && (
        <a className="published-link" href={savedUrl} target="_blank" rel="noopener noreferrer">
          Open the published review ↗
        </a>
      )}
    </div>
  )
}
