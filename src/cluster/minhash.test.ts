import { test } from 'node:test'
import assert from 'node:assert/strict'
import { bands, minhash, signatureBytes, signatureFromBytes, similarity } from './minhash.js'

const base = 'The foreign ministers of Albania and Kosovo met in Tirana on Monday to discuss energy cooperation, border crossings and the '
  + 'common market of the Western Balkans, the ministry said in a statement after the meeting. Both sides agreed to meet again in spring.'

test('a wire copy with a new byline and small edits is near; another article is far', () => {
  const a = minhash(base)!
  const copy = minhash('TIRANA (Agencies) - ' + base.replace('on Monday', 'on Monday morning'))!
  const other = minhash('Heavy rain flooded several villages in the south of the country overnight, and rescue teams evacuated dozens of families from their homes near the river.')!
  assert.ok(similarity(a, copy) >= 0.6, `copy similarity ${similarity(a, copy)}`)
  assert.ok(similarity(a, other) < 0.2, `other similarity ${similarity(a, other)}`)
  assert.ok(bands(a).some((v, i) => v === bands(copy)[i]), 'the copy shares a band')
})

test('case and diacritics do not matter; very short texts get no signature', () => {
  assert.equal(similarity(minhash(base)!, minhash(base.toUpperCase())!), 1)
  assert.equal(minhash('Too short to say.'), undefined)
})

test('signatures survive storage as bytes', () => {
  const s = minhash(base)!
  assert.deepEqual(signatureFromBytes(signatureBytes(s)), s)
})
