import { test } from 'node:test'
import assert from 'node:assert/strict'
import { gzipSync } from 'node:zlib'
import { Fetcher } from './fetch-url.js'
import { redirect, send, startServer } from './test-server.js'

const open = { allowPrivate: true, hostDelayMs: 0, timeoutMs: 2000 }

test('private and loopback addresses are refused unless allowed', async () => {
  const s = await startServer({ '/a': send('<p>hi</p>') })
  try {
    const refused = await new Fetcher({ hostDelayMs: 0 }).fetch(`${s.base}/a`)
    assert.equal(refused.ok, false)
    assert.match((refused as { error: string }).error, /refused: 127\.0\.0\.1 is a private, loopback or reserved address.*--allow-private/)
    const byName = await new Fetcher({ hostDelayMs: 0 }).fetch(s.base.replace('127.0.0.1', 'localhost') + '/a')
    assert.match((byName as { error: string }).error, /refused/)
    assert.equal(s.hits.length, 0, 'nothing was sent to a refused address')
    const allowed = await new Fetcher(open).fetch(`${s.base}/a`)
    assert.ok(allowed.ok)
  } finally { await s.close() }
})

test('redirects are followed up to the limit; a loop and too many hops are reasons', async () => {
  const s = await startServer({
    '/r1': redirect('/r2'), '/r2': redirect('/final'), '/final': send('<p>done</p>'),
    '/loop1': redirect('/loop2'), '/loop2': redirect('/loop1'),
    '/h1': redirect('/h2'), '/h2': redirect('/h3'), '/h3': redirect('/final'),
  })
  try {
    const ok = await new Fetcher(open).fetch(`${s.base}/r1`)
    assert.ok(ok.ok && ok.page.url.endsWith('/final'))
    assert.match((await new Fetcher(open).fetch(`${s.base}/loop1`) as { error: string }).error, /redirect loop/)
    assert.match((await new Fetcher({ ...open, maxRedirects: 2 }).fetch(`${s.base}/h1`) as { error: string }).error, /too many redirects/)
  } finally { await s.close() }
})

test('robots.txt is obeyed and fetched once per host', async () => {
  const s = await startServer({ '/robots.txt': send('User-agent: *\nDisallow: /private/\n', 'text/plain'), '/private/x': send('secret'), '/public': send('<p>ok</p>') })
  try {
    const f = new Fetcher(open)
    assert.match((await f.fetch(`${s.base}/private/x`) as { error: string }).error, /disallowed by .*robots\.txt/)
    assert.ok((await f.fetch(`${s.base}/public`)).ok)
    assert.deepEqual(s.hits, ['/robots.txt', '/public'])
  } finally { await s.close() }
})

test('timeouts, size caps, HTTP errors and refused connections are reasons; gzip is read', async () => {
  const s = await startServer({
    '/slow': () => { /* never answers */ },
    '/big': send('x'.repeat(200_000), 'text/plain'),
    '/gone': send('gone', 'text/plain', 410),
    '/gz': (_q, res) => { res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }); res.end(gzipSync('tekst i ngjeshur')) },
  })
  try {
    assert.match((await new Fetcher({ ...open, timeoutMs: 200 }).fetch(`${s.base}/slow`) as { error: string }).error, /timed out after 200 ms/)
    assert.match((await new Fetcher({ ...open, maxBytes: 1000 }).fetch(`${s.base}/big`) as { error: string }).error, /over the 1000-byte limit/)
    assert.match((await new Fetcher(open).fetch(`${s.base}/gone`) as { error: string }).error, /HTTP 410/)
    const gz = await new Fetcher(open).fetch(`${s.base}/gz`)
    assert.equal(gz.ok && gz.page.body.toString(), 'tekst i ngjeshur')
    assert.match((await new Fetcher(open).fetch('http://127.0.0.1:1/x') as { error: string }).error, /unreachable: connection refused/)
    assert.match((await new Fetcher(open).fetch('ftp://example.test/x') as { error: string }).error, /unsupported URL scheme/)
  } finally { await s.close() }
})

test('requests to one host are spaced by the delay', async () => {
  const s = await startServer({ '/a': send('a'), '/b': send('b') })
  try {
    const f = new Fetcher({ ...open, hostDelayMs: 150, robots: false })
    const t0 = Date.now()
    await f.fetch(`${s.base}/a`)
    await f.fetch(`${s.base}/b`)
    assert.ok(Date.now() - t0 >= 140, `took ${Date.now() - t0} ms`)
  } finally { await s.close() }
})
