import { test } from 'node:test'
import assert from 'node:assert/strict'
import { run } from '../testing/helpers.js'

/** Each entity's name with the mentions it holds, as text/rule. */
const entities = (text: string, lang: string) => run(text, lang).entities.map((e) => [e.name, e.mentions.map((m) => `${m.text}/${m.rule}`)])
const holding = (text: string, lang: string, mention: string) => entities(text, lang).find(([, ms]) => (ms as string[]).some((m) => m.startsWith(`${mention}/`)))

test('sq: a lone surname in any case form, also first in its sentence, joins the person named in full', () => {
  const e = holding('Ambasadorja Greta Lindqvist arriti në Shkup të martën. Lindqvisti u takua me ministrat. Sipas Lindqvistit, bisedimet ishin të mira.', 'sq', 'Lindqvisti')
  assert.equal(e?.[0], 'Greta Lindqvist')
  assert.deepEqual((e?.[1] as string[]).slice(1), ['Lindqvisti/sq.entity.surname', 'Lindqvistit/sq.entity.surname'])
})

test('sq: a capitalised word that is no surname of a named person stays out', () => {
  const all = entities('Ambasadorja Greta Lindqvist arriti në Shkup. Takimi zgjati dy orë.', 'sq')
  assert.ok(!all.some(([, ms]) => (ms as string[]).some((m) => m.startsWith('Takimi/'))))
})

test('en: a lone surname joins the person named in full', () => {
  const e = holding('Envoy Greta Lindqvist arrived in Skopje on Tuesday. Lindqvist met ministers.', 'en', 'Lindqvist')
  assert.equal(e?.[0], 'Greta Lindqvist')
})

test('en: a one-word alias of a known person that is part of another full name in the text is that person', () => {
  const all = entities('Finnish lawmaker Marin Koskinen visited Kyiv on Monday. Marin met Ukrainian officials. Later Koskinen left.', 'en')
  const e = all.find(([name]) => name === 'Marin Koskinen')
  // (found after the title "lawmaker")
  assert.deepEqual(e?.[1], ['Marin Koskinen/en.entity.title-name', 'Marin/en.entity.short-name', 'Koskinen/en.entity.surname'])
  assert.ok(!all.some(([name]) => name === 'Sanna Marin'))
})

test('en: the known person named in full keeps her short form', () => {
  const e = holding('Sanna Marin visited Kyiv. Marin met officials.', 'en', 'Marin')
  assert.equal(e?.[0], 'Sanna Marin')
  assert.equal((e?.[1] as string[]).length, 2)
})

test('en: an ombudsman title is not part of the name, and the surname later joins the person', () => {
  const e = holding('The national Ombudsman Pedro Salvatierra urged the army to free the prisoners. Salvatierra said he would visit the camp.', 'en', 'Salvatierra')
  assert.deepEqual(e?.[0], 'Pedro Salvatierra')
  assert.equal((e?.[1] as string[]).length, 2)
})
