#!/usr/bin/env node
/**
 * Load test of the HTTP API: starts `kronika serve`'s server on 127.0.0.1 (and nowhere else) with a fresh store,
 * stores a generated corpus through POST /v1/documents, then runs autocannon against POST /v1/extract and
 * GET /v1/events for a bounded time and number of requests each. Prints requests/s and latency percentiles, and
 * fails (exit 1) when any answer is a 5xx or a connection error. Run `npm run build` first.
 *
 *   node bench/api-load.mjs [--seconds 10] [--connections 8] [--max-requests 20000] [--docs 200] [--json]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { startServer } from '../dist/server/serve.js'
import { openStore } from '../dist/store/database.js'
import { createLogger } from '../dist/server/log.js'
import { generateCorpus } from './generate-corpus.mjs'

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '8' },
    'max-requests': { type: 'string', default: '20000' }, docs: { type: 'string', default: '200' }, json: { type: 'boolean', default: false },
  },
})
const num = (name, max) => {
  const n = Number(values[name])
  if (!Number.isInteger(n) || n < 1 || n > max) { console.error(`--${name} takes a whole number from 1 to ${max}`); process.exit(2) }
  return n
}
const seconds = num('seconds', 120), connections = num('connections', 64), maxRequests = num('max-requests', 1_000_000), docs = num('docs', 5000)

const HOST = '127.0.0.1' // the only address this script ever sends to
const root = fileURLToPath(new URL('..', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'kronika-load-'))
const store = openStore(join(dir, 'load.db'))
const server = await startServer({ host: HOST, port: 0, store, log: createLogger({ level: 'error' }) })
if (new URL(server.url).hostname !== HOST) throw new Error(`refusing to load ${server.url}: only ${HOST}`)

try {
  // the corpus the event queries read: generated articles, stored in batches through the API
  process.stderr.write(`api-load: storing ${docs} generated articles through POST /v1/documents…\n`)
  const t0 = performance.now()
  const articles = await generateCorpus({ count: docs, seed: 7, lang: 'mixed', size: 2500 })
  for (let i = 0; i < articles.length; i += 50) {
    const body = articles.slice(i, i + 50).map((a) => JSON.stringify(a)).join('\n')
    const res = await fetch(`${server.url}/v1/documents`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body })
    if (res.status !== 200) throw new Error(`ingest failed: ${res.status} ${await res.text()}`)
  }
  const health = await (await fetch(`${server.url}/v1/health`)).json()
  const ingestSeconds = (performance.now() - t0) / 1000

  const article = readFileSync(join(root, 'examples', 'en-talks.txt'), 'utf8')
  const targets = [
    { name: 'POST /v1/extract', path: '/v1/extract', method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: article },
    { name: 'GET /v1/events', path: '/v1/events?limit=50', method: 'GET' },
    { name: 'GET /v1/events (filtered)', path: '/v1/events?limit=50&quad=4&since=2020', method: 'GET' },
  ]
  const results = []
  for (const t of targets) {
    const r = await autocannon({
      url: `${server.url}${t.path}`, method: t.method, headers: t.headers, body: t.body,
      connections, duration: seconds, maxOverallRequests: maxRequests, timeout: 30,
    })
    const codes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count]))
    const serverErrors = Object.entries(codes).filter(([k]) => Number(k) >= 500).reduce((n, [, c]) => n + c, 0)
    results.push({
      endpoint: t.name, requests: r.requests.total, seconds: r.duration, rps: Math.round(r.requests.average * 10) / 10,
      p50ms: r.latency.p50, p99ms: r.latency.p99, maxms: r.latency.max, codes, serverErrors, errors: r.errors, timeouts: r.timeouts,
    })
  }
  const summary = { date: new Date().toISOString().slice(0, 10), node: process.version, connections, seconds, maxRequests, documents: health.store?.documents, events: health.store?.events, ingestSeconds: Math.round(ingestSeconds * 10) / 10, results }
  if (values.json) console.log(JSON.stringify(summary, null, 2))
  else {
    console.log(`store: ${summary.documents} documents, ${summary.events} events (ingested through the API in ${summary.ingestSeconds} s); ${connections} connections, ${seconds} s or ${maxRequests} requests per endpoint`)
    console.log('endpoint                     requests   req/s    p50 ms   p99 ms   5xx  errors')
    for (const r of results) console.log(`${r.endpoint.padEnd(28)} ${String(r.requests).padStart(8)} ${String(r.rps).padStart(7)} ${String(r.p50ms).padStart(9)} ${String(r.p99ms).padStart(8)} ${String(r.serverErrors).padStart(5)} ${String(r.errors + r.timeouts).padStart(7)}`)
  }
  const bad = results.filter((r) => r.serverErrors > 0 || r.errors > 0 || r.timeouts > 0)
  if (bad.length) { console.error(`api-load: ${bad.map((r) => r.endpoint).join(', ')}: server errors or failed connections under load`); process.exitCode = 1 }
} finally {
  await server.close()
  store.close()
  rmSync(dir, { recursive: true, force: true })
}
