import type { Command } from './types'
import type { SearchGroup, SearchInput, SearchKind } from '../../../shared/contract/search'
import { SEARCH_KINDS } from '../../../shared/contract/search'
import { call } from '../call'
import { printJson, UsageError } from '../io'
import { snippetText, type Core } from '../../../main/core'

const KIND_LABELS: Record<SearchKind, string> = {
  review: 'Reviews',
  response: 'Responses',
  screening: 'Screenings',
  work: 'Films'
}

/** The most hits one call returns; more are read a page at a time. */
const PAGE = 100

/**
 * `search QUERY`: the app's search from the command line; `--json` prints one object per hit.
 * `--limit N` hits of each kind (8 unless given), or `--all` of them, read a page at a time.
 */
export const searchCommand: Command = {
  name: 'search',
  usage:
    'search QUERY [--kind review|response|screening|work] [--status S] [--tag T] [--year Y] [--from DATE] [--to DATE] [--rating-min N] [--rating-max N] [--limit N | --all] [--json]',
  options: {
    kind: { type: 'string' },
    status: { type: 'string' },
    tag: { type: 'string' },
    year: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'rating-min': { type: 'string' },
    'rating-max': { type: 'string' },
    limit: { type: 'string' },
    all: { type: 'boolean' }
  },
  async run({ positionals, values, json }, core) {
    const text = positionals.join(' ')
    if (!text.trim()) throw new UsageError('search needs: QUERY')
    const input = searchInput(text, values)
    const wanted = hitsPerKind(input, values.all === true)
    input.limit = Math.min(wanted, PAGE)
    const results = await call(core, 'search.query', input)
    for (const group of results.groups) await readOn(core, input, group, wanted)
    const hits = results.groups.flatMap((g) => g.hits)
    if (json) {
      printJson(
        hits.map((h) => ({
          kind: h.kind,
          id: h.id,
          title: h.title,
          snippet: snippetText(h.snippet),
          ...(h.reviewId && h.kind !== 'review' ? { reviewId: h.reviewId } : {})
        }))
      )
      return
    }
    if (!hits.length) {
      process.stdout.write(`No results for ${results.words.join(' ') || 'that'}.\n`)
      return
    }
    const bold = process.stdout.isTTY ? (s: string) => `\x1b[1m${s}\x1b[22m` : (s: string) => `[${s}]`
    for (const group of results.groups) {
      const shown = group.more ? ` (${group.hits.length} of ${group.total}; --all shows every one)` : ''
      process.stdout.write(`${KIND_LABELS[group.kind]}${shown}\n`)
      for (const hit of group.hits) {
        const snippet = hit.snippet.map((p) => (p.hit ? bold(p.text) : p.text)).join('')
        process.stdout.write(
          `  ${hit.title}${hit.detail ? ` — ${hit.detail}` : ''}  ${hit.id}\n    ${snippet}\n`
        )
      }
    }
  }
}

/** How many hits of each kind to print: `--all`, `--limit N`, or the app's 8. */
function hitsPerKind(input: SearchInput, all: boolean): number {
  if (all && input.limit !== undefined) throw new UsageError('Give --limit N or --all, not both')
  if (all) return Infinity
  const limit = input.limit ?? 8
  if (!Number.isInteger(limit) || limit < 1)
    throw new UsageError('--limit needs a whole number of hits, 1 or more')
  return limit
}

/** Reads further pages of the group's kind until it holds `wanted` hits or all there are. */
async function readOn(core: Core, input: SearchInput, group: SearchGroup, wanted: number): Promise<void> {
  while (group.hits.length < Math.min(wanted, group.total)) {
    const limit = Math.min(PAGE, wanted - group.hits.length)
    const next = await call(core, 'search.query', {
      ...input,
      kinds: [group.kind],
      limit,
      offset: group.hits.length
    })
    const hits = next.groups[0]?.hits ?? []
    if (!hits.length) break
    group.hits.push(...hits)
  }
  group.more = group.hits.length < group.total
}

function searchInput(text: string, values: Record<string, string | boolean | undefined>): SearchInput {
  const input: SearchInput = { text }
  const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined)
  const num = (name: string) => {
    const raw = str(name)
    if (raw === undefined) return undefined
    const n = Number(raw)
    if (!Number.isFinite(n)) throw new UsageError(`--${name} needs a number`)
    return n
  }
  const kind = str('kind')
  if (kind !== undefined) {
    const kinds = kind.split(',').map((k) => k.trim())
    const unknown = kinds.find((k) => !(SEARCH_KINDS as readonly string[]).includes(k))
    if (unknown) throw new UsageError(`--kind is one of ${SEARCH_KINDS.join(', ')}`)
    input.kinds = kinds as SearchKind[]
  }
  if (str('status') !== undefined) input.status = str('status') as SearchInput['status']
  if (str('tag') !== undefined) input.tag = str('tag')
  if (str('from') !== undefined) input.from = str('from')
  if (str('to') !== undefined) input.to = str('to')
  input.year = num('year')
  input.ratingMin = num('rating-min')
  input.ratingMax = num('rating-max')
  input.limit = num('limit')
  for (const key of Object.keys(input) as (keyof SearchInput)[])
    if (input[key] === undefined) delete input[key]
  return input
}
