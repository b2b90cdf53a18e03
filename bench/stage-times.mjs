#!/usr/bin/env node
/**
 * CPU time of single stages run on their own (issue #6): generated articles of one language (seed 1, about 4 KB)
 * are extracted once, then `segment` (on a new document each time), `analyse`, `recognise-entities`, `link-entities`,
 * `extract-times`, `extract-amounts`, `extract-quotes`, `extract-statements` and `extract-events` are run again over
 * them, each pass over all the articles; prints the best pass per stage in ms per article. (`extract-events` starts
 * each run with no events; the entities and pronoun mentions it added on the first run are kept, which changes no
 * timing much. The stages after `analyse` are given the document's form keys first, as the pipeline has them: see
 * src/text/form-keys.ts.) Steadier than the per-stage wall-clock times of bench/throughput.mjs on a shared machine.
 * To compare two commits, run it in a build of each, alternately.
 *
 *   node bench/stage-times.mjs [sq|en] [articles, 200] [passes, 7] [stage]
 *
 * Needs the build (npm run build).
 */
import { generateArticle, loadNames } from './generate-corpus.mjs'

const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href
const { getDefaultContext } = await import(dist('pipeline/extract.js'))
const { KronikaDocument } = await import(dist('document.js'))
const { STAGES } = await import(dist('pipeline/stages.js'))
const { tokenKeys } = await import(dist('text/form-keys.js'))
const lang = process.argv[2] ?? 'en', n = Number(process.argv[3] ?? 200), passes = Number(process.argv[4] ?? 7), only = process.argv[5]
const names = await loadNames()
const ctx = getDefaultContext()
const input = (a) => ({ text: a.text, id: a.id, lang: a.language, published: a.date_publish.slice(0, 10) })
const arts = Array.from({ length: n }, (_, index) => generateArticle({ seed: 1, index, lang, names }))
const run = Object.fromEntries(STAGES.map((s) => [s.name, s.run]))
const docs = arts.map((a) => { const d = new KronikaDocument(input(a)); for (const s of STAGES) s.run(d, ctx); return d })
const best = (pass) => {
  let ms = Infinity
  for (let p = 0; p < passes; p++) { const c0 = process.cpuUsage(); pass(); const c = process.cpuUsage(c0); ms = Math.min(ms, (c.user + c.system) / 1000) }
  return ms / n
}
const stages = {
  segment: () => { for (const a of arts) { const d = new KronikaDocument(input(a)); run['detect-language'](d, ctx); run.segment(d, ctx) } },
  analyse: () => { for (const d of docs) run.analyse(d, ctx) },
  // (the document's form keys made current first, as analyse leaves them)
  'recognise-entities': () => { for (const d of docs) { tokenKeys(d.tokens); d.adjectives = []; run['recognise-entities'](d, ctx) } },
  // (a rerun sees the rules an earlier pass gave short names and surnames; the work is the same)
  'link-entities': () => { for (const d of docs) run['link-entities'](d, ctx) },
  'extract-times': () => { for (const d of docs) { d.times = []; d.messages = []; run['extract-times'](d, ctx) } },
  'extract-amounts': () => { for (const d of docs) { d.amounts = []; run['extract-amounts'](d, ctx) } },
  'extract-quotes': () => { for (const d of docs) { tokenKeys(d.tokens); d.quotes = []; d.messages = []; run['extract-quotes'](d, ctx) } },
  'extract-statements': () => { for (const d of docs) { tokenKeys(d.tokens); run['extract-statements'](d, ctx) } },
  'extract-events': () => { for (const d of docs) { tokenKeys(d.tokens); d.events = []; d.eventContent = new Map(); d.anaphoricEvents = new Map(); run['extract-events'](d, ctx) } },
}
const out = []
for (const [name, pass] of Object.entries(stages)) if (!only || only === name) out.push(`${name} ${best(pass).toFixed(3)}`)
console.log(`${lang} (ms of CPU time per article, best of ${passes} passes over ${n} articles): ${out.join('  ')}`)
