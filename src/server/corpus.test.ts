/** The store-backed endpoints through `app.request()`: ingestion with the write token, documents, events, exports, aggregates. */
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PACKAGE_ROOT } from '../kb/load-kb.js'
import { openStore, type Store } from '../store/database.js'
import type { DocumentRecord } from '../record/schema.js'
import { createApp } from './app.js'
import { memoryLogger } from './log.js'
import { TestClient } from './testing-client.js'

const TOKEN = 'test-token-0123456789abcdef'
const auth = { authorization: `Bearer ${TOKEN}` }
let dir: string, store: Store, client: TestClient
const ids: string[] = []

interface Page { items: Array<Record<string, unknown> & { id: number; type: string; report_rows?: Array<{ doc_id: string; trigger_start: number; trigger_end: number; trigger_text: string }> }>; next: string | null }

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kronika-api-'))
  store = openStore(join(dir, 'api.db'))
  client = new TestClient(createApp({ store, writes: { token: TOKEN }, log: memoryLogger(), limits: { maxResults: 50 } }).app)
  for (const f of readdirSync(join(PACKAGE_ROOT, 'examples')).filter((x) => x.endsWith('.txt')).sort()) {
    const r = await client.post('/v1/documents', { text: readFileSync(join(PACKAGE_ROOT, 'examples', f), 'utf8'), headers: auth })
    assert.equal(r.status, 200, r.text)
    const body = r.body as { ok: number; items: Array<{ id: string }> }
    assert.equal(body.ok, 1, f)
    ids.push(body.items[0]!.id)
  }
})
after(() => { store.close(); rmSync(dir, { recursive: true, force: true }) })

