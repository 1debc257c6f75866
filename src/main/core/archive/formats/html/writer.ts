import { basename } from 'node:path'
import type { Db } from '../../../db/connection'
import type { ExportContext, FormatExporter } from '../types'
import type { ExportSummary } from '../../../../../shared/contract/archive'
import { lexicalToHtml } from '../../../../../shared/conversions/html'
import { escapeHtml } from '../../../../../shared/conversions/htmlWriter'
import { readJournal } from '../../export/journalRecords'
import { threadOrder, type ReadableReview } from '../../export/readable'
import { writeFileAtomically } from '../../files/atomicFile'
import { HTML_EXPORT_STYLE } from './style'

/** Every live review in one self-contained, printable HTML file (no scripts, no outside files). */
export const htmlExporter: FormatExporter = {
  name: 'html',
  extension: '.html',
  label: 'HTML page',
  run: exportHtml
}

// The page may hold anything a critic pasted; it can never run a script or load a resource.
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

async function exportHtml(db: Db, outPath: string, ctx: ExportContext): Promise<ExportSummary> {
  return readJournal(db, async (journal) => {
    const reviews = journal.liveReviews()
    const page = function* () {
      yield `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>Review Journal</title>\n<style>${HTML_EXPORT_STYLE}</style>\n</head>\n<body>\n`
      yield `<header class="journal"><h1>Review Journal</h1><p>${reviews.length} review${reviews.length === 1 ? '' : 's'}, exported ${new Date().toISOString().slice(0, 10)}</p></header>\n`
      yield `<nav aria-label="Contents"><ol>${reviews.map((r) => `<li><a href="#r-${escapeHtml(r.id)}">${escapeHtml(r.title || 'Untitled')}</a></li>`).join('')}</ol></nav>\n<main>\n`
      let done = 0
      for (const batch of journal.reviewsWithThreads('readable', reviews)) {
        for (const review of batch) {
          yield articleHtml(review)
          ctx.progress(++done, reviews.length)
        }
      }
      yield '</main>\n</body>\n</html>\n'
    }
    const bytes = await writeFileAtomically(outPath, page(), ctx.signal)
    return { format: 'html', name: basename(outPath), counts: { review: reviews.length }, files: 1, bytes }
  })
}

function articleHtml(review: ReadableReview): string {
  const film = review.work
    ? `${escapeHtml(review.work.title)}${review.work.year ? ` (${review.work.year})` : ''}`
    : ''
  const stars =
    review.rating === null
      ? ''
      : `<span aria-label="${review.rating} out of 5 stars">${'★'.repeat(Math.floor(review.rating))}${review.rating % 1 ? '½' : ''}</span>`
  const date = (review.publishedAt ?? review.createdAt).slice(0, 10)
  const meta = [film, stars, review.status, `<time datetime="${escapeHtml(date)}">${date}</time>`]
    .filter(Boolean)
    .join(' · ')
  const link = review.publishedUrl
    ? `<p class="meta"><a href="${escapeHtml(review.publishedUrl)}">${escapeHtml(review.publishedUrl)}</a></p>`
    : ''
  const tags = review.tags.length
    ? `<ul class="tags" aria-label="Tags">${review.tags.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul>`
    : ''
  return `<article id="r-${escapeHtml(review.id)}">\n<h2>${escapeHtml(review.title || 'Untitled')}</h2>\n<p class="meta">${meta}</p>${link}\n${lexicalToHtml(review.body)}\n${tags}${responsesHtml(review)}</article>\n`
}

function responsesHtml(review: ReadableReview): string {
  if (!review.responses.length) return ''
  const thread = threadOrder(review.responses)
  let html = '<section class="responses"><h3>Responses</h3><ol>'
  let depth = 0
  for (const [i, { response, depth: d }] of thread.entries()) {
    if (i > 0) html += d > depth ? '<ol>' : '</li>' + '</ol></li>'.repeat(depth - d)
    depth = d
    const who = escapeHtml(response.authorName)
    html += `<li><p><span class="${response.isOwnReply ? 'own' : ''}">${who}${response.isOwnReply ? ' (critic)' : ''}</span> · <time datetime="${escapeHtml(response.receivedAt)}">${response.receivedAt.slice(0, 10)}</time></p>`
    html += response.body
      .trim()
      .split(/\n{2,}/)
      .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
      .join('')
  }
  return html + '</li>' + '</ol></li>'.repeat(depth) + '</ol></section>\n'
}
