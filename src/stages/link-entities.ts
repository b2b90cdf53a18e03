/**
 * Groups the name candidates into one entity per real-world referent: ambiguous knowledge-base names are
 * resolved by the document (a referent already named unambiguously, the countries it mentions, a person in
 * office on the publication date, population), surnames and short forms join the full name given earlier
 * (zoti Kim → Kim Jong Un), and names the knowledge base does not know are kept as unlinked entities.
 */
import type { KronikaDocument, MentionCandidate } from '../document.js'
import type { Entity } from '../record/schema.js'
import type { KbEntry } from '../kb/types.js'
import type { PipelineContext } from '../pipeline/context.js'
import { resolvePlace, type CountryInfo } from '../kb/place-resolver.js'
import { firstAtOrAfter } from '../text/sorted.js'

interface Group {
  key: string
  entry?: KbEntry
  type: Entity['type']
  candidates: MentionCandidate[]
  country?: string
  rule: string
  reason?: string
  /** The rule that gave the country, when the text around the name gave it (not the KB or a cue beside it). */
  countryRule?: string
}

/** True when a role of the entry covers the date (any precision), or the entry has no roles. */
function inOffice(e: KbEntry, date: string | undefined): boolean {
  if (!date || !e.roles?.length) return false
  return e.roles.some((r) => (!r.from || r.from.slice(0, date.length) <= date) && (!r.to || r.to.slice(0, date.length) >= date))
}

const countryInfos = new WeakMap<object, Map<string, CountryInfo>>()
/** Names and populations of the countries, for the place resolver (from the loaded knowledge base). */
function countryInfoOf(ctx: PipelineContext): Map<string, CountryInfo> {
  let info = countryInfos.get(ctx.gazetteer)
  if (!info) {
    info = new Map()
    for (const e of ctx.gazetteer.entries) if (e.id.startsWith('country:') && e.country) info.set(e.country, { name: e.name, ...(e.population ? { population: e.population } : {}) })
    countryInfos.set(ctx.gazetteer, info)
  }
  return info
}

function choose(c: MentionCandidate, doc: KronikaDocument, ctx: PipelineContext, chosen: Map<string, KbEntry>, countryCounts: Map<string, number>): { entry: KbEntry; reason: string } {
  const refs = c.refs
  if (refs.length === 1) return { entry: refs[0]!, reason: 'only referent of the name' }
  const already = refs.find((r) => chosen.has(r.id))
  if (already) return { entry: already, reason: 'referent already named in the document' }
  const wantType = refs.filter((r) => r.type === c.type)
  let pool = wantType.length ? wantType : refs
  if (c.country) {
    const same = pool.filter((r) => r.country === c.country)
    if (same.length) pool = same
  }
  if (pool.every((r) => r.type === 'LOC')) {
    const { entry, reason } = resolvePlace(pool, { countries: countryCounts, countryInfo: countryInfoOf(ctx) })
    return { entry, reason }
  }
  const dated = pool.filter((r) => inOffice(r, doc.published?.value))
  if (dated.length) pool = dated
  const scored = pool.map((r) => ({ r, s: (r.country ? countryCounts.get(r.country) ?? 0 : 0) * 1e9 + (r.population ?? 0) + (r.roles?.length ?? 0) }))
  scored.sort((a, b) => b.s - a.s)
  const best = scored[0]!.r
  const reason = best.country && countryCounts.get(best.country) ? `the document mentions ${best.country}` : best.population ? 'largest population' : 'first of equally likely referents'
  return { entry: best, reason }
}

