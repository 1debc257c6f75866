import { readFileSync } from 'node:fs'
import type { Core } from '../../../main/core'
import type { LexicalDoc, ReviewDetail } from '../../../shared/domain'
import { plainTextToLexical } from '../../../shared/conversions/plainText'
import type { Command } from './types'
import { call } from '../call'
import { CliFailure, printJson, UsageError } from '../io'

const USAGE = [
  'review new --title T [--film "TITLE (YEAR)"] [--from FILE.md] [--json]',
  'review edit ID [--title T] [--from FILE.md] [--append TEXT] [--json]',
  'review delete ID'
].join('\n  ')

/**
 * Writing from a text editor or a script: a new review, an edit (new title, the text replaced
 * from a Markdown file, a paragraph appended) and a move to the trash, through the same
 * channels the app uses, so each is saved, counted, indexed and announced as the app's are.
 */
export const reviewCommand: Command = {
  name: 'review',
  usage: USAGE,
  options: {
    title: { type: 'string' },
    film: { type: 'string' },
    from: { type: 'string' },
    append: { type: 'string' }
  },
  async run({ positionals, values, json }, core) {
    const [action, id, ...extra] = positionals
    const title = values.title as string | undefined
    const from = values.from as string | undefined
    const append = values.append as string | undefined
    if (action === 'new') {
      if (id !== undefined) throw new UsageError('review new takes no ID')
      if (title === undefined) throw new UsageError('review new needs --title')
      if (append !== undefined) throw new UsageError('--append is for review edit')
      const film = values.film as string | undefined
      const workId = film === undefined ? null : await findOrAddFilm(core, film)
      const body = from === undefined ? undefined : await readMarkdown(from)
      const created = await call(core, 'reviews.create', { title, workId, body })
      return print(created, json, 'Created')
    }
    if (!id || extra.length > 0)
      throw new UsageError(`review ${action ?? ''} needs one review ID`.replace('  ', ' '))
    if (values.film !== undefined) throw new UsageError('--film is for review new')
    if (action === 'edit') {
      if (title === undefined && from === undefined && append === undefined) {
        throw new UsageError('review edit needs --title, --from or --append')
      }
      const current = await call(core, 'reviews.get', { id })
      let body: LexicalDoc | undefined = from === undefined ? undefined : await readMarkdown(from)
      if (append !== undefined) body = appendParagraphs(body ?? current.body, append)
      await call(core, 'reviews.save', { id, title, body })
      return print(await call(core, 'reviews.get', { id }), json, 'Saved')
    }
    if (action === 'delete') {
      if (title !== undefined || from !== undefined || append !== undefined)
        throw new UsageError('review delete takes only an ID')
      const trashed = await call(core, 'reviews.trash', { id })
      if (json) printJson({ id: trashed.id, title: trashed.title, deletedAt: trashed.deletedAt })
      else process.stdout.write(`Moved to the trash: ${trashed.title || 'Untitled'} (${trashed.id})\n`)
      return
    }
    throw new UsageError('review needs new, edit or delete')
  }
}

function print(review: ReviewDetail, json: boolean, verb: string): void {
  const { deletedAt: _deleted, ...detail } = review
  if (json) printJson(detail)
  else
    process.stdout.write(`${verb} ${review.title || 'Untitled'} (${review.id}), ${review.wordCount} words\n`)
}

/** A leading YAML front-matter block is not text: `import` reads notes with front matter. */
const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n/

async function readMarkdown(file: string): Promise<LexicalDoc> {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    throw new CliFailure(
      `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`
    )
  }
  // Markdown to Lexical loads the editor's code: only the commands that need it pay for it.
  const { markdownToLexical } = await import('../../../shared/conversions/markdown')
  return markdownToLexical(text.replace(FRONT_MATTER, ''))
}

/** The document with the text added as paragraphs at the end (blank lines separate them). */
function appendParagraphs(body: LexicalDoc, text: string): LexicalDoc {
  const added = plainTextToLexical(text).root.children
  return { ...body, root: { ...body.root, children: [...body.root.children, ...added] } }
}

/**
 * The film "TITLE (YEAR)" or "TITLE": the journal's film with that title (and year, when given),
 * else a new film. Case and accents aside, as the film picker matches.
 */
async function findOrAddFilm(core: Core, film: string): Promise<string> {
  const match = /^(.*\S)\s*\((\d{4})\)\s*$/.exec(film.trim())
  const title = (match ? match[1] : film).trim()
  const year = match ? Number(match[2]) : null
  if (!title) throw new UsageError('--film needs a title, as "TITLE (YEAR)"')
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase()
  const works = await call(core, 'works.list', {})
  const same = works.filter((w) => fold(w.title) === fold(title) && (year === null || w.year === year))
  if (same.length > 1 && year === null) {
    throw new CliFailure(`several films are called ${title}; give the year, as "${title} (YEAR)"`)
  }
  if (same.length > 0) return same[0].id
  return (await call(core, 'works.create', { title, year })).id
}
