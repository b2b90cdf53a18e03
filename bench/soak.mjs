#!/usr/bin/env node
/**
 * The long run of the robustness properties (src/robustness.test.ts): the same generators and checks, many more
 * cases. Each failure is reported with fast-check's shrunk counterexample and the seed to replay it.
 *
 *   node bench/soak.mjs --runs 100000 [--seed N] [--record]
 *
 * `--record` writes the result into the soak section of docs/benchmarks.md. Needs the build (npm run build).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const args = process.argv.slice(2)
const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback }
const runs = Number(opt('--runs', 10000))
const seed = Number(opt('--seed', Date.now() % 2 ** 31))
const record = args.includes('--record')
if (!Number.isInteger(runs) || runs <= 0) { process.stderr.write('usage: node bench/soak.mjs --runs N [--seed N] [--record]\n'); process.exit(2) }
if (!existsSync(new URL('../dist/testing/fuzz.js', import.meta.url))) { process.stderr.write('soak: dist/ is missing; run `npm run build` first\n'); process.exit(2) }

const F = await import(new URL('../dist/testing/fuzz.js', import.meta.url).href)
const { extractDocument } = await import(new URL('../dist/pipeline/extract.js', import.meta.url).href)
const check = (problems) => { if (problems.length) throw new Error(problems.join('\n')) }

// share of the runs per family (as in the CI tests: small inputs mostly)
const FAMILIES = [
  { name: 'hostile Unicode news text', share: 0.3, prop: () => fc.property(F.documentInput(F.hostileText), (i) => check(F.extractionProblems(i))) },
  { name: 'any string', share: 0.2, prop: () => fc.property(F.documentInput(F.anyString), (i) => check(F.extractionProblems(i))) },
  { name: 'markup', share: 0.15, prop: () => fc.property(F.documentInput(F.markup), (i) => check(F.extractionProblems(i))) },
  { name: 'JSON / JSON Lines via readInputs', share: 0.14, prop: () => fc.property(F.jsonInput, fc.constantFrom(undefined, 'sq', 'en', 'xx'), (j, lang) => check(F.inputProblems(F.utf8(j), lang ? { lang } : {}))) },
  { name: 'text files via readInputs', share: 0.14, prop: () => fc.property(F.textFile, (t) => check(F.inputProblems(F.utf8(t)))) },
  { name: 'bytes via readInputs', share: 0.069, prop: () => fc.property(fc.uint8Array({ maxLength: 300 }), (b) => check(F.inputProblems(b))) },
  { name: 'deep nesting', share: 0.0008, prop: () => fc.property(F.documentInput(F.deepNesting), (i) => check(F.extractionProblems(i))) },
  { name: 'enormous tokens and lines', share: 0.0002, prop: () => fc.property(F.documentInput(F.enormous), (i) => { check(F.recordProblems(extractDocument(i))) }) },
]

const started = Date.now()
const results = []
for (const [k, f] of FAMILIES.entries()) {
  const numRuns = Math.max(k >= FAMILIES.length - 2 ? 5 : 1, Math.round(runs * f.share))
  const t0 = Date.now()
  const out = fc.check(f.prop(), { numRuns, seed: seed + k, endOnFailure: false })
  const r = { name: f.name, numRuns: out.numRuns, failed: out.failed, seconds: (Date.now() - t0) / 1000 }
  if (out.failed) {
    r.counterexample = fc.stringify(out.counterexample)
    r.error = String(out.errorInstance?.message ?? out.error ?? '').split('\n').slice(0, 6).join('\n')
    r.replay = `seed ${seed + k}, path ${out.counterexamplePath}`
  }
  results.push(r)
  process.stderr.write(`soak: ${f.name}: ${r.numRuns} cases, ${r.failed ? 'FAILED' : 'ok'} (${r.seconds.toFixed(0)} s)\n`)
  if (r.failed) process.stderr.write(`  counterexample: ${r.counterexample}\n  ${r.error.replace(/\n/g, '\n  ')}\n  replay: ${r.replay}\n`)
}
const total = results.reduce((n, r) => n + r.numRuns, 0)
const failures = results.filter((r) => r.failed)
const minutes = (Date.now() - started) / 60000
process.stderr.write(`soak: ${total} cases in ${minutes.toFixed(1)} min, ${failures.length} failing famil${failures.length === 1 ? 'y' : 'ies'} (seed ${seed})\n`)

if (record) {
  const file = `${ROOT}docs/benchmarks.md`
  const START = '<!-- soak:start -->', END = '<!-- soak:end -->'
  const section = [
    START, '## Soak (bench/soak.mjs)', '',
    `\`node bench/soak.mjs --runs ${runs} --seed ${seed} --record\` on ${new Date().toISOString().slice(0, 10)} (${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}): **${total.toLocaleString('en-US')} cases, ${failures.length ? failures.length + ' failing' : 'no failures'}**, ${minutes.toFixed(1)} min. The properties: extraction never throws, every span slices back to its text, every entity an event or quote names exists, no stage fails, the same input gives the same record.`, '',
    '| family | cases | result |', '| --- | --- | --- |',
    ...results.map((r) => `| ${r.name} | ${r.numRuns.toLocaleString('en-US')} | ${r.failed ? `failed: \`${r.counterexample.slice(0, 120).replace(/\|/g, '\\|')}\`` : 'ok'} |`),
    END,
  ].join('\n')
  let doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n'
  const a = doc.indexOf(START), b = doc.indexOf(END)
  doc = a >= 0 && b > a ? doc.slice(0, a) + section + doc.slice(b + END.length) : doc.trimEnd() + '\n\n' + section + '\n'
  writeFileSync(file, doc)
  process.stderr.write(`soak: recorded in ${file}\n`)
}
process.exitCode = failures.length ? 1 : 0
