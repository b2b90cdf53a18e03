#!/usr/bin/env node
// TimeBank (TempEval-3 TBAQ-cleaned): how well the English pack finds and normalises time expressions.
// Each .tml file's <TEXT> is stripped of its tags (entities decoded), giving the text and the exact offsets of its
// TIMEX3 elements; Kronika extracts it as English published on the document creation time (the DCT, whose own
// TIMEX3 is not counted). A system time matches a gold TIMEX3 when their spans overlap (relaxed span, one to
// one, in text order); value and type accuracy are measured on the matched pairs.
// The data is third-party and read in place from ../shared/eval/timebank (never copied into the repo); without it
// the script prints "skipped" and exits 0.
//
// usage: node eval/timebank.mjs [--json] [--errors N] [--data DIR]
// Needs the compiled engine: npm run build.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const sharedEval = process.env.KRONIKA_SHARED_EVAL ?? join(root, '..', 'shared', 'eval')
/** Where the TimeML files are expected. */
export const TIMEBANK_DIR = join(sharedEval, 'timebank')

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** Attributes of an XML start tag as an object. */
function attributes(tag) {
  const out = {}
  for (const m of tag.matchAll(/([\w:-]+)="([^"]*)"/g)) out[m[1]] = m[2]
  return out
}

/**
 * Reads one TimeML document: the text inside <TEXT> with its tags removed and entities decoded, the DCT value,
 * and the TIMEX3 elements of the text with their offsets into that text.
 */
