/**
 * Chooses one referent among knowledge-base entries that share a name ("Tripoli", "Washington", "Georgia"),
 * from how many people live there and which countries the document talks about, and says why.
 *
 * The model is a small mixture. A mention is explained either by one of the countries the document is about
 * ("focus" countries, weighted by how often each is mentioned, to the power 1.5 so the dominant country
 * dominates) or by the world at large (weight 1):
 *
 *   score(c) = Σ_f  w_f · P(c | f)  +  1 · P(c | world)
 *   w_f      = (mentions_f + [f = bias])^1.5
 *   P(c | f) = share of country f's attention that c gets: 1 for f itself; population(c) / population(f) for a
 *              city of f, ×4 for its capital but then at most 0.1; 0.002 for a region or seat of f (no
 *              population); 0 for anything outside f
 *   P(c | world) = population(c) / 8e9, ×10 for a capital or seat of government (news names capitals far more
 *              than their size says) and for countries; 1e-4 for a region, 1e-3 for a region of no state
 *
 * So a mention of Lebanon makes Lebanon's second city more likely than Libya's capital, but five mentions of the
 * United States do not make "Moscow" Moscow, Idaho. Ties fall to the larger population, then the smaller id.
 */
import { loadCountries } from './countries.js'
import type { KbEntry } from './types.js'

/** What the resolver knows about the document. */
export interface PlaceContext {
  /** ISO 3166-1 alpha-3 → how many times the document mentions that country (names, demonyms, capitals…). */
  countries: Map<string, number>
  /** ISO3 of a country to lean towards when the document says nothing (e.g. the outlet's home country). */
  bias?: string
  /** Country facts (English name, population) by ISO3; loaded from the generated countries file when absent. */
  countryInfo?: Map<string, CountryInfo>
}

/** English name and population of a country, for scoring and for the reason text. */
export interface CountryInfo {
  name: string
  population?: number
}

/** The chosen entry and a human-readable reason. */
export interface PlaceResolution {
  entry: KbEntry
  reason: string
}

/** A candidate's score and the parts it is made of (exposed for debugging and tests). */
export interface ScoredPlace {
  entry: KbEntry
  score: number
  /** The focus term from document mentions of the candidate's country. */
  mentionTerm: number
  /** The focus term from the bias alone (no mentions). */
  biasTerm: number
  /** The world-at-large term (population and capital status). */
  worldTerm: number
}

const WORLD_POPULATION = 8e9
const FOCUS_EXPONENT = 1.5
const BIAS_MENTIONS = 1
const CAPITAL_BOOST = 10
const CAPITAL_FOCUS_BOOST = 4
const CAPITAL_FOCUS_CAP = 0.1
const REGION_SHARE = 0.002
const REGION_WORLD = 1e-4
const STATELESS_REGION_WORLD = 1e-3
const DEFAULT_COUNTRY_POPULATION = 1e7

let defaultCountryInfo: Map<string, CountryInfo> | undefined

/** Country names and populations from the generated countries file, loaded once; empty if it cannot be read. */
function countryInfoFromKb(): Map<string, CountryInfo> {
  if (!defaultCountryInfo) {
    defaultCountryInfo = new Map()
    try {
      for (const c of loadCountries()) {
        if (c.country) defaultCountryInfo.set(c.country, { name: c.name, population: c.population })
      }
    } catch {
      // no generated data: reasons fall back to ISO codes and populations to a default
    }
  }
  return defaultCountryInfo
}

function isCountry(e: KbEntry): boolean {
  return e.id.startsWith('country:')
}

/** Capitals and seats of government stand for their state; so do government buildings (`seat:`). */
function isCapital(e: KbEntry): boolean {
  return e.standsFor !== undefined && e.standsFor === `country:${e.country}`
}

