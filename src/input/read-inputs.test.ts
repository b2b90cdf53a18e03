import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readInputs } from './read-inputs.js'

const enc = (s: string) => new TextEncoder().encode(s)

test('a leading " date YYYY-MM" is metadata: the text starts after it', () => {
  const [item] = readInputs(enc(' date 2023-09 Lajmi fillon këtu.'), 'a.txt')
  assert.equal(item!.input!.text, 'Lajmi fillon këtu.')
  assert.equal(item!.input!.published, '2023-09')
  assert.equal(item!.input!.publishedFrom, 'first-line')
  assert.equal(item!.input!.source?.offset, 14)
})

test('a date line on its own line', () => {
  const [item] = readInputs(enc('date 2024-01-05\nTirana priti delegacionin.'), 'b.txt')
  assert.equal(item!.input!.text, 'Tirana priti delegacionin.')
  assert.equal(item!.input!.published, '2024-01-05')
})

test('a date given on the command line wins over the file', () => {
  const [item] = readInputs(enc(' date 2023-09 Tekst.'), 'c.txt', { published: '2023-09-11' })
  assert.equal(item!.input!.published, '2023-09-11')
  assert.equal(item!.input!.publishedFrom, 'argument')
})

test('empty, whitespace-only, binary and invalid UTF-8 inputs are reported with a reason', () => {
  assert.match(readInputs(new Uint8Array(), 'e')[0]!.error!, /empty/)
  assert.match(readInputs(enc('  \n\t '), 'w')[0]!.error!, /whitespace/)
  assert.match(readInputs(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1]), 'zip')[0]!.error!, /binary/)
  assert.match(readInputs(new Uint8Array([0x4b, 0xeb, 0x20, 0x61]), 'latin2')[0]!.error!, /not valid UTF-8.*offset 1/)
})

test('an input over the size limit is reported, not read', () => {
  const big = new Uint8Array(2048).fill(0x61)
  assert.match(readInputs(big, 'big', { maxBytes: 1024 })[0]!.error!, /over the 0 MB limit|over the/)
})

test('JSON Lines: a broken line is reported and the good ones are kept', () => {
  const items = readInputs(enc('{"id":"a","text":"Një."}\n{"text": broken\n{"maintext":"Dy.","date_publish":"2023-09-11 10:00:00","url":"https://x.test/a","title":"T"}\n'), 'in.jsonl')
  assert.equal(items.length, 3)
  assert.equal(items[0]!.input!.id, 'a')
  assert.match(items[1]!.error!, /line is not JSON/)
  assert.equal(items[1]!.origin, 'in.jsonl:2')
  assert.equal(items[2]!.input!.text, 'Dy.')
  assert.equal(items[2]!.input!.published, '2023-09-11T10:00:00')
  assert.equal(items[2]!.input!.source?.url, 'https://x.test/a')
})

test('a JSON object without text is reported', () => {
  assert.match(readInputs(enc('{"title":"only a title"}'), 'x.json')[0]!.error!, /without a "text"/)
})

test('a JSON array of articles', () => {
  const items = readInputs(enc('[{"text":"A."},{"text":"B.","language":"en"}]'), 'arr.json')
  assert.equal(items.length, 2)
  assert.equal(items[1]!.input!.lang, 'en')
})