export function readTimeml(xml) {
  const dctTag = /<DCT>\s*<TIMEX3([^>]*)>/.exec(xml)
  const dct = dctTag ? attributes(dctTag[1]).value : undefined
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? ''
  let text = ''
  const timexes = []
  const open = []
  for (let i = 0; i < body.length;) {
    const c = body[i]
    if (c === '<') {
      const end = body.indexOf('>', i)
      const tag = body.slice(i, end + 1)
      if (/^<TIMEX3\b/.test(tag)) open.push({ ...attributes(tag), start: text.length })
      else if (/^<\/TIMEX3>/.test(tag)) {
        const t = open.pop()
        if (t) timexes.push({ ...t, end: text.length, text: text.slice(t.start, text.length) })
      }
      i = end + 1
      continue
    }
    if (c === '&') {
      const m = /^&(#x[0-9a-f]+|#\d+|\w+);/i.exec(body.slice(i, i + 12))
      if (m) {
        const name = m[1]
        text += name.startsWith('#x') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : ENTITIES[name] ?? m[0]
        i += m[0].length
        continue
      }
    }
    text += c
    i++
  }
  return { dct, text, timexes: timexes.filter((t) => t.functionInDocument !== 'CREATION_TIME').sort((a, b) => a.start - b.start) }
}

/** Pairs gold and system spans that overlap, one to one, in text order. */
export function matchOverlaps(gold, system) {
  const used = new Set()
  const pairs = []
  for (const g of gold) {
    const k = system.findIndex((s, i) => !used.has(i) && s.start < g.end && g.start < s.end)
    if (k >= 0) { used.add(k); pairs.push([g, system[k]]) }
  }
  return pairs
}

const ratio = (a, b) => (b ? a / b : 0)
const round = (x) => Math.round(x * 1000) / 1000

/** Evaluates every .tml file of the folder; returns the figures and the errors. */
export async function evaluateTimebank(dir = TIMEBANK_DIR) {
  const { extractDocument } = await import(pathToFileURL(join(root, 'dist', 'pipeline', 'extract.js')).href)
  const files = readdirSync(dir).filter((f) => f.endsWith('.tml')).sort()
  let gold = 0, sys = 0, tp = 0, valueOk = 0, typeOk = 0
  const missed = [], spurious = [], wrong = []
  const byType = {}
  for (const f of files) {
    const doc = readTimeml(readFileSync(join(dir, f), 'utf8'))
    const record = extractDocument({ text: doc.text, lang: 'en', ...(doc.dct ? { published: doc.dct } : {}) })
    // a range rule gives two values on one span: count the span once
    const seen = new Set()
    const times = record.times.filter((t) => { const k = `${t.start}:${t.end}`; if (seen.has(k)) return false; seen.add(k); return true })
    const pairs = matchOverlaps(doc.timexes, times)
    gold += doc.timexes.length; sys += times.length; tp += pairs.length
    for (const [g, s] of pairs) {
      const t = (byType[g.type] ??= { gold: 0, matched: 0, value: 0 })
      t.matched++
      if (s.value === g.value) { valueOk++; t.value++ } else wrong.push({ file: f, text: g.text, gold: g.value, ours: s.value, oursText: s.text, rule: s.rule })
      if (s.type === g.type) typeOk++
    }
    for (const g of doc.timexes) (byType[g.type] ??= { gold: 0, matched: 0, value: 0 }).gold++
    const matchedGold = new Set(pairs.map(([g]) => g)), matchedSys = new Set(pairs.map(([, s]) => s))
    for (const g of doc.timexes) if (!matchedGold.has(g)) missed.push({ file: f, text: g.text, type: g.type, value: g.value })
    for (const s of times) if (!matchedSys.has(s)) spurious.push({ file: f, text: s.text, value: s.value, rule: s.rule })
  }
  const p = ratio(tp, sys), r = ratio(tp, gold)
  const figures = {
    'timex.p': round(p), 'timex.r': round(r), 'timex.f1': round(ratio(2 * p * r, p + r)),
    'timex.value_acc': round(ratio(valueOk, tp)), 'timex.type_acc': round(ratio(typeOk, tp)),
  }
  return { documents: files.length, gold, system: sys, matched: tp, figures, byType, missed, spurious, wrong }
}

async function main() {
  const args = process.argv.slice(2)
  const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback }
  const dir = opt('--data', TIMEBANK_DIR)
  if (!existsSync(dir)) {
    console.log(args.includes('--json') ? JSON.stringify({ skipped: true, reason: `${dir} not found` }) : `timebank: skipped (${dir} not found)`)
    return
  }
  const res = await evaluateTimebank(dir)
  if (args.includes('--json')) {
    console.log(JSON.stringify({ documents: res.documents, gold: res.gold, system: res.system, matched: res.matched, ...res.figures, byType: res.byType }, null, 2))
    return
  }
  const f = res.figures
  console.log(`TimeBank: ${res.documents} documents, ${res.gold} gold TIMEX3 (DCT excluded), ${res.system} found, ${res.matched} matched`)
  console.log(`relaxed span  P ${f['timex.p'].toFixed(3)}  R ${f['timex.r'].toFixed(3)}  F1 ${f['timex.f1'].toFixed(3)}   (target F1 >= 0.85)`)
  console.log(`on matched    value accuracy ${f['timex.value_acc'].toFixed(3)} (target >= 0.80)  type accuracy ${f['timex.type_acc'].toFixed(3)}`)
  for (const [type, t] of Object.entries(res.byType)) console.log(`  ${type.padEnd(9)} gold ${String(t.gold).padStart(4)}  recall ${ratio(t.matched, t.gold).toFixed(3)}  value ${ratio(t.value, t.matched).toFixed(3)}`)
  const n = Number(opt('--errors', 15))
  const show = (title, list, fmt) => {
    if (!n) return
    const counts = new Map()
    for (const x of list) { const k = fmt(x); counts.set(k, (counts.get(k) ?? 0) + 1) }
    console.log(`\n${title} (${list.length}), commonest:`)
    for (const [k, c] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`  ${String(c).padStart(3)}  ${k}`)
  }
  show('missed', res.missed, (x) => `${x.type} ${JSON.stringify(x.text)} = ${x.value}`)
  show('spurious', res.spurious, (x) => `${JSON.stringify(x.text)} = ${x.value}  [${x.rule}]`)
  show('wrong value', res.wrong, (x) => `${JSON.stringify(x.text)} gold ${x.gold} ours ${x.ours}  [${x.rule}]`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