export function linkEntities(doc: KronikaDocument, ctx: PipelineContext): void {
  void ctx
  const lang = doc.pack.code
  const cands = doc.candidates
  // countries the document names (for disambiguating places and people)
  const countryCounts = new Map<string, number>()
  for (const c of cands) if (c.refs.length === 1 && c.refs[0]!.country) countryCounts.set(c.refs[0]!.country!, (countryCounts.get(c.refs[0]!.country!) ?? 0) + 1)
  for (const a of doc.adjectives) countryCounts.set(a.country, (countryCounts.get(a.country) ?? 0) + 1)

  const chosen = new Map<string, KbEntry>()
  for (const c of cands) if (c.refs.length === 1) chosen.set(c.refs[0]!.id, c.refs[0]!)

  const groups: Group[] = []
  const byEntry = new Map<string, Group>()
  const byKey = new Map<string, Group>()
  const groupOf: Group[] = []
  const words = new GroupWords()
  for (const c of cands) {
    let g: Group | undefined
    // a one-word name of a known person that is a word of another person's full name given before is that person's
    // short form, not the known person (Marin after Marin Koskinen is not Sanna Marin)
    const named = c.refs.length && !c.key.includes(' ') && c.refs.some((r) => r.type === 'PER') && c.refs.every((r) => r.type === 'PER' || r.id.startsWith('place:'))
      ? words.find(words.inName, c.key, (x) => x.type === 'PER' && !(x.entry && c.refs.includes(x.entry)))
      : undefined
    if (named) {
      g = named
      c.rule = `${lang}.entity.short-name`
    } else if (c.refs.length) {
      const { entry, reason } = choose(c, doc, ctx, chosen, countryCounts)
      chosen.set(entry.id, entry)
      g = byEntry.get(entry.id)
      if (!g) {
        g = { key: entry.id, entry, type: entry.type, candidates: [], rule: c.rule, ...(entry.country ? { country: entry.country } : {}), ...(c.refs.length > 1 ? { reason } : {}) }
        byEntry.set(entry.id, g); groups.push(g); words.add(g)
      }
    } else {
      // a short form of a name given before: the same key, or the last word of a person's name
      g = byKey.get(c.key)
      if (!g && !c.key.includes(' ') && (c.type === 'PER' || c.type === 'MISC')) {
        g = words.find(words.last, c.key, (x) => x.type === 'PER')
        // or, failing that, the first word of an unlinked person's name (a family name written first: Wang Junxia → Wang)
        g ??= words.find(words.first, c.key, (x) => x.type === 'PER' && !x.entry)
        if (g && !g.entry) c.rule = `${lang}.entity.surname`
      }
      if (!g) {
        g = { key: c.key, type: c.type, candidates: [], rule: c.rule, ...(c.country ? { country: c.country } : {}) }
        groups.push(g); words.add(g)
      }
      byKey.set(c.key, g)
      if (g.type === 'MISC' && c.type !== 'MISC') g.type = c.type
    }
    if (!g.country && c.country) g.country = c.country
    g.candidates.push(c)
    groupOf.push(g)
  }

  joinAcronyms(doc, cands, groups, groupOf, byKey)
  giveCountries(doc, cands, groups, groupOf)
  toEntities(doc, groups, groupOf)
}

/**
 * A name and its acronym in brackets right after it are one referent (the World Health Office (WHO), the
 * Chadian Renewal Front (CRF)): the unlinked one joins the other's group; groups left empty go.
 */
function joinAcronyms(doc: KronikaDocument, cands: MentionCandidate[], groups: Group[], groupOf: Group[], byKey: Map<string, Group>): void {
  const joinGroup = (from: Group, into: Group) => {
    for (const c of from.candidates) { into.candidates.push(c); groupOf[cands.indexOf(c)] = into }
    if (!into.country && from.country) into.country = from.country
    from.candidates = []
    into.candidates.sort((x, y) => x.start - y.start)
    for (const [k, v] of byKey) if (v === from) byKey.set(k, into)
  }
  cands.forEach((c, i) => {
    const k = cands[i + 1], open = doc.tokens[c.tokenTo], close = k ? doc.tokens[k.tokenTo] : undefined
    if (!k || open?.text !== '(' || k.tokenFrom !== c.tokenTo + 1 || close?.text !== ')' || k.tokenTo - k.tokenFrom !== 1 || !/^\p{Lu}{2,}$/u.test(k.text)) return
    const a = groupOf[i]!, b = groupOf[i + 1]!
    // (the acronym's letters are initials of the name's words, in any order: Front Islamique du Salut (FIS))
    const initials = new Set(doc.tokens.slice(c.tokenFrom, c.tokenTo).filter((t) => t.isWord).map((t) => t.text[0]!.toUpperCase()))
    if (initials.size < 2 || [...k.text].some((ch) => !initials.has(ch))) return
    if (a === b || (a.entry && b.entry)) return
    if (a.entry || !b.entry) joinGroup(b, a)
    else joinGroup(a, b)
  })
  for (let i = groups.length - 1; i >= 0; i--) if (!groups[i]!.candidates.length) groups.splice(i, 1)
}

