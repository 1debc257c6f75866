import { RECORD_TYPES, type ImportReport, type RecordType } from '../../../../shared/contract/archive'

const TYPE_LABELS: Record<RecordType, string> = {
  work: 'Films',
  tag: 'Tags',
  review: 'Reviews',
  revision: 'Revisions',
  screening: 'Screenings',
  response: 'Responses',
  other: 'Other items'
}

/**
 * What an import would do (a preview) or did: per type created / updated / skipped and why, how
 * many protected posts, notes on what was left out of items, then problems.
 */
export function ImportReportView({ report }: { report: ImportReport }) {
  const rows = RECORD_TYPES.filter((t) => {
    const c = report.counts[t]
    return c.created + c.updated + c.skipped > 0
  })
  // Rows with a problem are left out, or (a note such as an unreadable rating) imported without that field.
  return (
    <div className="archives-report">
      {rows.length === 0 ? (
        <p>
          Nothing in {report.source} {report.dryRun ? 'would change' : 'changed'} the journal.
        </p>
      ) : (
        <table>
          <caption>
            {report.dryRun ? 'Preview of importing' : 'Imported'} {report.source} ({formatName(report.format)}
            )
          </caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">New</th>
              <th scope="col">Updated</th>
              <th scope="col">Skipped</th>
              <th scope="col">Why skipped</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((t) => {
              const c = report.counts[t]
              return (
                <tr key={t}>
                  <th scope="row">{TYPE_LABELS[t]}</th>
                  <td>{c.created}</td>
                  <td>{c.updated}</td>
                  <td>{c.skipped}</td>
                  <td>
                    {Object.entries(c.reasons)
                      .map(([why, n]) => `${why} (${n})`)
                      .join(', ')}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {report.protectedReviews > 0 && (
        <p className="archives-protected">{protectedLine(report.protectedReviews, report.dryRun)}</p>
      )}
      {report.noteCount > 0 && (
        <section aria-labelledby="archives-notes">
          <h3 id="archives-notes">
            {report.noteCount} note{report.noteCount === 1 ? '' : 's'} on what{' '}
            {report.dryRun ? 'would be' : 'was'} imported
          </h3>
          <ol className="archives-problems">
            {report.notes.map((n, i) => (
              <li key={i}>
                <strong>#{n.position}</strong> {n.what}: {n.message}
              </li>
            ))}
          </ol>
          {report.noteCount > report.notes.length && (
            <p>… and {report.noteCount - report.notes.length} more.</p>
          )}
        </section>
      )}
      {report.problemCount > 0 && (
        <section aria-labelledby="archives-problems">
          <h3 id="archives-problems">
            {report.problemCount} problem{report.problemCount === 1 ? '' : 's'} found
          </h3>
          <ol className="archives-problems">
            {report.problems.map((p, i) => (
              <li key={i}>
                <strong>#{p.position}</strong> {p.what}: {p.message}
              </li>
            ))}
          </ol>
          {report.problemCount > report.problems.length && (
            <p>… and {report.problemCount - report.problems.length} more.</p>
          )}
        </section>
      )}
    </div>
  )
}

/** "1 password-protected post: it will be kept as a protected review, with its password." */
function protectedLine(n: number, preview: boolean): string {
  const kept = preview ? (n === 1 ? 'it will be kept' : 'they will be kept') : 'kept'
  return n === 1
    ? `1 password-protected post: ${kept} as a protected review, with its password.`
    : `${n} password-protected posts: ${kept} as protected reviews, with their passwords.`
}

export function formatName(format: string): string {
  return (
    {
      auto: 'Detect automatically',
      archive: 'Journal archive',
      wxr: 'WordPress (WXR)',
      letterboxd: 'Letterboxd',
      markdown: 'Markdown',
      html: 'HTML page'
    }[format] ?? format
  )
}
