/**
 * The whole knowledge base: countries and places (generated at build time from npm packages) and the curated
 * actors, plus users' own entries from `--kb FILE` (the actor TSV format), validated with clear errors.
 */
import { loadCountries } from './countries.js'
import { loadPlaces } from './places.js'
import { formatIssue, loadActors, readActors } from './actors.js'
import type { KbEntry } from './types.js'

let cached: KbEntry[] | undefined

/** Every shipped entry (cached after the first call). */
export function loadKnowledgeBase(): KbEntry[] {
  cached ??= [...loadCountries(), ...loadPlaces(), ...loadActors()]
  return cached
}

/** A user's entries from a TSV file in the kb/actors format; problems come back as `file:line: message`. */
export function readUserKb(path: string): { entries: KbEntry[]; errors: string[] } {
  const known = loadKnowledgeBase().map((e) => e.id)
  const { entries, errors } = readActors(path, known)
  return { entries, errors: errors.map(formatIssue) }
}