/** The countries of unlinked groups, from a place inside their name, an organisation listed with them, or the text around them. */
function giveCountries(doc: KronikaDocument, cands: MentionCandidate[], groups: Group[], groupOf: Group[]): void {
  const lang = doc.pack.code
  // an unlinked organisation containing a place takes that place's country
  const byStart = cands.every((c, i) => i === 0 || cands[i - 1]!.start <= c.start)
  const innerPlace = (c: MentionCandidate) => {
    const holds = (k: MentionCandidate) => k !== c && k.start >= c.start && k.end <= c.end && k.refs[0]?.country
    if (!byStart) return cands.find(holds)
    // (candidates in text order: those inside c start at the first one starting at or after it)
    for (let i = firstAtOrAfter(cands, (k) => k.start, c.start); i < cands.length && cands[i]!.start <= c.end; i++) if (holds(cands[i]!)) return cands[i]
    return undefined
  }
  for (const g of groups) {
    if (g.country || g.entry) continue
    for (const c of g.candidates) {
      const inner = innerPlace(c)
      if (inner) { g.country = inner.refs[0]!.country!; break }
    }
  }
  // … and one listed with organisations of a state shares it (Zyra e Kryeministrit të Kosovës, Ministria e
  // Jashtme dhe Agjencia e Inteligjencës)
  const groupAt = new Map(cands.map((c, i) => [c, groupOf[i]!]))
  const listed = (a: MentionCandidate, b: MentionCandidate) => {
    const between = doc.tokens.slice(a.tokenTo, b.tokenFrom)
    return between.length > 0 && between.length <= 2 && between.every((t) => t.text === ',' || doc.pack.inClass('coordinator', t.norm))
  }
  const indexOf = new Map(cands.map((c, i) => [c, i]))
  for (const g of groups) {
    if (g.country || g.entry || g.type !== 'ORG') continue
    for (const c of g.candidates) {
      const i = indexOf.get(c)!
      const neighbours = [cands[i - 1], cands[i + 1]].filter((k): k is MentionCandidate => !!k && (listed(k, c) || listed(c, k)))
      const withState = neighbours.map((k) => groupAt.get(k)!).find((n) => n.type === 'ORG' && n.country)
      if (withState) { g.country = withState.country!; break }
    }
  }

  // a titled person or an organisation that neither the knowledge base nor a cue beside the name places acts in the
  // country the text is about (President X ordered troops into Tunis; a newspaper raided by police in Managua)
  let contextCountry: ((c: MentionCandidate) => string | undefined) | undefined
  for (const g of groups) {
    if (g.country || g.entry || !(g.type === 'ORG' || g.type === 'LOC' || (g.type === 'PER' && g.candidates.some((c) => titled(doc, c))))) continue
    contextCountry ??= sceneCountries(doc, groupAt, cands)
    const country = contextCountry(g.candidates[0]!)
    if (country) { g.country = country; g.countryRule = `${lang}.entity.country-from-context` }
  }
}

/** The record's entities, one per group, and the entity of each candidate. */
function toEntities(doc: KronikaDocument, groups: Group[], groupOf: Group[]): void {
  const ids = new Map<Group, string>()
  doc.entities = groups.map((g, i) => {
    const id = `e${i + 1}`
    ids.set(g, id)
    const e = g.entry
    const first = g.candidates[0]!
    // fields are set in the record's order, an optional one only when it has a value (no object spread per field)
    const entity = { id, name: e ? e.name : unlinkedName(doc, first), type: g.type } as Entity
    if (g.country) entity.country = g.country
    if (g.countryRule) entity.countryRule = g.countryRule
    if (e?.sector) entity.sector = e.sector
    if (e) {
      const kbIds: NonNullable<Entity['ids']> = { kb: e.id }
      if (e.wikidata) kbIds.wikidata = e.wikidata
      if (e.geonames) kbIds.geonames = e.geonames
      entity.ids = kbIds
    }
    if (e?.coordinates) entity.coordinates = e.coordinates
    entity.linked = Boolean(e)
    if (g.reason) entity.linkReason = g.reason
    entity.rule = g.rule
    entity.mentions = g.candidates.map((c) => ({ start: c.start, end: c.end, text: c.text, rule: c.rule }))
    return entity
  })
  doc.candidateEntity = groupOf.map((g) => ids.get(g)!)
}

