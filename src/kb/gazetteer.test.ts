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
