/**
 * The whole knowledge base: countries and places (generated at build time from npm packages) and the curated
 * actors, plus users' own entries from `--kb FILE` (the actor TSV format), validated with clear errors.
 * At run time the build's compiled files are used when they match their sources (src/kb/compiled-index.ts).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadCountries } from './countries.js'
import { loadPlaces } from './places.js'
import { formatIssue, loadActors, readActors } from './actors.js'
import { Gazetteer } from './gazetteer.js'
import { deserialiseIndex, indexStamp, placeResolver, placesStamp, serialisePlaces, sourceStamp, type CompiledKb } from './compiled-index.js'
import type { KbEntry } from './types.js'

/** The package root (where data/, kb/ and packs/ are). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url))
const GENERATED = join(PACKAGE_ROOT, 'data', 'generated')

let cached: KbEntry[] | undefined

/** Every shipped entry with all its aliases (cached after the first call). */
export function loadKnowledgeBase(): KbEntry[] {
  cached ??= [...loadCountries(), ...loadPlaces(), ...loadActors()]
  return cached
}

function readBytes(path: string): Buffer | undefined {
  try { return existsSync(path) ? readFileSync(path) : undefined } catch { return undefined }
}

function readText(path: string): string | undefined {
  try { return existsSync(path) ? readFileSync(path, 'utf8') : undefined } catch { return undefined }
}

function readJson<T>(path: string): T | undefined {
  try { const text = readText(path); return text === undefined ? undefined : JSON.parse(text) as T } catch { return undefined }
}

/**
 * The gazetteer over the shipped knowledge base: from the compiled files when they are current (fast start),
 * otherwise from the sources. `compiled: false` forces the sources (the build uses it).
 */
export function loadGazetteer(options: { compiled?: boolean } = {}): Gazetteer {
  const core = options.compiled === false ? undefined : readJson<CompiledKb>(join(GENERATED, 'kb-core.json'))
  if (!core || core.stamp !== sourceStamp(PACKAGE_ROOT)) return new Gazetteer(loadKnowledgeBase())
  const gazetteer = new Gazetteer(core.entries)
  // the places file is read when a text first names a place; made from the sources if it is missing or stale
  gazetteer.lazyEntry = placeResolver(() => {
    const bytes = readBytes(join(GENERATED, 'kb-places.tsv'))
    return bytes && placesStamp(bytes) === core.stamp ? bytes : serialisePlaces(loadPlaces().filter((e) => e.id.startsWith('place:')), core.stamp)
  })
  gazetteer.fullEntries = loadKnowledgeBase
  gazetteer.compiledIndex = (lang, byId) => {
    const bytes = readBytes(join(GENERATED, `gazetteer-${lang}.tsv`))
    return bytes && indexStamp(bytes, lang) === sourceStamp(PACKAGE_ROOT, lang) ? deserialiseIndex(bytes, byId) : undefined
  }
  return gazetteer
}

/** A user's entries from a TSV file in the kb/actors format; problems come back as `file:line: message`. */
export function readUserKb(path: string, known: Iterable<string> = loadKnowledgeBase().map((e) => e.id)): { entries: KbEntry[]; errors: string[] } {
  const { entries, errors } = readActors(path, known)
  return { entries, errors: errors.map(formatIssue) }
}
