#!/usr/bin/env node
/**
 * `npm run bench`: how fast and how lean extraction is, measured on a generated corpus (bench/generate-corpus.mjs),
 * written to docs/benchmarks.md (the file is rewritten; its notes section, written by hand, and its soak section,
 * written by bench/soak.mjs, are kept).
 *
 *   - throughput end to end, Albanian and English separately: articles/s and MB/s on one thread, and the time of
 *     each stage (extractDocument's `timings`);
 *   - the same English texts through compromise's named-entity views (people, places, organisations), as a ratio;
 *   - cold start of the built CLI to its first record (median of several spawns);
 *   - peak RSS of the CLI extracting a mixed corpus and a 1 MB article;
 *   - the same mixed corpus through the CLI on one thread and on every core (`--jobs`), articles/s;
 *   - time against article length, 1 KB to 1 MB, doubling (time per KB over the same amount of text at each size):
 *     the ratio per doubling should stay ≤ 2.6 (1.3× linear).
 *
 *   node bench/run.mjs [--count N] [--seed S] [--max-seconds S] [--out FILE] [--no-write] [--only PARTS]
 *
 * --only takes a comma-separated list of throughput, compromise, startup, rss, batch, scaling: it runs just those parts and
 * prints their figures without writing the report (e.g. `--only startup,rss` while working on start-up and memory).
 *
 * Needs the build (npm run build). Targets are checked here and printed; they are benchmarks, not tests.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateArticle, loadNames } from './generate-corpus.mjs'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const CLI = join(ROOT, 'bin', 'kronika.js')

const WARM_UP = 500
const TARGETS = { articlesPerSecond: 1000, vsCompromise: 20, coldStartMs: 500, peakRssMb: 400, doublingRatio: 2.6 }

// --- child mode: the CLI's own peak RSS (run in a fresh process, so the bench's corpus is not counted)
if (process.argv[2] === '--child-rss') {
  const { main } = await import(new URL('../dist/cli/main.js', import.meta.url).href)
  const code = await main(['extract', ...process.argv.slice(3)])
  process.stderr.write(`\nMAXRSS ${process.resourceUsage().maxRSS} ${code}\n`)
  process.exit(0)
}

const PARTS = ['throughput', 'compromise', 'startup', 'rss', 'batch', 'scaling']
function parseArgs(argv) {
  const o = { count: 1000, seed: 1, maxSeconds: 25, out: join(ROOT, 'docs', 'benchmarks.md'), write: true, only: undefined }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--count') o.count = Number(argv[++i])
    else if (a === '--seed') o.seed = Number(argv[++i])
    else if (a === '--max-seconds') o.maxSeconds = Number(argv[++i])
    else if (a === '--out') o.out = argv[++i]
    else if (a === '--no-write') o.write = false
    else if (a === '--only') o.only = new Set((argv[++i] ?? '').split(','))
    else { process.stderr.write(`bench: unknown argument ${a}\nusage: node bench/run.mjs [--count N] [--seed S] [--max-seconds S] [--out FILE] [--no-write] [--only ${PARTS.join(',')}]\n`); process.exit(2) }
  }
  return o
}

const opts = parseArgs(process.argv.slice(2))
for (const p of opts.only ?? []) if (!PARTS.includes(p)) { process.stderr.write(`bench: unknown part ${p} (${PARTS.join(', ')})\n`); process.exit(2) }
const want = (part) => !opts.only || opts.only.has(part)
if (!existsSync(join(ROOT, 'dist', 'pipeline', 'extract.js'))) {
  process.stderr.write('bench: dist/ is missing; run `npm run build` first\n')
  process.exit(2)
}
const { extractDocument, getDefaultContext } = await import(new URL('../dist/pipeline/extract.js', import.meta.url).href)
// the knowledge-base indexes compiled by the build are used only while they match the packs and kb/ (else they are
// rebuilt at start-up, which shows in the cold start and the memory): say so when they are stale
const stale = []
try {
  const { indexStamp, sourceStamp } = await import(new URL('../dist/kb/compiled-index.js', import.meta.url).href)
  for (const lang of ['sq', 'en']) {
    const f = join(ROOT, 'data', 'generated', `gazetteer-${lang}.tsv`)
    if (!existsSync(f) || indexStamp(readFileSync(f), lang) !== sourceStamp(ROOT, lang)) stale.push(lang)
  }
} catch { /* an older build without compiled indexes */ }
if (stale.length) process.stderr.write(`bench: the compiled knowledge-base index of ${stale.join(', ')} is stale (packs or kb/ changed since the build): run \`npm run build\` for representative start-up figures\n`)
const log = (s) => process.stderr.write(s + '\n')
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2 }
const cpuMs = (c) => (c.user + c.system) / 1000
const input = (a) => ({ text: a.text, id: a.id, lang: a.language, published: a.date_publish.slice(0, 10) })
const startedAt = new Date()
const load0 = loadavg()
const names = await loadNames()

