#!/usr/bin/env node
/**
 * Ingestion benchmark: generates a corpus (bench/generate-corpus.mjs, with wire copies), ingests it with the
 * built CLI into a fresh store, reports documents per second, then ingests it again and checks nothing changed.
 *
 *   npm run build && node bench/ingest.mjs [--count 10000] [--seed 1] [--size 4096] [--keep DIR]
 *
 * The figures go to docs/store.md with the command that made them.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync, mkdirSync } from 'node:fs'
import { availableParallelism, cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { storeDigest, writeCorpus } from './ingest-corpus.mjs'

const BIN = fileURLToPath(new URL('../bin/kronika.js', import.meta.url))
const arg = (name, def) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : def }
const count = Number(arg('count', 10000)), seed = Number(arg('seed', 1)), size = Number(arg('size', 4096))
const keep = arg('keep')
const dir = keep ?? mkdtempSync(join(tmpdir(), 'kronika-bench-'))
mkdirSync(dir, { recursive: true })

const corpus = join(dir, 'corpus.jsonl'), db = join(dir, 'bench.db')
rmSync(db, { force: true }); rmSync(db + '-wal', { force: true }); rmSync(db + '-shm', { force: true })
let t = Date.now()
const lines = await writeCorpus(corpus, { count, seed, size })
console.error(`corpus: ${lines} articles (${(statSync(corpus).size / 1048576).toFixed(1)} MB) in ${((Date.now() - t) / 1000).toFixed(1)} s`)

function run() {
  const t0 = Date.now()
  const r = spawnSync(process.execPath, [BIN, 'ingest', corpus, '--db', db, '--quiet'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (r.status !== 0) { console.error(r.stderr); process.exit(1) }
  return (Date.now() - t0) / 1000
}

const first = run()
const after1 = storeDigest(db)
const second = run()
const after2 = storeDigest(db)
const newRows = Object.keys(after2.counts).reduce((n, k) => n + after2.counts[k] - after1.counts[k], 0)
const result = {
  command: `node bench/ingest.mjs --count ${count} --seed ${seed} --size ${size}`,
  machine: `${cpus()[0]?.model ?? 'cpu'} × ${availableParallelism()}, Node ${process.version}`,
  articles: lines, documents: after1.counts.documents, events: after1.counts.events, reports: after1.counts.reports,
  nearDuplicates: null,
  ingestSeconds: +first.toFixed(1), documentsPerSecond: +(lines / first).toFixed(1),
  reingestSeconds: +second.toFixed(1), reingestItemsPerSecond: +(lines / second).toFixed(1),
  reingestNewRows: newRows, reingestDigestUnchanged: after1.digest === after2.digest,
  storeMB: +((statSync(db).size) / 1048576).toFixed(1),
}
{
  const Database = (await import('better-sqlite3')).default
  const d = new Database(db, { readonly: true })
  result.nearDuplicates = d.prepare('SELECT COUNT(*) FROM documents WHERE family <> seq').pluck().get()
  result.storiesLessThanReports = d.prepare('SELECT COUNT(*) FROM events WHERE stories < reports').pluck().get()
  d.close()
}
console.log(JSON.stringify(result, null, 2))
if (!keep) rmSync(dir, { recursive: true, force: true })
process.exitCode = newRows === 0 && result.reingestDigestUnchanged ? 0 : 1
