#!/usr/bin/env node
// CoNLL-2003 English NER, development split: exact-match span+type precision, recall and F1 of Kronika's entity
// mentions per type (PER, LOC, ORG, MISC), and of compromise's people()/places()/organizations() on the same text,
// with both throughputs. The data is third-party and read in place from ../shared/eval/conll2003/dev.txt (never
// copied into the repo); without it the script prints "skipped" and exits 0.
//
// usage: node eval/conll.mjs [--json] [--errors N] [--rules] [--docs article|sentence] [--no-compromise] [--limit N] [--data FILE]
// Needs the compiled engine: npm run build.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const sharedEval = process.env.KRONIKA_SHARED_EVAL ?? join(root, '..', 'shared', 'eval')
/** Where the dev split is expected. */
export const CONLL_DEV = join(sharedEval, 'conll2003', 'dev.txt')
export const TYPES = ['PER', 'LOC', 'ORG', 'MISC']
/** The types the headline figure averages over (micro): MISC is reported but not part of it. */
export const MAIN_TYPES = ['PER', 'LOC', 'ORG']

/** Sentences of a CoNLL file (`TOKEN TAG 0`, blank line between sentences) as { tokens, tags }. */
export function readConll(path) {
  const sentences = []
  let cur = { tokens: [], tags: [] }
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.replace(/\r$/, '')
    if (line.trim() === '') {
      if (cur.tokens.length) sentences.push(cur)
      cur = { tokens: [], tags: [] }
      continue
    }
    if (line.startsWith('-DOCSTART-')) continue
    const cols = line.split(' ')
    cur.tokens.push(cols[0])
    cur.tags.push(cols[1] ?? 'O')
  }
  if (cur.tokens.length) sentences.push(cur)
  return sentences
}

/** Gold entity spans of a sentence from IOB2 tags: [{ from, to, type }] over token indexes (half-open). */
export function goldSpans(tags) {
  const out = []
  let open = null
  tags.forEach((tag, i) => {
    const [bio, type] = tag.split('-')
    if (open && (bio !== 'I' || type !== open.type)) { out.push(open); open = null }
    if (bio === 'B' || (bio === 'I' && !open)) open = { from: i, to: i + 1, type }
    else if (bio === 'I') open.to = i + 1
  })
  if (open) out.push(open)
  return out
}

/** A dateline (`LONDON 1996-08-30`): capitals, then an ISO date. Articles start with the headline before it. */
function isDateline(s) {
  const last = s.tokens[s.tokens.length - 1]
  return s.tokens.length >= 2 && /^\d{4}-\d{2}-\d{2}$/.test(last) && s.tokens.slice(0, -1).every((t) => !/\p{Ll}/u.test(t))
}

/**
 * Groups sentences into documents. `article`: the file marks no document boundaries, so an article is taken to
 * start at the headline before each dateline (a structural property of newswire, not of particular strings);
 * `sentence`: one document per sentence.
 */
export function groupDocuments(sentences, mode = 'article') {
  if (mode === 'sentence') return sentences.map((s) => [s])
  const starts = new Set([0])
  sentences.forEach((s, i) => { if (i > 0 && isDateline(s)) starts.add(i - 1) })
  const docs = []
  for (let i = 0; i < sentences.length; i++) {
    if (starts.has(i) || !docs.length) docs.push([])
    docs[docs.length - 1].push(sentences[i])
  }
  return docs
}

const SENTENCE_SEP = '\n\n'

/** The text of a document (tokens joined by spaces, sentences by a blank line) and every token's character span. */
export function layout(doc) {
  let text = ''
  const spans = [] // per sentence: [{ start, end }]
  doc.forEach((s, si) => {
    if (si > 0) text += SENTENCE_SEP
    const sp = []
    s.tokens.forEach((t, ti) => {
      if (ti > 0) text += ' '
      sp.push({ start: text.length, end: text.length + t.length })
      text += t
    })
    spans.push(sp)
  })
  return { text, spans }
}

