/** Exports of a small store: GDELT column counts and DuckDB loading, GeoJSON structure, Parquet round trip, CSV, PLOVER, native. */
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openStore, type Store } from '../store/database.js'
import { ingest } from '../ingest/ingest.js'
import { gdeltColumns, gdeltEventRows, gdeltGkgRows, gdeltMentionRows } from './gdelt.js'
import { eventsGeoJson } from './geojson.js'
import { checkGeoJson } from './geojson-check.js'
import { loadDuckDb, writeParquet, type DuckDbApi } from './parquet.js'
import { tableRows } from './tables.js'
import { toCsv } from './csv.js'
import { ploverRecords } from './plover.js'
import { nativeRecords } from './native.js'
import { DocumentRecord } from '../record/schema.js'

const examples = fileURLToPath(new URL('../../examples/', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'kronika-export-'))
let store: Store
let duck: DuckDbApi | undefined

before(async () => {
  store = openStore(join(dir, 'k.db'))
  await ingest(store, [examples])
  try { duck = await loadDuckDb() } catch { duck = undefined }
})
after(() => store.close())

async function duckRows(sql: string): Promise<Array<Record<string, unknown>>> {
  const inst = await duck!.DuckDBInstance.create(':memory:')
  const conn = await inst.connect()
  try { return (await conn.runAndReadAll(sql)).getRowObjectsJson() } finally { conn.closeSync(); inst.closeSync() }
}

test('GDELT Events, Mentions and GKG rows have exactly 61, 16 and 27 fields', () => {
  assert.deepEqual([gdeltColumns('events').length, gdeltColumns('mentions').length, gdeltColumns('gkg').length], [61, 16, 27])
  const events = gdeltEventRows(store.db), mentions = gdeltMentionRows(store.db), gkg = gdeltGkgRows(store.db)
  assert.ok(events.length > 0 && mentions.length >= events.length && gkg.length > 0)
  for (const r of events) assert.equal(r.length, 61)
  for (const r of mentions) assert.equal(r.length, 16)
  for (const r of gkg) assert.equal(r.length, 27)
  for (const r of [...events, ...mentions, ...gkg]) for (const f of r) assert.ok(!/[\t\r\n]/.test(f), 'no tabs or line breaks inside fields')
  const ids = new Set(events.map((r) => r[0]))
  for (const m of mentions) assert.ok(ids.has(m[0]), 'every mention points at an exported event')
  for (const r of events) assert.match(r[1]!, /^\d{8}$/)
})

test('GDELT TSV files load with DuckDB\'s CSV reader with the right column counts', { skip: false }, async (t) => {
  if (!duck) return t.skip('@duckdb/node-api is not installed')
  for (const [table, rows] of [['events', gdeltEventRows(store.db)], ['mentions', gdeltMentionRows(store.db)], ['gkg', gdeltGkgRows(store.db)]] as const) {
    const file = join(dir, `${table}.tsv`)
    writeFileSync(file, rows.map((r) => r.join('\t')).join('\n') + '\n')
    const cols = gdeltColumns(table)
    const spec = `{${cols.map((c) => `'${c}': 'VARCHAR'`).join(', ')}}`
    const loaded = await duckRows(`SELECT * FROM read_csv('${file}', delim='\t', header=false, quote='', escape='', columns=${spec}, strict_mode=true)`)
    assert.equal(loaded.length, rows.length, table)
    assert.equal(Object.keys(loaded[0]!).length, cols.length)
    assert.equal(loaded[0]![cols[0]!], rows[0]![0] || null)
    const sniffed = await duckRows(`SELECT * FROM read_csv('${file}', delim='\t', header=false, quote='', all_varchar=true)`)
    assert.equal(Object.keys(sniffed[0]!).length, cols.length, `${table}: the sniffing reader finds ${cols.length} columns`)
  }
})

test('GeoJSON export is RFC 7946 FeatureCollection of located events; the check catches broken GeoJSON', () => {
  const { collection } = eventsGeoJson(store.db)
  assert.ok(collection.features.length > 0)
  assert.deepEqual(checkGeoJson(JSON.parse(JSON.stringify(collection))), [])
  assert.deepEqual(checkGeoJson({ type: 'Feature', geometry: null, properties: null }), [])
  const bad = checkGeoJson({ type: 'FeatureCollection', crs: {}, features: [
    { type: 'Feature', geometry: { type: 'Point', coordinates: [200, 10] }, properties: {} },
    { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] } },
    { type: 'Feature', id: {}, geometry: { type: 'Circle' }, properties: 3 },
  ] })
  assert.ok(bad.some((p) => /crs/.test(p)))
  assert.ok(bad.some((p) => /longitude 200/.test(p)))
  assert.ok(bad.some((p) => /closed/.test(p)))
  assert.ok(bad.some((p) => /properties: required/.test(p)))
  assert.ok(bad.some((p) => /not a geometry type/.test(p)))
  assert.ok(bad.some((p) => /id: a string or a number/.test(p)))
})

test('Parquet round-trips through DuckDB', async (t) => {
  if (!duck) return t.skip('@duckdb/node-api is not installed')
  const rows = tableRows(store.db, 'events')
  const file = join(dir, 'events.parquet')
  assert.equal(await writeParquet(file, rows), rows.length)
  const back = await duckRows(`SELECT * FROM read_parquet('${file}')`)
  assert.equal(back.length, rows.length)
  for (let i = 0; i < rows.length; i++) {
    const a = rows[i]!, b = back[i]!
    assert.equal(Number(b.id), a.id)
    assert.equal(b.type, a.type)
    assert.deepEqual(b.actor, a.actor)
    assert.equal(Number(b.reports), a.reports)
    assert.equal(b.place ?? null, a.place ?? null)
    assert.equal(b.confidence, a.confidence)
  }
})

test('CSV, PLOVER and native exports', () => {
  const rows = tableRows(store.db, 'reports')
  const csv = toCsv(Object.keys(rows[0]!), rows)
  assert.equal(csv.split('\r\n').length - 1, rows.length + 1)
  const plover = [...ploverRecords(store.db)]
  assert.equal(plover.length, rows.length)
  const p = plover[0] as { event: string; source: Array<{ actorText: string }>; text: string; kronika: { trigger: { start: number; end: number; text: string } } }
  assert.ok(p.event && p.text.length > 0)
  const records = [...nativeRecords(store.db)]
  assert.ok(records.length >= 2)
  for (const r of records) {
    DocumentRecord.parse(r)
    for (const e of r.entities) for (const m of e.mentions) assert.equal(r.text.slice(m.start, m.end), m.text)
  }
})
