#!/usr/bin/env node
// PolNeAR (political news attribution relations, dev split): how well Kronika finds what people are reported to
// have said, and who said it. PolNeAR annotates every attribution: quoted speech and indirect speech ("X said
// that …"), so two system layers are measured: the record's quotes[] (words in quotation marks) alone, and
// quotes[] together with indirect reported speech (src/stages/reported-speech.ts, proposed as a reports[]
// layer), which is the headline figure.
//
// Matching (one to one, best overlap first): a system span (its parts joined: a quotation and the ones that continue
// it after their cue, a statement split by its cue) matches a gold Content span (its fragments joined) when
// the characters they share (whitespace and quotation marks ignored) make up at least half of each of them.
// Content P/R/F1 count matched spans. Speaker accuracy, on matched pairs whose gold attribution has a Source:
// right when one of the mentions of our speaker entity overlaps the gold Source span; without a speaker entity, right
// when the words our record gives as the source (a description: officials, the spokesman) overlap it; neither is wrong.
// A pronoun speaker ("he said") is a mention of the entity it was resolved to, so pronoun sources are right whichever
// entity the pronoun was read as: the resolution itself is not measured here. PolNeAR
// sources are often pronouns (he, she, who) or unnamed (sources, officials), which no entity mention covers: the
// accuracy without pronoun sources is reported beside it.
// Articles annotated by several annotators are read once (the first annotation file in name order).
// The data is third-party and read in place from ../shared/eval/polnear/dev (never copied into the repo); without
// it the script prints "skipped" and exits 0.
//
// usage: node eval/polnear.mjs [--json] [--errors N] [--data DIR]
// Needs the compiled engine: npm run build.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const sharedEval = process.env.KRONIKA_SHARED_EVAL ?? join(root, '..', 'shared', 'eval')
/** Where the dev split is expected. */
export const POLNEAR_DEV = join(sharedEval, 'polnear', 'dev')
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'his', 'her', 'their', 'its', 'who', 'which', 'whom', 'that'])

/** Attributions of one brat standoff file: [{ content: [[s, e]…], source?: [s, e], cue?: [s, e] }]. */
export function readAnnotations(text) {
  const spans = new Map()
  const out = []
  for (const line of text.split('\n')) {
    const cols = line.split('\t')
    if (/^T\d+$/.test(cols[0] ?? '')) {
      const [label, ...rest] = cols[1].split(' ')
      const fragments = rest.join(' ').split(';').map((f) => f.trim().split(' ').map(Number))
      spans.set(cols[0], { label, fragments, text: cols[2] ?? '' })
    } else if (/^E\d+$/.test(cols[0] ?? '')) {
      const parts = Object.fromEntries(cols[1].trim().split(/\s+/).map((p) => p.split(':')))
      const content = spans.get(parts.Content)
      if (!content) continue
      const source = parts.Source ? spans.get(parts.Source) : undefined
      out.push({ content: content.fragments, contentText: content.text, ...(source ? { source: source.fragments[0], sourceText: source.text } : {}) })
    }
  }
  return out
}

