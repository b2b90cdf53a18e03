import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { detached, fold, lower } from './fold.js'

// the definitions, without the ASCII fast path and the cache
const foldReference = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[’ʼ`´]/g, "'")
const lowerReference = (s: string) => s.toLowerCase().replace(/[’ʼ`´]/g, "'")

test('fold and lower give what their definitions give, on any text and when asked again (cached)', () => {
  const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'grapheme-ascii', maxLength: 12 }),
    fc.array(fc.constantFrom('A', 'b', 'ë', 'Ç', '`', '’', 'ʼ', '´', 'e\u0301', 'İ', 'ẞ', 'Σ', ' ', '.'), { maxLength: 10 }).map((xs) => xs.join('')))
  fc.assert(fc.property(text, (s) => {
    for (let k = 0; k < 2; k++) {
      assert.equal(fold(s), foldReference(s))
      assert.equal(lower(s), lowerReference(s))
    }
  }), { numRuns: 3000, seed: 5 })
})

test('fold removes diacritics and maps apostrophes; lower keeps diacritics', () => {
  assert.equal(fold('Rusisë'), 'rusise')
  assert.equal(fold('RUSISË'), 'rusise')
  assert.equal(fold("O`Brien’s"), "o'brien's")
  assert.equal(lower('Kosovë'), 'kosovë')
  assert.equal(lower('A`B'), "a'b")
  const long = 'Ë'.repeat(200)
  assert.equal(fold(long), 'e'.repeat(200))
})

test('a detached copy of a slice is the same text', () => {
  const article = 'Kryeministri i Shqipërisë tha sot se marrëveshja është gati. '.repeat(50)
  for (const [a, b] of [[0, 12], [0, 13], [15, 40], [100, 164]]) assert.equal(detached(article.slice(a!, b)), article.slice(a!, b))
  assert.equal(detached(''), '')
})
