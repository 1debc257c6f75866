import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createRequire } from 'node:module'
import { grantFile, openCore } from '../../src/main/core'
import { measure, report, timedCli } from '../harness'
import { corpus } from './searchCorpus'

/**
 * `npm run bench -- --peer`: the side-by-side with Joplin 3.5.1 (its terminal client, same
 * machine class) reproduced here. 5,000 generated ~800-word reviews are imported through the
 * real CLI (the bundle) as a Markdown folder and as WXR: the wall time of that one command is
 * the time to searchable, since the import builds the search index before it returns. Then
 * searches for a rare, a 10% and a 98% word, a prefix and an accent-folded word, in-process, at
 * 8 and at 100 hits a kind.
 * Joplin's client is not a dependency: its figures, measured once, are printed beside ours.
 */
const REVIEWS = 5_000
const WORDS = 800
const RUNS = Number(process.env.PEER_BENCH_RUNS ?? 3) || 3
const ROOT = resolve(__dirname, '../..')

/** Joplin 3.5.1 on the same 5,000 reviews: import + index, and its import's peak memory. */
const JOPLIN = { searchableMs: 127_600, importMs: 88_800, indexMs: 33_800, peakMiB: 230 }

interface Review {
  title: string
  date: string
  text: string
}

function generate(): Review[] {
  const text = corpus(5)
  return Array.from({ length: REVIEWS }, (_, i) => ({
    title: `${text.text(4)} ${i + 1}`,
    date: new Date(Date.UTC(2006, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
    text: text.text(WORDS - 100 + ((i * 37) % 200))
  }))
}

/** Paragraphs of about 80 words, as a review is written. */
function paragraphs(text: string): string[] {
  const words = text.split(' ')
  const out: string[] = []
  for (let i = 0; i < words.length; i += 80) out.push(words.slice(i, i + 80).join(' '))
  return out
}

function writeMarkdownFolder(dir: string, reviews: Review[]): void {
  mkdirSync(dir)
  reviews.forEach((r, i) => {
    const note = `---\ntitle: "${r.title}"\ndate: ${r.date}\n---\n\n${paragraphs(r.text).join('\n\n')}\n`
    writeFileSync(join(dir, `review-${String(i + 1).padStart(4, '0')}.md`), note)
  })
}

function writeWxr(file: string, reviews: Review[]): void {
  const items = reviews.map((r, i) => {
    const html = paragraphs(r.text)
      .map((p) => `<p>${p}</p>`)
      .join('\n')
    return `<item><title><![CDATA[${r.title}]]></title><wp:post_id>${i + 1}</wp:post_id><wp:post_date_gmt>${r.date} 12:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><content:encoded><![CDATA[${html}]]></content:encoded></item>`
  })
  writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Peer</title><wp:wxr_version>1.2</wp:wxr_version>
${items.join('\n')}
</channel></rss>\n`
  )
}

/** Words by the share of reviews that hold them: the rarest held by a few, one near 10%, one near 98%. */
function pickWords(reviews: Review[]): { rare: string; tenth: string; nearlyAll: string; accented: string } {
  const docs = new Map<string, number>()
  for (const r of reviews) for (const w of new Set(r.text.split(' '))) docs.set(w, (docs.get(w) ?? 0) + 1)
  const closest = (share: number, ok: (w: string) => boolean = () => true) =>
    [...docs]
      .filter(([w]) => ok(w))
      .sort((a, b) => Math.abs(a[1] / REVIEWS - share) - Math.abs(b[1] / REVIEWS - share))[0][0]
  return {
    rare: closest(3 / REVIEWS, (w) => w.length > 5),
    tenth: closest(0.1),
    nearlyAll: closest(0.98),
    accented: closest(0.01, (w) => w.endsWith('é'))
  }
}

/** One CLI import into an empty journal, as a process of its own: wall milliseconds and peak memory. */
function timedImport(source: string): { ms: number; peakMiB: number } {
  const dataDir = mkdtempSync(join(tmpdir(), 'rj-peer-'))
  try {
    return timedCli(['--data-dir', dataDir, 'import', source, '--json'])
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

function summarise(name: string, runs: { ms: number; peakMiB: number }[]): number {
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b)
  const median = ms[Math.floor((ms.length - 1) / 2)]
  const peak = Math.max(...runs.map((r) => r.peakMiB))
  report(
    name,
    `median ${(median / 1000).toFixed(2)} s   max ${(ms.at(-1)! / 1000).toFixed(2)} s   peak ${peak.toFixed(0)} MiB   ` +
      `${(JOPLIN.searchableMs / median).toFixed(1)}× Joplin's ${(JOPLIN.searchableMs / 1000).toFixed(1)} s (n=${runs.length})`
  )
  return median
}

export async function peerBench(): Promise<void> {
  const { ensureHostsBuilt } = createRequire(__filename)(join(ROOT, 'scripts/build-hosts.cjs')) as {
    ensureHostsBuilt(): string
  }
  ensureHostsBuilt()
  const work = mkdtempSync(join(tmpdir(), 'rj-peer-files-'))
  try {
    const reviews = generate()
    const folder = join(work, 'markdown')
    const wxr = join(work, 'reviews.xml')
    writeMarkdownFolder(folder, reviews)
    writeWxr(wxr, reviews)
    report(
      'reference: Joplin 3.5.1, import + index',
      `${(JOPLIN.searchableMs / 1000).toFixed(1)} s (import ${JOPLIN.importMs / 1000} s + index ${JOPLIN.indexMs / 1000} s), peak ${JOPLIN.peakMiB} MiB; goal ≤ 5 s, ≤ 230 MiB`
    )
    const markdown: { ms: number; peakMiB: number }[] = []
    const wordpress: { ms: number; peakMiB: number }[] = []
    // Interleaved, so a busy machine slows both alike.
    for (let i = 0; i < RUNS; i++) {
      markdown.push(timedImport(folder))
      wordpress.push(timedImport(wxr))
    }
    summarise(
      `time to searchable: ${REVIEWS.toLocaleString('en')} reviews as a Markdown folder, CLI`,
      markdown
    )
    summarise(`time to searchable: the same ${REVIEWS.toLocaleString('en')} as WXR, CLI`, wordpress)

    const words = pickWords(reviews)
    const dataDir = mkdtempSync(join(tmpdir(), 'rj-peer-search-'))
    const core = await openCore({ dataDir, version: 'bench' })
    try {
      await core.dispatch('archive.import', { fileId: grantFile(wxr, 'read').fileId, format: 'wxr' })
      const baseline = core.db.prepare('SELECT count(*) FROM reviews WHERE body_text LIKE ?').pluck()
      await measure(`baseline: LIKE scan for the 10% word "${words.tenth}"`, 20, () =>
        baseline.get(`%${words.tenth}%`)
      )
      const queries: [string, string][] = [
        [`rare word "${words.rare}"`, words.rare],
        [`10% word "${words.tenth}"`, words.tenth],
        [`98% word "${words.nearlyAll}"`, words.nearlyAll],
        [`prefix "${words.tenth.slice(0, 3)}"`, words.tenth.slice(0, 3)],
        [
          `accent-folded "${words.accented.normalize('NFD').replace(/\p{M}/gu, '')}"`,
          words.accented.normalize('NFD').replace(/\p{M}/gu, '')
        ]
      ]
      for (const [label, text] of queries) {
        for (const limit of [8, 100]) {
          const ask = () => core.dispatch('search.query', { text, limit })
          await measure(`search, ${limit} hits a kind: ${label}`, 20, ask)
        }
      }
    } finally {
      core.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
