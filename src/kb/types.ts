/**
 * One referent of the knowledge base: a country, a place, a person, an organisation. Countries and places are
 * generated at build time from npm packages (scripts/build-places.mjs); actors are curated data in kb/actors/.
 * Every loader returns `KbEntry[]`; the gazetteer (src/kb/gazetteer.ts) indexes their aliases per language.
 */
export interface KbEntry {
  /** Stable, namespaced id: `country:RUS`, `place:524901` (GeoNames id), `actor:vladimir-putin`. */
  id: string
  /** Canonical English name. */
  name: string
  type: 'PER' | 'ORG' | 'LOC' | 'MISC'
  /** ISO 3166-1 alpha-3 of the state the referent is or belongs to (XKX for Kosovo). */
  country?: string
  /** PLOVER/CAMEO-style sector: GOV, MIL, LEG, JUD, REB, IGO, NGO, MED, BUS, PTY, SPY, … */
  sector?: string
  wikidata?: string
  geonames?: number
  /** [longitude, latitude] */
  coordinates?: [number, number]
  population?: number
  /** First-level administrative division code, for places. */
  admin1?: string
  /** Base (uninflected) surface forms per ISO 639-1 language; `*` holds forms valid in every language. */
  aliases: Record<string, string[]>
  /** Nationality adjectives and demonyms per language (country entries), as attributes rather than mentions. */
  adjectives?: Record<string, string[]>
  /** The state this referent acts for in events (metonymy): `country:RUS` for the Kremlin or Moscow-the-capital. */
  standsFor?: string
  /** Date-bounded roles (people): what they were, where, and when. */
  roles?: KbRole[]
}

export interface KbRole {
  /** head-of-state, head-of-government, foreign-minister, defence-minister, spokesperson, leader, … */
  role: string
  /** ISO 3166-1 alpha-3, or the id of an organisation for roles in it. */
  of: string
  /** ISO dates (YYYY, YYYY-MM or YYYY-MM-DD); `to` absent while in office. */
  from?: string
  to?: string
}
