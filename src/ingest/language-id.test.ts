import { test } from 'node:test'
import assert from 'node:assert/strict'
import { decideLanguage, identifyLanguage } from './language-id.js'

const packs = ['en', 'sq']

test('eld identifies Albanian, English and a language without a pack', async () => {
  assert.equal((await identifyLanguage('Kryeministri i Kosovës Albin Kurti do të takohet të hënën në Bruksel me Presidentin serb.'))?.code, 'sq')
  assert.equal((await identifyLanguage('The prime minister of Kosovo will meet the Serbian president in Brussels on Monday.'))?.code, 'en')
  assert.equal((await identifyLanguage('Der Ministerpräsident wird am Montag in Brüssel den serbischen Präsidenten treffen.'))?.code, 'de')
})

test('a declared language always wins; eld decides next; then the page; then the pack detector', () => {
  const sure = { code: 'en', score: 0.8, reliable: true }
  assert.deepEqual(decideLanguage({ declared: 'sq', guess: sure, packs }), { lang: 'sq', method: 'declared', extract: true, reason: 'declared sq' })
  assert.equal(decideLanguage({ declared: 'de', packs }).extract, false)
  const d = decideLanguage({ guess: sure, pageLang: 'sq', packs })
  assert.deepEqual([d.lang, d.method, d.score], ['en', 'detected', 0.8])
  assert.equal(decideLanguage({ guess: { code: 'de', score: 0.7, reliable: true }, packs }).extract, false)
  assert.equal(decideLanguage({ guess: { code: 'it', score: 0.3, reliable: false }, pageLang: 'sq', packs }).lang, 'sq')
  assert.equal(decideLanguage({ packs }).method, 'pipeline')
})
