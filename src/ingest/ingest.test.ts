import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { openStore } from '../store/database.js'
import { storeCounts } from '../store/write-document.js'
import { ingest, type IngestOptions } from './ingest.js'
import { redirect, send, startServer } from './test-server.js'

const tmp = () => mkdtempSync(join(tmpdir(), 'kronika-ingest-'))
const quiet: IngestOptions = { fetch: { allowPrivate: true, hostDelayMs: 0, timeoutMs: 3000 } }

const SQ = 'Kryeministri i Kosovës Albin Kurti do të takohet të hënën në Bruksel me Presidentin serb Aleksandar Vučić, njoftoi Bashkimi Evropian të mërkurën. '
  + 'Takimi pritet të zgjasë dy orë dhe do të ndërmjetësohet nga Përfaqësuesi i Lartë i BE-së, Josep Borrell.'
const EN = 'Kosovo\'s Prime Minister Albin Kurti will meet Serbian President Aleksandar Vucic in Brussels on Monday, the European Union announced on Wednesday. '
  + 'The meeting is expected to last two hours and will be mediated by the EU\'s High Representative, Josep Borrell.'
const articlePage = (body: string, date = '2024-03-14') => `<!doctype html><html lang="sq"><head><title>Lajm</title><meta property="article:published_time" content="${date}T08:00:00Z"></head>`
  + `<body><nav>Kreu</nav><article><h1>Lajm</h1><p>${body}</p><p>${body}</p></article></body></html>`