/** The words of a group's name, folded: the KB name's, or the lemma key's of an unlinked name. */
function nameWords(g: Group): string[] {
  return (g.entry ? g.entry.name.toLowerCase() : g.key).split(' ')
}

/**
 * The groups made so far by the words of their names, in the order they were made, so that finding the first group
 * whose name holds a word does not scan every group for every name (which grew with the square of the text).
 */
class GroupWords {
  /** Any word of a name of two or more words. */
  readonly inName = new Map<string, Group[]>()
  /** The last word of a name. */
  readonly last = new Map<string, Group[]>()
  /** The first word of an unlinked name of two or more words. */
  readonly first = new Map<string, Group[]>()

  add(g: Group): void {
    const words = nameWords(g)
    const put = (index: Map<string, Group[]>, w: string) => { const l = index.get(w); if (!l) index.set(w, [g]); else if (l[l.length - 1] !== g) l.push(g) }
    put(this.last, words[words.length - 1]!)
    if (words.length < 2) return
    for (const w of words) put(this.inName, w)
    if (!g.entry) put(this.first, words[0]!)
  }

  /** The first group made whose name has `word` at that place and that passes the test. */
  find(index: Map<string, Group[]>, word: string, test: (g: Group) => boolean): Group | undefined {
    for (const g of index.get(word) ?? []) if (test(g)) return g
    return undefined
  }
}

/** True when a person-title word stands within a few words before the mention, with no other name between. */
function titled(doc: KronikaDocument, c: MentionCandidate): boolean {
  const { tokens, pack } = doc
  const sentence = tokens[c.tokenFrom]!.sentence
  for (let k = c.tokenFrom - 1; k >= Math.max(0, c.tokenFrom - 5) && tokens[k]!.sentence === sentence; k--) {
    const t = tokens[k]!
    if (pack.inClass('person-title', t.norm) || t.lemmas.some((l) => pack.inClass('person-title', l))) return true
    if (!t.isWord && t.text !== '.' && t.text !== '-') return false
  }
  return false
}

/**
 * The country a sentence is about: the first one its names and nationality adjectives give (news sentences set the
 * scene first: a Chilean court … a firm from Peru); in a sentence naming none, the one the whole document
 * names most (the first named on a tie). Undefined when nothing names one. Names whose country was itself found
 * from the context do not count, so the answers are found once per document.
 */
function sceneCountries(doc: KronikaDocument, groupAt: Map<MentionCandidate, Group>, cands: MentionCandidate[]): (c: MentionCandidate) => string | undefined {
  const seen: Array<{ country: string; at: number; sentence: number }> = []
  for (const k of cands) {
    const g = groupAt.get(k)
    if (g?.country && !g.countryRule) seen.push({ country: g.country, at: k.start, sentence: doc.tokens[k.tokenFrom]!.sentence })
  }
  for (const a of doc.adjectives) seen.push({ country: a.country, at: a.start, sentence: doc.tokens[a.tokenIndex]!.sentence })
  seen.sort((x, y) => x.at - y.at)
  const first = new Map<number, string>(), counts = new Map<string, number>()
  for (const s of seen) {
    if (!first.has(s.sentence)) first.set(s.sentence, s.country)
    counts.set(s.country, (counts.get(s.country) ?? 0) + 1)
  }
  let top: string | undefined
  for (const [country, n] of counts) if (top === undefined || n > counts.get(top)!) top = country
  return (c) => first.get(doc.tokens[c.tokenFrom]!.sentence) ?? top
}

/** The name of an entity the KB does not know: its first mention, with inflected words of a person's name in their base form. */
function unlinkedName(doc: KronikaDocument, c: MentionCandidate): string {
  if (c.type !== 'PER') return c.text
  const words: string[] = []
  for (let i = c.tokenFrom; i < c.tokenTo; i++) {
    const t = doc.tokens[i]!
    // spaced as in the text (M. Atherton), each word in its base form, the mention's own end kept (Shearer's → Shearer)
    const text = i === c.tokenTo - 1 ? doc.text.slice(t.start, Math.min(t.end, c.end)) : t.text
    words.push((i > c.tokenFrom && t.pre ? ' ' : '') + (t.isWord ? doc.pack.morphology.lemma(text, 'PROPN') : text))
  }
  return words.join('').replace(/ ([-–]) /g, '$1')
}