/** Maps a character span to [sentence, from, to) of whole tokens; `lenient` drops punctuation tokens at its ends. */
function toTokens(spans, tokens, start, end, lenient) {
  for (let si = 0; si < spans.length; si++) {
    const sp = spans[si]
    if (!sp.length || start >= sp[sp.length - 1].end || end <= sp[0].start) continue
    let from = sp.findIndex((t) => t.start >= start)
    let to = -1
    for (let k = sp.length - 1; k >= 0; k--) if (sp[k].end <= end) { to = k + 1; break }
    if (from < 0 || to <= from) return null
    if (lenient) {
      while (from < to && !/[\p{L}\p{N}]/u.test(tokens[si][from])) from++
      while (to > from && !/[\p{L}\p{N}]/u.test(tokens[si][to - 1])) to--
      if (to <= from) return null
      const covered = (i) => sp[i].start >= start && sp[i].end <= end
      if (!covered(from) || !covered(to - 1)) return null
      // the span must not cut a token's letters off at either end
      if (from > 0 && sp[from - 1].end > start && /[\p{L}\p{N}]/u.test(tokens[si][from - 1])) return null
      return { si, from, to }
    }
    if (sp[from].start !== start || sp[to - 1].end !== end) return null
    return { si, from, to }
  }
  return null
}

