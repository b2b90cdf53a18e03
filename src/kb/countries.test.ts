/**
 * Countries of the generated knowledge base: coverage (ISO 3166-1 + Kosovo), names in many languages,
 * capitals, demonyms, Wikidata ids.
 */
import { before, test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { loadCountries, type CountryEntry } from './countries.js'
import { fold } from '../text/fold.js'
import { ensureGenerated } from '../testing/generated-data.js'



let countries: CountryEntry[] = []
const byIso = new Map<string, CountryEntry>()

before(async () => {
  await ensureGenerated()
  countries = loadCountries()
  for (const c of countries) byIso.set(c.country!, c)
})

/** ISO3 codes of the countries whose alias (in `lang` or `*`) folds to the same form as `name`. */
function lookup(name: string, lang: string): string[] {
  const key = fold(name)
  return countries
    .filter((c) => [...(c.aliases[lang] ?? []), ...(c.aliases['*'] ?? [])].some((a) => fold(a) === key))
    .map((c) => c.country!)
}

test('every ISO 3166-1 entry plus Kosovo, with unique ids and codes', () => {
  assert.equal(countries.length, 250)
  assert.equal(new Set(countries.map((c) => c.id)).size, 250)
  assert.equal(new Set(countries.map((c) => c.alpha2)).size, 250)
  for (const c of countries) {
    assert.match(c.id, /^country:[A-Z]{3}$/)
    assert.equal(c.id, `country:${c.country}`)
    assert.equal(c.type, 'LOC')
    assert.ok(c.name.length > 1, c.id)
    assert.ok(c.aliases.en?.length || c.aliases['*']?.length, `${c.id} has an English name`)
  }
  const sorted = countries.map((c) => c.id)
  assert.deepEqual(sorted, [...sorted].sort())
})

test('Kosovo is present as XK / XKX with its capital and names', () => {
  const k = byIso.get('XKX')!
  assert.ok(k)
  assert.equal(k.alpha2, 'XK')
  assert.equal(k.name, 'Kosovo')
  assert.equal(k.wikidata, 'Q1246')
  assert.equal(k.capitals[0]?.geonames, 786714)
  assert.deepEqual(lookup('Kosova', 'sq'), ['XKX'])
  assert.deepEqual(lookup('Kosovë', 'sq'), ['XKX'])
  assert.deepEqual(lookup('Kosovo', 'en'), ['XKX'])
  assert.deepEqual(lookup('Kosova', 'tr'), ['XKX'])
  assert.deepEqual(lookup('Косово', 'sr'), ['XKX'])
})

test('country names resolve in at least twelve languages', () => {
  const cases: Array<[string, string, string]> = [
    ['sq', 'Gjermani', 'DEU'], ['sq', 'Shtetet e Bashkuara', 'USA'], ['sq', 'SHBA', 'USA'], ['sq', 'Rusi', 'RUS'],
    ['sq', 'Kore e Veriut', 'PRK'], ['sq', 'Mali i Zi', 'MNE'], ['sq', 'Maqedoni e Veriut', 'MKD'], ['sq', 'Greqi', 'GRC'],
    ['en', 'Germany', 'DEU'], ['en', 'United States', 'USA'], ['en', 'Britain', 'GBR'], ['en', 'North Korea', 'PRK'],
    ['de', 'Deutschland', 'DEU'], ['de', 'Vereinigte Staaten', 'USA'], ['de', 'Russland', 'RUS'],
    ['fr', 'Allemagne', 'DEU'], ['fr', 'États-Unis', 'USA'], ['fr', 'Corée du Nord', 'PRK'],
    ['es', 'Alemania', 'DEU'], ['es', 'Estados Unidos', 'USA'], ['es', 'Rusia', 'RUS'],
    ['it', 'Germania', 'DEU'], ['it', 'Stati Uniti', 'USA'], ['it', 'Albania', 'ALB'],
    ['ru', 'Германия', 'DEU'], ['ru', 'США', 'USA'], ['ru', 'Украина', 'UKR'],
    ['sr', 'Немачка', 'DEU'], ['sr', 'Nemačka', 'DEU'], ['sr', 'Albanija', 'ALB'],
    ['tr', 'Almanya', 'DEU'], ['tr', 'Amerika Birleşik Devletleri', 'USA'], ['tr', 'Yunanistan', 'GRC'],
    ['el', 'Γερμανία', 'DEU'], ['el', 'Αλβανία', 'ALB'], ['el', 'Τουρκία', 'TUR'],
    ['ar', 'ألمانيا', 'DEU'], ['ar', 'لبنان', 'LBN'], ['ar', 'ليبيا', 'LBY'],
    ['zh', '德国', 'DEU'], ['zh', '美国', 'USA'], ['zh', '日本', 'JPN'],
    ['uk', 'Україна', 'UKR'], ['ja', 'ドイツ', 'DEU'], ['mk', 'Албанија', 'ALB'], ['hr', 'Njemačka', 'DEU'],
  ]
  const langs = new Set<string>()
  for (const [lang, name, iso3] of cases) {
    assert.ok(lookup(name, lang).includes(iso3), `${lang} "${name}" → ${iso3}, got ${lookup(name, lang).join(',') || 'nothing'}`)
    langs.add(lang)
  }
  assert.ok(langs.size >= 12)
})

test('CLDR names agree with ICU: Intl.DisplayNames for major countries is among the aliases', () => {
  const langs = ['sq', 'en', 'de', 'fr', 'es', 'it', 'ru', 'sr', 'tr', 'el', 'ar', 'zh']
  const regions = ['US', 'RU', 'CN', 'DE', 'FR', 'GB', 'AL', 'XK', 'RS', 'GR', 'TR', 'UA', 'IL', 'IR', 'JP']
  let checked = 0
  const missing: string[] = []
  for (const lang of langs) {
    const dn = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' })
    for (const a2 of regions) {
      const icu = dn.of(a2)
      if (!icu) continue
      const c = countries.find((x) => x.alpha2 === a2)!
      const all = [...(c.aliases[lang] ?? []), ...(c.aliases['*'] ?? [])].map(fold)
      if (!all.includes(fold(icu))) missing.push(`${lang} ${a2} "${icu}"`)
      checked++
    }
  }
  assert.ok(checked >= 150, `checked ${checked}`)
  // Node's ICU and the pinned CLDR package are the same CLDR release on Node 20.20 (ICU 78 / CLDR 48); another
  // Node may carry an older CLDR, so a few renamings are tolerated.
  assert.ok(missing.length <= checked * 0.05, `names ICU has and the KB lacks: ${missing.join(', ')}`)
})

test('names reach the long tail of CLDR languages', () => {
  const de = byIso.get('DEU')!
  assert.ok(Object.keys(de.aliases).length >= 100, `${Object.keys(de.aliases).length} language keys`)
})

test('capitals exist, with GeoNames ids and coordinates, for major countries', () => {
  const expected: Record<string, [string, number]> = {
    USA: ['Washington, D.C.', 4140963], RUS: ['Moscow', 524901], CHN: ['Beijing', 1816670], ALB: ['Tirana', 3183875],
    XKX: ['Pristina', 786714], UKR: ['Kyiv', 703448], LBY: ['Tripoli', 2210247], GBR: ['London', 2643743],
    FRA: ['Paris', 2988507], DEU: ['Berlin', 2950159], SRB: ['Belgrade', 792680], MKD: ['Skopje', 785842],
  }
  for (const [iso3, [name, id]] of Object.entries(expected)) {
    const cap = byIso.get(iso3)!.capitals[0]
    assert.ok(cap, `${iso3} has a capital`)
    assert.equal(cap.name, name)
    assert.equal(cap.geonames, id)
    const [lon, lat] = cap.coordinates
    assert.ok(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)
  }
  const withCapital = countries.filter((c) => c.capitals.length > 0).length
  assert.ok(withCapital >= 240, `${withCapital} countries with a capital`)
  // every UN member state has one
  for (const iso3 of ['NRU', 'PLW', 'FSM', 'TUV', 'KIR', 'MHL', 'SWZ', 'BOL', 'ZAF', 'NLD']) {
    assert.ok(byIso.get(iso3)!.capitals.length > 0, iso3)
  }
})

test('nationality adjectives: all four Albanian forms and English forms', () => {
  const sq = (iso3: string) => byIso.get(iso3)!.adjectives?.sq ?? []
  const en = (iso3: string) => byIso.get(iso3)!.adjectives?.en ?? []
  for (const f of ['rus', 'ruse', 'rusë']) assert.ok(sq('RUS').includes(f), f)
  for (const f of ['amerikan', 'amerikane', 'amerikanë']) assert.ok(sq('USA').includes(f), f)
  for (const f of ['koreanoverior', 'koreanoveriore', 'koreanoveriorë']) assert.ok(sq('PRK').includes(f), f)
  for (const f of ['koreanojugor', 'koreanojugore']) assert.ok(sq('KOR').includes(f), f)
  for (const f of ['turk', 'turke', 'turq']) assert.ok(sq('TUR').includes(f), f)
  for (const f of ['ukrainas', 'ukrainase']) assert.ok(sq('UKR').includes(f), f)
  assert.ok(sq('XKX').includes('kosovar'))
  assert.ok(sq('ALB').includes('shqiptarë'))
  assert.ok(en('PRK').includes('North Korean'))
  assert.ok(en('GBR').includes('British'))
  assert.ok(en('ALB').includes('Albanian'))
  const sqCount = countries.filter((c) => (c.adjectives?.sq?.length ?? 0) >= 2).length
  const enCount = countries.filter((c) => (c.adjectives?.en?.length ?? 0) >= 1).length
  assert.ok(sqCount >= 80, `${sqCount} countries with Albanian adjectives`)
  assert.ok(enCount >= 200, `${enCount} countries with English adjectives`)
})

test('Wikidata ids are well-formed and unique, and known ones are right', () => {
  const ids = countries.filter((c) => c.wikidata).map((c) => c.wikidata!)
  for (const q of ids) assert.match(q, /^Q\d+$/)
  assert.equal(new Set(ids).size, ids.length)
  assert.equal(byIso.get('USA')!.wikidata, 'Q30')
  assert.equal(byIso.get('RUS')!.wikidata, 'Q159')
  assert.equal(byIso.get('ALB')!.wikidata, 'Q222')
  assert.ok(ids.length >= 190)
})

test('a missing data folder gives a message that says how to build it', () => {
  assert.throws(() => loadCountries('/nonexistent-kronika-data'), /build-places\.mjs/)
})