test('a mixed folder: every item ends ok, duplicate or error with a reason, and the batch goes on', async () => {
  const dir = tmp(), docs = join(dir, 'docs'), sub = join(docs, 'sub')
  mkdirSync(sub, { recursive: true })
  writeFileSync(join(docs, 'a-sq.txt'), ` date 2024-03-14 ${SQ}`)
  writeFileSync(join(docs, 'b-page.html'), articlePage(SQ.replace('Bruksel', 'Tiranë')))
  writeFileSync(join(docs, 'c-broken.html'), '<html><body><div><p>Unclosed <b>tags<table><tr><td>and </div></span> nothing else')
  writeFileSync(join(docs, 'd-feed.xml'), '<?xml version="1.0"?><rss><channel><item><title>x</item></channel></rss>')
  writeFileSync(join(docs, 'e-lines.jsonl'), [JSON.stringify({ id: 'l1', text: EN, date_publish: '2024-03-14', url: 'https://news.test/en/1', source_domain: 'news.test' }), '{"id": "l2", "text": ', JSON.stringify({ id: 'l3', text: EN })].join('\n') + '\n')
  writeFileSync(join(docs, 'f-empty.txt'), '')
  writeFileSync(join(docs, 'g-image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2]))
  writeFileSync(join(sub, 'h-legacy.txt'), iconv.encode(` date 2024-03-14 ${SQ.replace('hënën', 'martën')} Çështja u diskutua në Shkodër.`, 'windows-1250'))
  writeFileSync(join(sub, 'i-german.txt'), 'Der Ministerpräsident des Kosovo wird am Montag in Brüssel den serbischen Präsidenten treffen, teilte die Europäische Union am Mittwoch mit. Das Treffen soll zwei Stunden dauern.')
  const store = openStore(join(dir, 'k.db'))
  try {
    const s = await ingest(store, [docs, join(dir, 'missing.txt')], quiet)
    const by = Object.fromEntries(s.items.map((i) => [i.origin.replace(docs + '/', '').replace(dir + '/', ''), i]))
    assert.equal(by['a-sq.txt']!.status, 'ok')
    assert.equal(by['b-page.html']!.status, 'ok')
    assert.ok(by['c-broken.html']!.status === 'ok' || /no article text/.test(by['c-broken.html']!.reason))
    assert.match(by['d-feed.xml']!.reason, /invalid feed XML/)
    assert.equal(by['e-lines.jsonl:1']!.status, 'ok')
    assert.match(by['e-lines.jsonl:2']!.reason, /line is not JSON/)
    assert.equal(by['e-lines.jsonl:3']!.status, 'duplicate', 'the same text under another id is the same document')
    assert.match(by['f-empty.txt']!.reason, /empty input/)
    assert.match(by['g-image.png']!.reason, /binary/)
    assert.equal(by['sub/h-legacy.txt']!.status, 'ok')
    assert.match(by['sub/i-german.txt']!.reason, /de \(no pack, not extracted\)/)
    assert.match(by['missing.txt']!.reason, /cannot read: ENOENT/)
    const legacy = store.db.prepare("SELECT charset, text, lang FROM documents WHERE origin LIKE '%h-legacy.txt'").get() as { charset: string; text: string; lang: string }
    assert.deepEqual([legacy.charset, legacy.lang], ['windows-1250', 'sq'])
    assert.ok(legacy.text.includes('Çështja u diskutua në Shkodër'))
    const page = store.db.prepare("SELECT published, published_from, lang, lang_method FROM documents WHERE origin LIKE '%b-page.html'").get()
    assert.deepEqual(page, { published: '2024-03-14', published_from: 'metadata', lang: 'sq', lang_method: 'detected' })
    const line = store.db.prepare("SELECT url, source, input_id FROM documents WHERE origin LIKE '%e-lines.jsonl:1'").get()
    assert.deepEqual(line, { url: 'https://news.test/en/1', source: 'news.test', input_id: 'l1' })

    // the same input again changes nothing
    const before = storeCounts(store)
    const again = await ingest(store, [docs], quiet)
    assert.equal(again.ok, 0)
    assert.deepEqual(storeCounts(store), before)
  } finally { store.close() }
})

test('URLs and feeds: articles are followed and fetched; bad links are reasons; private addresses need permission', async () => {
  const dir = tmp()
  const s = await startServer({
    '/robots.txt': send('User-agent: *\nDisallow: /private/\n', 'text/plain'),
    '/feed.xml': (req, res) => {
      const host = `http://${req.headers.host}`
      res.writeHead(200, { 'content-type': 'application/rss+xml' })
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Lajme</title>
        <item><title>Një</title><link>${host}/2024/03/14/nje</link><pubDate>Thu, 14 Mar 2024 08:00:00 GMT</pubDate></item>
        <item><title>Dy</title><link>${host}/missing</link></item>
        <item><title>Tre</title><link>${host}/private/tre</link></item>
        <item><title>Katër</title><link>${host}/loop</link></item></channel></rss>`)
    },
    '/2024/03/14/nje': send(articlePage(SQ)),
    '/latin2': send(Buffer.concat([Buffer.from('<html><head><meta charset="windows-1250"><title>Š</title></head><body><article><p>'), iconv.encode(`${SQ} Šefi i diplomacisë foli për Đakovicën. `.repeat(2), 'windows-1250'), Buffer.from('</p></article></body></html>')]), 'text/html'),
    '/loop': redirect('/loop2'), '/loop2': redirect('/loop'),
  })
  const store = openStore(join(dir, 'k.db'))
  try {
    const r = await ingest(store, [`${s.base}/feed.xml`, `${s.base}/latin2`, 'http://127.0.0.1:1/unreachable'], quiet)
    const by = Object.fromEntries(r.items.map((i) => [i.origin.replace(s.base, ''), i]))
    assert.equal(by['/2024/03/14/nje']!.status, 'ok')
    assert.match(by['/missing']!.reason, /HTTP 404/)
    assert.match(by['/private/tre']!.reason, /robots\.txt/)
    assert.match(by['/loop']!.reason, /redirect loop/)
    assert.equal(by['/latin2']!.status, 'ok')
    assert.match(by['http://127.0.0.1:1/unreachable']!.reason, /unreachable/)
    const doc = store.db.prepare("SELECT found_via, url, published, title, charset FROM documents WHERE origin LIKE '%nje'").get()
    assert.deepEqual(doc, { found_via: 'feed', url: `${s.base}/2024/03/14/nje`, published: '2024-03-14', title: 'Lajm', charset: 'utf-8' })
    const latin = store.db.prepare("SELECT text, charset FROM documents WHERE origin LIKE '%latin2'").get() as { text: string; charset: string }
    assert.equal(latin.charset, 'windows-1250')
    assert.ok(latin.text.includes('Šefi i diplomacisë foli për Đakovicën'))

    const refused = await ingest(store, [`${s.base}/2024/03/14/nje`], { fetch: { hostDelayMs: 0 } })
    assert.equal(refused.error, 1)
    assert.match(refused.items[0]!.reason, /refused: 127\.0\.0\.1 is a private/)
  } finally { await s.close(); store.close() }
})

test('wire copies are stored but recognised as near-duplicates, and their events count once as stories', async () => {
  const dir = tmp()
  const body = `${EN} Borrell said both leaders had agreed to the talks after weeks of tension in the north of Kosovo, where police arrested three people last week.`
  writeFileSync(join(dir, 'a.json'), JSON.stringify({ text: body, date_publish: '2024-03-14', source_domain: 'one.test' }))
  writeFileSync(join(dir, 'b.json'), JSON.stringify({ text: 'BRUSSELS (Wire) - ' + body, date_publish: '2024-03-14', source_domain: 'two.test' }))
  const store = openStore(join(dir, 'k.db'))
  try {
    const r = await ingest(store, [dir], quiet)
    assert.equal(r.ok, 2)
    assert.match(r.items[1]!.reason, /near-duplicate of [0-9a-f]{32}/)
    const ev = store.db.prepare('SELECT reports, stories, sources FROM events WHERE reports = 2 LIMIT 1').get()
    assert.deepEqual(ev, { reports: 2, stories: 1, sources: 2 })
  } finally { store.close() }
})
