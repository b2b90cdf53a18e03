/** Golden tests of the built CLI: ingest, the query commands and export on one small store. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const bin = fileURLToPath(new URL('../../bin/kronika.js', import.meta.url))
const examples = fileURLToPath(new URL('../../examples/', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'kronika-cli-'))
const db = join(dir, 'k.db')
const kronika = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 })

test('ingest reports every item, exits 1 when some failed, and a second run finds only duplicates', () => {
  const bad = join(dir, 'bad.jsonl')
  writeFileSync(bad, '{"text": "Kryeministri Edi Rama vizitoi Shkodrën dje.", "language": "sq", "date_publish": "2024-03-14"}\nnot json\n')
  const report = join(dir, 'report.jsonl')
  const r = kronika(['ingest', examples, bad, '--db', db, '--report', report])
  assert.equal(r.status, 1, r.stderr)
  assert.match(r.stderr, /bad\.jsonl:2: error: line is not JSON/)
  assert.match(r.stderr, /ingest: \d+ item\(s\): \d+ ok, 0 duplicate, 1 error/)
  const items = readFileSync(report, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { status: string })
  assert.ok(items.every((i) => ['ok', 'duplicate', 'error'].includes(i.status)))
  const again = kronika(['ingest', examples, '--report', '-'], { KRONIKA_DB: db })
  assert.equal(again.status, 0, again.stderr)
  assert.ok(again.stdout.trim().split('\n').every((l) => (JSON.parse(l) as { status: string }).status === 'duplicate'))
})

test('query commands filter and print table, jsonl and csv', () => {
  const table = kronika(['events', '--db', db, '--country', 'XKX'])
  assert.equal(table.status, 0, table.stderr)
  assert.match(table.stdout, /^event\s+type/)
  const jsonl = kronika(['events', '--db', db, '--type', 'consult', '--lang', 'sq', '--format', 'jsonl'])
  for (const l of jsonl.stdout.trim().split('\n')) assert.equal((JSON.parse(l) as { type: string }).type, 'CONSULT')
  const csv = kronika(['entities', '--db', db, '--country', 'XKX', '--format', 'csv'])
  assert.match(csv.stdout.split('\r\n')[0]!, /^key,kb,name,type,country/)
  assert.equal(kronika(['quotes', '--db', db, '--actor', 'Kurti', '--format', 'jsonl']).status, 0)
  assert.match(kronika(['search', 'Kurti', '--db', db]).stdout, /Kurti/)
  assert.match(kronika(['timeline', '--db', db, '--since', '2024-03', '--until', '2024-03']).stdout, /^when/)
})

test('wrong usage exits 2; a missing store exits 1 with what to do', () => {
  assert.equal(kronika(['events', '--db', db, '--quad', '7']).status, 2)
  assert.equal(kronika(['events', '--db', db, '--since', 'yesterday']).status, 2)
  assert.equal(kronika(['export', '--db', db, '--format', 'xml']).status, 2)
  assert.equal(kronika(['ingest', '--db', db]).status, 2)
  const missing = kronika(['events', '--db', join(dir, 'none.db')])
  assert.equal(missing.status, 1)
  assert.match(missing.stderr, /no store at .*none\.db: ingest some articles first/)
})

test('export writes GDELT rows with 61 columns and a GeoJSON FeatureCollection', () => {
  const events = kronika(['export', '--db', db, '--format', 'gdelt-events'])
  assert.equal(events.status, 0, events.stderr)
  for (const row of events.stdout.trim().split('\n')) assert.equal(row.split('\t').length, 61)
  const geo = JSON.parse(kronika(['export', '--db', db, '--format', 'geojson']).stdout) as { type: string }
  assert.equal(geo.type, 'FeatureCollection')
})
