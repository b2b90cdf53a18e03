/**
 * Disambiguation of place names by population and by the countries a document mentions.
 * The stories below are written for these tests; country mentions are counted with a small matcher over the
 * generated country names and demonyms, standing in for the pipeline's gazetteer.
 */
import { before, test } from 'node:test'
import assert from 'node:assert/strict'
import { loadCountries, type CountryEntry } from './countries.js'
import { loadPlaces } from './places.js'
import { resolvePlace, scorePlaces, type CountryInfo } from './place-resolver.js'
import type { KbEntry } from './types.js'
import { fold } from '../text/fold.js'
import { ensureGenerated } from '../testing/generated-data.js'



let countries: CountryEntry[] = []
let all: KbEntry[] = []

before(async () => {
  await ensureGenerated()
  countries = loadCountries()
  all = [...countries, ...loadPlaces()]
})

/** Every entry with an alias (in `lang` or `*`) that folds like `name`: what a gazetteer would propose. */
function candidates(name: string, lang = 'en'): KbEntry[] {
  const key = fold(name)
  return all.filter((e) => [...(e.aliases[lang] ?? []), ...(e.aliases['*'] ?? []), e.name].some((a) => fold(a) === key))
}

/** Counts mentions of countries (names and demonyms, longest match first) in a text. */
function countryMentions(text: string, lang = 'en'): Map<string, number> {
  const forms: Array<[string, string]> = []
  for (const c of countries) {
    for (const a of [...(c.aliases[lang] ?? []), ...(c.aliases['*'] ?? []), ...(c.adjectives?.[lang] ?? [])]) {
      if (a.length > 2) forms.push([fold(a), c.country!])
    }
  }
  forms.sort((x, y) => y[0].length - x[0].length)
  let rest = ` ${fold(text).replace(/'s\b/g, '').replace(/[^\p{L}\p{N}' ]+/gu, ' ')} `
  const counts = new Map<string, number>()
  for (const [form, iso3] of forms) {
    const needle = ` ${form} `
    let i: number
    while ((i = rest.indexOf(needle)) >= 0) {
      counts.set(iso3, (counts.get(iso3) ?? 0) + 1)
      rest = `${rest.slice(0, i)} ${' '.repeat(form.length)} ${rest.slice(i + needle.length)}`
    }
  }
  return counts
}

const US_POLICY =
  'The United States will send more air-defence systems, the Pentagon said on Tuesday. American officials in ' +
  'Washington said the package was agreed after talks with Congress, and the US Treasury announced new sanctions.'

const LEBANON_STORY =
  'Clashes broke out overnight in Tripoli, Lebanon\'s second city. The Lebanese army deployed to the old souks, ' +
  'and the caretaker government in Beirut called for calm. Lebanon has been without a president for months.'

const LIBYA_STORY =
  'Rival militias exchanged fire near the airport in Tripoli. The UN mission in Libya urged restraint, and Libyan ' +
  'officials said flights were diverted to Misrata.'

test('the test matcher counts country mentions in a story', () => {
  const us = countryMentions(US_POLICY)
  assert.ok((us.get('USA') ?? 0) >= 2, JSON.stringify([...us]))
  assert.equal(us.size, 1, JSON.stringify([...us]))
  const lb = countryMentions(LEBANON_STORY)
  assert.equal(lb.get('LBN'), 3)
  assert.equal(lb.get('LBY'), undefined)
})

test('Washington resolves to the US capital in a story about US policy', () => {
  const cands = candidates('Washington')
  assert.ok(cands.length >= 4, 'Washington is ambiguous: the capital, the state, towns in England and the US')
  const r = resolvePlace(cands, { countries: countryMentions(US_POLICY) })
  assert.equal(r.entry.id, 'place:4140963')
  assert.match(r.reason, /^Washington \(USA\) chosen over .*: the document mentions the United States (twice|\d+ times)$/)
})

test('Washington with no context is still the capital', () => {
  const r = resolvePlace(candidates('Washington'), { countries: new Map() })
  assert.equal(r.entry.id, 'place:4140963')
  assert.match(r.reason, /capital of the United States/)
})

test('Tripoli resolves to Lebanon in a story about Lebanon, with a reason that says so', () => {
  const r = resolvePlace(candidates('Tripoli'), { countries: countryMentions(LEBANON_STORY) })
  assert.equal(r.entry.country, 'LBN')
  assert.match(r.reason, /^Tripoli \(LBN\) chosen over Tripoli \(LBY\)( and \d+ others?)?: the document mentions Lebanon 3 times$/)
})

