#!/usr/bin/env node
/**
 * Proves that an optimisation leaves extraction's output unchanged: extracts a fixed corpus and writes one digest
 * (sha256 of the JSON record) per article, or compares them with a saved snapshot.
 *
 * The corpus: generated articles (bench/generate-corpus.mjs, seed 7, Albanian and English, 4 KB), short ones and a
 * few long ones, examples/*.txt, a handful of hostile texts written here, and, when `--eval` is given and
 * ../shared/eval is present, the texts of its suites (read for measuring only; nothing of them is written but
 * digests, and the snapshot is kept outside the repository).
 *
 *   node bench/snapshot-output.mjs --write /tmp/kronika-snapshot.json [--count N] [--eval]
 *   node bench/snapshot-output.mjs --check /tmp/kronika-snapshot.json            (exit 1 on any difference)
 *
 * Needs the build (npm run build).
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateArticle, loadNames } from './generate-corpus.mjs'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const args = process.argv.slice(2)
const opt = (name) => { const i = args.indexOf(name); return i < 0 ? undefined : args[i + 1] }
const writeTo = opt('--write'), checkAgainst = opt('--check')
if (!writeTo === !checkAgainst) {
  process.stderr.write('usage: node bench/snapshot-output.mjs --write FILE | --check FILE [--count N] [--eval]\n')
  process.exit(2)
}
const saved = checkAgainst ? JSON.parse(readFileSync(checkAgainst, 'utf8')) : undefined
const count = Number(opt('--count') ?? saved?.count ?? 300)
const withEval = args.includes('--eval') || saved?.eval === true

const { extract, getDefaultContext } = await import(new URL('../dist/pipeline/extract.js', import.meta.url).href)
const { readInputs } = await import(new URL('../dist/input/read-inputs.js', import.meta.url).href)

/** The inputs, each with a stable name. */
async function corpus() {
  const names = await loadNames()
  const out = []
  const fromArticle = (a) => ({ text: a.text, id: a.id, lang: a.language, published: a.date_publish.slice(0, 10) })
  for (const lang of ['sq', 'en']) {
    for (let index = 0; index < count; index++) out.push([`gen-${lang}-${index}`, fromArticle(generateArticle({ seed: 7, index, lang, names }))])
    for (let index = 0; index < 20; index++) out.push([`short-${lang}-${index}`, fromArticle(generateArticle({ seed: 8, index, lang, size: 300, names }))])
    for (let index = 0; index < 2; index++) out.push([`long-${lang}-${index}`, fromArticle(generateArticle({ seed: 9, index, lang, size: 60_000, exact: true, names }))])
    // undeclared language: detection runs too
    for (let index = 0; index < 5; index++) { const a = fromArticle(generateArticle({ seed: 10, index, lang, names })); delete a.lang; out.push([`detect-${lang}-${index}`, a]) }
  }
  const examples = join(ROOT, 'examples')
  for (const f of readdirSync(examples).filter((f) => f.endsWith('.txt')).sort()) {
    for (const item of readInputs(readFileSync(join(examples, f)), f)) if (item.input) out.push([`example-${f}`, item.input])
  }
  const hostile = [
    '', ' ', '\n\n\n', '.', '"', '«»', 'a', 'Z. Kim. Prof. Dr. U.S. e.g. etc.',
    'Presidenti i ri tha: “Do të vij.” NATO-s i ish-Presidentit KCNA-së COVID-19 F-16 2.3bn 3,5 1.000.000',
    'The   U.S.\tSenate\r\nvoted 52-48 on Tuesday; $1.2 billion, €3m and 40% more (approx.) — “yes”.',
    'Ελλάδα και Россия: Путин встретился с Си Цзиньпином в Пекине 12 марта 2024 года. 東京 😀👍🏽 e\u0301 \u200d\u200b',
    'A'.repeat(5000) + ' ' + 'ë'.repeat(3000), '1'.repeat(400) + ',' + '2'.repeat(400),
    'x '.repeat(3000), '"'.repeat(200) + 'tha ' + '“'.repeat(50),
    '\uD800 lone surrogate \uDFFF and \u0000 nul \u0007 bell',
    'KRYEMINISTRI RAMA TAKOI SOT NË TIRANË PRESIDENTIN E FRANCËS. THE PRIME MINISTER MET THE PRESIDENT IN PARIS.',
  ]
  hostile.forEach((text, i) => {
    out.push([`hostile-${i}`, { text }])
    out.push([`hostile-sq-${i}`, { text, lang: 'sq', published: '2024-03-14' }])
    out.push([`hostile-en-${i}`, { text, lang: 'en', published: '2024-03' }])
  })
  if (withEval) out.push(...evalTexts())
  return out
}

/** The texts of the shared evaluation data, when present (measured, never stored). */
function evalTexts() {
  const base = process.env.KRONIKA_SHARED_EVAL ?? join(ROOT, '..', 'shared', 'eval')
  const out = []
  const plover = join(base, 'plover-gsr', 'dev.jsonl')
  if (existsSync(plover)) {
    readFileSync(plover, 'utf8').split('\n').filter(Boolean).forEach((line, i) => {
      const o = JSON.parse(line)
      out.push([`plover-${i}`, { text: o.text, lang: 'en', ...(o.date ? { published: o.date } : {}) }])
    })
  }
  const polnear = join(base, 'polnear', 'dev', 'text')
  if (existsSync(polnear)) {
    for (const f of readdirSync(polnear).sort()) out.push([`polnear-${f}`, { text: readFileSync(join(polnear, f), 'utf8'), lang: 'en', published: '2016-09-01' }])
  }
  const seed = join(base, 'seed')
  if (existsSync(seed)) {
    for (const f of readdirSync(seed).filter((f) => f.endsWith('.txt')).sort()) {
      for (const item of readInputs(readFileSync(join(seed, f)), f)) if (item.input) out.push([`seed-${f}`, item.input])
    }
  }
  const timebank = join(base, 'timebank')
  if (existsSync(timebank)) {
    for (const f of readdirSync(timebank).filter((f) => f.endsWith('.tml')).sort()) {
      const text = readFileSync(join(timebank, f), 'utf8').replace(/<[^>]*>/g, '')
      out.push([`timebank-${f}`, { text, lang: 'en', published: '1998-01-08' }])
    }
  }
  return out
}

const digest = (s) => createHash('sha256').update(s).digest('hex').slice(0, 24)
const ctx = getDefaultContext()
const digests = {}
const t0 = performance.now()
for (const [name, input] of await corpus()) {
  let record
  try { record = JSON.stringify(extract(input, ctx)) } catch (err) { record = `THROWS ${err.message}` }
  digests[name] = digest(record)
}
const seconds = (performance.now() - t0) / 1000
const n = Object.keys(digests).length

if (writeTo) {
  writeFileSync(writeTo, JSON.stringify({ count, eval: withEval, digests }, null, 1) + '\n')
  process.stderr.write(`snapshot: ${n} records written to ${writeTo} (${seconds.toFixed(1)} s)\n`)
} else {
  const differ = Object.keys({ ...saved.digests, ...digests }).filter((k) => saved.digests[k] !== digests[k])
  for (const k of differ.slice(0, 20)) process.stderr.write(`snapshot: DIFFERS ${k}\n`)
  process.stderr.write(differ.length ? `snapshot: ${differ.length} of ${n} records differ\n` : `snapshot: all ${n} records identical (${seconds.toFixed(1)} s)\n`)
  process.exit(differ.length ? 1 : 0)
}
