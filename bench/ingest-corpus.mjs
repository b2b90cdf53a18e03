/**
 * Corpus and store helpers for the ingestion benchmark and the kill-and-resume check: a JSON Lines corpus from
 * bench/generate-corpus.mjs with wire copies mixed in (every `wireEvery`-th article again, under another source,
 * with a dateline and a changed sentence), and a digest of a store's contents that ignores timestamps.
 */
import { writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import Database from 'better-sqlite3'

/**
 * Writes `count` articles to `out`, one JSON object a line, and returns `count`: generated articles, except that
 * every `wireEvery`-th line is a wire copy of the article before it (another source, a dateline, a cut sentence).
 */
export async function writeCorpus(out, { count, seed = 1, wireEvery = 10, size = 4096 }) {
  const articles = await generate({ count, seed, size })
  const lines = []
  articles.forEach((a, i) => {
    const wire = wireEvery && i % wireEvery === wireEvery - 1
    if (!wire) { lines.push(JSON.stringify({ ...a, source_domain: 'news.example' })); return }
    const original = articles[i - 1]
    const paragraphs = original.text.split('\n\n')
    paragraphs[paragraphs.length - 1] = paragraphs[paragraphs.length - 1].replace(/[^.!?]*[.!?]\s*$/, '').trim() || paragraphs[paragraphs.length - 1]
    lines.push(JSON.stringify({
      ...original, id: `${original.id}-wire`, source_domain: 'wire.example', url: original.url.replace('news.example', 'wire.example'),
      text: `(Wire) ${paragraphs.join('\n\n')}`,
    }))
  })
  writeFileSync(out, lines.join('\n') + '\n')
  return lines.length
}

/** Articles from bench/generate-corpus.mjs, or from the few sentences below when that generator is not there. */
async function generate({ count, seed, size }) {
  try {
    const { generateCorpus } = await import('./generate-corpus.mjs')
    return await generateCorpus({ count, seed, size })
  } catch {
    const people = ['Albin Kurti', 'Edi Rama', 'Aleksandar Vučić', 'Josep Borrell', 'Olaf Scholz', 'Emmanuel Macron']
    const places = ['Brussels', 'Tirana', 'Pristina', 'Belgrade', 'Berlin', 'Paris']
    return Array.from({ length: count }, (_, i) => {
      const p = (k) => people[(i * 7 + k * 3 + seed) % people.length], c = (k) => places[(i * 5 + k + seed) % places.length]
      const day = String(1 + (i % 28)).padStart(2, '0'), month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0')
      const text = [`${p(0)} met ${p(1)} in ${c(0)} on Monday to discuss trade and energy (report ${i}).`,
        `${p(2)} accused ${p(3)} of blocking the talks, officials in ${c(1)} said.`,
        `"We will continue the dialogue," ${p(0)} told reporters after the meeting in ${c(0)}.`].join(' ').repeat(Math.max(1, Math.round(size / 300)))
      return { id: `mini-${seed}-${i}`, text, date_publish: `2024-${month}-${day}`, language: 'en', title: `Talks ${i}`, url: `https://news.example/${i}` }
    })
  }
}

const TABLES = ['documents', 'sightings', 'entities', 'doc_entities', 'mentions', 'times', 'quotes', 'amounts', 'messages', 'reports', 'events', 'event_keys', 'minhash_bands']

/** Row counts per table and a digest of documents, families, reports and clustered events (timestamps left out). */
export function storeDigest(path) {
  const db = new Database(path, { readonly: true })
  try {
    const counts = Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get()]))
    const h = createHash('sha256')
    for (const r of db.prepare('SELECT seq, id, family, lang FROM documents ORDER BY seq').iterate()) h.update(JSON.stringify(r))
    for (const r of db.prepare('SELECT id, doc, local, event, swapped FROM reports ORDER BY id').iterate()) h.update(JSON.stringify(r))
    for (const r of db.prepare(`SELECT id, type, mode, actor, recipient, date_start, date_end, place, mentions, reports, stories, sources, langs, first_seen, last_seen
      FROM events ORDER BY id`).iterate()) h.update(JSON.stringify(r))
    return { counts, digest: h.digest('hex').slice(0, 16) }
  } finally { db.close() }
}
