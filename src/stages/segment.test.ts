import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { simpleSentences, simpleWordBounds, simpleWords, wordSegments } from './segment.js'
import type { Span } from '../record/schema.js'

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

// characters whose sentence-break class differs: letters of every case (and letters with none), terminators,
// closing marks, the comma, colon, semicolon and dashes that continue a sentence, spaces and line ends
const SENTENCE_UNIT = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'Z', 'ë', 'Ç', 'ß', 'ª', 'µ', 'º', 'ǅ', 'ɏ', 'Ḁ', 'ỹ', 'ƻ', 'ǀ', 'ĸ', '1', '0', '9', 'Dr', 'the', 'U') },
  { weight: 4, arbitrary: fc.constantFrom('.', '.', '?', '!', ',', ';', ':', "'", '’', '‘', '"', '“', '”', '„', '«', '»', '(', ')', '[', ']', ' ', ' ', '  ', '\t', '\n', '\r', '\r\n', '\u00a0') },
  { weight: 1, arbitrary: fc.constantFrom('-', '–', '—', '…', '€', '/', '_', '×', '÷') },
  { weight: 1, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) },
)
const sentenceSegmenters = ['en', 'sq'].map((l) => new Intl.Segmenter(l, { granularity: 'sentence' }))

test('simpleSentences splits exactly as Intl.Segmenter does, on the text it handles', () => {
  fc.assert(fc.property(fc.array(SENTENCE_UNIT, { maxLength: 16 }).map((xs) => xs.join('')), fc.integer({ min: 0, max: 1 }), (s, k) => {
    const out: Span[] = []
    simpleSentences(s, 0, s.length, out)
    assert.deepEqual(out.map((x) => s.slice(x.start, x.end)), [...sentenceSegmenters[k]!.segment(s)].map((x) => x.segment))
  }), { numRuns: 20000, seed: 11 })
})

test('simpleSentences on news text: abbreviations, initials, numbers, quotations and paragraphs', () => {
  const s = 'The U.S. envoy met Dr. Rama at 3.5 p.m. in Tirana. “We agreed,” he said! Was it enough? (No.) The end… etc. and more.\n\nA new day.\r\nIt rained'
  const prefix = 'Ignored. '
  const out: Span[] = []
  simpleSentences(prefix + s, prefix.length, prefix.length + s.length, out)
  assert.deepEqual(out.map((x) => (prefix + s).slice(x.start, x.end)), [...sentenceSegmenters[0]!.segment(s)].map((x) => x.segment))
})

test('simpleWordBounds gives the segments of simpleWords that are not white space, in place', () => {
  fc.assert(fc.property(fc.array(SIMPLE_UNIT, { maxLength: 16 }).map((xs) => xs.join('')), fc.string({ maxLength: 3 }), (s, before) => {
    const out: number[] = []
    simpleWordBounds(before + s + '.', before.length, before.length + s.length, out)
    const pairs: Array<[number, string]> = []
    for (let k = 0; k < out.length; k += 2) pairs.push([out[k]! - before.length, (before + s).slice(out[k]!, out[k + 1]!)])
    assert.deepEqual(pairs, simpleWords(s).filter((w) => !/^\s+$/u.test(w.segment)).map((w) => [w.index, w.segment]))
  }), { numRuns: 3000, seed: 5 })
})
