import { test } from 'node:test'
import assert from 'node:assert/strict'
import { FormMemo } from './form-memo.js'
import type { Token } from './token.js'

const token = (text: string, form: number | undefined, lemmas: string[] = []): Token =>
  ({ index: 0, start: 0, end: text.length, text, lower: text.toLowerCase(), fold: text.toLowerCase(), norm: text.toLowerCase(), isWord: true, shape: 'Xx', sentence: 0, lemmas, pre: '', ...(form === undefined ? {} : { form }) })

test('a value is made once per word form and kept by its form number', () => {
  let made = 0
  const memo = new FormMemo((t) => { made++; return `${t.norm}/${t.lemmas.join(',')}` })
  const lemmas = ['harbour']
  assert.equal(memo.get(token('Harbours', 3, lemmas)), 'harbours/harbour')
  assert.equal(memo.get(token('Harbours', 3, lemmas)), 'harbours/harbour')
  assert.equal(made, 1)
  // the same number for another text (the segmenter's numbers are reused after its cache is cleared): made anew
  assert.equal(memo.get(token('Meadows', 3, ['meadow'])), 'meadows/meadow')
  // the same text with other lemmas (another analysis): made anew; equal lemmas in another array: kept
  assert.equal(memo.get(token('Meadows', 3, ['meadows'])), 'meadows/meadows')
  assert.equal(memo.get(token('Meadows', 3, ['meadows'])), 'meadows/meadows')
  assert.equal(made, 3)
  // no form number: kept by text
  assert.equal(memo.get(token('Quarries', undefined)), 'quarries/')
  assert.equal(memo.get(token('Quarries', undefined)), 'quarries/')
  assert.equal(made, 4)
})

test('a long token is not kept (it may be a slice of its article)', () => {
  let made = 0
  const memo = new FormMemo(() => ++made)
  const long = 'A'.repeat(100)
  memo.get(token(long, 7))
  memo.get(token(long, 7))
  assert.equal(made, 2)
})