// --- 1. throughput per language
const ctx = getDefaultContext()
const throughput = {}
const corpora = {}
for (const lang of want('throughput') || want('compromise') ? ['sq', 'en'] : []) {
  const arts = Array.from({ length: opts.count }, (_, index) => generateArticle({ seed: opts.seed, index, lang, names }))
  corpora[lang] = arts
  if (!want('throughput')) continue
  // warm up: the first document loads the pack and the knowledge-base index, and for some hundred more V8's
  // optimising compiler is busy (compiling the stages, dropping code on a new object shape, compiling again), on
  // a thread of its own whose time counts in the process's CPU time; a day's batch runs past that, so the measured
  // articles come after WARM_UP others (their own rate is reported too)
  const warm = Array.from({ length: WARM_UP }, (_, index) => generateArticle({ seed: opts.seed + 1000, index, lang, names }))
  const w0 = process.cpuUsage(), tw = performance.now()
  for (const a of warm) extractDocument(input(a), ctx)
  const warmUp = { articlesPerSecond: WARM_UP / (performance.now() - tw) * 1000, cpuArticlesPerSecond: WARM_UP / cpuMs(process.cpuUsage(w0)) * 1000 }
  const timings = new Map()
  let n = 0, bytes = 0
  const c0 = process.cpuUsage(), t0 = performance.now()
  for (const a of arts) {
    extractDocument(input(a), ctx, { timings })
    n++
    bytes += Buffer.byteLength(a.text)
    if ((n & 15) === 0 && performance.now() - t0 > opts.maxSeconds * 1000) break
  }
  const wall = performance.now() - t0, cpu = cpuMs(process.cpuUsage(c0))
  throughput[lang] = { warmUp, n, bytes, wall, cpu, timings, articlesPerSecond: n / wall * 1000, cpuArticlesPerSecond: n / cpu * 1000, mbPerSecond: bytes / 1e6 / (wall / 1000) }
  log(`bench: ${lang} ${n} articles, ${(throughput[lang].articlesPerSecond).toFixed(1)} articles/s, ${throughput[lang].mbPerSecond.toFixed(2)} MB/s`)
}

// --- 2. compromise's NER on the same English texts
let compromise
if (want('compromise')) try {
  const nlp = (await import('compromise')).default
  const arts = corpora.en
  // warmed up too, on other articles (its rate settles within a few dozen)
  for (let index = 0; index < 50; index++) {
    const doc = nlp(generateArticle({ seed: opts.seed + 1000, index, lang: 'en', names }).text)
    doc.people().out('array'); doc.places().out('array'); doc.organizations().out('array')
  }
  let n = 0
  const t0 = performance.now()
  for (const a of arts) {
    const doc = nlp(a.text)
    doc.people().out('array'); doc.places().out('array'); doc.organizations().out('array')
    n++
    if (performance.now() - t0 > Math.min(20, opts.maxSeconds) * 1000) break
  }
  const wall = performance.now() - t0
  compromise = { n, articlesPerSecond: n / wall * 1000 }
  log(`bench: compromise ${n} articles, ${compromise.articlesPerSecond.toFixed(1)} articles/s`)
} catch (err) {
  log(`bench: compromise not available (${err.message}); skipped`)
}

