/**
 * Places of the generated knowledge base: cities, exonyms, regions, government seats, and the build's
 * reproducibility.
 */
import { before, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { DEFAULT_DATA_DIR, loadCountries } from './countries.js'
import { loadPlaces, type PlaceEntry } from './places.js'
import { fold } from '../text/fold.js'
import { ensureGenerated, ROOT } from '../testing/generated-data.js'

const BUILD_SCRIPT = pathToFileURL(join(ROOT, 'scripts', 'build-places.mjs')).href


let places: PlaceEntry[] = []
const byId = new Map<string, PlaceEntry>()

before(async () => {
  await ensureGenerated()
  places = loadPlaces()
  for (const p of places) byId.set(p.id, p)
})

/** Entries whose alias in `lang` or `*` folds to the same form as `name`. */
function lookup(name: string, lang: string): PlaceEntry[] {
  const key = fold(name)
  return places.filter((p) => [...(p.aliases[lang] ?? []), ...(p.aliases['*'] ?? [])].some((a) => fold(a) === key))
}

function get(id: string): PlaceEntry {
  const p = byId.get(id)
  assert.ok(p, `${id} exists`)
  return p
}

test('ids are unique and well-formed; cities carry GeoNames facts', () => {
  assert.equal(byId.size, places.length)
  let cities = 0
  for (const p of places) {
    assert.match(p.id, /^(place:\d+|place:region-[a-z0-9-]+|seat:[a-z0-9-]+)$/, p.id)
    if (p.geonames !== undefined) {
      cities++
      assert.equal(p.id, `place:${p.geonames}`)
      assert.match(p.country ?? '', /^[A-Z]{3}$/, p.id)
      const [lon, lat] = p.coordinates!
      assert.ok(Math.abs(lon) <= 180 && Math.abs(lat) <= 90, p.id)
    }
  }
  assert.ok(cities >= 20000, `${cities} cities`)
})

test('cities of at least 15,000 people are in, and so are small capitals', () => {
  assert.ok(get('place:2657896').population! > 300000) // Zürich
  const vaduz = lookup('Vaduz', 'en').find((p) => p.country === 'LIE')
  assert.ok(vaduz, 'Vaduz, a capital of about 5,000 people')
  assert.equal(vaduz.standsFor, 'country:LIE')
})

test('every capital in the country file is a place that stands for its country', () => {
  for (const c of loadCountries()) {
    for (const cap of c.capitals) {
      const p = get(`place:${cap.geonames}`)
      assert.equal(p.standsFor, `country:${c.country}`, `${p.name} stands for ${c.country}`)
    }
  }
})

test('Albanian exonyms of capitals and major cities', () => {
  const cases: Array<[string, string]> = [
    ['Uashington', 'place:4140963'], ['Moskë', 'place:524901'], ['Pekin', 'place:1816670'], ['Phenian', 'place:1871859'],
    ['Londër', 'place:2643743'], ['Romë', 'place:3169070'], ['Athinë', 'place:264371'], ['Beograd', 'place:792680'],
    ['Prishtinë', 'place:786714'], ['Tiranë', 'place:3183875'], ['Kiev', 'place:703448'], ['Kiiv', 'place:703448'],
    ['Stamboll', 'place:745044'], ['Shkup', 'place:785842'], ['Podgoricë', 'place:3193044'], ['Berlin', 'place:2950159'],
    ['Paris', 'place:2988507'],
  ]
  for (const [name, id] of cases) {
    const ids = lookup(name, 'sq').map((p) => p.id)
    assert.ok(ids.includes(id), `sq "${name}" → ${id}, got ${ids.join(',') || 'nothing'}`)
  }
  const selanik = lookup('Selanik', 'sq')
  assert.equal(selanik[0]?.name, 'Thessaloniki')
})

test('CLDR exemplar-city names reach other languages', () => {
  const moscow = get('place:524901')
  const all = Object.values(moscow.aliases).flat()
  for (const n of ['Moskau', 'Moscou', 'Москва', 'Moskova', '莫斯科']) assert.ok(all.includes(n), n)
  assert.ok(lookup('Kiew', 'de').some((p) => p.id === 'place:703448'))
})

test('English forms news uses: Washington, Kiev, Odessa, Gaza City', () => {
  assert.ok(lookup('Washington', 'en').some((p) => p.id === 'place:4140963'))
  assert.equal(get('place:4140963').name, 'Washington')
  assert.ok(lookup('Kiev', 'en').some((p) => p.id === 'place:703448'))
  assert.ok(lookup('Odessa', 'en').some((p) => p.country === 'UKR'))
  assert.ok(lookup('Kharkov', 'en').some((p) => p.country === 'UKR'))
})

test('curated regions: Ukraine, Palestine, Kosovo and others', () => {
  const donetsk = get('place:region-donetsk-oblast')
  assert.equal(donetsk.country, 'UKR')
  assert.equal(donetsk.admin1, '05') // derived from Donetsk city, the oblast's centre (GeoNames PPLA)
  assert.ok(lookup('Krime', 'sq').some((p) => p.id === 'place:region-crimea'))
  assert.ok(lookup('Crimea', 'en').some((p) => p.id === 'place:region-crimea'))
  assert.ok(lookup('Bregu Perëndimor', 'sq').some((p) => p.id === 'place:region-west-bank'))
  assert.ok(lookup('West Bank', 'en').some((p) => p.id === 'place:region-west-bank'))
  assert.ok(lookup('Rripi i Gazës', 'sq').some((p) => p.id === 'place:region-gaza-strip'))
  assert.ok(lookup('Luhansk', 'en').some((p) => p.id === 'place:region-luhansk-oblast'))
  assert.ok(lookup('Kherson region', 'en').some((p) => p.id === 'place:region-kherson-oblast'))
  assert.ok(lookup('Lugina e Preshevës', 'sq').some((p) => p.id === 'place:region-presevo-valley'))
  assert.ok(lookup('Perëndimi', 'sq').some((p) => p.id === 'place:region-the-west'))
  const kosovoMunicipalities = places.filter((p) => p.id.startsWith('place:region-municipality-') && p.country === 'XKX')
  assert.equal(kosovoMunicipalities.length, 38)
  const states = places.filter((p) => p.country === 'USA' && p.featureCode === 'ADM1')
  assert.equal(states.length, 51) // 50 states and the District of Columbia
  const withRegions = new Set(places.filter((p) => p.id.startsWith('place:region-') && p.country).map((p) => p.country))
  assert.ok(withRegions.size >= 60, `${withRegions.size} countries with curated regions`)
})

test('UN M49 macro-regions carry CLDR names', () => {
  const europe = get('place:region-europe')
  assert.equal(europe.featureCode, 'CONT')
  const names = Object.values(europe.aliases).flat()
  for (const n of ['Evropa', 'Europa', 'Европа', 'Avrupa']) assert.ok(names.includes(n), n)
})

test('government seats are ORG entries that stand for their state', () => {
  const kremlin = get('seat:kremlin')
  assert.equal(kremlin.type, 'ORG')
  assert.equal(kremlin.standsFor, 'country:RUS')
  assert.ok(lookup('Kremlini', 'sq').some((p) => p.id === 'seat:kremlin'))
  assert.ok(lookup('Shtëpia e Bardhë', 'sq').some((p) => p.id === 'seat:white-house'))
  assert.ok(lookup('White House', 'en').some((p) => p.id === 'seat:white-house'))
  assert.equal(get('seat:white-house').standsFor, 'country:USA')
  for (const [slug, iso3] of [['elysee', 'FRA'], ['downing-street', 'GBR'], ['zhongnanhai', 'CHN'], ['blue-house', 'KOR'],
    ['pentagon', 'USA'], ['quai-dorsay', 'FRA'], ['foggy-bottom', 'USA']] as const) {
    assert.equal(get(`seat:${slug}`).standsFor, `country:${iso3}`, slug)
  }
  assert.equal(get('seat:pentagon').sector, 'MIL')
})

test('the build is deterministic: two in-memory builds give the same bytes, equal to the files on disk', async () => {
  const mod = await import(BUILD_SCRIPT)
  const a = mod.buildPlaces({ root: ROOT })
  const b = mod.buildPlaces({ root: ROOT })
  const sha = (s: string) => createHash('sha256').update(s).digest('hex')
  assert.equal(sha(a.countriesJson), sha(b.countriesJson))
  assert.equal(sha(a.placesJson), sha(b.placesJson))
  assert.doesNotMatch(a.countriesJson + a.placesJson, /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'no timestamps')
  assert.equal(readFileSync(join(DEFAULT_DATA_DIR, 'countries.json'), 'utf8'), a.countriesJson, 'countries.json is up to date')
  assert.equal(readFileSync(join(DEFAULT_DATA_DIR, 'places.json'), 'utf8'), a.placesJson, 'places.json is up to date')
})
