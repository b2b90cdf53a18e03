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

import { makeToken } from './segment.js'
import { extractDocument } from '../pipeline/extract.js'
import { fold, lower } from '../text/fold.js'

test('a token made from a word form has the forms computed from its text, and tokens of one form share them', () => {
  const text = 'Rusisë, RUSISË! NATO-s 2023 Rusisë e\u0301 —'
  const words = [...text.matchAll(/\S+/gu)].map((m) => makeToken(text, m.index!, m.index! + m[0].length, 0, 0, ' ', fold))
  for (const t of words) {
    assert.equal(t.text, text.slice(t.start, t.end))
    assert.equal(t.lower, lower(t.text))
    assert.equal(t.fold, fold(t.text))
    assert.equal(t.norm, fold(t.text))
    assert.equal(t.isWord, /[\p{L}\p{N}]/u.test(t.text))
    assert.deepEqual(t.lemmas, [])
  }
  assert.deepEqual(words.map((t) => t.shape), ['Xx', 'X', 'X', 'd', 'Xx', 'x', 'p'])
  const again = makeToken('Në Rusisë', 3, 9, 0, 0, ' ', fold)
  assert.equal(again.form, words[4]!.form)
  assert.notEqual(again.form, words[0]!.form)
})

test('no sentence break after an abbreviation or an initial, unless a blank line follows it', () => {
  const sentences = (text: string) => extractDocument({ text, lang: 'en' }).sentences.map((s) => text.slice(s.start, s.end))
  assert.deepEqual(sentences('He met Gen. Smith in the capital. Then he left.'), ['He met Gen. Smith in the capital.', 'Then he left.'])
  assert.deepEqual(sentences('The letter was signed by J. Smith yesterday.'), ['The letter was signed by J. Smith yesterday.'])
  assert.deepEqual(sentences('The talks were led by Gen.\n\nSmith arrived later.'), ['The talks were led by Gen.', 'Smith arrived later.'])
  assert.deepEqual(sentences('The talks were led by Gen. \n \t\n Smith arrived later.'), ['The talks were led by Gen.', 'Smith arrived later.'])
  assert.deepEqual(sentences('Led by Gen.\nSmith arrived later.'), ['Led by Gen.\nSmith arrived later.'])
})