// --- 3. cold start of the CLI to its first record
const tmp = mkdtempSync(join(tmpdir(), 'kronika-bench-'))
function firstRecordMs(args) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const child = spawn(process.execPath, [CLI, 'extract', ...args], { stdio: ['ignore', 'pipe', 'ignore'] })
    let first
    child.stdout.once('data', () => { first = performance.now() - t0 })
    child.stdout.resume()
    child.on('error', reject)
    child.on('close', (code) => (first === undefined ? reject(new Error(`kronika extract ${args.join(' ')} wrote no record (exit ${code})`)) : resolve(first)))
  })
}
const coldStart = {}
let coldError
if (want('startup')) try {
  for (const lang of ['sq', 'en']) {
    const file = join(tmp, `cold-${lang}.txt`)
    const a = generateArticle({ seed: opts.seed, index: 0, lang, names })
    writeFileSync(file, `date ${a.date_publish.slice(0, 10)}\n${a.text}\n`)
    const runs = []
    for (let i = 0; i < 7; i++) runs.push(await firstRecordMs([file]))
    coldStart[lang] = { runs, median: median(runs) }
    log(`bench: cold start ${lang} median ${coldStart[lang].median.toFixed(0)} ms`)
  }
} catch (err) { coldError = err.message; log(`bench: cold start not measured: ${coldError}`) }

// --- 4. peak RSS of the CLI on a mixed corpus and a 1 MB article
const rssCount = Math.min(opts.count, 500)
const mixedFile = join(tmp, 'mixed.jsonl'), bigFile = join(tmp, 'big.jsonl')
writeFileSync(mixedFile, Array.from({ length: rssCount }, (_, index) => JSON.stringify(generateArticle({ seed: opts.seed + 7, index, lang: 'mixed', names }))).join('\n') + '\n')
writeFileSync(bigFile, JSON.stringify(generateArticle({ seed: opts.seed + 8, index: 0, lang: 'mixed', size: 1 << 20, exact: true, names })) + '\n')
const rss = !want('rss') ? undefined : await new Promise((resolve) => {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--child-rss', mixedFile, bigFile], { stdio: ['ignore', 'ignore', 'pipe'] })
  let err = ''
  child.stderr.on('data', (d) => { err += d })
  child.on('error', (e) => { err += e.message; resolve(undefined) })
  child.on('close', () => {
    const m = /MAXRSS (\d+)/.exec(err)
    if (!m) log(`bench: peak RSS not measured: ${err.slice(-300)}`)
    resolve(m ? Number(m[1]) / 1024 : undefined)
  })
})
if (rss !== undefined) log(`bench: peak RSS ${rss.toFixed(0)} MB`)

// --- 4b. a batch through the CLI on one thread and on every core (`--jobs`), start-up included
const cores = availableParallelism()
const batch = {}
const cliSeconds = (args) => new Promise((resolve) => {
  const t0 = performance.now()
  const child = spawn(process.execPath, [CLI, 'extract', ...args], { stdio: 'ignore' })
  child.on('error', () => resolve(undefined))
  child.on('close', (code) => resolve(code === 0 ? (performance.now() - t0) / 1000 : undefined))
})
if (want('batch')) for (const jobs of [1, cores]) {
  const s = await cliSeconds([mixedFile, '--jobs', String(jobs)])
  if (s === undefined) { log(`bench: batch with --jobs ${jobs} failed`); continue }
  batch[jobs] = rssCount / s
  log(`bench: batch of ${rssCount} mixed articles, --jobs ${jobs}: ${batch[jobs].toFixed(1)} articles/s`)
}