/** Scores every candidate under the model described at the top of this file, best first. */
export function scorePlaces(candidates: KbEntry[], context: PlaceContext): ScoredPlace[] {
  const info = context.countryInfo ?? countryInfoFromKb()
  const countryPop = (iso3: string): number => info.get(iso3)?.population ?? DEFAULT_COUNTRY_POPULATION
  const mentions = (iso3: string | undefined): number => (iso3 ? context.countries.get(iso3) ?? 0 : 0)

  const scored = candidates.map((entry): ScoredPlace => {
    const iso3 = entry.country
    const m = mentions(iso3)
    const biased = iso3 !== undefined && iso3 === context.bias
    let share = 0
    if (iso3) {
      if (isCountry(entry)) share = 1
      else if (entry.population) {
        share = entry.population / countryPop(iso3)
        share = isCapital(entry) ? Math.min(CAPITAL_FOCUS_CAP, CAPITAL_FOCUS_BOOST * share) : Math.min(1, share)
      } else share = REGION_SHARE
    }
    const mentionTerm = m > 0 ? Math.pow(m + (biased ? BIAS_MENTIONS : 0), FOCUS_EXPONENT) * share : 0
    const biasTerm = m === 0 && biased ? Math.pow(BIAS_MENTIONS, FOCUS_EXPONENT) * share : 0
    let worldTerm: number
    if (isCountry(entry)) worldTerm = (CAPITAL_BOOST * (entry.population ?? countryPop(iso3 ?? ''))) / WORLD_POPULATION
    else if (entry.population) worldTerm = ((isCapital(entry) ? CAPITAL_BOOST : 1) * entry.population) / WORLD_POPULATION
    else worldTerm = iso3 ? REGION_WORLD : STATELESS_REGION_WORLD
    return { entry, score: mentionTerm + biasTerm + worldTerm, mentionTerm, biasTerm, worldTerm }
  })
  return scored.sort(
    (a, b) =>
      b.score - a.score ||
      (b.entry.population ?? 0) - (a.entry.population ?? 0) ||
      (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0),
  )
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`
}

function label(e: KbEntry): string {
  if (isCountry(e)) return `${e.name} (country)`
  return e.country && !e.name.includes('(') ? `${e.name} (${e.country})` : e.name
}

/** "the United States", "the Netherlands", "Lebanon": country names as they read inside a sentence. */
function inSentence(name: string): string {
  return /^(United |Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Seychelles|Czech Republic|Dominican Republic|Central African Republic|Democratic Republic|Republic of|.* Islands$)/.test(name)
    ? `the ${name}`
    : name
}

/**
 * Picks the most likely referent among `candidates` (entries that share a surface form) and explains the choice,
 * e.g. "Tripoli (LBN) chosen over Tripoli (LBY): the document mentions Lebanon 3 times".
 */
export function resolvePlace(candidates: KbEntry[], context: PlaceContext): PlaceResolution {
  if (candidates.length === 0) throw new RangeError('resolvePlace: no candidates')
  const ranked = scorePlaces(candidates, context)
  const best = ranked[0]!
  if (ranked.length === 1) return { entry: best.entry, reason: `${label(best.entry)}: the only candidate` }

  const info = context.countryInfo ?? countryInfoFromKb()
  const countryName = (iso3: string): string => inSentence(info.get(iso3)?.name ?? iso3)
  const second = ranked[1]!
  const others = ranked.length - 2
  const over = `${label(second.entry)}${others > 0 ? ` and ${others} other${others > 1 ? 's' : ''}` : ''}`
  const head = `${label(best.entry)} chosen over ${over}`
  const e = best.entry

  let why: string
  if (best.mentionTerm >= best.worldTerm && best.mentionTerm > 0 && e.country) {
    why = `the document mentions ${countryName(e.country)} ${times(context.countries.get(e.country) ?? 0)}`
    const rival = second.entry.country
    const rivalMentions = rival && rival !== e.country ? context.countries.get(rival) ?? 0 : 0
    if (rival && rivalMentions > 0) why += ` and ${countryName(rival)} ${times(rivalMentions)}`
  } else if (best.biasTerm >= best.worldTerm && best.biasTerm > 0 && e.country) {
    why = `the document names neither country, and the bias is towards ${countryName(e.country)}`
  } else {
    const facts: string[] = []
    if (isCountry(e)) facts.push('it is a country')
    else if (isCapital(e) && e.country) facts.push(`it is the capital of ${countryName(e.country)}`)
    const p1 = e.population ?? 0
    const p2 = second.entry.population ?? 0
    if (p1 > p2 && p2 > 0) facts.push(`it is more populous (${p1.toLocaleString('en-US')} vs ${p2.toLocaleString('en-US')})`)
    const evidence = [...context.countries.values()].some((n) => n > 0)
      ? 'the countries the document mentions do not outweigh it'
      : 'the document names no country'
    why = `${evidence}; ${facts.length ? facts.join(' and ') : 'it is the more prominent place'}`
  }
  return { entry: e, reason: `${head}: ${why}` }
}
