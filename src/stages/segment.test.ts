import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { simpleWords, wordSegments } from './segment.js'

// the characters simpleWords handles, weighted towards those whose boundaries depend on their neighbours
const SIMPLE_UNIT = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'Z', 'ë', 'Ç', 'ß', 'ª', 'µ', 'º', 'ǅ', 'ɏ', 'Ḁ', 'ỹ', '1', '0', '9') },
  { weight: 3, arbitrary: fc.constantFrom('.', ',', ';', ':', "'", '’', '‘', '_', ' ', '  ', '\t', '\n', '\r', '\r\n', '\u00a0') },
  { weight: 1, arbitrary: fc.constantFrom('-', '!', '"', '“', '”', '„', '«', '»', '–', '—', '…', '€', '(', ')', '/', '×', '÷') },
  { weight: 1, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) },
)

const segmenters = ['en', 'sq'].map((l) => new Intl.Segmenter(l, { granularity: 'word' }))
const intl = (s: string, k: number) => [...segmenters[k]!.segment(s)].map((x) => [x.index, x.segment])

test('simpleWords splits exactly as Intl.Segmenter does, on the text it handles', () => {
  fc.assert(fc.property(fc.array(SIMPLE_UNIT, { maxLength: 16 }).map((xs) => xs.join('')), fc.integer({ min: 0, max: 1 }), (s, k) => {
    assert.deepEqual(simpleWords(s).map((x) => [x.index, x.segment]), intl(s, k))
  }), { numRuns: 3000, seed: 7 })
})

test('simpleWords on news text: abbreviations, numbers, clitics and quotation marks', () => {
  const s = 'U.S. officials said 1.200,5 euro; Kosovo’s PM met “them” at 5pm on 12.03.2024 — ish-Presidenti i KCNA-së: don\'t_stop a:b'
  assert.deepEqual(simpleWords(s).map((x) => [x.index, x.segment]), intl(s, 0))
})

test('text with other characters goes to Intl.Segmenter', () => {
  for (const s of ['e\u0301 x', 'Москва', '北京市', 'a\u200db', '👍🏽 ok', 'ab\ud800']) {
    assert.deepEqual([...wordSegments(segmenters[0]!, s)].map((x) => [x.index, x.segment]), intl(s, 0))
  }
})