test('Tripoli resolves to Libya in a story about Libya and when nothing is known', () => {
  assert.equal(resolvePlace(candidates('Tripoli'), { countries: countryMentions(LIBYA_STORY) }).entry.country, 'LBY')
  const r = resolvePlace(candidates('Tripoli'), { countries: new Map() })
  assert.equal(r.entry.country, 'LBY')
  assert.match(r.reason, /capital of Libya and it is more populous \(1,150,989 vs 229,398\)/)
})

test('the country mentioned more often wins when both are mentioned', () => {
  const r = resolvePlace(candidates('Tripoli'), { countries: new Map([['LBN', 3], ['LBY', 1]]) })
  assert.equal(r.entry.country, 'LBN')
  assert.match(r.reason, /mentions Lebanon 3 times and Libya once/)
})

test('a country bias decides when the document is silent, but not against the document', () => {
  const biased = resolvePlace(candidates('Tripoli'), { countries: new Map(), bias: 'LBN' })
  assert.equal(biased.entry.country, 'LBN')
  assert.match(biased.reason, /bias is towards Lebanon/)
  const overruled = resolvePlace(candidates('Tripoli'), { countries: new Map([['LBY', 2]]), bias: 'LBN' })
  assert.equal(overruled.entry.country, 'LBY')
})

test('mentions of the United States do not turn Moscow into Moscow, Idaho', () => {
  const r = resolvePlace(candidates('Moscow'), { countries: new Map([['USA', 8]]) })
  assert.equal(r.entry.id, 'place:524901')
  assert.match(r.reason, /capital of Russia/)
})

test('Georgia: the country by default, the US state in an American story', () => {
  assert.equal(resolvePlace(candidates('Georgia'), { countries: new Map() }).entry.id, 'country:GEO')
  const us = resolvePlace(candidates('Georgia'), { countries: new Map([['USA', 3]]) })
  assert.equal(us.entry.id, 'place:region-georgia-state')
  const both = resolvePlace(candidates('Georgia'), { countries: new Map([['USA', 3], ['GEO', 1]]) })
  assert.equal(both.entry.id, 'country:GEO')
})

test('Albanian surface forms resolve too (Uashington, Tripoli in an Albanian-language story)', () => {
  assert.equal(resolvePlace(candidates('Uashington', 'sq'), { countries: new Map() }).entry.id, 'place:4140963')
  const story = 'Luftime në Tripoli: ushtria libaneze u vendos në qytet, tha qeveria në Liban.'
  const mentions = countryMentions(story, 'sq')
  assert.equal(mentions.get('LBN'), 2, JSON.stringify([...mentions]))
  assert.equal(resolvePlace(candidates('Tripoli', 'sq'), { countries: mentions }).entry.country, 'LBN')
})

test('pure scoring on hand-made entries (no generated data needed)', () => {
  const info = new Map<string, CountryInfo>([['AAA', { name: 'Alpha', population: 5e6 }], ['BBB', { name: 'Beta', population: 50e6 }]])
  const big: KbEntry = { id: 'place:1', name: 'Sameton', type: 'LOC', country: 'BBB', population: 2e6, aliases: {}, standsFor: 'country:BBB' }
  const small: KbEntry = { id: 'place:2', name: 'Sameton', type: 'LOC', country: 'AAA', population: 1e5, aliases: {} }
  assert.equal(resolvePlace([small, big], { countries: new Map(), countryInfo: info }).entry.id, 'place:1')
  const r = resolvePlace([small, big], { countries: new Map([['AAA', 1]]), countryInfo: info })
  assert.equal(r.entry.id, 'place:2')
  assert.equal(r.reason, 'Sameton (AAA) chosen over Sameton (BBB): the document mentions Alpha once')
  const scored = scorePlaces([small, big], { countries: new Map(), countryInfo: info })
  assert.ok(scored[0]!.score > scored[1]!.score)
  assert.equal(resolvePlace([small], { countries: new Map(), countryInfo: info }).reason, 'Sameton (AAA): the only candidate')
  assert.throws(() => resolvePlace([], { countries: new Map() }), RangeError)
})

test('ties are broken deterministically', () => {
  const info = new Map<string, CountryInfo>([['AAA', { name: 'Alpha', population: 1e6 }]])
  const a: KbEntry = { id: 'place:region-a', name: 'Twin', type: 'LOC', country: 'AAA', aliases: {} }
  const b: KbEntry = { id: 'place:region-b', name: 'Twin', type: 'LOC', country: 'AAA', aliases: {} }
  assert.equal(resolvePlace([b, a], { countries: new Map(), countryInfo: info }).entry.id, 'place:region-a')
  assert.equal(resolvePlace([a, b], { countries: new Map(), countryInfo: info }).entry.id, 'place:region-a')
})
