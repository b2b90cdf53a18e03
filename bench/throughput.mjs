#!/usr/bin/env node
/**
 * Throughput of extraction alone, by CPU time (steadier than wall-clock time on a shared machine): generated
 * articles of one language (bench/generate-corpus.mjs, seed 1, about 4 KB), 50 warm-up ones, then several passes
 * over the same articles; prints the best pass in articles per CPU second and its time per stage.
 * To compare two commits, run it in a build of each, alternately.
 *
 *   node bench/throughput.mjs [sq|en] [articles, 200] [passes, 3]
 *
 * Needs the build (npm run build).
 */
import { generateArticle, loadNames } from './generate-corpus.mjs'

const { extractDocument, getDefaultContext } = await import(new URL('../dist/pipeline/extract.js', import.meta.url).href)
const lang = process.argv[2] ?? 'en', n = Number(process.argv[3] ?? 200), passes = Number(process.argv[4] ?? 3)
const names = await loadNames()
const ctx = getDefaultContext()
const input = (a) => ({ text: a.text, id: a.id, lang: a.language, published: a.date_publish.slice(0, 10) })
const arts = Array.from({ length: n }, (_, index) => generateArticle({ seed: 1, index, lang, names }))
for (let index = 0; index < 50; index++) extractDocument(input(generateArticle({ seed: 1001, index, lang, names })), ctx)
let best = Infinity, bestTimings
for (let p = 0; p < passes; p++) {
  const timings = new Map()
  const c0 = process.cpuUsage()
  for (const a of arts) extractDocument(input(a), ctx, { timings })
  const cpu = process.cpuUsage(c0)
  const ms = (cpu.user + cpu.system) / 1000
  if (ms < best) { best = ms; bestTimings = timings }
}
console.log(`${lang}: ${(n / best * 1000).toFixed(1)} articles per CPU second (best of ${passes} passes over ${n} articles)`)
for (const [stage, ms] of bestTimings) console.log(`  ${stage.padEnd(20)} ${(ms / n).toFixed(3)} ms/article (wall clock)`)