// --- 5. time against article length, 1 KB → 1 MB
// At each size, generated articles of that size whose bytes add up to at least 256 KB (256 articles of 1 KB, 128 of
// 2 KB, … one of 256 KB, 512 KB and 1 MB), so what is compared is the time per byte over the same amount of text and
// not one text's content. The sizes are timed in turns (one pass over each size, then again, SCALING_ROUNDS times),
// so a busy moment on the machine falls on every size alike instead of on one step; each size keeps its fastest
// pass, by CPU time (other work on the machine only adds time).
const SCALING_BYTES = 256 * 1024, SCALING_ROUNDS = 5
const scaling = {}
for (const lang of want('scaling') ? ['sq', 'en'] : []) {
  const sizes = []
  for (let kb = 1; kb <= 1024; kb *= 2) {
    const count = Math.max(1, Math.round(SCALING_BYTES / (kb * 1024)))
    const arts = Array.from({ length: count }, (_, index) => generateArticle({ seed: opts.seed + 3, index, lang, size: kb * 1024, exact: true, names }))
    sizes.push({ kb, arts, bytes: arts.reduce((n, a) => n + Buffer.byteLength(a.text), 0), ms: Infinity })
  }
  for (let round = 0; round <= SCALING_ROUNDS; round++) {
    for (const size of sizes) {
      const c0 = process.cpuUsage()
      for (const a of size.arts) extractDocument(input(a), ctx)
      if (round > 0) size.ms = Math.min(size.ms, cpuMs(process.cpuUsage(c0))) // round 0 warms up
    }
  }
  // time per KB at each size against the size before: linear time gives 2 per doubling
  scaling[lang] = sizes.map(({ kb, arts, bytes, ms }, i) => {
    const perKb = ms / (bytes / 1024), prev = i ? sizes[i - 1].ms / (sizes[i - 1].bytes / 1024) : undefined
    return { kb, count: arts.length, bytes: bytes / arts.length, ms: ms / arts.length, perKb, ratio: prev === undefined ? undefined : 2 * perKb / prev }
  })
  log(`bench: scaling ${lang}: ${scaling[lang].map((r) => `${r.kb}KB ${r.perKb.toFixed(2)}ms/KB`).join(', ')}`)
}
rmSync(tmp, { recursive: true, force: true })
const load1 = loadavg()