/** The characters of the fragments that count (not whitespace or quotation marks), as a set of offsets. */
function charSet(text, fragments) {
  const set = new Set()
  for (const [s, e] of fragments) for (let i = s; i < e; i++) if (!/[\s“”"‘’'«»]/.test(text[i] ?? ' ')) set.add(i)
  return set
}

function overlapShare(a, b) {
  let shared = 0
  for (const i of a) if (b.has(i)) shared++
  return { shared, ofA: a.size ? shared / a.size : 0, ofB: b.size ? shared / b.size : 0 }
}

/** Pairs gold and system spans whose shared characters are at least half of each, best pairs first. */
export function matchSpans(text, gold, system) {
  const g = gold.map((x) => charSet(text, x.content)), s = system.map((x) => charSet(text, x.parts ? x.parts.map((p) => [p.start, p.end]) : [[x.start, x.end]]))
  const candidates = []
  g.forEach((gs, i) => s.forEach((ss, j) => { const o = overlapShare(gs, ss); if (o.ofA >= 0.5 && o.ofB >= 0.5) candidates.push({ i, j, score: Math.min(o.ofA, o.ofB) }) }))
  candidates.sort((a, b) => b.score - a.score)
  const usedG = new Set(), usedS = new Set(), pairs = []
  for (const c of candidates) if (!usedG.has(c.i) && !usedS.has(c.j)) { usedG.add(c.i); usedS.add(c.j); pairs.push([gold[c.i], system[c.j]]) }
  return pairs
}

/** Quotations that go on from another (`continues`: “…,” she said. “…”) joined to it as parts of one attribution. */
export function joinQuotes(quotes) {
  const out = [], byKey = new Map()
  for (const q of quotes) {
    const group = q.continues ? byKey.get(`${q.continues.start}:${q.continues.end}`) : undefined
    if (group) {
      group.parts.push({ start: q.start, end: q.end })
      group.end = q.end
    } else {
      out.push({ ...q, parts: [{ start: q.start, end: q.end }] })
    }
    byKey.set(`${q.start}:${q.end}`, group ?? out[out.length - 1])
  }
  return out
}

const ratio = (a, b) => (b ? a / b : 0)
const round = (x) => Math.round(x * 1000) / 1000
const f1 = (tp, sys, gold) => { const p = ratio(tp, sys), r = ratio(tp, gold); return { p: round(p), r: round(r), f1: round(ratio(2 * p * r, p + r)) } }

/** Evaluates the dev split; returns the figures for quotes only and for quotes with reported speech. */
export async function evaluatePolnear(dir = POLNEAR_DEV) {
  const { extractDocument } = await import(pathToFileURL(join(root, 'dist', 'pipeline', 'extract.js')).href)
  const { findReportedSpeech } = await import(pathToFileURL(join(root, 'dist', 'stages', 'reported-speech.js')).href)
  const files = readdirSync(join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort()
  const byArticle = new Map()
  for (const f of files) { const article = f.replace(/_[^_]+\.ann$/, ''); if (!byArticle.has(article)) byArticle.set(article, f) }
  const layers = { quotes: { tp: 0, sys: 0, gold: 0, spk: 0, spkN: 0, spkNamed: 0, spkNamedN: 0 }, combined: { tp: 0, sys: 0, gold: 0, spk: 0, spkN: 0, spkNamed: 0, spkNamedN: 0 } }
  const errors = { missed: [], spurious: [], speaker: [] }
  for (const [article, annFile] of byArticle) {
    const textPath = join(dir, 'text', `${article}.txt`)
    if (!existsSync(textPath)) continue
    const text = readFileSync(textPath, 'utf8')
    const gold = readAnnotations(readFileSync(join(dir, 'attributions', annFile), 'utf8'))
    const doc = extractDocument({ text, lang: 'en' })
    const quotes = joinQuotes(doc.quotes).map((q) => ({ ...q, kind: 'quote' }))
    const reports = findReportedSpeech(doc).map((r) => ({ ...r, kind: 'report' }))
    // a report that overlaps a quote it does not hold is the quote's; a quote wholly inside a report (said the attack was
    // “a clear violation”), however long, is part of that report: PolNeAR gives every word one attribution at most
    const keptReports = reports.filter((r) => !quotes.some((q) => q.start < r.end && r.start < q.end && !(r.start <= q.start && q.end <= r.end)))
    const combined = [...quotes.filter((q) => !keptReports.some((r) => r.start <= q.start && q.end <= r.end)), ...keptReports]
    for (const [name, system] of [['quotes', quotes], ['combined', combined]]) {
      const L = layers[name]
      const pairs = matchSpans(text, gold, system)
      L.tp += pairs.length; L.sys += system.length; L.gold += gold.length
      for (const [g, s] of pairs) {
        if (!g.source) continue
        const mentions = s.speaker ? doc.entity(s.speaker)?.mentions ?? [] : []
        // no speaker entity: the words naming the speaker as written (officials, the spokesman) are the speaker
        const ok = s.speaker ? mentions.some((m) => m.start < g.source[1] && g.source[0] < m.end) : !!s.source && s.source.start < g.source[1] && g.source[0] < s.source.end
        const pronoun = PRONOUNS.has(g.sourceText.toLowerCase())
        L.spkN++; if (ok) L.spk++
        if (!pronoun) { L.spkNamedN++; if (ok) L.spkNamed++ }
        if (name === 'combined' && !ok) errors.speaker.push({ article, source: g.sourceText, ours: s.speaker ? doc.entity(s.speaker)?.name : undefined, content: s.text.slice(0, 90) })
      }
      if (name === 'combined') {
        const mg = new Set(pairs.map(([g]) => g)), ms = new Set(pairs.map(([, s]) => s))
        for (const g of gold) if (!mg.has(g)) errors.missed.push({ article, text: g.contentText.slice(0, 120), source: g.sourceText })
        for (const s of system) if (!ms.has(s)) errors.spurious.push({ article, text: s.text.slice(0, 120), rule: s.rule })
      }
    }
  }
  const figures = {}
  for (const [name, L] of Object.entries(layers)) {
    const { p, r, f1: f } = f1(L.tp, L.sys, L.gold)
    Object.assign(figures, { [`${name}.p`]: p, [`${name}.r`]: r, [`${name}.f1`]: f, [`${name}.speaker_acc`]: round(ratio(L.spk, L.spkN)), [`${name}.speaker_acc_named`]: round(ratio(L.spkNamed, L.spkNamedN)) })
  }
  return { articles: byArticle.size, layers, figures, errors }
}

async function main() {
  const args = process.argv.slice(2)
  const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback }
  const dir = opt('--data', POLNEAR_DEV)
  if (!existsSync(join(dir, 'attributions'))) {
    console.log(args.includes('--json') ? JSON.stringify({ skipped: true, reason: `${dir} not found` }) : `polnear: skipped (${dir} not found)`)
    return
  }
  const res = await evaluatePolnear(dir)
  const f = res.figures
  if (args.includes('--json')) { console.log(JSON.stringify({ articles: res.articles, ...f }, null, 2)); return }
  console.log(`PolNeAR dev: ${res.articles} articles, ${res.layers.combined.gold} gold attributions`)
  for (const [name, title] of [['quotes', 'quotes[] only (quotation marks)'], ['combined', 'quotes[] + reported speech']]) {
    const L = res.layers[name]
    console.log(`${title.padEnd(34)} content P ${f[`${name}.p`].toFixed(3)} R ${f[`${name}.r`].toFixed(3)} F1 ${f[`${name}.f1`].toFixed(3)} (${L.tp}/${L.sys}/${L.gold})  speaker ${f[`${name}.speaker_acc`].toFixed(3)} (${L.spkN}), without pronoun sources ${f[`${name}.speaker_acc_named`].toFixed(3)} (${L.spkNamedN})`)
  }
  console.log('targets: content F1 >= 0.70, speaker accuracy >= 0.70 (headline: quotes[] + reported speech)')
  const n = Number(opt('--errors', 10))
  if (!n) return
  const show = (title, list, fmt) => { console.log(`\n${title} (${list.length}), first ${Math.min(n, list.length)}:`); for (const x of list.slice(0, n)) console.log('  ' + fmt(x)) }
  show('missed', res.errors.missed, (x) => `[${x.source ?? '-'}] ${x.text}`)
  show('spurious', res.errors.spurious, (x) => `${x.rule}: ${x.text}`)
  show('wrong speaker', res.errors.speaker, (x) => `gold "${x.source}" ours ${x.ours ?? '∅'}: ${x.content}`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
