/** The API through `app.request()`: extraction, errors, limits, write access, logs, the UI and the API docs. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createApp } from './app.js'
import { memoryLogger } from './log.js'
import { TestClient } from './testing-client.js'
import type { DocumentRecord } from '../record/schema.js'
import { getDefaultContext } from '../pipeline/extract.js'
import type { PipelineContext } from '../pipeline/context.js'

const example = readFileSync(fileURLToPath(new URL('../../examples/sq-bisedimet.txt', import.meta.url)), 'utf8')
const quiet = () => memoryLogger()

test('POST /v1/extract: a JSON article in, its record out, every span slicing back to its text', async () => {
  const client = new TestClient(createApp({ log: quiet() }).app)
  const r = await client.post('/v1/extract', { json: { text: 'Kryeministri Edi Rama tha dje se Shqipëria do të ndihmojë Kosovën.', lang: 'sq', published: '2024-03-14', id: 'a1', url: 'https://example.test/a1' } })
  assert.equal(r.status, 200, r.text)
  const rec = r.body as DocumentRecord
  assert.equal(rec.id, 'a1')
  assert.equal(rec.source.url, 'https://example.test/a1')
  assert.deepEqual([rec.lang, rec.published?.value], ['sq', '2024-03-14'])
  assert.ok(rec.entities.some((e) => e.name === 'Edi Rama'))
  for (const m of rec.entities.flatMap((e) => e.mentions)) assert.equal(rec.text.slice(m.start, m.end), m.text)
  for (const t of rec.times) assert.equal(rec.text.slice(t.start, t.end), t.text)
})

test('POST /v1/extract: plain text with a date line, and query parameters that win over the body', async () => {
  const client = new TestClient(createApp({ log: quiet() }).app)
  const r = await client.post('/v1/extract', { text: example })
  assert.equal(r.status, 200, r.text)
  const rec = r.body as DocumentRecord
  assert.deepEqual([rec.lang, rec.published?.value, rec.published?.from], ['sq', '2024-03-14', 'first-line'])
  assert.ok(rec.events.length > 0)
  assert.ok((rec.source.offset ?? 0) > 0)
  const over = await client.post('/v1/extract?published=2023-01-02&lang=sq', { json: { text: 'Ministri foli dje.', published: '2020-01-01' } })
  assert.equal((over.body as DocumentRecord).published?.value, '2023-01-02')
  assert.equal((over.body as DocumentRecord).times[0]?.value, '2023-01-01')
})

test('bad requests get a 4xx and a JSON error that says what to fix', async () => {
  const client = new TestClient(createApp({ log: quiet() }).app)
  const cases: Array<[string, Promise<{ status: number; body: unknown }>, number, RegExp]> = [
    ['no body', client.post('/v1/extract', { text: '' }), 400, /body is empty/],
    ['not JSON', client.post('/v1/extract', { text: '{"text": ', headers: { 'content-type': 'application/json' } }), 400, /not valid UTF-8|JSON|article/i],
    ['JSON that is not an object', client.post('/v1/extract', { text: '42', headers: { 'content-type': 'application/json' } }), 400, /not a JSON object/],
    ['no text field', client.post('/v1/extract', { json: { title: 'x' } }), 400, /"text"/],
    ['two articles', client.post('/v1/extract', { json: [{ text: 'a b' }, { text: 'c d' }] }), 400, /send one article/],
    ['unknown language', client.post('/v1/extract', { json: { text: 'Hallo Welt', lang: 'de' } }), 400, /no language pack for "de"; available: en, sq/],
    ['bad date', client.post('/v1/extract', { json: { text: 'Ministri foli.', published: 'yesterday' } }), 400, /not an ISO 8601 date/],
    ['bad query parameter', client.post('/v1/extract?published=14.03.2024', { text: 'x' }), 400, /published: an ISO 8601 date/],
    ['wrong media type', client.post('/v1/extract', { text: '<a/>', headers: { 'content-type': 'application/xml' } }), 415, /application\/json/],
    ['wrong method', client.get('/v1/extract'), 405, /use POST/],
    ['unknown endpoint', client.get('/v1/nothing'), 404, /no such endpoint/],
  ]
  for (const [name, pending, status, message] of cases) {
    const r = await pending
    assert.equal(r.status, status, name)
    const err = (r.body as { error: { status: number; code: string; message: string } }).error
    assert.equal(err.status, status, name)
    assert.match(err.message, message, name)
  }
})

test('bodies over the limit are refused with 413 before they are read', async () => {
  const client = new TestClient(createApp({ log: quiet(), limits: { maxBodyBytes: 1000 } }).app)
  const r = await client.post('/v1/extract', { text: 'Fjali. '.repeat(500) })
  assert.equal(r.status, 413)
  assert.match((r.body as { error: { message: string } }).error.message, /1000 byte limit/)
})

test('every request is logged as one JSON line; a crash is a logged 500 without its details in the answer', async () => {
  const log = memoryLogger()
  const broken = { ...getDefaultContext(), get languages(): string[] { throw new Error('secret detail') } }
  const client = new TestClient(createApp({ log, pipeline: broken as PipelineContext }).app)
  await client.get('/v1/reconcile/suggest/type')
  const r = await client.post('/v1/extract', { text: 'x' })
  assert.equal(r.status, 500)
  assert.doesNotMatch(r.text, /secret detail/)
  const request = log.lines.find((l) => l.msg === 'request' && l.path === '/v1/reconcile/suggest/type')!
  assert.deepEqual([request.level, request.method, request.status], ['info', 'GET', 200])
  assert.equal(typeof request.ms, 'number')
  assert.ok(log.lines.some((l) => l.level === 'error' && l.msg === 'unhandled error' && l.error === 'secret detail'))
})

test('a loopback server answers only to loopback host names', async () => {
  const { app } = createApp({ log: quiet(), allowedHosts: ['127.0.0.1', 'localhost'] })
  assert.equal((await app.request('http://127.0.0.1:8787/v1/health')).status, 200)
  const r = await app.request('http://evil.example:8787/v1/health')
  assert.equal(r.status, 403)
  assert.match(await r.text(), /not served here/)
})

test('/openapi.json is OpenAPI 3.1: unique operation ids, declared path parameters, every $ref resolving', async () => {
  const { app, routes } = createApp({ log: quiet() })
  const doc = await (await app.request('/openapi.json')).json() as {
    openapi: string; paths: Record<string, Record<string, { operationId: string; parameters?: Array<{ name: string; in: string }>; responses: object }>>
    components: { schemas: Record<string, object> }
  }
  assert.equal(doc.openapi, '3.1.0')
  const ids = new Set<string>()
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      assert.ok(!ids.has(op.operationId), `duplicate operationId ${op.operationId}`)
      ids.add(op.operationId)
      for (const name of path.match(/\{(\w+)\}/g) ?? []) {
        assert.ok(op.parameters?.some((p) => p.in === 'path' && `{${p.name}}` === name), `${method} ${path} declares ${name}`)
      }
      assert.ok(Object.keys(op.responses).length > 0)
    }
  }
  assert.equal(ids.size, routes.length)
  const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? []
  for (const ref of refs) {
    const name = /#\/components\/schemas\/([^"]+)/.exec(ref)?.[1]
    assert.ok(name && doc.components.schemas[name], `${ref} resolves`)
  }
  assert.doesNotMatch(JSON.stringify(doc), /"\$defs"|"\$schema"/)
  for (const name of ['DocumentRecord', 'Event', 'Entity', 'Error']) assert.ok(doc.components.schemas[name], name)
})

test('the API documentation page and the web UI are served from local files', async () => {
  const { app } = createApp({ log: quiet() })
  const docs = await app.request('/docs/')
  if (docs.status === 404) return // the UI is not built (npm run build builds it)
  assert.equal(docs.status, 200)
  assert.match(await docs.text(), /swagger-ui-bundle\.js/)
  assert.equal((await app.request('/docs/swagger-ui-bundle.js')).status, 200)
  const index = await app.request('/')
  assert.equal(index.status, 200)
  assert.match(await index.text(), /<div id="app">/)
  assert.equal((await app.request('/../package.json')).status, 404)
  assert.equal((await app.request('/%2e%2e/package.json')).status, 404)
})