// --- report (a partial run prints its figures and writes nothing)
if (opts.only) {
  for (const [lang, c] of Object.entries(coldStart)) process.stdout.write(`cold start ${lang}: median ${c.median.toFixed(0)} ms (${c.runs.map((x) => x.toFixed(0)).join(', ')})\n`)
  if (rss !== undefined) process.stdout.write(`peak RSS: ${rss.toFixed(0)} MB (${rssCount} mixed articles and a 1 MB article)\n`)
  for (const [jobs, v] of Object.entries(batch)) process.stdout.write(`batch --jobs ${jobs}: ${v.toFixed(1)} articles/s\n`)
  for (const [lang, t] of Object.entries(throughput)) process.stdout.write(`throughput ${lang}: ${t.articlesPerSecond.toFixed(1)} articles/s\n`)
  if (compromise) process.stdout.write(`compromise: ${compromise.articlesPerSecond.toFixed(1)} articles/s\n`)
  for (const [lang, rows] of Object.entries(scaling)) process.stdout.write(`scaling ${lang}: ${rows.map((r) => `${r.kb}KB ${r.perKb.toFixed(2)}ms/KB${r.ratio === undefined ? '' : ` (×${r.ratio.toFixed(2)})`}`).join(', ')}\n`)
  process.exit(0)
}
const both = (f) => Math.min(f(throughput.sq), f(throughput.en))
const maxRatio = Math.max(...Object.values(scaling).flatMap((rows) => rows.filter((r) => r.ratio !== undefined).map((r) => r.ratio)))
const vs = compromise ? throughput.en.articlesPerSecond / compromise.articlesPerSecond : undefined
const cold = coldError ? undefined : Math.max(coldStart.sq.median, coldStart.en.median)
const mark = (ok) => (ok ? 'met' : '**missed**')
const fmt = (x, d = 1) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })
const cpu = cpus()
const lines = []
lines.push('# Benchmarks', '')
lines.push('Written by `npm run bench` (`node bench/run.mjs`); the whole file except the notes and soak sections is rewritten on each run.')
lines.push('Targets are benchmarks, never timed unit tests. The corpus is synthetic (bench/generate-corpus.mjs, seed ' + opts.seed + ').', '')
lines.push('## Machine', '')
lines.push(`- ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${fmt(totalmem() / 2 ** 30, 1)} GiB RAM`)
lines.push(`- Node ${process.version}, ${process.platform}/${process.arch}`)
lines.push(`- ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC; load average ${load0.map((x) => x.toFixed(1)).join(' / ')} at the start, ${load1.map((x) => x.toFixed(1)).join(' / ')} at the end (other work on the machine slows every wall-clock figure)`)
if (stale.length) lines.push(`- **the compiled knowledge-base index of ${stale.join(', ')} was stale** (packs or kb/ changed after the build): start-up and memory figures include rebuilding it`)
lines.push(`- command: \`node bench/run.mjs${process.argv.slice(2).length ? ' ' + process.argv.slice(2).join(' ') : ''}\``, '')
lines.push('## Summary', '')
lines.push('| measure | figure | target | |', '| --- | --- | --- | --- |')
lines.push(`| throughput, end to end, one thread (the slower language) | ${fmt(both((t) => t.articlesPerSecond))} articles/s (CPU time: ${fmt(both((t) => t.cpuArticlesPerSecond))}) | ≥ ${TARGETS.articlesPerSecond} articles/s | ${mark(both((t) => t.articlesPerSecond) >= TARGETS.articlesPerSecond)} |`)
lines.push(`| Kronika full pipeline ÷ compromise NER only (English) | ${vs === undefined ? 'n/a' : fmt(vs, 2) + '×'} | ≥ ${TARGETS.vsCompromise}× | ${vs === undefined ? 'n/a' : mark(vs >= TARGETS.vsCompromise)} |`)
lines.push(`| cold start of \`kronika extract\` to the first record (median, slower language) | ${cold === undefined ? 'not measured' : fmt(cold, 0) + ' ms'} | < ${TARGETS.coldStartMs} ms | ${cold === undefined ? 'n/a' : mark(cold < TARGETS.coldStartMs)} |`)
lines.push(`| peak RSS of the CLI (${rssCount} mixed articles and a 1 MB article) | ${rss === undefined ? 'not measured' : fmt(rss, 0) + ' MB'} | < ${TARGETS.peakRssMb} MB | ${rss === undefined ? 'n/a' : mark(rss < TARGETS.peakRssMb)} |`)
if (batch[cores] !== undefined && batch[1] !== undefined) lines.push(`| a batch of ${rssCount} mixed articles through the CLI, start-up included: one thread, and \`--jobs ${cores}\` (all cores) | ${fmt(batch[1])} and ${fmt(batch[cores])} articles/s | | |`)
lines.push(`| time ratio per doubling of article length, 1 KB → 1 MB (largest) | ${fmt(maxRatio, 2)} | ≤ ${TARGETS.doublingRatio} | ${mark(maxRatio <= TARGETS.doublingRatio)} |`, '')
lines.push('## Throughput', '')
lines.push(`Articles of about 4 KB (between 2 and 6 KB), one language each, declared, with a publication date; measured after ${WARM_UP} warm-up articles of another seed, whose own rate (a fresh process: loading the pack, and V8's optimising compiler at work on a thread of its own) is in the last two columns.`, '')
lines.push(`| language | articles | MB | articles/s | MB/s | articles/s by CPU time | first ${WARM_UP}: articles/s | first ${WARM_UP}: by CPU time |`, '| --- | --- | --- | --- | --- | --- | --- | --- |')
for (const [lang, t] of Object.entries(throughput)) lines.push(`| ${lang} | ${t.n} | ${fmt(t.bytes / 1e6, 2)} | ${fmt(t.articlesPerSecond)} | ${fmt(t.mbPerSecond, 2)} | ${fmt(t.cpuArticlesPerSecond)} | ${fmt(t.warmUp.articlesPerSecond)} | ${fmt(t.warmUp.cpuArticlesPerSecond)} |`)
lines.push('', '### Time per stage (ms per article, share of the pipeline)', '')
const stages = [...throughput.sq.timings.keys()]
lines.push('| stage | sq | en |', '| --- | --- | --- |')
for (const s of stages) {
  const cell = (t) => { const v = t.timings.get(s) ?? 0, all = [...t.timings.values()].reduce((x, y) => x + y, 0); return `${fmt(v / t.n, 3)} (${fmt(100 * v / all, 0)}%)` }
  lines.push(`| ${s} | ${cell(throughput.sq)} | ${cell(throughput.en)} |`)
}
lines.push('', '## Against compromise', '')
if (compromise) {
  lines.push(`compromise ${JSON.parse(readFileSync(join(ROOT, 'node_modules', 'compromise', 'package.json'), 'utf8')).version}, \`nlp(text)\` then \`.people()\`, \`.places()\`, \`.organizations()\` (as arrays), on the first ${compromise.n} of the same English articles after 50 warm-up ones: ${fmt(compromise.articlesPerSecond)} articles/s. Kronika's whole pipeline (entities, linking, times, amounts, quotes, events): ${fmt(throughput.en.articlesPerSecond)} articles/s, **${fmt(vs, 2)}×**.`)
} else lines.push('compromise was not available; not measured.')
lines.push('', '## Cold start', '')
lines.push('`node bin/kronika.js extract FILE` on one generated article, spawned 7 times per language; time from the spawn to the first bytes of the record.', '')
if (coldError) lines.push(`Not measured: ${coldError}.`)
else {
  lines.push('| language | median | runs (ms) |', '| --- | --- | --- |')
  for (const [lang, c] of Object.entries(coldStart)) lines.push(`| ${lang} | ${fmt(c.median, 0)} ms | ${c.runs.map((x) => x.toFixed(0)).join(', ')} |`)
}
lines.push('', '## Peak memory', '')
lines.push(rss === undefined ? 'Not measured: the CLI did not run (see the bench output).' : `Peak resident set of one CLI process (\`kronika extract\`, in-process) over ${rssCount} mixed articles (JSON Lines) and one 1 MB article: **${fmt(rss, 0)} MB**.`)
lines.push('', '## A batch on every core', '')
if (!Object.keys(batch).length) lines.push('Not measured.')
else {
  lines.push(`\`node bin/kronika.js extract FILE --jobs N\` on the ${rssCount} mixed articles above (JSON Lines), records written to /dev/null; wall-clock time from the spawn to the exit, start-up included. \`--jobs\` runs the extraction on N worker threads, each with its own packs and knowledge base; the records are the same, in the same order.`, '')
  lines.push('| threads | articles/s |', '| --- | --- |')
  for (const [jobs, v] of Object.entries(batch)) lines.push(`| ${jobs} | ${fmt(v)} |`)
}
lines.push('', '## Article length', '')
lines.push(`Articles of each size, 1 KB to 1 MB (generated, seed ${opts.seed + 3}), as many as make at least ${SCALING_BYTES / 1024} KB of text per size (256 of 1 KB, 128 of 2 KB, … one of 256 KB and more), so that each size is measured over the same amount of text and not one text's content. CPU time per KB of text: the sizes are timed in turns, ${SCALING_ROUNDS} rounds of one pass per size after a warm-up round, and each size keeps its fastest pass (a busy moment on the machine then falls on every size alike). The ratio is the time per KB at a size over that at the size before, times 2: linear growth gives 2; the target allows ${TARGETS.doublingRatio}.`, '')
lines.push('| size | articles | sq ms per article | sq ms per KB | sq ratio | en ms per article | en ms per KB | en ratio |', '| --- | --- | --- | --- | --- | --- | --- | --- |')
for (let i = 0; i < scaling.sq.length; i++) {
  const s = scaling.sq[i], e = scaling.en[i]
  lines.push(`| ${s.kb >= 1024 ? s.kb / 1024 + ' MB' : s.kb + ' KB'} | ${s.count} | ${fmt(s.ms, 2)} | ${fmt(s.perKb, 3)} | ${s.ratio === undefined ? '' : fmt(s.ratio, 2)} | ${fmt(e.ms, 2)} | ${fmt(e.perKb, 3)} | ${e.ratio === undefined ? '' : fmt(e.ratio, 2)} |`)
}
lines.push('')

// sections written by hand or by other scripts are kept: the notes on what limits throughput, and the soak
const kept = (name, placeholder) => {
  const start = `<!-- ${name}:start -->`, end = `<!-- ${name}:end -->`
  if (existsSync(opts.out)) {
    const old = readFileSync(opts.out, 'utf8')
    const a = old.indexOf(start), b = old.indexOf(end)
    if (a >= 0 && b > a) return old.slice(a, b + end.length)
  }
  return placeholder === undefined ? '' : `${start}\n${placeholder}\n${end}`
}
const notes = kept('notes')
const soak = kept('soak', '## Soak (bench/soak.mjs)\n\nNot run yet: `node bench/soak.mjs --runs 100000 --record`.')
const report = lines.join('\n') + '\n' + (notes ? notes + '\n\n' : '') + soak + '\n'
if (opts.write) { writeFileSync(opts.out, report); log(`bench: wrote ${opts.out}`) }
process.stdout.write(report)
