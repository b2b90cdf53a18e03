/**
 * Finds PLOVER events: trigger words from the pack (`patterns/events.tsv`: id, pattern, TYPE, mode, CAMEO,
 * flags), their arguments inside the clause, their modality from the pack's cue words, their attribution (a
 * quotation's speaker, a reporting frame, "according to"), and their time.
 *
 * Arguments: the actor is the clause subject (a participant not governed by a preposition), or the subject of
 * an earlier clause or sentence when it is dropped; the recipient is the object, or what the pack's role
 * prepositions mark (counterpart, target, beneficiary); a passive or nominal trigger takes its agent from
 * "nga"/"by" or from a genitive right after it (sulmi i Rusisë). A nationality adjective (zyrtarët amerikanë)
 * is a participant standing for its state. When the text leaves the recipient unsaid, the nearest earlier
 * participant of another state is taken, with a lower confidence. Clause boundaries, cue words and
 * prepositions are all pack data; this file knows no language.
 */
import type { KronikaDocument } from '../document.js'
import type { Token } from '../text/token.js'
import { fold } from '../text/fold.js'
import type { Attribution, Entity, Event, Modality, PloverType, Stance } from '../record/schema.js'
import { findAll, matchClass, type WordClass } from '../patterns/token-pattern.js'
import { isCueWord, mentionAt, mentionsIn, roleOf as roleOfMention, type PlacedMention } from './mentions.js'
import { entityForCountry } from './country-entities.js'
import { usePronoun } from './resolve-pronouns.js'
import { classStarts } from './class-starts.js'
import type { PipelineContext } from '../pipeline/context.js'
import { firstAtOrAfter } from '../text/sorted.js'

export const QUAD: Record<PloverType, 1 | 2 | 3 | 4> = {
  AGREE: 1, CONSULT: 1, SUPPORT: 1, CONCEDE: 1, COOPERATE: 2, AID: 2, RETREAT: 2,
  REQUEST: 3, ACCUSE: 3, REJECT: 3, THREATEN: 3, PROTEST: 3, SANCTION: 4, MOBILIZE: 4, COERCE: 4, ASSAULT: 4,
}

/** Event types that answer another act, whose unsaid recipient is that act's actor (rejected the accusations). */
const ANSWERING = new Set<PloverType>(['REJECT', 'ACCUSE', 'PROTEST', 'SUPPORT', 'CONCEDE'])
/** Event types addressed to someone, whose addressee a pronoun may give (urged them). */
const ADDRESSING = new Set<PloverType>(['REQUEST', 'ACCUSE', 'THREATEN'])
/** Material-conflict acts that, promised under a condition, are threats (CAMEO 13). */
const THREAT_ACTS = new Set<PloverType>(['SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'])
/** How far back an unsaid recipient is looked for: events, and sentences. */
const RECENT_EVENTS = 12, RECENT_SENTENCES = 8

/** Event types whose participants act together: "A and B met" has A as actor and B as recipient. */
export const SYMMETRIC = new Set<PloverType>(['CONSULT', 'COOPERATE', 'AGREE'])
/**
 * PLOVER modes of a joint type done by a third party for others (mediate, host): its joined subjects act together
 * and are not each other's counterparts (Egypt and Qatar mediated), and the sides a "between" phrase names after
 * it are its recipients (Qatar's mediation between X and Y).
 */
export const THIRD_PARTY_MODES = new Set(['mediate', 'host'])

interface Clause { from: number; to: number }

/**
 * Where a trigger stands, for the helpers of extractEvents that read it: its type and match, its sentence's start,
 * clauses and the clause it is in, and its attribution and the sources it found (who are no participants).
 */
interface Site {
  type: PloverType
  match: { from: number; to: number }
  trig: number
  sFrom: number
  sTo: number
  clauses: Clause[]
  ci: number
  clause: Clause
  sources: Set<string>
  attribution: Attribution[]
}

/** A participant in the text: an entity mention, or a nationality adjective standing for its state. */
interface Participant {
  from: number
  to: number
  entityId?: string
  /** ISO3 of the state an adjective names. */
  country?: string
}

/** A participant with both its fields present, in one order: one shape for the code that reads participants. */
const participant = (from: number, to: number, entityId: string | undefined, country: string | undefined): Participant => ({ from, to, entityId, country })
const participantFrom = (p: Participant) => p.from

/**
 * The word classes extractEvents looks for over ranges of tokens, a bit each (in this order) in the per-token
 * `starts` of class-starts.ts: matchClass is asked only at the tokens where the class may start.
 */
const SCANNED = ['clause-marker', 'reporting-verb', 'according-to', 'modality-cue', 'negator', 'condition-marker'] as const
type Scanned = (typeof SCANNED)[number]

/** The scanned classes of a document's pack and, per token, which of them may start there. */
interface ClassScan { classes: Record<Scanned, WordClass | undefined>; bits: Record<Scanned, number>; starts: Int32Array }

function classScan(doc: KronikaDocument): ClassScan {
  const list = SCANNED.map((name) => doc.pack.classes.get(name))
  const classes = {} as Record<Scanned, WordClass | undefined>, bits = {} as Record<Scanned, number>
  SCANNED.forEach((name, k) => { classes[name] = list[k]; bits[name] = 1 << k })
  return { classes, bits, starts: classStarts(doc.pack, 'extract-events', list, doc.tokens) }
}

/** Splits a sentence's tokens into clauses at punctuation and the pack's clause markers (që, se, that, which…). */
export function clausesOf(doc: KronikaDocument, from: number, to: number, scan = classScan(doc)): Clause[] {
  const out: Clause[] = []
  const markers = scan.classes['clause-marker'], bit = scan.bits['clause-marker'], starts = scan.starts
  let start = from
  for (let i = from; i < to; i++) {
    const t = doc.tokens[i]!
    // a short aside in brackets after a name (an acronym, a translation: the World Health Organization (WHO) said) is no clause
    if (t.text === '(' && i > from && mentionAt(doc, i - 1)) {
      let close = i + 1
      while (close < Math.min(to, i + 6) && doc.tokens[close]!.text !== ')' && doc.tokens[close]!.text !== '(') close++
      if (close < to && close > i + 1 && doc.tokens[close]!.text === ')') { i = close; continue }
    }
    const punct = !t.isWord && t.text.length === 1 && CLAUSE_PUNCTUATION.includes(t.text)
    const marker = markers && (starts[i]! & bit) !== 0 ? matchClass(markers, doc.tokens, i, to).length > 0 : false
    if ((punct || marker) && i > start) { out.push({ from: start, to: i }); start = i }
  }
  if (start < to) out.push({ from: start, to })
  return out
}
/** The marks that end a clause (one character each). */
const CLAUSE_PUNCTUATION = ',;:–—()“”„«»"'

/** The forms of a scanned class found in [from, to), in text order. */
function findAllClass(scan: ClassScan, name: Scanned, doc: KronikaDocument, from: number, to: number): Array<{ at: number; to: number; value: string }> {
  const out: Array<{ at: number; to: number; value: string }> = []
  const cls = scan.classes[name], bit = scan.bits[name], starts = scan.starts
  if (!cls) return out
  for (let i = from; i < to; i++) {
    if ((starts[i]! & bit) === 0) continue
    const m = matchClass(cls, doc.tokens, i, to)[0]
    if (m) { out.push({ at: i, to: m.to, value: m.value }); i = m.to - 1 }
  }
  return out
}

/** An attribution, every field in record order (an unsaid cue undefined, left out of the JSON: one shape). */
function attributionOf(source: string, stance: Stance, cue: Attribution['cue'], rule: string): Attribution {
  return { source, stance, cue: cue || undefined, rule }
}

function span(doc: KronikaDocument, from: number, to: number) {
  const start = doc.tokens[from]!.start, end = doc.tokens[to - 1]!.end
  return { start, end, text: doc.text.slice(start, end) }
}

/** Whether a word ends with one of the endings. */
const endsWithAny = (word: string, endings: Iterable<string>): boolean => {
  for (const e of endings) if (word.endsWith(e)) return true
  return false
}

const uniq = <T>(xs: T[]): T[] => [...new Set(xs)]

/** Whether some token of [from, to) passes the test (tokens.slice(from, to).some(test), without the copy). */
function someToken(tokens: readonly Token[], from: number, to: number, test: (t: Token, i: number) => boolean): boolean {
  for (let i = from, end = Math.min(to, tokens.length); i < end; i++) if (test(tokens[i]!, i)) return true
  return false
}
/** Whether every token of [from, to) passes the test (tokens.slice(from, to).every(test), without the copy). */
function everyToken(tokens: readonly Token[], from: number, to: number, test: (t: Token, i: number) => boolean): boolean {
  for (let i = from, end = Math.min(to, tokens.length); i < end; i++) if (!test(tokens[i]!, i)) return false
  return true
}

/** The roles that mark a recipient; after an active verb also the agent's preposition (withdraw its troops from Lebanon). */
const MARKED_ROLES = ['counterpart', 'target', 'beneficiary']
const MARKED_ROLES_ACTIVE = ['counterpart', 'target', 'beneficiary', 'agent']

/** The sources of a range with none excluded (participantsIn only reads it). */
const NO_SOURCES: ReadonlySet<string> = new Set()

/**
 * The entity ids participants stand for, each once in their order (resolve's answers, none undefined), leaving out
 * those in `except`.
 */
function idsOf(list: readonly Participant[], resolve: (p: Participant) => string | undefined, except?: readonly string[]): string[] {
  const out: string[] = []
  for (const p of list) {
    const id = resolve(p)
    if (id && !out.includes(id) && !except?.includes(id)) out.push(id)
  }
  return out
}

/** A confidence rounded to hundredths, as `+x.toFixed(2)` gives it (kept per value: the sums are few). */
const ROUNDED = new Map<number, number>()
const hundredths = (x: number): number => {
  let r = ROUNDED.get(x)
  if (r === undefined) { r = +x.toFixed(2); if (ROUNDED.size < 1000) ROUNDED.set(x, r) }
  return r
}

