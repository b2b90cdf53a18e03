/** The W3C reconciliation service over the knowledge base: manifest, queries by GET and POST, suggest, preview. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createApp } from './app.js'
import { memoryLogger } from './log.js'
import { Reconciler, similarity } from './reconcile.js'
import { TestClient } from './testing-client.js'

const client = new TestClient(createApp({ log: memoryLogger() }).app)
type Results = Record<string, { result: Array<{ id: string; name: string; score: number; match: boolean; type: Array<{ id: string }> }> }>

test('the manifest names the service, its id space, types, view, preview and suggest services', async () => {
  const r = await client.get('/v1/reconcile')
  assert.equal(r.status, 200)
  const m = r.body as { versions: string[]; identifierSpace: string; view: { url: string }; defaultTypes: Array<{ id: string }>; suggest: Record<string, { service_path: string }> }
  assert.deepEqual(m.versions, ['0.2'])
  assert.match(m.view.url, /\/v1\/kb\/\{\{id\}\}$/)
  assert.deepEqual(m.defaultTypes.map((t) => t.id), ['PER', 'ORG', 'LOC', 'MISC'])
  assert.equal(m.suggest.entity?.service_path, '/v1/reconcile/suggest/entity')
  assert.equal(r.headers.get('access-control-allow-origin'), '*')
})

test('queries: exact names in any spelling match; a type narrows; properties re-rank', async () => {
  const queries = {
    q0: { query: 'Albin Kurti' },
    q1: { query: 'aleksandar vucic', type: 'PER' },
    q2: { query: 'Vuçiq, Aleksandar' },
    q3: { query: 'Kosova' },
    q4: { query: 'Kurti', type: 'ORG' },
    q5: { query: 'Alexandar Vucich', limit: 2 },
  }
  const r = await client.get('/v1/reconcile?queries=' + encodeURIComponent(JSON.stringify(queries)))
  assert.equal(r.status, 200, r.text)
  const res = r.body as Results
  assert.deepEqual([res.q0!.result[0]!.id, res.q0!.result[0]!.match], ['actor:albin-kurti', true])
  assert.deepEqual([res.q1!.result[0]!.id, res.q1!.result[0]!.score], ['actor:aleksandar-vucic', 100])
  assert.equal(res.q3!.result[0]!.id, 'country:XKX')
  assert.ok(res.q4!.result.every((c) => c.type[0]!.id === 'ORG'))
  assert.equal(res.q5!.result[0]!.id, 'actor:aleksandar-vucic')
  assert.equal(res.q5!.result[0]!.match, false)
  assert.ok(res.q5!.result.length <= 2)
})

test('queries by POST as OpenRefine sends them (a form field), and JSONP for GET', async () => {
  const r = await client.post('/v1/reconcile', { form: { queries: JSON.stringify({ q0: { query: 'NATO', type: 'ORG', properties: [{ pid: 'sector', v: 'IGO' }] } }) } })
  assert.equal(r.status, 200, r.text)
  assert.equal((r.body as Results).q0!.result[0]!.match, true)
  const p = await client.get('/v1/reconcile?callback=cb&queries=' + encodeURIComponent('{"a":{"query":"Edi Rama"}}'))
  assert.match(p.headers.get('content-type')!, /javascript/)
  assert.match(p.text, /^\/\*\*\/cb\(\{"a":\{"result":\[\{"id":"actor:edi-rama"/)
})

test('bad queries are 400s that say why', async () => {
  for (const [path, message] of [
    ['/v1/reconcile?queries=nope', /queries is not JSON/],
    ['/v1/reconcile?queries=' + encodeURIComponent('{"q0":{"type":"PER"}}'), /q0\.query/],
    ['/v1/reconcile?callback=alert(1)&queries=%7B%7D', /callback/],
  ] as const) {
    const r = await client.get(path)
    assert.equal(r.status, 400, path)
    assert.match(r.text, message)
  }
})

test('suggest, preview and the view of an entry', async () => {
  const s = await client.get('/v1/reconcile/suggest/entity?prefix=kurt')
  assert.ok((s.body as { result: Array<{ id: string }> }).result.some((x) => x.id === 'actor:albin-kurti'))
  const t = await client.get('/v1/reconcile/suggest/type?prefix=per')
  assert.deepEqual((t.body as { result: Array<{ id: string }> }).result.map((x) => x.id), ['PER'])
  const pv = await client.get('/v1/reconcile/preview?id=actor:albin-kurti')
  assert.match(pv.text, /<b>Albin Kurti<\/b>/)
  const v = await client.get('/v1/kb/actor:albin-kurti')
  assert.equal((v.body as { country: string }).country, 'XKX')
  assert.equal((await client.get('/v1/kb/actor:nobody')).status, 404)
})

test('similarity is symmetric, 1 for equal strings and low for unrelated ones', () => {
  assert.equal(similarity('kurti', 'kurti'), 1)
  assert.equal(similarity('vucic', 'vuciq'), similarity('vuciq', 'vucic'))
  assert.ok(similarity('vucic', 'merkel') < 0.2)
  const r = new Reconciler([{ id: 'actor:x', name: 'Ana Brnabić', type: 'PER', aliases: { sq: ['Ana Bërnabiq'] } }])
  assert.equal(r.reconcile({ query: 'ana brnabic' })[0]!.match, true)
  assert.equal(r.reconcile({ query: 'Ana Bërnabiq' })[0]!.score, 100)
})
