import { test } from 'node:test'
import assert from 'node:assert/strict'
import { formKey, forgetTokenKeys, keyCount, keyGeneration, tokenKeys } from './form-keys.js'
import type { Token } from './token.js'

const token = (text: string, form: number | undefined, lemmas: string[] = [], norm = text.toLowerCase()): Token =>
  ({ index: 0, start: 0, end: text.length, text, lower: text.toLowerCase(), fold: norm, norm, isWord: true, shape: 'Xx', sentence: 0, lemmas, pre: '', ...(form === undefined ? {} : { form }) })

test('tokens of one text, normal form and lemmas share a form key; any difference gives another', () => {
  const lemmas = ['harbour']
  const a = formKey(token('Harbours', 7, lemmas))
  assert.equal(formKey(token('Harbours', 7, lemmas)), a)
  // equal lemmas in another array, or no form number: the same key
  assert.equal(formKey(token('Harbours', 7, ['harbour'])), a)
  assert.equal(formKey(token('Harbours', undefined, ['harbour'])), a)
  // other lemmas, another normal form (a pack keeping diacritics), another text under the same number: other keys
  const b = formKey(token('Harbours', 7, ['harbours']))
  const c = formKey(token('Harbours', 7, lemmas, 'harbours-kept'))
  const d = formKey(token('Meadows', 7, lemmas))
  assert.equal(new Set([a, b, c, d]).size, 4)
  // the first again, after its number was taken by others: still its key
  assert.equal(formKey(token('Harbours', 7, lemmas)), a)
  assert.ok(keyCount() > Math.max(a, b, c, d))
})

test('the keys of a token array are kept with it until its lemmas are said to have changed', () => {
  const tokens = [token('Ports', 11), token('of', 12), token('Ports', 11)]
  const k = tokenKeys(tokens)
  assert.equal(k.keys.length, 3)
  assert.equal(k.keys[0], k.keys[2])
  assert.notEqual(k.keys[0], k.keys[1])
  assert.equal(tokenKeys(tokens), k)
  tokens[0]!.lemmas = tokens[2]!.lemmas = ['port']
  forgetTokenKeys(tokens)
  const k2 = tokenKeys(tokens)
  assert.notEqual(k2.keys[0], k.keys[0])
  assert.equal(k2.keys[0], k2.keys[2])
})

test('when the numbering starts again, keys of the earlier generation are not handed back as current', () => {
  const tokens = [token('Quays', 21)]
  const before = tokenKeys(tokens)
  const generation = keyGeneration()
  // enough new forms to pass the limit of a generation
  for (let n = 0; keyGeneration() === generation; n++) formKey(token(`w${n}`, undefined))
  const after = tokenKeys(tokens)
  assert.notEqual(after, before)
  assert.equal(after.generation, keyGeneration())
  assert.equal(after.keys[0], formKey(tokens[0]!))
})