/** Kronika's mentions of a document: outermost first, nested mentions dropped (CoNLL marks the outer name only). */
function kronikaMentions(kdoc) {
  const out = []
  for (const e of kdoc.entities) {
    for (const m of e.mentions) {
      // a pronoun read as a speaker ("he said") is a mention of its entity, but CoNLL marks names only
      if (m.rule.includes('.coref.')) continue
      // a nationality adjective is an attribute of a country; CoNLL calls it MISC (German, West Indian)
      const type = m.rule.endsWith('.nationality-adjective') ? 'MISC' : e.type
      out.push({ start: m.start, end: m.end, type, rule: m.rule })
    }
  }
  const seen = new Set(out.map((m) => `${m.start}:${m.end}`))
  for (const a of kdoc.adjectives ?? []) {
    if (!seen.has(`${a.start}:${a.end}`) && /^\p{Lu}/u.test(kdoc.text.slice(a.start, a.end))) out.push({ start: a.start, end: a.end, type: 'MISC', rule: 'adjective' })
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept = []
  for (const m of out) {
    const last = kept[kept.length - 1]
    if (last && m.start < last.end) continue
    kept.push(m)
  }
  return kept
}

function compromiseMentions(nlp, text) {
  const d = nlp(text)
  const out = []
  for (const [type, view] of [['PER', d.people()], ['LOC', d.places()], ['ORG', d.organizations()]]) {
    for (const m of view.json({ offset: true })) out.push({ start: m.offset.start, end: m.offset.start + m.offset.length, type })
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept = []
  for (const m of out) { const last = kept[kept.length - 1]; if (last && m.start < last.end) continue; kept.push(m) }
  return kept
}

function emptyCounts() {
  return Object.fromEntries(TYPES.map((t) => [t, { tp: 0, sys: 0, gold: 0 }]))
}

const r4 = (x) => Math.round(x * 10000) / 10000
function prf({ tp, sys, gold }) {
  const p = sys ? tp / sys : 0, r = gold ? tp / gold : 0
  return { p: r4(p), r: r4(r), f1: r4(p + r ? (2 * p * r) / (p + r) : 0), tp, sys, gold }
}

/** Per-type and overall scores from counts; `f1` is micro over PER/LOC/ORG, `f1All` over all four types. */
function scores(counts) {
  const per = Object.fromEntries(TYPES.map((t) => [t, prf(counts[t])]))
  const sum = (types) => types.reduce((a, t) => ({ tp: a.tp + counts[t].tp, sys: a.sys + counts[t].sys, gold: a.gold + counts[t].gold }), { tp: 0, sys: 0, gold: 0 })
  return { types: per, main: prf(sum(MAIN_TYPES)), all: prf(sum(TYPES)) }
}

/** Compares one system's token spans with the gold spans of a document; adds to counts and to the error tallies. */
function score(docSents, predicted, counts, errors) {
  const key = (s) => `${s.si}:${s.from}:${s.to}`
  const gold = new Map()
  docSents.forEach((s, si) => { for (const g of goldSpans(s.tags)) gold.set(key({ si, ...g }), g.type) })
  for (const t of gold.values()) counts[t].gold++
  const sysKeys = new Map()
  for (const p of predicted) {
    counts[p.type].sys++
    if (p.tok) sysKeys.set(key(p.tok), p)
    const g = p.tok ? gold.get(key(p.tok)) : undefined
    if (counts.rules && p.rule) {
      const r = counts.rules[p.rule] ??= { sys: 0, tp: 0, gold: {} }
      r.sys++
      if (g === p.type) r.tp++
      const k = g ?? (p.tok ? 'none' : 'misaligned')
      r.gold[k] = (r.gold[k] ?? 0) + 1
    }
    if (g === p.type) counts[p.type].tp++
    else if (errors) {
      const text = p.tok ? docSents[p.tok.si].tokens.slice(p.tok.from, p.tok.to).join(' ') : p.text
      const kind = g ? `type ${g}→${p.type}` : `spurious ${p.type}`
      errors.push({ kind, text, rule: p.rule })
    }
  }
  if (errors) {
    for (const [k, t] of gold) {
      const p = sysKeys.get(k)
      if (p) continue
      const [si, from, to] = k.split(':').map(Number)
      const text = docSents[si].tokens.slice(from, to).join(' ')
      // a gold name the system found with other borders
      const near = predicted.find((q) => q.tok && q.tok.si === si && q.tok.from < to && q.tok.to > from)
      errors.push({ kind: near ? `border ${t}` : `missed ${t}`, text, rule: near ? `${near.rule ?? ''} "${docSents[si].tokens.slice(near.tok.from, near.tok.to).join(' ')}"` : undefined })
    }
  }
}

/**
 * Runs the evaluation. Options: `path` (default CONLL_DEV), `docs` ('article' | 'sentence'), `compromise` (also
 * score compromise, default true), `limit` (first N sentences), `errors` (collect error items).
 * Returns null when the data is absent.
 */
export async function evaluateConll(options = {}) {
  const path = options.path ?? CONLL_DEV
  if (!existsSync(path)) return null
  const { extractDocument, getDefaultContext } = await import(pathToFileURL(join(root, 'dist', 'pipeline', 'extract.js')).href)
  let sentences = readConll(path)
  if (options.limit) sentences = sentences.slice(0, options.limit)
  const docs = groupDocuments(sentences, options.docs ?? 'article')
  const laid = docs.map(layout)
  const nTokens = sentences.reduce((a, s) => a + s.tokens.length, 0)
  const ctx = getDefaultContext()
  // warm up: the knowledge-base index is built on first use and is not part of the throughput
  extractDocument({ text: 'Warm up in London.', lang: 'en' }, ctx)

  const ours = emptyCounts(), ourErrors = options.errors ? [] : null
  // per rule: how many mentions, how many right, and what the gold says at their spans
  Object.defineProperty(ours, 'rules', { value: {}, enumerable: false })
  let misaligned = 0
  const tk0 = performance.now()
  const kdocs = laid.map(({ text }) => extractDocument({ text, lang: 'en' }, ctx))
  const kronikaMs = performance.now() - tk0
  docs.forEach((d, i) => {
    const { spans } = laid[i]
    const toks = d.map((s) => s.tokens)
    const pred = kronikaMentions(kdocs[i]).map((m) => {
      const tok = toTokens(spans, toks, m.start, m.end, false)
      if (!tok) misaligned++
      return { ...m, tok, text: kdocs[i].text.slice(m.start, m.end) }
    })
    score(d, pred, ours, ourErrors)
  })

  const result = {
    data: path,
    sentences: sentences.length,
    tokens: nTokens,
    documents: docs.length,
    docs: options.docs ?? 'article',
    kronika: { ...scores(ours), misaligned, seconds: r4(kronikaMs / 1000), sentencesPerSecond: Math.round(sentences.length / (kronikaMs / 1000)), tokensPerSecond: Math.round(nTokens / (kronikaMs / 1000)) },
  }
  if (ourErrors) result.kronika.errors = ourErrors
  result.kronika.rules = Object.fromEntries(Object.entries(ours.rules).sort((a, b) => b[1].sys - a[1].sys))

  if (options.compromise !== false) {
    let nlp
    try { nlp = (await import('compromise')).default } catch { nlp = null }
    if (nlp) {
      nlp('Warm up in London.').people()
      const theirs = emptyCounts()
      const tc0 = performance.now()
      const found = laid.map(({ text }) => compromiseMentions(nlp, text))
      const compromiseMs = performance.now() - tc0
      docs.forEach((d, i) => {
        const toks = d.map((s) => s.tokens)
        score(d, found[i].map((m) => ({ ...m, tok: toTokens(laid[i].spans, toks, m.start, m.end, true) })), theirs, null)
      })
      result.compromise = { ...scores(theirs), seconds: r4(compromiseMs / 1000), sentencesPerSecond: Math.round(sentences.length / (compromiseMs / 1000)), tokensPerSecond: Math.round(nTokens / (compromiseMs / 1000)) }
    } else result.compromise = null
  }
  return result
}

/** The flat figures the quality gate compares (eval/suites.mjs): F1s only, never timings. */
export async function conllFigures(path = CONLL_DEV) {
  const r = await evaluateConll({ path, compromise: false })
  if (!r) return null
  const k = r.kronika
  return { f1: k.main.f1, 'per.f1': k.types.PER.f1, 'loc.f1': k.types.LOC.f1, 'org.f1': k.types.ORG.f1, 'misc.f1': k.types.MISC.f1 }
}

function parseArgs(argv) {
  const out = { json: false, errors: 0, docs: 'article', compromise: true, limit: 0, path: CONLL_DEV }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--json') out.json = true
    else if (a === '--errors') out.errors = Number(argv[++i])
    else if (a === '--docs') out.docs = argv[++i]
    else if (a === '--no-compromise') out.compromise = false
    else if (a === '--rules') out.rules = true
    else if (a === '--limit') out.limit = Number(argv[++i])
    else if (a === '--data') out.path = resolve(argv[++i])
    else { console.error(`unknown option ${a}\nusage: node eval/conll.mjs [--json] [--errors N] [--rules] [--docs article|sentence] [--no-compromise] [--limit N] [--data FILE]`); process.exit(2) }
  }
  if (!['article', 'sentence'].includes(out.docs)) { console.error('--docs takes article or sentence'); process.exit(2) }
  return out
}

function printTable(r) {
  const f = (x) => x.toFixed(3)
  console.log(`CoNLL-2003 dev: ${r.sentences} sentences, ${r.tokens} tokens, ${r.documents} documents (${r.docs}); exact span+type match`)
  console.log(`${'type'.padEnd(14)} ${'Kronika P'.padStart(9)} ${'R'.padStart(6)} ${'F1'.padStart(6)} ${'tp/sys/gold'.padStart(16)}   ${'compromise F1'.padStart(13)}`)
  const rows = [...TYPES.map((t) => [t, r.kronika.types[t], r.compromise?.types[t]]), ['PER+LOC+ORG', r.kronika.main, r.compromise?.main], ['all four', r.kronika.all, r.compromise?.all]]
  for (const [name, k, c] of rows) {
    const note = name === 'MISC' && c ? ' (not a compromise type)' : ''
    console.log(`${name.padEnd(14)} ${f(k.p).padStart(9)} ${f(k.r).padStart(6)} ${f(k.f1).padStart(6)} ${`${k.tp}/${k.sys}/${k.gold}`.padStart(16)}   ${c ? f(c.f1).padStart(13) : '-'.padStart(13)}${note}`)
  }
  const tp = (x) => `${x.sentencesPerSecond} sentences/s, ${x.tokensPerSecond} tokens/s (${x.seconds.toFixed(2)} s)`
  console.log(`throughput     Kronika ${tp(r.kronika)}`)
  if (r.compromise) console.log(`               compromise ${tp(r.compromise)}`)
  if (r.kronika.misaligned) console.log(`Kronika mentions not on token borders: ${r.kronika.misaligned}`)
}

function printRules(rules) {
  console.log('\nper rule: mentions, precision, what the gold has at those spans')
  for (const [rule, r] of Object.entries(rules)) {
    const gold = Object.entries(r.gold).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')
    console.log(`  ${rule.padEnd(34)} ${String(r.sys).padStart(5)}  ${(r.tp / r.sys).toFixed(3)}   ${gold}`)
  }
}

function printErrors(errors, n) {
  const byKind = new Map()
  for (const e of errors) {
    const k = byKind.get(e.kind) ?? { count: 0, items: new Map() }
    k.count++
    const key = `${e.text}${e.rule ? `  [${e.rule}]` : ''}`
    k.items.set(key, (k.items.get(key) ?? 0) + 1)
    byKind.set(e.kind, k)
  }
  console.log('\nerrors by kind (count, commonest items):')
  for (const [kind, k] of [...byKind].sort((a, b) => b[1].count - a[1].count)) {
    console.log(`  ${String(k.count).padStart(5)}  ${kind}`)
    for (const [item, c] of [...k.items].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`         ${String(c).padStart(4)}  ${item}`)
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2))
  const r = await evaluateConll({ path: args.path, docs: args.docs, compromise: args.compromise, limit: args.limit, errors: args.errors > 0 })
  if (!r) {
    if (args.json) console.log(JSON.stringify({ skipped: true, reason: `${args.path} not found` }))
    else console.log(`skipped: ${args.path} not found`)
    return
  }
  if (args.json) {
    const { errors, rules, ...k } = r.kronika
    void errors
    if (args.rules) k.rules = rules
    console.log(JSON.stringify({ ...r, kronika: k }, null, 2))
    return
  }
  printTable(r)
  if (args.rules) printRules(r.kronika.rules)
  if (args.errors) printErrors(r.kronika.errors, args.errors)
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main()