test('writes need the token; a closed server refuses them; an open one refuses other origins', async () => {
  const text = 'Ministri foli dje në Tiranë.'
  assert.equal((await client.post('/v1/documents', { text })).status, 401)
  assert.equal((await client.post('/v1/documents', { text, headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status, 401)
  const closed = new TestClient(createApp({ store, writes: 'closed', log: memoryLogger() }).app)
  const r = await closed.post('/v1/documents', { text })
  assert.equal(r.status, 403)
  assert.match(r.text, /--token/)
  const open = new TestClient(createApp({ store, writes: 'open', log: memoryLogger() }).app)
  assert.equal((await open.post('/v1/documents', { text, headers: { origin: 'https://elsewhere.example' } })).status, 403)
})

test('POST /v1/documents: one result per item; a stored text is a duplicate; a broken line does not stop the batch', async () => {
  const again = await client.post('/v1/documents', { text: readFileSync(join(PACKAGE_ROOT, 'examples', 'en-talks.txt'), 'utf8'), headers: auth })
  assert.equal((again.body as { duplicate: number }).duplicate, 1)
  const batch = '{"id":"b1","text":"Kryeministri vizitoi Shkodrën dje.","date_publish":"2024-03-14"}\n{"id": "b2", "text": \n{"id":"b3","text":"The minister visited Paris on Monday.","language":"en","date":"2024-03-14"}\n'
  const r = await client.post('/v1/documents', { text: batch, headers: { ...auth, 'content-type': 'application/x-ndjson' } })
  assert.equal(r.status, 200, r.text)
  const body = r.body as { ok: number; error: number; items: Array<{ origin: string; status: string; reason: string }> }
  assert.deepEqual([body.ok, body.error], [2, 1])
  assert.match(body.items.find((i) => i.status === 'error')!.reason, /not JSON/)
  assert.equal((await client.get('/v1/documents/b1')).status, 200)
})

test('GET /v1/documents/{id}: the stored record, every span slicing back to its text', async () => {
  const r = await client.get(`/v1/documents/${ids[0]}`)
  assert.equal(r.status, 200)
  const rec = r.body as DocumentRecord
  assert.ok(rec.events.length > 0)
  for (const m of rec.entities.flatMap((e) => e.mentions)) assert.equal(rec.text.slice(m.start, m.end), m.text)
  for (const e of rec.events) assert.equal(rec.text.slice(e.trigger.start, e.trigger.end), e.trigger.text)
  assert.equal((await client.get('/v1/documents/nope')).status, 404)
})

test('GET /v1/events: cursor pages cover every event once; each report points at its trigger in its document', async () => {
  const all = (await client.get('/v1/events?limit=50')).body as Page
  assert.ok(all.items.length >= 5)
  const seen: number[] = []
  let cursor: string | null = null
  do {
    const r = await client.get(`/v1/events?limit=2&reports=1${cursor ? `&cursor=${cursor}` : ''}`)
    const page = r.body as Page
    assert.ok(page.items.length <= 2)
    seen.push(...page.items.map((e) => e.id))
    for (const e of page.items) {
      const rep = e.report_rows![0]!
      const rec = (await client.get(`/v1/documents/${rep.doc_id}`)).body as DocumentRecord
      assert.equal(rec.text.slice(rep.trigger_start, rep.trigger_end), rep.trigger_text)
    }
    cursor = page.next
  } while (cursor)
  assert.deepEqual(seen, all.items.map((e) => e.id))
})

test('GET /v1/events: the CLI\'s filters', async () => {
  const consult = (await client.get('/v1/events?type=consult')).body as Page
  assert.ok(consult.items.length > 0 && consult.items.every((e) => e.type === 'CONSULT'))
  const kurti = (await client.get('/v1/events?actor=actor:albin-kurti')).body as Page
  assert.ok(kurti.items.every((e) => (e.actor as string[]).includes('actor:albin-kurti')))
  const none = (await client.get('/v1/events?since=2030')).body as Page
  assert.deepEqual(none, { items: [], next: null })
  const text = (await client.get('/v1/events?q=Mitrovica')).body as Page
  assert.ok(text.items.length > 0)
  for (const [path, message] of [
    ['/v1/events?type=PARTY', /type/], ['/v1/events?quad=7', /quad/], ['/v1/events?since=last+week', /since: an ISO date/],
    ['/v1/events?modality=maybe', /modality/], ['/v1/events?limit=51', /at most 50/], ['/v1/events?cursor=xyz', /cursor/],
    ['/v1/events?q=%22unclosed', /full-text syntax/], ['/v1/events?format=xml', /format/],
  ] as const) {
    const r = await client.get(path)
    assert.equal(r.status, 400, path)
    assert.match(r.text, message, path)
  }
})

test('GET /v1/events as CSV, JSON Lines and GeoJSON', async () => {
  const csv = await client.get('/v1/events?format=csv&limit=3')
  assert.match(csv.headers.get('content-type')!, /^text\/csv/)
  const lines = csv.text.trim().split('\r\n')
  assert.match(lines[0]!, /^id,type,/)
  assert.ok(lines.length >= 2 && lines.length <= 4)
  assert.ok(csv.headers.get('link')?.includes('cursor='))
  const jsonl = await client.get('/v1/events?format=jsonl&limit=3')
  assert.equal(jsonl.text.trim().split('\n').map((l) => JSON.parse(l) as unknown).length, 3)
  const geo = await client.get('/v1/events?format=geojson&limit=50')
  const fc = geo.body as { features: Array<{ geometry: { coordinates: number[] }; properties: { place_name: string } }> }
  assert.ok(fc.features.length > 0)
  for (const f of fc.features) assert.ok(Math.abs(f.geometry.coordinates[0]!) <= 180 && Math.abs(f.geometry.coordinates[1]!) <= 90)
})

test('entities, timeline, network and search', async () => {
  const ents = (await client.get('/v1/entities?type=PER&limit=5')).body as { items: Array<{ type: string; documents: number }> }
  assert.ok(ents.items.length > 0 && ents.items.every((e) => e.type === 'PER'))
  const tl = (await client.get('/v1/timeline?interval=week&by=quad')).body as { buckets: string[]; series: Array<{ counts: number[] }>; events: number; undated: number }
  const total = tl.series.reduce((n, s) => n + s.counts.reduce((a, b) => a + b, 0), 0)
  assert.equal(total, tl.events - tl.undated)
  assert.ok(tl.buckets.every((b) => new Date(b + 'T00:00:00Z').getUTCDay() === 1), 'weeks start on Monday')
  const net = (await client.get('/v1/network')).body as { nodes: Array<{ key: string }>; edges: Array<{ source: string; target: string }> }
  const keys = new Set(net.nodes.map((n) => n.key))
  assert.ok(net.edges.length > 0 && net.edges.every((e) => keys.has(e.source) && keys.has(e.target)))
  const s = (await client.get('/v1/search?q=Kurti')).body as { documents: Array<{ snippet: string }>; facets: { lang: Array<{ value: string }>; type: unknown[] } }
  assert.ok(s.documents.length >= 2)
  assert.match(s.documents[0]!.snippet, /\[Kurti\]/)
  assert.deepEqual(s.facets.lang.map((f) => f.value).sort(), ['en', 'sq'])
})

test('without a store the corpus endpoints answer 503 and say how to get one', async () => {
  const bare = new TestClient(createApp({ log: memoryLogger() }).app)
  const r = await bare.get('/v1/events')
  assert.equal(r.status, 503)
  assert.match(r.text, /--db PATH/)
})
