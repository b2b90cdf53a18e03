import { test } from 'node:test'
import assert from 'node:assert/strict'
import { htmlArticle } from './html-article.js'
import { dateFromUrl } from './published-date.js'

const para = 'Kryeministri i Kosovës Albin Kurti do të takohet të hënën në Bruksel me Presidentin serb Aleksandar Vučić, njoftoi Bashkimi Evropian. '
const page = (head: string, body = `<article><h1>Titulli</h1><p>${para.repeat(3)}</p><p>Paragrafi i dytë i lajmit.</p></article>`) =>
  `<!doctype html><html lang="sq"><head><title>Titulli | Lajme</title>${head}</head><body><nav>Kreu · Bota · Sport</nav>${body}<footer>© Lajme</footer></body></html>`

test('the main text keeps its paragraphs and drops the page around it', () => {
  const a = htmlArticle(page('<meta property="og:site_name" content="Lajme Sot">'))
  assert.equal(a.error, undefined)
  assert.ok(a.text!.includes('Kryeministri i Kosovës Albin Kurti'))
  assert.ok(a.text!.includes('\n\nParagrafi i dytë'))
  assert.ok(!a.text!.includes('Kreu · Bota'))
  assert.equal(a.lang, 'sq')
  assert.equal(a.publisher, 'Lajme Sot')
})

test('publication date: JSON-LD, then meta tags, then <time>, then the URL', () => {
  const ld = '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2024-03-14T09:30:00+01:00"}]}</script>'
  assert.deepEqual(htmlArticle(page(ld + '<meta property="article:published_time" content="2020-01-01">')).published, { value: '2024-03-14', from: 'json-ld' })
  assert.deepEqual(htmlArticle(page('<meta property="article:published_time" content="2024-03-13T22:00:00Z">')).published, { value: '2024-03-13', from: 'meta' })
  assert.deepEqual(htmlArticle(page('', `<article><time datetime="2024-03-12">12 mars</time><p>${para.repeat(3)}</p></article>`)).published, { value: '2024-03-12', from: 'time' })
  assert.deepEqual(htmlArticle(page(''), 'https://lajme.test/2024/03/11/takimi').published, { value: '2024-03-11', from: 'url' })
  assert.equal(dateFromUrl('https://x.test/2024/03/bota/'), '2024-03')
  assert.equal(dateFromUrl('https://x.test/2024/13/45/'), undefined)
})

test('broken and empty HTML give text or a reason, never an exception', () => {
  const broken = htmlArticle(`<html><body><div><p>${para}<p>Unclosed <b>bold <i>and</div></span></table>more text here`)
  assert.ok(broken.text?.includes('Albin Kurti') || broken.error)
  assert.match(htmlArticle('<html><head><script>var x = 1</script></head><body>   </body></html>').error!, /no article text/)
  assert.match(htmlArticle('').error ?? '', /no article text/)
})
