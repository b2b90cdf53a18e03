import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseFeed } from './feed.js'

test('RSS 2.0 items: absolute links, dates, titles and full content', () => {
  const f = parseFeed(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Lajme</title>
    <item><title>Takimi</title><link>/a/1</link><pubDate>Mon, 11 Sep 2023 08:00:00 GMT</pubDate></item>
    <item><title>Pa lidhje</title><content:encoded><![CDATA[<p>Teksti i plotë.</p>]]></content:encoded></item></channel></rss>`, 'https://lajme.test/feed')
  assert.equal(f.kind, 'rss')
  assert.equal(f.items.length, 2)
  assert.deepEqual(f.items[0], { link: 'https://lajme.test/a/1', title: 'Takimi', published: '2023-09-11' })
  assert.match(f.items[1]!.content!, /Teksti i plotë/)
})

test('Atom entries use the alternate link and the published date', () => {
  const f = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title><entry><title type="text">One</title>
    <link rel="self" href="https://n.test/self"/><link rel="alternate" href="https://n.test/one"/><published>2024-03-14T10:00:00Z</published></entry></feed>`)
  assert.equal(f.kind, 'atom')
  assert.deepEqual(f.items[0], { link: 'https://n.test/one', title: 'One', published: '2024-03-14' })
})

test('invalid XML and XML that is no feed are reasons, not exceptions', () => {
  assert.match(parseFeed('<rss><channel><item></channel></rss>').error!, /invalid feed XML: .*line/)
  assert.match(parseFeed('<?xml version="1.0"?><note>hi</note>').error!, /not an RSS or Atom feed/)
})
