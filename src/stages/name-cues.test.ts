import { test } from 'node:test'
import assert from 'node:assert/strict'
import { extractDocument } from '../pipeline/extract.js'
import { capsSentences, capitalsUninformative, isDottedAbbreviation, isInitial, nameCues, possessiveLength, typeByWords, withoutPossessive } from './name-cues.js'

const en = (text: string) => extractDocument({ text, lang: 'en' })

test('the English pack has the data the name cues need; the Albanian pack keeps the plain rules', () => {
  assert.equal(nameCues(en('A.').pack).active, true)
  assert.equal(nameCues(extractDocument({ text: 'Një.', lang: 'sq' }).pack).active, false)
})

test('a sentence in capitals is one where capitals say nothing', () => {
  const doc = en('SOCCER - SHEARER NAMED AS ENGLAND CAPTAIN .\n\nThe world\'s costliest footballer was named captain.')
  assert.deepEqual(capsSentences(doc), [true, false])
  const caps = capsSentences(doc)
  const the = doc.tokens.findIndex((t) => t.text === 'The')
  const world = doc.tokens.findIndex((t) => t.text === 'costliest')
  assert.equal(capitalsUninformative(doc, 0, caps), true)
  assert.equal(capitalsUninformative(doc, the, caps), true)
  assert.equal(capitalsUninformative(doc, world, caps), false)
})

test('words of one letter say nothing of a headline; letters outside ASCII count as letters', () => {
  // ÖZIL and SCORES count, A and Ç (one letter) do not: two words in capitals
  assert.deepEqual(capsSentences(en('ÖZIL A Ç SCORES')), [true])
  // only Özil has two letters: one word is too few
  assert.deepEqual(capsSentences(en('A B Ç Özil')), [false])
  // 3-1 and 2x are not words of letters enough to count; the two words in capitals do
  assert.deepEqual(capsSentences(en('CITY WIN 3-1 x')), [true])
})

test('initials, dotted abbreviations and possessive endings', () => {
  const doc = en("M. Atherton met U.S. officials at Germany's embassy.")
  const t = doc.tokens
  assert.equal(isInitial(t, t.findIndex((x) => x.text === 'M')), true)
  assert.equal(isDottedAbbreviation(t, t.findIndex((x) => x.text === 'U.S')), true)
  const germany = t.find((x) => x.text === "Germany's")!
  const cues = nameCues(doc.pack)
  assert.equal(withoutPossessive(germany, cues), 'germany')
  assert.equal(possessiveLength(germany, cues), 2)
})

test('a name\'s own words type it, organisation words first, the last word between place and event', () => {
  const doc = en('Labour Party . Yangtze River . Gulf War . Cup .')
  const cues = nameCues(doc.pack)
  const at = (w: string) => doc.tokens.findIndex((x) => x.text === w)
  assert.equal(typeByWords(doc.tokens, at('Labour'), at('Party') + 1, cues)?.type, 'ORG')
  assert.equal(typeByWords(doc.tokens, at('Yangtze'), at('River') + 1, cues)?.type, 'LOC')
  assert.equal(typeByWords(doc.tokens, at('Gulf'), at('War') + 1, cues)?.type, 'MISC')
  assert.equal(typeByWords(doc.tokens, at('Cup'), at('Cup') + 1, cues), undefined)
})

test('every English entity mention is an exact span of the text, possessives and abbreviation dots included', () => {
  const text = "Germany's Chancellor Helmut Kohl met Acme Corp. officials and the U.N. envoy in Nagorno-Karabakh."
  const doc = en(text)
  const mentions = doc.entities.flatMap((e) => e.mentions)
  for (const m of mentions) assert.equal(text.slice(m.start, m.end), m.text)
  assert.deepEqual(mentions.map((m) => m.text).sort(), ['Acme Corp.', 'Germany', 'Helmut Kohl', 'Nagorno-Karabakh', 'U.N.'].sort())
})
