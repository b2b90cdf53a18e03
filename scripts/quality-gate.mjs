// Quality gate: runs every evaluation whose data is present in ../shared/eval and compares the figures with
// eval/baseline.json. Fails (exit 1) if any figure drops by more than 0.01. Suites whose data is absent are skipped.
// usage: node scripts/quality-gate.mjs [--write]   (--write records the current figures as the new baseline)
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { compareWithBaseline } from '../dist/eval/gate.js'
import { suites } from '../eval/suites.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const baselinePath = join(root, 'eval', 'baseline.json')
const baseline = JSON.parse(readFileSync(baselinePath, 'utf8'))
const current = {}
for (const suite of suites) {
  if (!suite.available()) { console.log(`gate: ${suite.name}: skipped (${suite.data} not found)`); continue }
  const t0 = Date.now()
  current[suite.name] = await suite.run()
  console.log(`gate: ${suite.name}: ${Object.entries(current[suite.name]).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ')} (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
}
if (process.argv.includes('--write')) {
  writeFileSync(baselinePath, JSON.stringify({ ...baseline, ...current }, null, 2) + '\n')
  console.log(`gate: baseline written to ${baselinePath}`)
  process.exit(0)
}
const result = compareWithBaseline(current, baseline)
for (const r of result.rises) console.log(`gate: improved: ${r} (raise the baseline: node scripts/quality-gate.mjs --write)`)
for (const d of result.drops) console.log(`gate: DROP: ${d}`)
console.log(result.ok ? 'gate: passed' : 'gate: FAILED: a figure dropped by more than 0.01')
process.exit(result.ok ? 0 : 1)
void existsSync
