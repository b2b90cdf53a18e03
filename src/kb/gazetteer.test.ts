import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Gazetteer } from './gazetteer.js'
import type { KbEntry } from './types.js'
import { extractDocument } from '../pipeline/extract.js'

// invented bodies: many aliases share their first word, so the lookup narrows them by the second
const SUBJECTS = ['Lanterns', 'Bridges', 'Orchards', 'Harbours', 'Meadows', 'Quarries', 'Lighthouses', 'Vineyards', 'Canals', 'Glaciers',
  'Beacons', 'Ferries', 'Tunnels', 'Windmills', 'Granaries', 'Fountains', 'Archives', 'Observatories', 'Aqueducts', 'Kilns',
  'Sawmills', 'Orchestras', 'Ropeways', 'Saltworks', 'Dovecotes', 'Tramways', 'Foundries', 'Apiaries', 'Weirs', 'Roads']
const org = (id: string, alias: string): KbEntry => ({ id: `actor:${id}`, name: alias, type: 'ORG', aliases: { en: [alias] } })
const entries: KbEntry[] = [
  org('ministry', 'Ministry'),
  ...SUBJECTS.map((s) => org(`ministry-of-${s.toLowerCase()}`, `Ministry of ${s}`)),
  org('ministry-of-roads-2', 'Ministry of Roads'),
  org('ministry-of-the-sea', 'Ministry of the Sea'),
]

function find(text: string) {
  const doc = extractDocument({ text, lang: 'en' })
  return new Gazetteer(entries.map((e) => ({ ...e }))).match(doc.tokens, doc.pack).map((m) => ({ text: text.slice(doc.tokens[m.from]!.start, doc.tokens[m.to - 1]!.end), ids: m.entries.map((e) => e.id) }))
}

test('a name among many sharing its first word is found by its second word, the longest first', () => {
  assert.deepEqual(find('The Ministry of Canals met the Ministry of the Sea.'), [
    { text: 'Ministry of Canals', ids: ['actor:ministry-of-canals'] },
    { text: 'Ministry of the Sea', ids: ['actor:ministry-of-the-sea'] },
  ])
  assert.deepEqual(find('A spokesman for the Ministry said so. Ministry of Weirs'), [
    { text: 'Ministry', ids: ['actor:ministry'] },
    { text: 'Ministry of Weirs', ids: ['actor:ministry-of-weirs'] },
  ])
  // only one word of the name in the sentence: the one-word alias
  assert.deepEqual(find('It was the Ministry.'), [{ text: 'Ministry', ids: ['actor:ministry'] }])
})

test('two referents of one alias are both kept, in the order of the knowledge base', () => {
  assert.deepEqual(find('The Ministry of Roads said so.'), [{ text: 'Ministry of Roads', ids: ['actor:ministry-of-roads', 'actor:ministry-of-roads-2'] }])
})

// invented names: one first word shared by aliases of different lengths and shapes
const harbour: KbEntry[] = [
  org('harbour-bank', 'Harbour Bank'),
  org('harbour-bank-of-tarnow', 'Harbour Bank of Tarnow'),
  org('harbour-trust', 'Harbour Trust'),
  { id: 'actor:hbt', name: 'HBT', type: 'ORG', aliases: { en: ['HBT'] } },
  { id: 'actor:lugina', name: 'Lugina e Hënës', type: 'LOC', aliases: { sq: ['Lugina e Hënës'] } },
  { id: 'country:zembia', name: 'Zembia', type: 'LOC', country: 'ZEM', aliases: { en: ['Zembia'] }, adjectives: { en: ['Zembian', 'North Zembian'] } },
]

function findIn(text: string, lang = 'en') {
  const doc = extractDocument({ text, lang })
  return new Gazetteer(harbour.map((e) => ({ ...e }))).match(doc.tokens, doc.pack).map((m) => text.slice(doc.tokens[m.from]!.start, doc.tokens[m.to - 1]!.end))
}

test('the longest alias the text follows is found, word by word', () => {
  assert.deepEqual(findIn('The Harbour Bank of Tarnow and the Harbour Bank of Lodz met the Harbour Trust.'), ['Harbour Bank of Tarnow', 'Harbour Bank', 'Harbour Trust'])
  // the alias runs past the sentence: only what fits in it is found
  assert.deepEqual(findIn('He went to Harbour Bank. Of Tarnow nothing was said.'), ['Harbour Bank'])
})

test('an acronym alias matches only capitals, and a linking article any linking article', () => {
  assert.deepEqual(findIn('HBT said so, and Hbt did not.'), ['HBT'])
  assert.deepEqual(findIn('Banorët thanë se Lugina së Hënës dhe Lugina i Hënës janë larg.', 'sq'), ['Lugina së Hënës', 'Lugina i Hënës'])
})

test('nationality adjectives of one word and of two', () => {
  const doc = extractDocument({ text: 'The North Zembian coach met a Zembian player near the North Sea.', lang: 'en' })
  const gaz = new Gazetteer(harbour.map((e) => ({ ...e })))
  const at = (word: string) => doc.tokens.findIndex((t) => t.text === word)
  assert.deepEqual(gaz.nationalityAt(doc.tokens, at('North'), doc.pack), { entry: gaz.get('country:zembia'), to: at('North') + 2 })
  assert.equal(gaz.nationalityAt(doc.tokens, doc.tokens.findIndex((t, i) => t.text === 'Zembian' && i > at('coach')), doc.pack)?.to, doc.tokens.findIndex((t, i) => t.text === 'Zembian' && i > at('coach')) + 1)
  assert.equal(gaz.nationalityAt(doc.tokens, doc.tokens.map((t) => t.text).lastIndexOf('North'), doc.pack), undefined)
  assert.equal(gaz.nationality(doc.tokens[at('coach')]!, doc.pack), undefined)
})