export function extractEvents(doc: KronikaDocument, ctx: PipelineContext): void {
  const { pack, tokens } = doc
  const rules = pack.rules('events')
  if (!rules.length) return
  const cls = (name: string) => pack.classes.get(name)
  const gerunds = pack.list('gerund-markers'), passive = pack.list('passive-markers'), nonAgents = pack.list('non-agents')
  const scan = classScan(doc)
  const sentenceClauses = new Map<number, Clause[]>()
  const clausesFor = (tokenIndex: number) => {
    const s = tokens[tokenIndex]!.sentence
    let c = sentenceClauses.get(s)
    if (!c) { const [a, b] = doc.sentenceTokens[s]!; c = clausesOf(doc, a, b, scan); sentenceClauses.set(s, c) }
    return c
  }

  /**
   * The role a preposition gives the participant (counterpart, target, beneficiary, agent, place, other, modifier).
   * Asked again and again of the same tokens by every trigger of a sentence: each answer is kept, by token and floor.
   */
  const roleMemo = new Map<number, string | null>()
  const roleOf = (p: Participant, floor: number): string | undefined => {
    const key = p.from * (tokens.length + 1) + floor
    let r = roleMemo.get(key)
    if (r === undefined) { r = roleOfMention(doc, p.from, floor) ?? null; roleMemo.set(key, r) }
    return r ?? undefined
  }

  /** A possessive before a title and a name describes the name (Kosovo's Prime Minister Albin Kurti). */
  const possessives = [...pack.list('possessive-endings')]
  const possessiveOfName = (m: { from: number; to: number }): boolean => {
    const last = tokens[m.to - 1]!.norm
    if (!possessives.some((e) => last.endsWith(e))) return false
    let k = m.to
    while (k < m.to + 3 && tokens[k] && isCueWord(doc, tokens[k]!)) k++
    return k > m.to && !!mentionAt(doc, k)
  }
  /**
   * A name or an adjective glued into a modifier of someone else is their sponsor, not a participant: the pack's
   * `sponsor-prefixes` before it (pro-Russian separatists) or `sponsor-suffixes` after it (Iran-backed rebels).
   */
  const sponsorPrefixes = pack.list('sponsor-prefixes'), sponsorSuffixes = pack.list('sponsor-suffixes')
  const glued = (i: number) => tokens[i] !== undefined && tokens[i]!.pre === ''
  const sponsor = (from: number, to: number): boolean =>
    (tokens[to]?.text === '-' && glued(to) && glued(to + 1) && sponsorSuffixes.has(tokens[to + 1]!.norm)) ||
    (from >= 2 && tokens[from - 1]!.text === '-' && glued(from) && glued(from - 1) && sponsorPrefixes.has(tokens[from - 2]!.norm)) ||
    (sponsorPrefixes.has(tokens[from]!.norm) && tokens[from + 1]?.text === '-' && glued(from + 1))
  /**
   * Participants in [from, to): mentions (outermost) and nationality adjectives not attached to a name, not sources.
   * Every trigger asks for ranges of its sentence, so the document's participants are found once (`participantPool`)
   * and each call takes its range of them (new objects, as each call made before). With `bareFrom`, only those no
   * preposition governs (roleOf from there).
   */
  const participantsIn = (from: number, to: number, sources: ReadonlySet<string>, bareFrom?: number): Participant[] => {
    const all = pool ??= participantPool()
    const lo = firstAtOrAfter(all, participantFrom, from)
    const out: Participant[] = []
    for (let i = lo; i < all.length && all[i]!.from < to; i++) {
      const p = all[i]!
      if (p.to > to || (p.entityId !== undefined && sources.has(p.entityId))) continue
      // (only those no preposition governs, when asked: see subjectsOf)
      if (bareFrom !== undefined && roleOf(p, bareFrom)) continue
      out.push(p.entityId === undefined ? participant(p.from, p.to, undefined, p.country) : participant(p.from, p.to, p.entityId, undefined))
    }
    return out
  }
  let pool: Participant[] | undefined
  /** The document's participants in text order (a mention before an adjective at the same token). */
  const participantPool = (): Participant[] => {
    const from = 0, to = tokens.length
    // (a group named with its state, Iraqi Kurds, acts for it; other miscellaneous names are not participants)
    const ms: Participant[] = mentionsIn(doc, from, to).filter((m) => (m.type !== 'MISC' || !!doc.entity(m.entityId)?.country) && !possessiveOfName(m) && !sponsor(m.from, m.to)).map((m) => participant(m.from, m.to, m.entityId, undefined))
    for (const a of adjectivesIn(from, to)) {
      if (sponsor(a.tokenIndex, a.tokenIndex + 1)) continue
      // an adjective attached to a name describes it (Presidentin rus Vladimir Putin, Russian President Putin): not a
      // participant of its own; a name two words on is its own only across a title or a comma (Palestinians blamed Israel)
      const between = tokens[a.tokenIndex + 1]
      if (mentionAt(doc, a.tokenIndex + 1) || mentionAt(doc, a.tokenIndex - 1) || (mentionAt(doc, a.tokenIndex + 2) && between && (!between.isWord || isCueWord(doc, between)))) continue
      ms.push(participant(a.tokenIndex, a.tokenIndex + 1, undefined, a.country))
    }
    return ms.sort((x, y) => x.from - y.from)
  }
  // (what an entity stands for, and a country's entity, do not change once found: each is looked up once)
  const standing = new Map<string, string>(), countryEntity = new Map<string, string | undefined>()
  const resolveArg = (p: Participant) => resolve(p)
  const resolve = (p: Participant, asSource = false): string | undefined => {
    if (p.entityId) {
      if (asSource) return p.entityId
      let id = standing.get(p.entityId)
      if (id === undefined) { id = standFor(doc, ctx, p.entityId); standing.set(p.entityId, id) }
      return id
    }
    if (!p.country) return undefined
    if (countryEntity.has(p.country)) return countryEntity.get(p.country)
    const id = entityForCountry(doc, ctx, p.country, adjectivesIn(p.from, p.from + 1)[0])
    countryEntity.set(p.country, id)
    return id
  }
  const countryOf = (id: string | undefined) => (id ? doc.entity(id)?.country : undefined)
  /** How two participants are joined: by a coordinator (dhe, si dhe, and), by a bare comma, or not at all. */
  const coordinators = cls('coordinator')
  const joint = (a: Participant, b: Participant): 'coordinator' | 'comma' | undefined => {
    let k = a.to, comma = false, word = false
    while (k < b.from && k - a.to <= 2) {
      if (tokens[k]!.text === ',') { comma = true; k++; continue }
      const m = coordinators ? matchClass(coordinators, tokens, k, b.from)[0] : undefined
      // (a genitive's article may follow the coordinator: delegacionet e Rusisë dhe të Ukrainës)
      if (!m && word && k + 1 === b.from && pack.inClass('article', tokens[k]!.norm)) { k++; continue }
      if (!m) return undefined
      word = true; k = m.to
    }
    return k === b.from ? (word ? 'coordinator' : comma ? 'comma' : undefined) : undefined
  }
  /**
   * A participant and those coordinated with it (X dhe Y, X si dhe Y, X, Y dhe Z). A bare comma joins only inside
   * a list that a coordinator closes: otherwise it may end a clause (Nëse Serbia sulmon Kosovën, NATO …).
   */
  const coordinated = (list: Participant[]): Participant[] => {
    const out = list.slice(0, 1)
    for (let j = 1; j < list.length; j++) {
      const how = joint(list[j - 1]!, list[j]!)
      if (!how) break
      if (how === 'comma') {
        let k = j
        while (k + 1 < list.length && joint(list[k]!, list[k + 1]!) === 'comma') k++
        if (k + 1 >= list.length || joint(list[k]!, list[k + 1]!) !== 'coordinator') break
      }
      out.push(list[j]!)
    }
    return out
  }
  /** A clause holding nothing but names and commas is an apposition, not a clause with a subject. */
  const namesOnly = (c: Clause) => everyToken(tokens, c.from, c.to, (t, i) => !t.isWord || pack.inClass('coordinator', t.norm) || mentionAt(doc, i) !== undefined)
  // … and so is a description between commas right after a name, opening with a determiner or a title and holding no
  // verb of an event or a report (Sergei Lavrov, the Russian foreign minister, said …; Chile, a founding member, …)
  const determiners = pack.list('determiners'), betweens = pack.list('between-prepositions')
  const verbAt = new Set<number>()
  const relatives = pack.list('relative-pronouns')
  /** From the comma at `comma`, a description of the name before it, up to the next comma (see above). */
  const description = (comma: number): boolean => {
    if (tokens[comma]?.text !== ',' || !mentionAt(doc, comma - 1)) return false
    const [, sTo] = doc.sentenceOf(comma)
    let end = comma + 1
    while (end < Math.min(sTo, comma + 16) && tokens[end]!.text !== ',') end++
    const first = tokens[comma + 1]
    if (end >= sTo || tokens[end]!.text !== ',' || !first) return false
    // (a relative clause is one too, verbs and all: Hamas, which controls Gaza, fired …)
    if (relatives.has(first.norm)) return true
    if (!determiners.has(first.norm) && !isCueWord(doc, first)) return false
    for (let i = comma + 1; i < end; i++) if (verbAt.has(i) || pack.inClass('reporting-verb', tokens[i]!.norm)) return false
    return true
  }
  const apposition = (c: Clause) => {
    // (a sentence's head naming its subject before a description is no apposition: Chile, a founding member, …)
    if (namesOnly(c)) return !(c.from === doc.sentenceOf(c.from)[0] && description(c.to))
    if (tokens[c.from]?.text === ',') return description(c.from)
    return relatives.has(tokens[c.from]!.norm) && description(c.from - 1)
  }
  /** Nationality adjectives in [from, to) (binary search; doc.adjectives is in text order). */
  const adjectivesIn = (from: number, to: number) => {
    const list = doc.adjectives
    const lo = firstAtOrAfter(list, (a) => a.tokenIndex, from)
    const out = []
    for (let i = lo; i < list.length && list[i]!.tokenIndex < to; i++) out.push(list[i]!)
    return out
  }
  /**
   * The name heading the sentence when only a description set off by commas stands between it and the clause `c`
   * (The United States, one of Japan's closest partners, said …): the subject of the clause the description follows.
   */
  const headBeforeDescription = (c: Clause): Participant | undefined => {
    const cs = clausesFor(c.from), i = cs.findIndex((x) => x.from === c.from)
    const mid = cs[1]
    // (the head: names only, a determiner before them allowed — The United States)
    const head = cs[0]!, named = everyToken(tokens, head.from, head.to, (t, i) => !t.isWord || determiners.has(t.norm) || pack.inClass('coordinator', t.norm) || mentionAt(doc, i) !== undefined)
    if (i !== 2 || !named || tokens[mid!.from]!.text !== ',' || head.from !== doc.sentenceOf(c.from)[0]) return undefined
    for (let k = mid!.from; k < mid!.to; k++) if (verbAt.has(k) || pack.inClass('reporting-verb', tokens[k]!.norm) || pack.inClass('clause-marker', tokens[k]!.norm)) return undefined
    return participantsIn(cs[0]!.from, cs[0]!.to, NO_SOURCES)[0]
  }
  const subjectsOf = (c: Clause, sources: Set<string>, until = c.to) => participantsIn(c.from, until, sources, c.from)

  // dated times in text order, and quotations, for lookups by position
  const dated = doc.times.map((t, i) => ({ t, i })).filter(({ t }) => t.type !== 'DURATION').sort((a, b) => a.t.start - b.t.start)
  const timeIn = (from: number, to: number, refs: boolean) => {
    const start = tokens[from]!.start, end = tokens[to - 1]!.end
    const lo = firstAtOrAfter(dated, (d) => d.t.start, start)
    for (let k = lo; k < dated.length && dated[k]!.t.start < end; k++) if (dated[k]!.t.end <= end && (refs || !/REF/.test(dated[k]!.t.value))) return dated[k]
    return undefined
  }
  const quotes = [...doc.quotes].sort((a, b) => a.start - b.start)
  const quoteAt = (start: number, end: number) => {
    let lo = 0, hi = quotes.length
    while (lo < hi) { const mid = (lo + hi) >> 1; if (quotes[mid]!.start <= start) lo = mid + 1; else hi = mid }
    const q = quotes[lo - 1]
    return q && q.end >= end ? q : undefined
  }

  /**
   * A clause whose verb is preceded by a content word has a subject of its own, named or not (mijëra qytetarë
   * protestuan): its actor is not taken from another clause. Function words, cues, adverbs and times do not count.
   */
  const functionWords = pack.list('function-words'), adverbs = pack.list('clause-adverbs')
  const inTime = new Uint8Array(tokens.length)
  for (const t of doc.times) { const [a, b] = doc.tokenRange(t); inTime.fill(1, a, b) }
  const adjectiveTokens = new Set(doc.adjectives.map((a) => a.tokenIndex))
  const unnamedSubject = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const t = tokens[i]!
      if (!t.isWord || inTime[i] || functionWords.has(t.norm) || adverbs.has(t.norm) || mentionAt(doc, i) || adjectiveTokens.has(i)) continue
      if (['clause-marker', 'modality-cue', 'negator', 'coordinator', 'reporting-verb', 'role-preposition', 'article'].some((c) => pack.inClass(c, t.norm))) continue
      return true
    }
    return false
  }

  // a trigger inside a name (Amnesty International, the Peace Corps) or closing a hyphenated modifier (Iran-backed,
  // long-threatened, US-led) names no event
  const inName = (m: { from: number; to: number }) => { const n = mentionAt(doc, m.from); return !!n && n.to >= m.to && doc.entity(n.entityId)?.type !== undefined && (n.to - n.from) > (m.to - m.from) }
  const compound = (i: number) => tokens[i - 1]?.text === '-' && tokens[i]!.pre === '' && tokens[i - 1]!.pre === '' && !!tokens[i - 2]?.isWord
  // a one-word verb form between a number and the word it describes is an adjective, no event (40 wounded soldiers,
  // three destroyed tanks); not before a preposition (23 killed in the attack). (Not after a determiner: there it is as
  // often a noun heading a compound — a mediation effort, the battle zones.)
  const modifierWords = pack.list('function-words'), numbers = cls('number')
  const modifier = (m: { from: number; to: number }, noun: boolean) => {
    const before = tokens[m.from - 1], next = tokens[m.to]
    if (noun || m.to - m.from !== 1 || !before || !next?.isWord || modifierWords.has(next.norm) || pack.inClass('role-preposition', next.norm)) return false
    return /^\d/.test(before.text) || (numbers !== undefined && matchClass(numbers, tokens, m.from - 1, m.from).length > 0)
  }
  // a noun that names what something is called (Prishtina e quajti kërcënim, described the move as a provocation) is
  // a characterisation, no event: right after the pack's `naming-verbs`, or after its `naming-markers` (as, si) with
  // such a verb a few words before
  const namingVerbs = pack.list('naming-verbs'), namingMarkers = pack.list('naming-markers')
  const naming = (t: Token | undefined) => !!t && (namingVerbs.has(t.norm) || t.lemmas.some((l) => namingVerbs.has(l)))
  const predicate = (m: { from: number }, noun: boolean) => {
    if (!noun) return false
    const k = m.from - 1
    if (naming(tokens[k])) return true
    return !!tokens[k] && namingMarkers.has(tokens[k]!.norm) && tokens.slice(Math.max(0, k - 4), k).some(naming)
  }
  // a capitalised trigger after a lower-case word, opening a run of capitalised words (the Attack on Pearl Harbor
  // memorial), or inside a short quoted run of them (the film "Attack on Titan"), is part of a title no name list knows
  const upper = (t: Token | undefined) => !!t && t.isWord && /^\p{Lu}/u.test(t.text)
  const lower = (t: Token | undefined) => !!t && t.isWord && /^\p{Ll}/u.test(t.text)
  const titleRun = (i: number) => { let k = i; while (upper(tokens[k]) || (lower(tokens[k]) && functionWords.has(tokens[k]!.norm) && upper(tokens[k + 1]))) k++; return k }
  const inTitle = (m: { from: number; to: number }) => {
    const before = tokens[m.from - 1]
    if (!upper(tokens[m.from]) || !before) return false
    const end = titleRun(m.from)
    if (lower(before)) return end > m.to
    if (!/^["“«„]$/.test(before.text)) return false
    const close = tokens[end]
    return end - m.from <= 6 && !!close && /^["”»“]$/.test(close.text)
  }
  // a participle right after the pack's `attributive-markers` (before the trigger or its first word) is an adjective
  // (the detained students, një ish-zyrtar i kërkuar), no event — unless a `verbal-particles` word stands right before
  // the marker (duke e akuzuar, duke i kërkuar, për të kërkuar), or it is a reduced passive, set off by a comma with its
  // agent right after it (armëpushimi, i ndërmjetësuar nga Katari: see reducedPassive)
  const participleEndings = [...pack.list('participle-endings')], attributive = pack.list('attributive-markers'), verbal = pack.list('verbal-particles')
  const passiveAgents = pack.list('passive-agents')
  const adjectival = (m: { from: number; to: number }, noun: boolean) => {
    const p = m.to - 1
    if (noun || p - m.from > 1 || !attributive.has(tokens[p - 1]?.norm ?? '') || verbal.has(tokens[p - 2]?.norm ?? '')) return false
    if (tokens[p - 2]?.text === ',' && passiveAgents.has(tokens[m.to]?.norm ?? '')) return false
    const w = tokens[p]!.norm
    return participleEndings.some((e) => w.length > e.length + 2 && w.endsWith(e))
  }
  // a condition (the pack's word class `condition-marker`: if, unless, nëse) in the sentence outside the trigger's clause,
  // and none in that clause before the trigger
  const conditions = cls('condition-marker')
  const conditionalOutside = (clause: Clause, trig: number, from: number, to: number): boolean => {
    if (!conditions) return false
    const found = findAllClass(scan, 'condition-marker', doc, from, to)
    return !found.some((c) => c.at >= clause.from && c.at < trig) && found.some((c) => c.at < clause.from || c.at >= clause.to)
  }
  const matches = findAll(rules, tokens, pack.classes, (i) => doc.sentenceOf(i)[1]).filter(({ rule, match }) => !inName(match) && !compound(match.from) && !modifier(match, rule.args.includes('noun')) && !predicate(match, rule.args.includes('noun')) &&
    !inTitle(match) && !adjectival(match, rule.args.includes('noun')))
  for (const m of matches) if (!m.rule.args.includes('noun')) verbAt.add(m.match.from)
  // a nominal trigger just after another trigger is its content (kërkojë furnizim, marrëveshje për furnizimin: one
  // request, one agreement), when nothing but function words and modifiers stand between them
  const absorbed = new Set<number>()
  const contentOf = new Map<number, PloverType>()
  // a verb of a joint act right after a noun of the same type describes that noun (talks hosted by Turkey and mediated
  // with Qatar, bisedimet e ndërmjetësuara nga Turqia): one event, the noun's, when no punctuation or clause marker
  // stands between
  let head: (typeof matches)[number] | undefined
  matches.forEach((m, k) => {
    const prev = matches[k - 1]
    if (!prev) return
    if (prev.rule.args.includes('noun') && !absorbed.has(k - 1)) head = prev
    else if (absorbed.has(k - 1) && head) { /* keep the noun the previous verb described */ } else head = undefined
    const type = m.rule.args[0] as PloverType
    if (!head || m.rule.args.includes('noun') || !SYMMETRIC.has(type) || head.rule.args[0] !== type || m.match.from - head.match.to > 8) return
    const between = tokens.slice(head.match.to, m.match.from)
    if (tokens[m.match.from]!.sentence !== tokens[head.match.from]!.sentence || between.some((t) => !t.isWord && t.text !== '-') ||
      between.some((t) => pack.inClass('clause-marker', t.norm))) return
    absorbed.add(k)
  })
  matches.forEach((m, k) => {
    if (absorbed.has(k)) return
    const prev = matches[k - 1]
    // (a verb form after a determiner is a noun too: condemned the shelling)
    const noun = m.rule.args.includes('noun') || (m.match.from > 0 && determiners.has(tokens[m.match.from - 1]!.norm))
    if (!prev || !noun || m.match.from - prev.match.to > 4 || tokens[m.match.from]!.sentence !== tokens[prev.match.from]!.sentence) return
    const functionWords = pack.list('function-words'), modal = cls('modality-cue')
    const between = tokens.slice(prev.match.to, m.match.from)
    if (between.every((t) => t.isWord && (functionWords.has(t.norm) || (modal && matchClass(modal, tokens, t.index, t.index + 1).length > 0)))) { absorbed.add(k); contentOf.set(k - 1, m.rule.args[0] as PloverType) }
  })
  const topicVerbs = pack.list('topic-verbs')
  const progressive = pack.list('progressive-endings'), pronouns = pack.list('subject-pronouns')
  const isArticle = (i: number) => pack.inClass('article', tokens[i]?.norm ?? '')
  const anyIn = (words: readonly string[], set: Set<string>) => { for (let i = 0; i < words.length; i++) if (set.has(words[i]!)) return true; return false }
  /**
   * The folded words of an entity's name and mentions, for definiteSubject; kept per document and found again when a
   * mention is added (a pronoun read as the entity is recorded as one of its mentions).
   */
  const entityWords = new Map<Entity, { mentions: number; words: Set<string> }>()
  // (a name's words are folded once: most mentions repeat the name or another mention)
  const foldedWords = new Map<string, string[]>()
  const wordsOf = (text: string) => {
    let words = foldedWords.get(text)
    if (!words) { words = fold(text).split(/\W+/); foldedWords.set(text, words) }
    return words
  }
  const nameWords = (e: Entity): Set<string> => {
    let kept = entityWords.get(e)
    if (kept?.mentions !== e.mentions.length) {
      const words = new Set(wordsOf(e.name))
      for (const x of e.mentions) for (const w of wordsOf(x.text)) words.add(w)
      kept = { mentions: e.mentions.length, words }
      entityWords.set(e, kept)
    }
    return kept.words
  }
  /** The token range of an event's trigger, kept per event: every later trigger asks for those of the events before it. */
  const triggerRanges = new Map<Event, [number, number]>()
  const triggerRange = (e: Event): [number, number] => {
    let r = triggerRanges.get(e)
    if (!r) { r = doc.tokenRange(e.trigger); triggerRanges.set(e, r) }
    return r
  }
  const sentenceOfEvent = (e: Event) => tokens[triggerRange(e)[0]]!.sentence
  let n = 0
  /** The definite description an event's recipient was read from (see definiteObject), for the act it is asked to do. */
  const definiteObjects = new Map<Event, Participant>()
  for (let k = 0; k < matches.length; k++) if (!absorbed.has(k)) eventOf(k)

  /**
   * The event of the trigger `matches[k]`, pushed onto doc.events unless a test below drops it. (A function of its own
   * rather than the loop's body: the optimising compiler then compiles it alone, not inside the whole stage.)
   */
  function eventOf(k: number): void {
    const { rule, match } = matches[k]!
    const type = rule.args[0] as PloverType, mode: string | undefined = rule.args[1], cameo: string | undefined = rule.args[2]
    // a form that is a noun or a verb (request, attack) is a verb after the pack's verb markers (could request, to attack)
    const nominal = rule.args.includes('noun') && !(match.from > 0 && pack.list('verb-markers').has(tokens[match.from - 1]!.norm))
    const trig = match.from
    const [sFrom, sTo] = doc.sentenceOf(trig)
    const clauses = clausesFor(trig)
    const ci = clauses.findIndex((c) => trig >= c.from && trig < c.to)
    const clause = clauses[ci]!

    // --- who says so; a source is not a participant
    const site: Site = { type, match, trig, sFrom, sTo, clauses, ci, clause, sources: new Set(), attribution: [] }
    const { attribution, sources } = site
    const { cueBefore, reporter, reporterAfter } = attribute(site)

    // --- arguments
    const argRules = ['args-clause']
    let actor: Participant[] = [], recipient: Participant[] = []
    // (a participant inside a long trigger counts as after it: summoned Niger's ambassador, gave Ukraine $1bn in aid)
    // what a supply noun gives, after the pack's content preposition (furnizime nga Irani me dronë, supplies of
    // Russian gas: the rule's `content` flag), is no participant: the phrase runs to the next preposition or comma
    const content = rule.args.includes('content') ? contentPhrase(match.to, clause.to) : undefined
    // (a side named inside a trigger that says who will act — paralajmëroi se Serbia do të reagojë: the rule's
    // `inner-actor` flag — acts with the subject and is no recipient)
    const inner = rule.args.includes('inner-actor') ? participantsIn(match.from + 1, match.to, sources) : []
    const after = participantsIn(match.from + 1, sTo, sources).filter((p) => !inner.includes(p) && !inner.some((q) => q.from === p.from) && clauses.findIndex((c) => p.from >= c.from && p.from < c.to) <= ci + 1 && !(content && p.from >= content.from && p.from < content.to))
    // a passive: the pack's auxiliary right before the trigger, unless the trigger has a progressive ending (is providing)
    const isPassive = trig > sFrom && passive.has(tokens[trig - 1]!.norm) && !endsWithAny(tokens[trig]!.norm, progressive)
    // (a joint type, unless a third party does it for others: mediate, host)
    const jointAct = SYMMETRIC.has(type) && !THIRD_PARTY_MODES.has(mode ?? '')
    const agent = after.find((p) => p.from - match.to <= 8 && p.from < clause.to && roleOf(p, match.to) === 'agent')
    // a nominal trigger's genitive is its agent: sulmi i Rusisë, një transferim i mundshëm i teknologjisë ruse
    // (the noun of a genitive has its article right before it; without one it is a dative: ndihmë ushtrisë ruse)
    // (a meeting's town in the genitive is where it is held: bisedimet e Gjenevës — see town-as-place below)
    const genitive = nominal ? after.find((p) => p.from - match.to <= 5 && roleOf(p, match.to) === undefined && isArticle(match.to) && !(isTown(resolve(p)) && type === 'CONSULT') &&
      (isArticle(p.from - 1) || (p.country !== undefined && isArticle(p.from - 2))) && everyToken(tokens, match.to, p.from, (t) => t.isWord && t.shape === 'x')) : undefined
    // verbs coordinated in one clause share the subject of the first (a blast hit a Turkish convoy and injured
    // ten: the convoy's state is the first verb's object, not the second's subject)
    // (matches are in text order: look back from this one, not through the whole document's)
    let firstVerb: (typeof matches)[number] | undefined
    for (let j = k; !nominal && j >= 0 && matches[j]!.match.from >= clause.from; j--) {
      if (matches[j]!.match.from < trig && !matches[j]!.rule.args.includes('noun')) firstVerb = matches[j]
    }
    const subjects = subjectsOf(clause, sources, firstVerb ? firstVerb.match.from : trig)
    // a happening that acts for no one as the subject (the earthquake killed …, since the quake struck: the pack's
    // `non-agents`) makes an event of a verb only for the people it names as victims (a landslide killed three Turkish
    // workers)
    const subjectEnd = firstVerb ? firstVerb.match.from : trig
    const happening = !nominal && !subjects.length && !isPassive && someToken(tokens, clause.from, subjectEnd, (t) => nonAgents.has(t.norm) || t.lemmas.some((l) => nonAgents.has(l)))
    // a list of names that the clause commas split (Rusia, Kina dhe Irani kritikuan …): its earlier members are
    // subjects too (coordinated() keeps them only when a coordinator closes the list)
    for (let k = ci - 1; k >= 0 && subjects[0] && tokens[clauses[k + 1]!.from]!.text === ',' && apposition(clauses[k]!); k--) {
      const head = participantsIn(clauses[k]!.from, clauses[k]!.to, sources)
      if (!head.length || joint(head[head.length - 1]!, subjects[0]) === undefined) break
      subjects.unshift(...head)
    }
    // a subject pronoun after a reporting verb is the reporter (Lebanon says it will not accept …)
    // … and in a language that drops subjects, the reporter is the subject of what it reports when the clause names
    // none (Minsku mohoi se ka ndihmuar …): the pack's `dropsSubjects`
    const cueJustBefore = reporter !== undefined && ci > 0 && clauses.slice(0, ci).some((c) => findAllClass(scan, 'reporting-verb', doc, c.from, c.to).length > 0) &&
      (clauses[ci - 1]!.to === clause.from)
    const selfReport = !subjects.length && reporter && ((pronouns.size > 0 && someToken(tokens, clause.from, trig, (t) => pronouns.has(t.norm))) ||
      (!nominal && pack.manifest.dropsSubjects === true && cueJustBefore && !unnamedSubject(clause.from, trig)))
    // a subject placed by a preposition at the head of the clause (Rebels in the Ivory Coast dismissed …) acts for its place
    // (not when an event noun heads the phrase: a car bombing in Baghdad killed …)
    // (nor when a happening that acts for no one heads it: a landslide near Kirkuk killed …, the pack's `non-agents`;
    // nor after a reporting verb, nor when the place only modifies the trigger's noun: at a Michigan rally)
    const placedSubject = subjects.length || nominal ? undefined : participantsIn(clause.from, Math.min(trig, clause.from + 8), sources).find((p) => roleOf(p, clause.from) === 'place' &&
      !matches.some((m) => m.match.from >= clause.from && m.match.from < p.from) && !someToken(tokens, clause.from, p.from, (t) => nonAgents.has(t.norm) || pack.inClass('reporting-verb', t.norm)) &&
      !(p.to === trig && determiners.has(tokens[p.from - 1]?.norm ?? '')))
    // an obligation put on someone in reported speech is the reporter's demand (Germany said Serbia must recognise the
    // border): the reporter is the actor and the one obliged the recipient; without both, no event
    const topic = topicVerb(site, subjects[0] ?? reporter)
    const joinedAt = nominal || !reporter ? undefined : coordinatedWithCue(site, cueBefore, subjects)
    const demander = reporter ?? reporterAfter
    const controllers = objectControllers(site)
    // (what a test below found, kept for its branch: each test is asked once)
    let reduced: ReturnType<typeof reducedPassive>, found: Participant | undefined
    if (rule.args.includes('reported-demand')) {
      // (the one obliged follows the cue when the cue shares the clause: the agency working in Syria said Turkish forces must …)
      const obliged = cueBefore && cueBefore.at >= clause.from ? subjectsOf({ from: cueBefore.to, to: clause.to }, sources, trig) : subjects
      if (!demander || !obliged.length || resolve(obliged[0]!) === resolve(demander)) return
      actor = [demander]
      recipient = coordinated(obliged)
      argRules[0] = 'args-reported-demand'
    } else if (controllers.length) {
      actor = controllers
      argRules[0] = 'args-object-control'
    } else if (!nominal && !isPassive && (reduced = reducedPassive(site, after))) {
      actor = [reduced.agent]
      if (reduced.patient) recipient = [reduced.patient]
      argRules[0] = 'args-reduced-passive'
    } else if ((isPassive || nominal) && (agent || genitive)) {
      actor = [(agent ?? genitive)!]
      // the one acted on: the subject, or a participant inside the subject's phrase (a camp for Congolese refugees was attacked by …)
      const subj = subjects[0] ?? (isPassive ? participantsIn(clause.from, trig, sources).find((p) => p !== agent) : undefined) ?? droppedSubject(site)
      if (subj && !isPassive && !agent) { /* a genitive agent: the recipient comes from the prepositions below */ }
      else if (subj) recipient = [subj]
      argRules[0] = isPassive ? 'args-passive' : agent ? 'args-nominal-agent' : 'args-nominal-genitive'
    } else if (topic !== undefined) {
      // what the subject comments on or discusses is not its own act (Washington has not commented on Monday's
      // shelling): the noun's actor is unsaid, another report of an act told before
      // (its own agent still acts: … on the shelling by Russia)
      if (agent) actor = [agent]
      argRules[0] = 'args-topic'
    } else if (isPassive && subjects.length && !SYMMETRIC.has(type)) {
      // a passive without its agent: the subject is the one acted on (three soldiers were killed)
      recipient = coordinated(subjects)
      argRules[0] = 'args-passive-no-agent'
    } else if (subjects.length) actor = coordinated(subjects)
    else if (!nominal && reporter && joinedAt !== undefined) {
      // a verb joined by a coordinator to the reporting verb's phrase is the reporter's own next act, not what it
      // reports (Russia denied the claims and accused Ukraine of …; Rusia tha … dhe akuzoi Ukrainën)
      actor = [reporter]
      const own = resolve(reporter, true)
      const at = attribution.findIndex((a) => a.source === own)
      if (at >= 0) { attribution.splice(at, 1); sources.delete(own!) }
      argRules[0] = 'args-coordinated-reporter'
    }
    else if (selfReport) { actor = [reporter!]; argRules[0] = 'args-reporter-pronoun' }
    else if (!nominal && (found = relativeSubject(site))) { actor = [found]; argRules[0] = 'args-relative-subject' }
    else if (!nominal && (found = pronounSubject(site))) { actor = [found]; argRules[0] = 'args-pronoun-subject' }
    else if (announced(site, cueBefore, reporter, nominal)) { actor = [reporter!]; argRules[0] = 'args-announced' }
    else if (placedSubject) { actor = [placedSubject]; argRules[0] = 'args-subject-place' }
    else if (!nominal && unnamedSubject(clause.from, trig)) {
      const back = definiteSubject(site)
      if (back) { actor = [back]; argRules[0] = 'args-definite-subject' } else argRules[0] = 'args-unnamed-subject'
    }
    else {
      const s = droppedSubject(site)
      if (s) actor = [s]
      argRules[0] = 'args-dropped-subject'
    }
    if (inner.length) actor = [...actor, ...inner.filter((p) => !actor.some((a) => a.from === p.from))]
    if (!recipient.length) {
      // after an active verb, what "from" marks is where the act is directed (withdraw its troops from Lebanon)
      // (not when several act together: Russia and Ukraine agreed … after talks mediated by Turkey — "by"/"nga" there
      // is another act's agent, and the parties are each other's counterparts)
      const together = jointAct && actor.length > 1
      const roles = isPassive || nominal || together ? MARKED_ROLES : MARKED_ROLES_ACTIVE
      // (a noun's marked participants stand in its own clause: not in a purpose clause after it)
      // (parties acting together have a counterpart of their own only right after the trigger — met with X; a name
      // further on belongs to another phrase: agreed … after talks mediated jointly with Qatar)
      const marked = after.filter((p) => !actor.includes(p) && (!together || p.from - match.to <= 4) && roles.includes(roleOf(p, clause.from) ?? '') && (!nominal || p.from < clause.to))
      // (a noun's object follows it closely: takim Kim-Putin, not a name three words on)
      // (a demand's addressee may open the clause it introduces: its demand that Hungary lift …)
      const objects = after.filter((p) => !actor.includes(p) && (!together || p.from - match.to <= 4) && roleOf(p, match.to) === undefined && (!nominal || (p.from < clause.to && p.from - match.to <= 3) || demandOf(site, p)) && !subordinateSubject(site, p, isPassive))
      // the nearest of them: a direct object right after the verb comes before a later prepositional phrase
      if (marked.length && (!objects.length || marked[0]!.from < objects[0]!.from)) recipient = coordinated(marked)
      else if (objects.length) recipient = coordinated(objects)
    }
    // an object that is a definite description (urged the court to …, accused the army of …; i kërkoi qeverisë, e
    // akuzoi ushtrinë) names the entity it describes, as a subject so described does
    let definite: Participant | undefined
    if (!recipient.length && !nominal && !isPassive && actor.length) {
      definite = definiteObject(site, actor)
      if (definite) { recipient = [definite]; argRules.push('recipient-definite-object') }
    }
    const place = after.find((p) => p.entityId && doc.entity(p.entityId)?.type === 'LOC' && roleOf(p, match.to) === 'place' && !recipient.includes(p))
    // a meeting between named sides is theirs, whoever arranges it (a new meeting between Kurti and Vučić, the
    // summit between the two leaders): the pack's `between-prepositions` right after a symmetric noun
    if (nominal && SYMMETRIC.has(type)) {
      const first = after.find((p) => p.from - match.to <= 5 && p.from < clause.to && betweens.has(tokens[p.from - 1]?.norm ?? ''))
      const parties = first ? coordinated(after.slice(after.indexOf(first))) : []
      if (parties.length >= 2 && !jointAct && actor.length) { recipient = parties; argRules.push('between-sides') }
      else if (parties.length >= 2) { actor = parties.slice(0, 1); recipient = parties.slice(1); argRules[0] = 'args-between' }
    }
    let actorIds = idsOf(actor, resolveArg)
    let recipientIds = idsOf(recipient, resolveArg, actorIds)
    // a meeting's town that acts for no state is where it is held, not who takes part (bisedimet e Stambollit, the
    // Geneva talks): a counterpart of talks is a country or a place standing for its state (a visit keeps its place)
    let placeId = place?.entityId
    if (type === 'CONSULT' && !rule.args.includes('place-recipient')) {
      const town = recipientIds.find(isTown)
      if (town) { recipientIds = recipientIds.filter((id) => id !== town); placeId ??= town; argRules.push('town-as-place') }
    }
    // a conflict in a country is against it, when nothing else is named; in a town of a country, against that
    // state (fired at targets in Jericho)
    if (!recipientIds.length && place && QUAD[type] >= 3) {
      let id = resolve(place)
      const e = id ? doc.entity(id) : undefined
      if (e && !e.ids?.kb?.startsWith('country:')) id = e.type === 'LOC' && e.country ? entityForCountry(doc, ctx, e.country) : undefined
      if (id && doc.entity(id)?.ids?.kb?.startsWith('country:') && !actorIds.includes(id)) { recipientIds = [id]; argRules.push('place-as-target') }
    }
    // (a place it struck is no victim: the quake struck western Nepal)
    if (happening && (!recipientIds.length || argRules.includes('place-as-target') || recipient.every((p) => p.entityId && doc.entity(p.entityId)?.type === 'LOC'))) return
    // a threat's target, when unsaid, is the side its condition names (Serbia will react if the Kosovar police
    // enter …): the first bare participant of a clause opened by a hypothetical cue after the trigger
    if (type === 'THREATEN' && actorIds.length && !recipientIds.length) {
      const cond = findAllClass(scan, 'modality-cue', doc, match.to, sTo).find((c) => c.value === 'hypothetical' && clauses.some((x) => x.from === c.at))
      const condClause = cond ? clauses.find((x) => x.from === cond.at) : undefined
      const first = condClause ? subjectsOf(condClause, sources)[0] : undefined
      const id = first ? resolve(first) : undefined
      const actorCountries = new Set(actorIds.map(countryOf))
      if (id && !actorIds.includes(id) && !actorCountries.has(countryOf(id))) { recipientIds = [id]; argRules.push('recipient-from-condition') }
    }
    // a visit or a delivery to a place is to that place (its state, when it is a capital): the rule's
    // `place-recipient` flag says so (a place in its own clause: not one a condition after it names — would visit if the
    // headquarters near Rudninkai is completed)
    if (!recipientIds.length && place && place.from < clause.to && rule.args.includes('place-recipient')) {
      const id = resolve(place)
      if (id && !actorIds.includes(id)) { recipientIds = [id]; argRules.push('place-as-recipient') }
    }
    // participants acting together (the type is symmetric, or the rule says so: shkëmbyen robër, exchanged
    // prisoners): the first is the actor, the others its counterparts — whichever side the text put them on
    const symmetric = jointAct || rule.args.includes('symmetric')
    if (symmetric && !recipientIds.length && actorIds.length > 1) { recipientIds = actorIds.slice(1); actorIds = actorIds.slice(0, 1) }
    if (symmetric && !actorIds.length && recipientIds.length > 1) { actorIds = recipientIds.slice(0, 1); recipientIds = recipientIds.slice(1); argRules.push('symmetric-split') }
    // what one is asked to do is not the asker's act: with no subject of its own after the request (called on both
    // sides to allow …, u bëri thirrje të shpallin një armëpushim, kërkoi nga BE-ja që të konfiskojë …), no event
    const askedFrom = controllers.length ? undefined : requestedAfter(trig)
    if (askedFrom !== undefined && !actor.some((p) => p.from >= askedFrom)) return
    // unsaid recipient: the nearest earlier participant of another state, in this sentence or the one before
    let contextual = false
    let recentSame = false
    for (let j = Math.max(0, doc.events.length - 6); j < doc.events.length && !recentSame; j++) recentSame = doc.events[j]!.type === type && sentenceOfEvent(doc.events[j]!) >= tokens[trig]!.sentence - 2
    // (a rejection answers the side named just before, as a request addresses it: … but Moscow refused)
    const answers = QUAD[type] <= 2 || type === 'REQUEST' || type === 'REJECT'
    // … but when an act of the same type was told just before in the sentence, the new one is another in a list and
    // shares its recipient (Japan pledged aid to Kabul, and Germany said it would send a field hospital)
    let sibling: Event | undefined
    for (let j = doc.events.length - 1; recentSame && answers && !sibling && j >= Math.max(0, doc.events.length - 6); j--) {
      const e = doc.events[j]!
      if (e.type === type && e.recipient.length && sentenceOfEvent(e) === tokens[trig]!.sentence && !e.recipient.some((r) => actorIds.includes(r)) && !e.actor.some((a) => actorIds.includes(a))) sibling = e
    }
    if (actorIds.length && !recipientIds.length && sibling) { recipientIds = [...sibling.recipient]; contextual = true; argRules.push('recipient-from-sibling') }
    if (actorIds.length && !recipientIds.length && !recentSame && answers) {
      const prevSentence = tokens[trig]!.sentence > 0 ? doc.sentenceTokens[tokens[trig]!.sentence - 1]![0] : sFrom
      const actorCountries = new Set(actorIds.map(countryOf))
      const earlier = participantsIn(prevSentence, trig, sources).reverse()
      // (a name joined to the actor by titles is the actor's own phrase: UN Secretary-General António Guterres)
      for (const p of earlier) {
        if (actor.some((a) => titledTo(a, p) || titledTo(p, a))) continue
        const id = resolve(p)
        if (id && !actorIds.includes(id) && countryOf(id) && !actorCountries.has(countryOf(id))) { recipientIds = [id]; contextual = true; argRules.push('recipient-from-context'); break }
      }
    }

    // a recipient the text leaves to the reader: the act the trigger answers (rejected the accusations: the actor of
    // the latest accusation told before), else the two sides of the latest two-sided event (called on both sides)
    if (actorIds.length && (!recipientIds.length || contextual)) {
      const sides = answeredActors(site, actorIds) ?? accusers(site, actorIds) ?? bothSides(site, actorIds) ?? addressedAgain(site, actorIds)
      if (sides?.ids.length) {
        recipientIds = sides.ids
        contextual = true
        const guess = argRules.findIndex((r) => r === 'recipient-from-context' || r === 'recipient-from-sibling')
        if (guess >= 0) argRules.splice(guess, 1)
        argRules.push(sides.rule)
      }
    }

    // --- modality, from the clause up to the trigger: a hypothetical cue wins over a plan
    // (a rule flagged `cue-inside` holds its modal or negator: would back, not back)
    const cueEnd = rule.args.includes('cue-inside') ? match.to - 1 : trig
    // (after a topic verb only: the negation of has not commented is not the act's)
    // (… nor before the coordinator of the reporter's own next act: said it was ready to talk and accused …)
    const modalFrom = topic ?? (argRules[0] === 'args-coordinated-reporter' ? joinedAt! : clause.from)
    const cues = findAllClass(scan, 'modality-cue', doc, modalFrom, cueEnd)
    if (nominal) cues.push(...findAllClass(scan, 'modality-cue', doc, match.to, Math.min(clause.to, match.to + 3)))
    const hypo = cues.find((c) => c.value === 'hypothetical')
    const cue = hypo ?? cues[cues.length - 1]
    // (a cue of value promise — pledged, promised — makes its content planned; times read it as no future)
    let modality: Modality = cue?.value === 'promise' ? 'planned' : (cue?.value as Modality | undefined) ?? 'asserted'
    const neg = findAllClass(scan, 'negator', doc, modalFrom, cueEnd)[0]
    // a negated act is negated, and so is a negated plan (will not allow, has not agreed to recognise); a
    // negated possibility stays a possibility (may not attack)
    if (neg && (modality === 'asserted' || (modality === 'planned' && (!cue || neg.at < cueEnd)))) modality = 'negated'
    // a rule flagged `promise` is an answer promised, whose promise is the threat, made now (would respond in kind)
    if (rule.args.includes('promise') && modality === 'planned') modality = 'asserted'
    // what one is asked to do has not been done (Ukraine urged Germany to send tanks)
    if ((argRules[0] === 'args-object-control' || askedFrom !== undefined) && modality === 'asserted' && doc.events[doc.events.length - 1]?.type === 'REQUEST') modality = 'hypothetical'
    // a gerund clause (duke e ndihmuar …) elaborates what precedes it and shares its modality
    let gerundBefore = false
    for (let i = Math.max(clause.from, trig - 2); i < trig && !gerundBefore; i++) gerundBefore = gerunds.has(tokens[i]!.norm)
    const previous = doc.events[doc.events.length - 1]
    if (!cue && gerundBefore && previous && previous.modality !== 'asserted' && sentenceOfEvent(previous) === tokens[trig]!.sentence) modality = previous.modality
    if (!cue && ci > 0) {
      const first = clauses[0]!
      const c0 = findAllClass(scan, 'modality-cue', doc, first.from, Math.min(first.to, first.from + 2))[0]
      if (c0?.value === 'hypothetical') modality = 'hypothetical'
    }

    // a hostile act promised under a condition told in another clause of the sentence (Poland would close the border
    // if …; do të vendosë tarifa nëse …) is a threat, made now; the act inside the condition's own clause is not
    const threat = THREAT_ACTS.has(type) && (modality === 'planned' || modality === 'hypothetical') && conditionalOutside(clause, trig, sFrom, sTo)

    // --- time: an expression in the clause, else in the sentence (durations are not event times)
    const timeHit = timeIn(clause.from, clause.to, true) ?? timeIn(sFrom, sTo, false)

    let evidenceFrom = trig, evidenceTo = Math.max(match.to, content?.to ?? 0)
    for (const p of actor) if (p.from >= sFrom && p.from < evidenceFrom) evidenceFrom = p.from
    for (const p of recipient) if (p.to <= sTo && p.to > evidenceTo) evidenceTo = p.to
    const confidence = hundredths(0.4 + (actorIds.length ? 0.3 : 0) + (recipientIds.length ? (contextual ? 0.1 : 0.2) : 0) - (argRules[0] === 'args-dropped-subject' ? 0.1 : 0))
    // (one object literal with every field in record order, the optional ones undefined — JSON leaves them out —
    // so that every event has one shape and the code reading events stays compiled: see newEvent)
    const modalityCue = threat ? undefined : cue ? span(doc, cue.at, cue.to) : neg && modality === 'negated' ? span(doc, neg.at, neg.to) : undefined
    const finalType: PloverType = threat ? 'THREATEN' : type
    const event: Event = {
      id: `v${++n}`,
      type: finalType,
      mode: !threat && mode && mode !== '-' ? mode : undefined,
      cameo: threat ? '130' : cameo && cameo !== '-' ? cameo : undefined,
      quad: QUAD[finalType],
      actor: actorIds,
      recipient: recipientIds,
      place: placeId || undefined,
      time: timeHit ? { index: timeHit.i, value: timeHit.t.value } : undefined,
      modality: threat ? 'asserted' : modality,
      attribution,
      trigger: span(doc, match.from, match.to),
      evidence: { start: tokens[evidenceFrom]!.start, end: tokens[evidenceTo - 1]!.end },
      rule: threat ? `${pack.code}.event.conditional-threat` : rule.id,
      argumentRules: argRules.map((r) => `${pack.code}.event.${r}`),
      modalityCue,
      confidence,
      // (filled by merge-events; after confidence, where the record has always had it)
      reports: undefined,
    }
    doc.events.push(event)
    if (definite) definiteObjects.set(event, definite)
    const about = contentOf.get(k)
    if (about && about !== type) doc.eventContent.set(event, about)
    // a noun whose actor is unsaid is another report of an event told before; alone, it counts only with a participant of its own
    if (nominal && argRules[0] === 'args-dropped-subject') doc.anaphoricEvents.set(event, recipientIds.length > 0 && !contextual)
    // (a topic counts alone with a participant of its own, its agent too)
    if (argRules[0] === 'args-topic') doc.anaphoricEvents.set(event, actorIds.length + recipientIds.length > 0 && !contextual)
  }

  // The loop's helpers, declared once per document (not once per trigger): each takes the trigger's Site and what
  // else of the loop it reads.
  /**
   * Who says what the trigger tells (a source is not a participant): the quotation it stands in, a reporting verb
   * before it or after its clause, "according to". Adds them to the site's attribution and sources.
   */
  function attribute(site: Site): { cueBefore: { at: number; to: number; value: string } | undefined; reporter?: Participant; reporterAfter?: Participant } {
    const { trig, sFrom, sTo, clauses, clause, sources, attribution } = site
    const quote = quoteAt(tokens[trig]!.start, tokens[trig]!.end)
    if (quote?.speaker) { attribution.push(attributionOf(quote.speaker, 'claims', quote.cue, `${pack.code}.attribution.quotation`)); sources.add(quote.speaker) }
    // (a reporting word after a determiner is a noun, no cue: denied the claims)
    const cueBefore = findAllClass(scan, 'reporting-verb', doc, sFrom, trig).filter((c) => !determiners.has(tokens[c.at - 1]?.norm ?? '')).pop()
    let reporter: Participant | undefined
    if (cueBefore && !quote) {
      const gerund = (cueBefore.at > sFrom && gerunds.has(tokens[cueBefore.at - 1]!.norm)) || gerunds.has(tokens[cueBefore.at]!.norm)
      const before = participantsIn(sFrom, cueBefore.at, NO_SOURCES).filter((p) => roleOf(p, sFrom) !== 'modifier')
      const cueClause = clauses.find((c) => cueBefore.at >= c.from && cueBefore.at < c.to)!
      // (a participant the clause places or governs is not the speaker when a bare one is there: the agency working in Chad said)
      const ownClause = before.filter((p) => p.from >= cueClause.from)
      const bareInClause = ownClause.filter((p) => !roleOf(p, cueClause.from))
      const inOwnClause = bareInClause.length ? bareInClause : ownClause
      const rightAfter = participantsIn(cueBefore.to, Math.min(trig, cueBefore.to + 3), NO_SOURCES)[0]
      // the reporter: the gerund's main subject; else in the cue's own clause (X tha se); else right after an
      // inverted cue (…, njoftuan dy vendet); else the nearest before
      // (… else a definite description heading the cue's clause: the army has said it will …)
      const who = gerund ? before.filter((p) => !roleOf(p, sFrom))[0] : inOwnClause[inOwnClause.length - 1] ?? rightAfter ?? (cueClause.from > sFrom && tokens[cueClause.from]!.text === ',' ? headBeforeDescription(cueClause) : before[before.length - 1]) ??
        (cueBefore.at > cueClause.from ? definiteSubject(site, cueClause.from, cueBefore.at) : undefined)
      let stance = (cueBefore.value as Stance) || 'claims'
      if (findAllClass(scan, 'negator', doc, Math.max(sFrom, cueBefore.at - 2), cueBefore.at).length) stance = stance === 'confirms' ? 'unconfirmed' : stance === 'denies' ? 'confirms' : 'denies'
      if (who) { addSource(site, resolve(who, true), stance, cueBefore, `${pack.code}.attribution.reporting-before`); reporter = who }
      // (the organisation in the reporter's title speaks through them and is no participant either: NATO Secretary
      // General Mark Rutte said the alliance …)
      const post = who ? before.find((p) => p.entityId && p.to < who.from && tokens.slice(p.to, who.from).every((t) => isCueWord(doc, t) || t.text === '-')) : undefined
      if (post?.entityId) sources.add(post.entityId)
    }
    let reporterAfter: Participant | undefined
    const cueAfter = findAllClass(scan, 'reporting-verb', doc, clause.to, sTo)[0]
    // (a cue in a clause joined by a coordinator after a comma reports something else: Japan pledged aid, and Germany
    // said it would send a hospital — Germany is no source of Japan's aid)
    // (the comma, the coordinator and the cue's own subject right before it)
    const joinedCue = cueAfter !== undefined && tokens.slice(clause.to, cueAfter.at).some((t, n, between) => {
      if (n === 0 || between[n - 1]!.text !== ',' || !pack.inClass('coordinator', t.norm)) return false
      const own = participantsIn(clause.to + n + 1, cueAfter.at, NO_SOURCES)
      return own.length > 0 && own[0]!.from === clause.to + n + 1 && own[own.length - 1]!.to === cueAfter.at
    })
    if (cueAfter && !quote && !cueBefore && !joinedCue) {
      // a cue after the clause names its source right after it (…, njoftoi Bashkimi Evropian), or just before it
      // in its own clause (…, the Kremlin said)
      const cueClause = clauses.find((c) => cueAfter.at >= c.from && cueAfter.at < c.to)!
      // (the source after the cue is the first name before the next punctuation: …, njoftoi Ministria e Jashtme e Kinës)
      let sourceEnd = cueAfter.to
      while (sourceEnd < Math.min(sTo, cueAfter.to + 10) && (tokens[sourceEnd]!.isWord || tokens[sourceEnd]!.text === '-')) sourceEnd++
      const who = participantsIn(cueAfter.to, Math.min(sourceEnd, cueAfter.to + 3) > cueAfter.to ? sourceEnd : cueAfter.to, NO_SOURCES)[0] ?? participantsIn(Math.max(cueClause.from, cueAfter.at - 4), cueAfter.at, NO_SOURCES).pop()
      const id = who ? resolve(who, true) : undefined
      reporterAfter = who
      addSource(site, id, (cueAfter.value as Stance) || 'claims', cueAfter, `${pack.code}.attribution.reporting-after`)
      // a source named after the clause that is also named in it speaks of itself and stays a participant
      // (Benin opened its borders …, Benin police said)
      if (id && participantsIn(clause.from, clause.to, NO_SOURCES).some((p) => resolve(p, true) === id)) sources.delete(id)
    }
    const acc = findAllClass(scan, 'according-to', doc, sFrom, sTo)[0]
    if (acc) {
      // the source stands right after the cue, before the next punctuation (Sipas diplomatëve evropianë, Serbia …)
      let stop = acc.to
      while (stop < Math.min(sTo, acc.to + 6) && tokens[stop]!.isWord) stop++
      const who = participantsIn(acc.to, stop, NO_SOURCES)[0]
      if (who) addSource(site, resolve(who, true), 'claims', acc, `${pack.code}.attribution.according-to`)
      // a nationality adjective closing the source stands for its state even when a name follows the comma
      // (Sipas ushtrisë izraelite, Hezbollahu sulmoi … Izraelit); that state may still take part in the event
      const adj = who ? undefined : adjectivesIn(acc.to, stop)[0]
      const state = adj ? resolve(participant(adj.tokenIndex, adj.tokenIndex + 1, undefined, adj.country), true) : undefined
      if (state && !sources.has(state)) { addSource(site, state, 'claims', acc, `${pack.code}.attribution.according-to`); sources.delete(state) }
    }
    return { cueBefore, reporter, reporterAfter }
  }
  /** Adds a source to the trigger's attribution, once, with its stance and cue. */
  function addSource({ attribution, sources }: Site, source: string | undefined, stance: Stance, cue: { at: number; to: number } | undefined, ruleId: string): void {
    if (!source || sources.has(source)) return
    attribution.push(attributionOf(source, stance, cue ? span(doc, cue.at, cue.to) : undefined, ruleId))
    sources.add(source)
  }

  /** Whether the entity is a town (a place that is no country). */
  function isTown(id: string | undefined): boolean {
    const e = id ? doc.entity(id) : undefined
    return e?.type === 'LOC' && !e.ids?.kb?.startsWith('country:')
  }

  /** Whether `b` follows `a` with only titles (or hyphens) between: a name of the other's own phrase. */
  function titledTo(a: Participant, b: Participant): boolean {
    return a.to < b.from && everyToken(tokens, a.to, b.from, (t) => isCueWord(doc, t) || t.text === '-')
  }

  /** A request's addressee opening the clause it introduces, a few words on (its demand that Hungary lift …). */
  function demandOf({ type, match }: Site, p: Participant): boolean {
    return type === 'REQUEST' && p.from - match.to <= 3 && someToken(tokens, match.to, p.from, (t) => pack.inClass('clause-marker', t.norm)) && everyToken(tokens, match.to, p.from, (t) => t.isWord)
  }

  /**
   * When the trigger is what the sentence's previous event, a request, asks for — a few words after it, opened by the
   * pack's `object-control-links` or `complementizers` (urged … to, demanded that, u bëri thirrje … të, kërkoi … që
   * të), with no punctuation between — the token where the request's trigger ends.
   */
  function requestedAfter(trig: number): number | undefined {
    const prev = doc.events[doc.events.length - 1]
    if (!prev || prev.type !== 'REQUEST') return undefined
    const [pFrom, pTo] = triggerRange(prev)
    if (tokens[pFrom]!.sentence !== tokens[trig]!.sentence || pTo > trig || trig - pTo > 8) return undefined
    const between = tokens.slice(pTo, trig)
    if (!between.every((t) => t.isWord || t.text === '-')) return undefined
    const links = pack.list('object-control-links'), complementizers = pack.list('complementizers')
    return between.some((t) => links.has(t.norm) || complementizers.has(t.norm)) ? pTo : undefined
  }

  /** Earlier events (at most RECENT_EVENTS back, in the last few sentences), latest first. */
  function recentEvents(trig: number): Event[] {
    const si = tokens[trig]!.sentence
    return doc.events.slice(-RECENT_EVENTS).reverse().filter((e) => { const s = sentenceOfEvent(e); return s <= si && s >= si - RECENT_SENTENCES })
  }
  /** Ids other than the actor's side: the actor, the state it belongs to, or, for a state, those of that state. */
  function notActorSide(ids: string[], actorIds: readonly string[]): string[] {
    const isState = (id: string) => !!doc.entity(id)?.ids?.kb?.startsWith('country:')
    const sameSide = (id: string, a: string) => id === a || ((isState(id) || isState(a)) && !!countryOf(id) && countryOf(id) === countryOf(a))
    return ids.filter((id) => !actorIds.some((a) => sameSide(id, a)))
  }

  /**
   * The act a trigger answers, named right after it by the pack's word class `answered-act` (value: the act's type):
   * rejected the accusations, i hodhi poshtë sanksionet, nuk e pranoi kërkesën. Its recipient is the actor of the
   * latest act of that type told before by another side.
   */
  function answeredActors({ type, match, clause, trig }: Site, actorIds: readonly string[]): { ids: string[]; rule: string } | undefined {
    const acts = cls('answered-act')
    if (!acts || !ANSWERING.has(type)) return undefined
    for (let j = match.from; j < Math.min(clause.to, match.to + 3); j++) {
      const m = matchClass(acts, tokens, j, clause.to)[0]
      if (!m || m.value === type) continue
      // (a word for any act — the move, the decision, vendimin — names the story's lead act: the first event told)
      if (m.value === 'LEAD') {
        const lead = doc.events[0]
        const ids = lead ? notActorSide(lead.actor, actorIds) : []
        return ids.length ? { ids, rule: 'recipient-answered-lead' } : undefined
      }
      const told = recentEvents(trig).find((e) => e.type === m.value && notActorSide(e.actor, actorIds).length > 0)
      return told ? { ids: notActorSide(told.actor, actorIds), rule: 'recipient-answered' } : undefined
    }
    return undefined
  }

  /**
   * A rejection with no recipient named answers those who just accused its actor (the army accused the RSF …; the
   * RSF denied any involvement): the actors of the latest accusation told before whose recipient is the actor.
   */
  function accusers({ type, trig }: Site, actorIds: readonly string[]): { ids: string[]; rule: string } | undefined {
    if (type !== 'REJECT') return undefined
    const told = recentEvents(trig).find((e) => e.type === 'ACCUSE' && e.recipient.some((r) => actorIds.includes(r)))
    // (the accuser may be of the actor's own state: the army accusing a paramilitary force)
    const ids = told ? told.actor.filter((a) => !actorIds.includes(a)) : []
    return ids.length ? { ids, rule: 'recipient-accusers' } : undefined
  }

  /**
   * The two sides named without names right after the trigger (called on both sides, u bëri thirrje të dyja palëve:
   * the pack's word class `both-sides`) are the actor and recipient of the latest event told before that has both,
   * other than the actor's own side.
   */
  function bothSides({ match, clause, trig }: Site, actorIds: readonly string[]): { ids: string[]; rule: string } | undefined {
    const phrase = cls('both-sides')
    if (!phrase) return undefined
    let found = false
    // (right after the trigger, or a few lower-case words on: sanctions on commanders of both forces)
    for (let j = match.from + 1; j < Math.min(clause.to, match.to + 5) && !found; j++) {
      found = matchClass(phrase, tokens, j, clause.to).length > 0
      if (j >= match.to && (!tokens[j]!.isWord || tokens[j]!.shape !== 'x')) break
    }
    if (!found) return undefined
    for (const e of recentEvents(trig)) {
      // (not sides an earlier event only guessed: one guess is not built on another)
      if (!e.actor.length || !e.recipient.length || e.actor.some((a) => e.recipient.includes(a)) || guessed(e)) continue
      const ids = notActorSide(uniq([...e.actor, ...e.recipient]), actorIds)
      if (ids.length) return { ids, rule: 'recipient-both-sides' }
    }
    return undefined
  }

  /**
   * A request, accusation or threat addressed by a pronoun (urged them, u bëri thirrje: the pack's
   * `addressee-pronouns`, opening the trigger or right after it) goes to those the same actor's act just before went to
   * (Erdoğan welcomed both delegations and urged them to …), in this sentence or the one before.
   */
  function addressedAgain({ type, match, trig }: Site, actorIds: readonly string[]): { ids: string[]; rule: string } | undefined {
    const pronounsOf = pack.list('addressee-pronouns')
    if (!ADDRESSING.has(type) || !(pronounsOf.has(tokens[match.from]!.norm) || pronounsOf.has(tokens[match.to]?.norm ?? ''))) return undefined
    const si = tokens[trig]!.sentence
    const before = recentEvents(trig).find((e) => sentenceOfEvent(e) >= si - 1 && e.actor.some((a) => actorIds.includes(a)) && e.recipient.length)
    const ids = before ? notActorSide(before.recipient, actorIds) : []
    return ids.length ? { ids, rule: 'recipient-addressed-again' } : undefined
  }

  /**
   * A verb of the pack's `topic-verbs` (comment, discuss; komentoj, diskutoj) a few words before the trigger in its
   * clause, with the clause's subject (or the reporter, when the verb reports) before it and no participant between
   * it and the trigger: the token after the verb (the trigger names its topic), else undefined.
   */
  function topicVerb({ trig, clause, sources }: Site, subject: Participant | undefined): number | undefined {
    if (!topicVerbs.size) return undefined
    for (let i = trig - 1; i >= Math.max(clause.from, trig - 5); i--) {
      const t = tokens[i]!
      if (!topicVerbs.has(t.norm) && !anyIn(t.lemmas, topicVerbs)) continue
      return subject && subject.to <= i && !participantsIn(i + 1, trig, sources).length ? i + 1 : undefined
    }
    return undefined
  }

  /**
   * The trigger is a verb right after a coordinator (and, dhe; a clitic or an adverb may stand between: dhe e akuzoi),
   * in the sentence of a reporting verb whose reporter is the subject, with no subject of its own and no punctuation
   * since the cue.
   */
  function coordinatedWithCue({ trig }: Site, cueBefore: { at: number; to: number } | undefined, subjects: readonly Participant[]): number | undefined {
    if (!cueBefore || subjects.length) return undefined
    // (a coordinator that is also an article is the clitic: Tirana e mbështet)
    const coordinator = (i: number) => pack.inClass('coordinator', tokens[i]!.norm) && !isArticle(i)
    let k = trig - 1
    while (k > cueBefore.to && k >= trig - 2 && tokens[k]!.isWord && tokens[k]!.shape === 'x' && !coordinator(k)) k--
    if (k <= cueBefore.to || !coordinator(k)) return undefined
    return everyToken(tokens, cueBefore.to, k, (t) => t.isWord || t.text === '-') && !participantsIn(k, trig, NO_SOURCES).length ? k : undefined
  }

  /**
   * A definite description right after a verb trigger, as its object (urged the court, accused the army; sq the
   * object forms of the pack's `anaphora-noun`: i kërkoi qeverisë), read as definiteSubject reads a subject; not
   * the actor itself.
   */
  function definiteObject(site: Site, actor: readonly Participant[]): Participant | undefined {
    const { match, clause } = site
    if (match.to >= clause.to) return undefined
    const o = definiteSubject(site, match.to, Math.min(clause.to, match.to + 3), actor)
    if (!o) return undefined
    const id = resolve(o), actorIdsNow = actor.map((p) => resolve(p))
    if (!id || actorIdsNow.includes(id)) return undefined
    return o
  }

  /**
   * A participle set off by a comma after a noun, its agent phrase right after it, is a reduced passive (the truce,
   * brokered by Qatar, …; armëpushimi, i ndërmjetësuar nga Katari, …): the agent acts; the one acted on is the name
   * that closes the phrase before the comma, if a name does, else unsaid (never the sentence's subject).
   */
  function reducedPassive({ trig, sFrom, match, sources }: Site, after: readonly Participant[]): { agent: Participant; patient?: Participant } | undefined {
    let k = trig - 1
    if (k > sFrom && isArticle(k)) k--
    if (k <= sFrom || tokens[k]!.text !== ',') return undefined
    const by = after[0]
    if (!by || by.from !== match.to + 1 || roleOf(by, match.to) !== 'agent' || !passiveAgents.has(tokens[match.to]!.norm)) return undefined
    const named = mentionAt(doc, k - 1)
    const patient = named && !sources.has(named.entityId) ? participant(named.from, named.to, named.entityId, undefined) : undefined
    return { agent: by, ...(patient ? { patient } : {}) }
  }

  /**
   * A passive verb has no object: a bare participant in the next clause, opened by a clause marker (pasi, after,
   * because), is that clause's subject (the convoy was let through after Egypt intervened; kolona u lejua të kalonte
   * pasi Egjipti ndërhyri). (After an active verb it may still be the one the act concerns — would not return to
   * the table until the rebels freed the hostages — so that is left as it was.)
   */
  function subordinateSubject({ clause, clauses, ci }: Site, p: Participant, isPassive: boolean): boolean {
    if (p.from < clause.to || !isPassive) return false
    const next = clauses[ci + 1]
    return !!next && p.from >= next.from && tokens[next.from]!.isWord && pack.inClass('clause-marker', tokens[next.from]!.norm)
  }

  /** The content preposition within a few words after the trigger, and the phrase it opens, up to `limit`. */
  function contentPhrase(from: number, limit: number): Clause | undefined {
    const preps = cls('content-preposition'), roles = cls('role-preposition')
    const opens = (c: WordClass | undefined, i: number) => !!c && matchClass(c, tokens, i, limit).some((m) => m.value !== 'none')
    for (let j = from; j < Math.min(limit, from + 8) && tokens[j]!.isWord; j++) {
      if (!opens(preps, j)) continue
      let end = j + 1
      while (end < limit && tokens[end]!.isWord && !opens(roles, end) && !pack.inClass('clause-marker', tokens[end]!.norm)) end++
      return end > j + 1 ? { from: j, to: end } : undefined
    }
    return undefined
  }

  /**
   * A trigger that is what the reporting verb announces in its own clause is the reporter's own act (Canada
   * announced a freeze of aid; the ministry declared a state of emergency): a few lower-case words at most stand
   * between, none of them a pronoun (announced it would …: that is the pronoun rule's). Not a joint act: who
   * announces a meeting or an agreement (a spokesman) need not be a party to it. Nor what one confirms or denies:
   * that is someone else's act told before (Moscow has not confirmed the release).
   */
  function announced({ type, clause, trig }: Site, cueBefore: { at: number; to: number; value: string } | undefined, reporter: Participant | undefined, nominal: boolean): boolean {
    if (cueBefore?.value === 'confirms' || cueBefore?.value === 'denies') return false
    if (SYMMETRIC.has(type) || !reporter || !cueBefore || cueBefore.at < clause.from || trig < cueBefore.to || trig - cueBefore.to > 3) return false
    // (the announced act is the cue's object: a determiner opens it, or the trigger is a noun; a verb right after
    // the cue is a clause of its own: policies that X argues allowed …)
    const between = tokens.slice(cueBefore.to, trig)
    if (!nominal && !(between.length && determiners.has(between[0]!.norm))) return false
    return between.every((t) => t.isWord && t.shape === 'x' && !pronouns.has(t.norm))
  }

  /**
   * The one asked, accused or forced is the actor of what follows the pack's `object-control-links` (Washington
   * accused Beijing of hacking …, Ukraine urged Germany to send tanks): the recipient of the sentence's previous
   * event, when that event is a request, an accusation or a coercion in this clause and names its recipient between.
   */
  function objectControllers({ trig, clause, sources }: Site): Participant[] {
    // (the link may stand a few lower-case words before the act: accused the RSF of carrying out the attack)
    const links = pack.list('object-control-links')
    let k = trig - 1
    while (k > clause.from && k >= trig - 4 && !links.has(tokens[k]!.norm) && tokens[k]!.isWord && tokens[k]!.shape === 'x') k--
    if (trig === 0 || !links.has(tokens[k]!.norm)) return []
    const sentence = tokens[trig]!.sentence
    const prev = doc.events[doc.events.length - 1]
    if (!prev || !['REQUEST', 'ACCUSE', 'COERCE'].includes(prev.type) || !prev.recipient.length) return []
    const [pFrom, pTo] = triggerRange(prev)
    if (tokens[pFrom]!.sentence !== sentence || pTo > trig || pFrom < clause.from) return []
    const named = participantsIn(pTo, trig, sources).filter((p) => { const id = resolve(p); return !!id && prev.recipient.includes(id) })
    // (or the definite description it was addressed by: accused the alliance of aggression)
    const described = definiteObjects.get(prev)
    return named.length || !described ? named : [described]
  }

  /**
   * A subject that is a definite description by a title or an organisation word (the ministry, the president) names
   * the latest entity before it that the word describes: in its name, in one of its mentions, or as the title
   * right before a mention (President Ruto … The president). The pack's `anaphora-determiners` open it; up to two
   * sentences back. So does a nationality adjective told before with the same noun (the Sudanese army … the army). A
   * noun of the pack's word class `anaphora-noun` names the latest organisation (ORG: the agency, the alliance), or
   * the state of the latest participant that has one (STATE: the government, the authorities); SAME nouns only
   * through an adjective (the army). In a language without such determiners the class lists the definite forms that
   * open the clause (Qeveria, Ushtria).
   */
  function definiteSubject({ clause, trig, sources }: Site, from = clause.from, to = trig, skip: readonly Participant[] = []): Participant | undefined {
    const openers = pack.list('anaphora-determiners'), kinds = cls('anaphora-noun')
    let head: string | undefined, at = -1
    if (!openers.size) {
      let i = from
      while (i < to && (!tokens[i]!.isWord || pack.inClass('coordinator', tokens[i]!.norm))) i++
      if (i < to && kinds && matchClass(kinds, tokens, i, i + 1).length && !mentionAt(doc, i)) { head = tokens[i]!.norm; at = i }
    }
    for (let i = from; !head && i < to - 1; i++) {
      if (!openers.has(tokens[i]!.norm)) continue
      const describes = (j: number) => j < to && !mentionAt(doc, j) &&
        (isCueWord(doc, tokens[j]!) || pack.inClass('org-word', tokens[j]!.norm) || (!!kinds && matchClass(kinds, tokens, j, j + 1).length > 0))
      if (describes(i + 1)) { head = tokens[i + 1]!.norm; at = i + 1; break }
      // (one lower-case modifier may stand before the noun: the rebel group, the paramilitary force)
      const modifier = tokens[i + 1]!
      if (modifier.isWord && modifier.shape === 'x' && !mentionAt(doc, i + 1) && !adjectiveTokens.has(i + 1) && describes(i + 2)) { head = tokens[i + 2]!.norm; at = i + 2; break }
      return undefined
    }
    if (!head) return undefined
    const word = head
    const si = tokens[at]!.sentence
    const back = doc.sentenceTokens[Math.max(0, si - 2)]![0]
    const named = (m: { from: number; entityId: string }) => {
      const e = doc.entity(m.entityId)
      if (!e || e.type === 'LOC' || e.type === 'MISC') return false
      return nameWords(e).has(word)
    }
    // (the word as a title right before the name, with only titles or names between: President William Ruto)
    const titled = (m: { from: number; entityId: string }) => {
      const e = doc.entity(m.entityId)
      if (!e || e.type === 'LOC' || e.type === 'MISC') return false
      for (let k = m.from - 1; k >= Math.max(0, m.from - 3); k--) {
        if (tokens[k]!.norm === word) return true
        if (!isCueWord(doc, tokens[k]!) && tokens[k]!.shape === 'x') return false
      }
      return false
    }
    // (a name holding the word is a strong cue, looked for ten sentences back; a title two)
    // (the mentions before, not sources nor skipped, are read latest first: those of the last two sentences are `earlier`)
    const far = mentionsIn(doc, doc.sentenceTokens[Math.max(0, si - 10)]![0], from)
    const open = (m: PlacedMention) => !sources.has(m.entityId) && !skip.some((q) => q.entityId === m.entityId)
    let hit: PlacedMention | undefined
    for (let k = far.length - 1; !hit && k >= 0 && far[k]!.from >= back; k--) if (open(far[k]!) && (named(far[k]!) || titled(far[k]!))) hit = far[k]
    for (let k = far.length - 1; !hit && k >= 0; k--) if (open(far[k]!) && named(far[k]!)) hit = far[k]
    if (hit) return participant(hit.from, hit.to, hit.entityId, undefined)
    // a nationality adjective told before with the same noun (the Sudanese army … the army; ushtria ruse … Ushtria)
    const same = (t: Token | undefined) => !!t && (t.norm === word || t.lemmas.some((l) => tokens[at]!.lemmas.includes(l)))
    // (a strong cue: looked for further back, ten sentences; the latest first)
    const adjectives = adjectivesIn(doc.sentenceTokens[Math.max(0, si - 10)]![0], from)
    for (let k = adjectives.length - 1; k >= 0; k--) {
      const adj = adjectives[k]!
      if (same(tokens[adj.tokenIndex + 1]) || same(tokens[adj.tokenIndex - 1])) return participant(adj.tokenIndex, adj.tokenIndex + 1, undefined, adj.country)
    }
    const kind = kinds ? matchClass(kinds, tokens, at, at + 1)[0]?.value : undefined
    // (only when one organisation, or one state, is in view: otherwise which one is meant is a guess)
    if (kind === 'ORG') {
      const orgs: PlacedMention[] = []
      for (let k = far.length - 1; k >= 0 && far[k]!.from >= back; k--) {
        const m = far[k]!
        if (open(m) && doc.entity(m.entityId)?.type === 'ORG' && !skip.some((q) => q.from === m.from)) orgs.push(m)
      }
      return orgs.length && orgs.every((m) => m.entityId === orgs[0]!.entityId) ? participant(orgs[0]!.from, orgs[0]!.to, orgs[0]!.entityId, undefined) : undefined
    }
    if (kind === 'STATE') {
      // (those skipped — an object's own subject — are not in view)
      const withState = participantsIn(back, from, sources).reverse().filter((x) => (x.country ?? countryOf(x.entityId)) !== undefined && !skip.some((q) => q.from === x.from))
      const country = withState[0] ? (withState[0].country ?? countryOf(withState[0].entityId)) : undefined
      if (!country || withState.some((x) => (x.country ?? countryOf(x.entityId)) !== country)) return undefined
      return participant(withState[0]!.from, withState[0]!.to, undefined, country)
    }
    return undefined
  }

  /**
   * A clause opened by a relative pronoun right after a name and a comma has that name as subject (the Democratic
   * Party, which accuses the government …; Partia Demokratike, e cila akuzon …): the pack's `relative-pronouns`,
   * after an article where the language puts one (e cila, i cili).
   */
  function relativeSubject({ clause, trig, sFrom, sources }: Site): Participant | undefined {
    let j = clause.from
    if (tokens[j]?.text === ',') j++
    if (isArticle(j)) j++
    if (j >= trig || !relatives.has(tokens[j]!.norm)) return undefined
    let k = clause.from - 1
    while (k > sFrom && tokens[k]!.text === ',') k--
    if (tokens[k + 1]?.text !== ',') return undefined
    const m = mentionAt(doc, k)
    // (a name a preposition governs after an event noun is not what the clause describes: sanksione ndaj Rusisë, e cila
    // godet … — the sanctions do)
    const actNoun = (n: { from: number }) => matches.some((x) => x.rule.args.includes('noun') && x.match.to <= n.from && x.match.to >= n.from - 2)
    if (!m || m.to !== k + 1 || sources.has(m.entityId) || (roleOf({ from: m.from, to: m.to }, sFrom) !== undefined && actNoun(m))) return undefined
    return participant(m.from, m.to, m.entityId, undefined)
  }

  /**
   * A personal pronoun of a person heading the clause before the trigger (Ai e akuzoi …, He accused …, Ajo
   * paralajmëroi se …) is the person resolve-pronouns read it as; the pronoun is recorded as a mention of them.
   * Only he and she: "it" and "they" are too often no one named (it is expected, they said).
   */
  function pronounSubject({ clause, trig, sources }: Site): Participant | undefined {
    const kinds = pack.classes.get('pronoun')
    for (let i = clause.from; i < trig; i++) {
      const kind = kinds?.get(tokens[i]!.norm)?.find((e) => e.tokens.length === 1)?.value
      if (!kind || !doc.pronouns.has(i)) continue
      if ((kind !== 'male' && kind !== 'female') || !pronouns.has(tokens[i]!.norm) || roleOf({ from: i, to: i + 1 }, clause.from)) return undefined
      const id = usePronoun(doc, i)
      return id && !sources.has(id) ? participant(i, i + 1, id, undefined) : undefined
    }
    return undefined
  }

  /**
   * A head phrase set off by commas that a name right after it names: it opens with a comma and a lower-case word (a
   * description, not a name), holds no trigger and no name of its own standing first, and the name is no bracketed
   * abbreviation.
   */
  function namingApposition(head: Clause, names: Clause): boolean {
    if (tokens[head.from]?.text !== ',' || tokens[names.from]?.text !== ',' || tokens[names.to]?.text !== ',') return false
    const first = tokens[head.from + 1]
    if (!first?.isWord || first.shape !== 'x' || mentionAt(doc, head.from + 1)) return false
    if (matches.some((m) => m.match.from >= head.from && m.match.from < names.to)) return false
    return !tokens.slice(head.from, names.to + 1).some((t) => t.text === '(' || t.text === ')')
  }

  /** The subject of an earlier clause of the sentence (not an apposition), else of the sentence before. */
  function droppedSubject({ clauses, ci, sFrom, sources, trig }: Site): Participant | undefined {
    // a name set off by commas right after the sentence's head phrase is who that phrase names (Kryeministri i
    // Kosovës, Albin Kurti, refuzoi …; The head of the opposition, Sali Berisha, rejected …)
    // (commas only: a name in brackets after the head phrase is its abbreviation — workers of the Union (SSS) …)
    // (not when the head phrase is itself the name and the commas hold its description: Sergei Lavrov, the Russian
    // foreign minister, accused …; and only a name, not a nationality the description carries)
    if (ci === 2 && clauses[0]!.from === sFrom && !namesOnly(clauses[0]!) && !apposition(clauses[0]!) && apposition(clauses[1]!) &&
      !tokens.slice(Math.max(0, clauses[1]!.from - 1), clauses[1]!.to + 1).some((t) => t.text === '(' || t.text === ')')) {
      const s = subjectsOf(clauses[1]!, sources)[0]
      if (s?.entityId) return s
    }
    for (let k = ci - 1; k >= 0; k--) {
      const c = clauses[k]!
      // (names alone at the head of the sentence are its subject, set off by a relative clause: Kurti, i cili …, do të takohet)
      if (apposition(c) && c.from !== sFrom) {
        // … and a name alone between commas after a descriptive head phrase names it (Pas deklaratave, misioni i NATO-s
        // në Kosovë, KFOR, njoftoi …; In Brussels, the foreign minister of Serbia, Ivica Dačić, said …)
        const s = namesOnly(c) && k > 0 && namingApposition(clauses[k - 1]!, c) ? subjectsOf(c, sources)[0] : undefined
        if (s?.entityId) return s
        continue
      }
      const s = subjectsOf(c, sources)[0]
      if (s) return s
    }
    // a target or counterpart named earlier in the sentence can be the subject of a later clause
    // (… trysninë ndaj Shteteve të Bashkuara …, megjithëse kanë bërë dërgesa …)
    for (let k = ci - 1; k >= 0; k--) {
      const c = clauses[k]!
      const p = participantsIn(c.from, c.to, sources).find((x) => ['target', 'counterpart'].includes(roleOf(x, c.from) ?? ''))
      if (p) return p
    }
    const si = tokens[trig]!.sentence
    if (si === 0) return undefined
    const [pFrom, pTo] = doc.sentenceTokens[si - 1]!
    for (const c of clausesFor(pFrom)) {
      if (c.to > pTo || apposition(c)) continue
      const s = subjectsOf(c, sources)[0]
      if (s) return s
    }
    return undefined
  }

  // a threat whose target is unsaid is against the one its threatened act is done to (threatened to impose sanctions
  // on …, kërcënoi se do të vendoste sanksione ndaj …): the next event of the sentence, a few words on, opened by the
  // pack's `object-control-links` or `complementizers`, by the same actor
  const links = pack.list('object-control-links'), complementizers = pack.list('complementizers')
  doc.events.forEach((threat, i) => {
    const act = doc.events[i + 1]
    if (threat.type !== 'THREATEN' || threat.recipient.length || !threat.actor.length || !act?.recipient.length) return
    const [, tTo] = triggerRange(threat), [aFrom] = triggerRange(act)
    if (aFrom < tTo || aFrom - tTo > 8 || tokens[aFrom]!.sentence !== tokens[tTo - 1]!.sentence || act.actor.some((a) => !threat.actor.includes(a))) return
    const between = tokens.slice(tTo, aFrom)
    if (between.some((t) => !t.isWord) || !between.some((t) => links.has(t.norm) || complementizers.has(t.norm))) return
    threat.recipient = act.recipient.filter((r) => !threat.actor.includes(r))
    threat.argumentRules = [...(threat.argumentRules ?? []), `${pack.code}.event.recipient-from-threatened-act`]
  })

  splitReciprocal(doc)
}

/**
 * An act two sides did to each other (accused each other, u akuzuan njëri-tjetrin: the pack's word class
 * `reciprocal`, within a few words after the trigger) is two events, one each way, when the event has the two sides
 * as its actor and no recipient. Not for acts done together (met each other is one meeting of both).
 */
function splitReciprocal(doc: KronikaDocument): void {
  const reciprocal = doc.pack.classes.get('reciprocal'), { tokens } = doc
  if (!reciprocal) return
  const rule = `${doc.pack.code}.event.reciprocal`
  const out: Event[] = []
  for (const e of doc.events) {
    out.push(e)
    if (e.actor.length !== 2 || e.recipient.length || SYMMETRIC.has(e.type)) continue
    const [, to] = doc.tokenRange(e.trigger)
    let found = false
    for (let j = to; j < Math.min(tokens.length, to + 4) && !found && tokens[j]!.sentence === tokens[to - 1]!.sentence; j++) found = matchClass(reciprocal, tokens, j, tokens.length).length > 0
    if (!found) continue
    const [a, b] = e.actor as [string, string]
    e.actor = [a]
    e.recipient = [b]
    e.argumentRules = [...(e.argumentRules ?? []), rule]
    const other: Event = { ...e, id: `${e.id}r`, actor: [b], recipient: [a], attribution: [...e.attribution], argumentRules: [...e.argumentRules] }
    out.push(other)
    const about = doc.eventContent.get(e)
    if (about) doc.eventContent.set(other, about)
  }
  doc.events = out
}

/** Event types that may well have no other side (a patrol, a march): never given one from the story's dyad. */
const ONE_SIDED = new Set<PloverType>(['MOBILIZE', 'PROTEST'])
/** Argument rules that guessed a recipient from the sentences around: such events do not vote for the dyad. */
const GUESSED = ['recipient-from-context', 'recipient-from-sibling', 'recipient-answered-lead']
const GUESSED_ENDINGS = GUESSED.map((g) => '.' + g)
const guessed = (e: Event) => !!e.argumentRules?.some((r) => GUESSED_ENDINGS.some((g) => r.endsWith(g)))

interface Dyad {
  sides: [string, string]
  /** Whether the two sides were told in material conflict (an event of quad 4 between them). */
  conflict: boolean
  /** The entity standing for each side: the one most often named for it in the events counted. */
  entity: Map<string, string>
}

/**
 * The story's dyad: the two sides most often actor and recipient of each other among the document's events. A side
 * is a state — its entity, its places, its people, and its ministries, armies and police (an organisation of the
 * state whose name holds a word of the pack's `state-bodies`) — or a state's other organisations together (an armed
 * group, a party), or an organisation of no state known to the knowledge base (the UN, the EU). A name of no known
 * state or entry is no side. Counted once per document, from events whose sentence named both sides. Unambiguous
 * only: the pair is told at least twice, more often than any other pair.
 */
export function dyadOf(doc: KronikaDocument, ctx: PipelineContext, events: readonly Event[], side = sidesMemo(doc, ctx)): Dyad | undefined {
  const counts = new Map<string, { n: number; conflict: boolean }>()
  const named = new Map<string, Map<string, number>>()
  for (const e of events) {
    if (!e.actor.length || !e.recipient.length || guessed(e)) continue
    const sidesOf = (ids: string[]) => {
      const out = new Set<string>()
      for (const id of ids) {
        const s = side(id)
        if (!s) continue
        out.add(s)
        const m = named.get(s) ?? new Map<string, number>()
        m.set(id, (m.get(id) ?? 0) + 1)
        named.set(s, m)
      }
      return out
    }
    const as = sidesOf(e.actor), rs = sidesOf(e.recipient)
    const pairs = new Set<string>()
    for (const a of as) for (const r of rs) if (a !== r) pairs.add(a < r ? a + '|' + r : r + '|' + a)
    for (const p of pairs) { const c = counts.get(p) ?? { n: 0, conflict: false }; c.n++; c.conflict ||= QUAD[e.type] === 4; counts.set(p, c) }
  }
  const ranked = [...counts].sort((x, y) => y[1].n - x[1].n)
  const [top, next] = ranked
  if (!top || top[1].n < 2 || (next && next[1].n === top[1].n)) return undefined
  const sides = top[0].split('|') as [string, string]
  const entity = new Map<string, string>()
  for (const side of sides) {
    // (a state is its own entity; another side, the name told most often for it)
    const best = [...(named.get(side) ?? [])].sort((x, y) => y[1] - x[1])[0]
    if (best) entity.set(side, best[0])
  }
  return { sides, conflict: top[1].conflict, entity }
}

/** The pack's state-body and non-state words, folded (made once per pack). */
const bodyWordsOf = new WeakMap<object, { state: Set<string>; other: Set<string> }>()
const bodyWords = (doc: KronikaDocument) => {
  let b = bodyWordsOf.get(doc.pack)
  if (!b) bodyWordsOf.set(doc.pack, (b = { state: new Set([...doc.pack.list('state-bodies')].map(fold)), other: new Set([...doc.pack.list('non-state-words')].map(fold)) }))
  return b
}
/** Each entity's side (sideOf), computed once per id for one pass over a document's events. */
function sidesMemo(doc: KronikaDocument, ctx: PipelineContext): (id: string) => string | undefined {
  const bodies = bodyWords(doc), known = new Map<string, string | undefined>()
  return (id) => {
    if (known.has(id)) return known.get(id)
    const s = sideOf(doc, ctx, id, bodies)
    known.set(id, s)
    return s
  }
}

/** A participant's side (see dyadOf): `c:ISO3` for a state, `g:ISO3` for its other organisations, else the entity. */
function sideOf(doc: KronikaDocument, ctx: PipelineContext, id: string, bodies: ReturnType<typeof bodyWords>): string | undefined {
  const e = doc.entity(id)
  if (!e) return undefined
  if (!e.country) return e.type === 'ORG' && e.ids?.kb ? id : undefined
  if (e.ids?.kb?.startsWith('country:') || e.type === 'PER' || e.type === 'LOC') return 'c:' + e.country
  if (e.type !== 'ORG') return undefined
  // (the knowledge base knows a government body; else its name or any of its mentions hold a word of a state body and
  // none of an armed group's or a movement's — the Defence Ministry, not the National Liberation Army)
  const sector = e.ids?.kb ? ctx.gazetteer.get(e.ids.kb)?.sector : undefined
  if (sector) return (['GOV', 'MIL', 'COP', 'JUD', 'LEG', 'SPY'].includes(sector) ? 'c:' : 'g:') + e.country
  const words = [e.name, ...e.mentions.map((m) => m.text)].flatMap((n) => fold(n).split(/[^\p{L}]+/u))
  return (words.some((w) => bodies.state.has(w)) && !words.some((w) => bodies.other.has(w)) ? 'c:' : 'g:') + e.country
}

/**
 * An event of a two-sided type whose text leaves one side unsaid — the actor a pronoun or a description the earlier
 * stages could not resolve, the recipient implied by the story (condemned the delay, welcomed the step) — gets the
 * story dyad's other side, when the side it has is one of the dyad's. The argument rule says it was inferred
 * (`actor-from-dyad`, `recipient-from-dyad`), so an analyst can filter it. Not an act of force between sides the story
 * never set in conflict (the host of peace talks is not the one fighting); not an actor when the sentence holds, before
 * the trigger, a word of a person's name the recognisers left unlinked (Fletcher urged …: that name acts).
 */
export function fillFromDyad(doc: KronikaDocument, ctx: PipelineContext): void {
  const sideOfId = sidesMemo(doc, ctx)
  const dyad = dyadOf(doc, ctx, doc.events, sideOfId)
  if (!dyad) return
  const { tokens } = doc
  const entityOf = (side: string) => (side.startsWith('c:') ? entityForCountry(doc, ctx, side.slice(2)) : dyad.entity.get(side))
  /** The dyad's other side, when every id given is on one of its sides. */
  const other = (ids: string[]) => {
    const sides = new Set(ids.map(sideOfId))
    if (sides.size !== 1) return undefined
    const [side] = sides
    return side === dyad.sides[0] ? entityOf(dyad.sides[1]) : side === dyad.sides[1] ? entityOf(dyad.sides[0]) : undefined
  }
  // (made when first needed: most documents fill no actor)
  let nameWords: Set<string> | undefined
  const unlinkedName = (trigger: { start: number; end: number }) => {
    nameWords ??= new Set(doc.entities.filter((e) => e.type === 'PER').flatMap((e) => fold(e.name).split(/[^\p{L}]+/u).filter((w) => w.length > 2)))
    const [t] = doc.tokenRange(trigger)
    for (let i = doc.sentenceOf(t)[0]; i < t; i++) if (tokens[i]!.isWord && tokens[i]!.shape !== 'x' && nameWords.has(fold(tokens[i]!.text)) && !mentionAt(doc, i)) return true
    return false
  }
  for (const e of doc.events) {
    if (ONE_SIDED.has(e.type) || (QUAD[e.type] === 4 && !dyad.conflict)) continue
    const missing = !e.actor.length ? 'actor' : !e.recipient.length ? 'recipient' : undefined
    if (!missing || (missing === 'actor' && unlinkedName(e.trigger))) continue
    const id = other(missing === 'actor' ? e.recipient : e.actor)
    if (!id) continue
    e[missing] = [id]
    e.argumentRules = [...(e.argumentRules ?? []), `${doc.pack.code}.event.${missing}-from-dyad`]
    e.confidence = Math.min(1, +(e.confidence + 0.1).toFixed(2))
  }
}

/** A place that acts for its state in events (Moscow, the Kremlin) stands for that state's entity, created if need be. */
function standFor(doc: KronikaDocument, ctx: PipelineContext, entityId: string): string {
  const e = doc.entity(entityId)
  const kbId = e?.ids?.kb
  const entry = kbId ? ctx.gazetteer.get(kbId) : undefined
  if (!entry?.standsFor?.startsWith('country:')) return entityId
  return entityForCountry(doc, ctx, entry.standsFor.slice(8)) ?? entityId
}
