import { test } from 'node:test'
import assert from 'node:assert/strict'
import { run } from '../testing/helpers.js'

const refs = (text: string, lang: string) => {
  const doc = run(text, lang)
  return [...doc.pronouns].map(([i, r]) => [doc.tokens[i]!.text, doc.entity(r.entityId)?.name, r.rule])
}

test('he and she: the last person before them that their gender allows', () => {
  assert.deepEqual(refs('Maria Kowalska called Olaf Scholz. She said he would visit Warsaw.', 'en'), [
    ['She', 'Maria Kowalska', 'en.coref.pronoun-female'],
    ['he', 'Olaf Scholz', 'en.coref.pronoun-male'],
  ])
})

test('they: the last organisation', () => {
  const [r] = refs('The World Health Organization sent a team to Gaza. They said the hospitals were full.', 'en')
  assert.equal(r?.[2], 'en.coref.pronoun-group')
  assert.match(String(r?.[1]), /World Health Organization/)
})

test('no person within reach: the pronoun stays unresolved', () => {
  assert.deepEqual(refs('The storm hit the coast. He said nothing.', 'en'), [])
})

test('Albanian: ai and ajo', () => {
  assert.deepEqual(refs('Vjosa Osmani takoi Olaf Scholz. Ajo tha se ai do të vijë në Prishtinë.', 'sq'), [
    ['Ajo', 'Vjosa Osmani', 'sq.coref.pronoun-female'],
    ['ai', 'Olaf Scholz', 'sq.coref.pronoun-male'],
  ])
})
