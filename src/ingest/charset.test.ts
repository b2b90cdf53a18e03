import { test } from 'node:test'
import assert from 'node:assert/strict'
import iconv from 'iconv-lite'
import { decodeBytes, guessLegacy } from './charset.js'
import { sniffKind } from './sniff.js'

const sq = 'Kryeministri u takua me ministrin e Jashtëm në Shkodër; çështja mbetet e hapur.'
const sr = 'Šef diplomatije Srbije rekao je da će žalba biti podneta. Čačak i Đakovica.'

test('BOM, header and meta declarations choose the charset, in that order', () => {
  assert.equal(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sq)])).text, sq)
  assert.equal(decodeBytes(iconv.encode(sq, 'utf-16le', { addBOM: true })).charset, 'utf-16le')
  const w1250 = iconv.encode(sr, 'windows-1250')
  const fromHeader = decodeBytes(w1250, { contentType: 'text/html; charset=windows-1250' })
  assert.deepEqual([fromHeader.text, fromHeader.from], [sr, 'header'])
  const html = Buffer.concat([Buffer.from('<html><head><meta charset="iso-8859-2"></head><body>'), iconv.encode(sr, 'iso-8859-2'), Buffer.from('</body></html>')])
  const fromMeta = decodeBytes(html)
  assert.equal(fromMeta.from, 'meta')
  assert.ok(fromMeta.text.includes(sr))
})

test('undeclared legacy bytes are guessed as windows-1250 or iso-8859-2 and say so', () => {
  const w = decodeBytes(iconv.encode(sr, 'windows-1250'))
  assert.deepEqual([w.text, w.charset, w.from], [sr, 'windows-1250', 'guessed'])
  assert.match(w.note!, /not UTF-8/)
  assert.equal(guessLegacy(iconv.encode(sr, 'iso-8859-2')), 'iso-8859-2')
  assert.equal(decodeBytes(iconv.encode(sq, 'windows-1250')).text, sq)
  assert.equal(decodeBytes(Buffer.from(sq)).from, 'utf8-valid')
})

test('a wrong declaration is overruled by the bytes', () => {
  const d = decodeBytes(iconv.encode(sr, 'windows-1250'), { contentType: 'text/html; charset=utf-8' })
  assert.equal(d.text, sr)
  assert.match(d.note!, /declared utf-8/)
  assert.match(decodeBytes(Buffer.from(sq), { contentType: 'text/plain; charset=klingon-1' }).note!, /unknown charset/)
})

test('input kinds are told from content first, then media type and name', () => {
  assert.equal(sniffKind(Buffer.from('<!DOCTYPE html><html><body>x</body></html>')), 'html')
  assert.equal(sniffKind(Buffer.from('<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>')), 'feed')
  assert.equal(sniffKind(Buffer.from('<feed xmlns="http://www.w3.org/2005/Atom"></feed>')), 'feed')
  assert.equal(sniffKind(Buffer.from('<?xml version="1.0"?><note/>')), 'xml')
  assert.equal(sniffKind(Buffer.from('{"text":"x"}\n')), 'json')
  assert.equal(sniffKind(Buffer.from('Plain words.'), 'a.txt'), 'text')
  assert.equal(sniffKind(Buffer.from('<p>fragment</p>'), 'page.html'), 'html')
  assert.equal(sniffKind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])), 'binary')
})
