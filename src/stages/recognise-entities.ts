/**
 * Finds the names in the text: knowledge-base names in any inflected form (gazetteer), names introduced by the
 * pack's cues (titles, organisation head words; `patterns/entities.tsv`), acronyms defined in parentheses, and
 * other capitalised names, which are kept as unlinked entities typed by their cues rather than dropped.
 * Nationality adjectives are recorded as attributes (Presidentin rus Vladimir Putin → country RUS).
 */
import type { KronikaDocument, MentionCandidate } from '../document.js'
import type { PipelineContext } from '../pipeline/context.js'
import { type PatternMatch, ruleIndex } from '../patterns/token-pattern.js'
import type { Token } from '../text/token.js'
import type { KbEntry } from '../kb/types.js'
import { type Gazetteer, tokenForms } from '../kb/gazetteer.js'
import type { LanguagePack } from '../packs/language-pack.js'
import { type NameCues, capsSentences, capitalsUninformative, isDottedAbbreviation, isInitial, nameCues, possessiveLength, typeByWords, withoutPossessive } from './name-cues.js'

/** Words a pattern may put inside a name (Bank of England, Procter and Gamble), which a headline's cut keeps. */
const LINKS = new Set(['of', 'the', 'and', 'for', '&'])

const OPEN_QUOTES = new Set(['“', '"', '«', '„', '‘', "'", '‹', '「'])

/** Folded lemma key of a token range, used to group mentions of an unlinked name (Peskovit, Peskovi → peskov). */
export function nameKey(tokens: readonly Token[], from: number, to: number): string {
  let key: string | undefined
  for (let i = from; i < to; i++) {
    const t = tokens[i]!
    if (!t.isWord) continue
    const part = t.lemmas[0] ?? t.fold
    key = key === undefined ? part : `${key} ${part}`
  }
  return key ?? ''
}

function candidate(doc: KronikaDocument, cues: NameCues, from: number, to: number, type: MentionCandidate['type'], rule: string, refs: KbEntry[]): MentionCandidate {
  const start = doc.tokens[from]!.start
  let end = doc.tokens[to - 1]!.end
  let key = nameKey(doc.tokens, from, to)
  // a possessive ending is not part of the name (Shearer's → Shearer)
  const last = doc.tokens[to - 1]!
  const cut = cues.possessive.length ? possessiveLength(last, cues) : 0
  if (cut) { end -= cut; key = [...key.split(' ').slice(0, -1), withoutPossessive(last, cues)].join(' ') }
  return { start, end, text: doc.text.slice(start, end), tokenFrom: from, tokenTo: to, type, rule, refs, key }
}

/** A hyphen token (- or ‐). */
const isHyphen = (text: string) => text === '-' || text === '‐'

/** What a match's referents are, as bits (every one a place, a person or a place, a country, a person; some a person, a country). */
const ALL_PLACES = 1, ALL_PEOPLE_OR_PLACES = 2, ALL_COUNTRIES = 4, ALL_PEOPLE = 8, SOME_PERSON = 16, SOME_COUNTRY = 32
function referentKinds(entries: readonly KbEntry[]): number {
  let kinds = ALL_PLACES | ALL_PEOPLE_OR_PLACES | ALL_COUNTRIES | ALL_PEOPLE
  for (const e of entries) {
    const place = e.id.startsWith('place:'), country = e.id.startsWith('country:'), person = e.type === 'PER'
    if (!place) kinds &= ~ALL_PLACES
    if (!place && !person) kinds &= ~ALL_PEOPLE_OR_PLACES
    if (country) kinds |= SOME_COUNTRY; else kinds &= ~ALL_COUNTRIES
    if (person) kinds |= SOME_PERSON; else kinds &= ~ALL_PEOPLE
  }
  return kinds
}

/** The token range of a match's `name` capture (its captures of that name joined), or of the whole match: a copy to narrow. */
function nameRange(m: PatternMatch): { from: number; to: number } {
  let from = -1, to = -1
  for (const c of m.captures) if (c.name === 'name') { if (from < 0 || c.from < from) from = c.from; if (c.to > to) to = c.to }
  return from < 0 ? { from: m.from, to: m.to } : { from, to }
}

const inside = (a: MentionCandidate, b: MentionCandidate) => a.start >= b.start && a.end <= b.end
const overlaps = (a: MentionCandidate, b: MentionCandidate) => a.start < b.end && b.start < a.end

/**
 * What the steps read of one document (each step is a function of its own: a deoptimised step is compiled again
 * alone, not the whole stage).
 */
interface Reading {
  doc: KronikaDocument
  tokens: Token[]
  pack: LanguagePack
  lang: string
  gaz: Gazetteer
  cues: NameCues
  /** Per sentence, whether it is written in capitals (`capsSentences`). */
  caps: boolean[]
}

/** True when the capital of token i says nothing (see `capitalsUninformative`); never for packs without cues. */
const quiet = (r: Reading, i: number) => r.cues.active && capitalsUninformative(r.doc, i, r.caps)

/** True when token `at` is a hyphen joining its neighbour in direction `dir` to a capitalised word, with no spaces. */
function hyphenated(tokens: readonly Token[], at: number, dir: 1 | -1): boolean {
  const h = tokens[at], w = tokens[at + dir]
  return Boolean(h && w && isHyphen(h.text) && h.pre === '' && (dir === 1 ? w.pre === '' : tokens[at + 1]?.pre === '') && (w.shape === 'Xx' || w.shape === 'X') && w.sentence === h.sentence)
}

/** One past a name's last token, taking in the full stop of an abbreviation that ends it (Acme Corp.). */
function withAbbreviationDot(r: Reading, to: number): number {
  const { tokens, pack, cues } = r
  const last = tokens[to - 1], dot = tokens[to]
  return cues.active && last && dot?.text === '.' && dot.pre === '' && dot.sentence === last.sentence && pack.list('abbreviations').has(last.norm) ? to + 1 : to
}

/** Which tokens the names cover (1), of a document of n tokens. */
function covered(names: readonly MentionCandidate[], n: number): Uint8Array {
  const out = new Uint8Array(n)
  for (const c of names) for (let i = c.tokenFrom; i < c.tokenTo; i++) out[i] = 1
  return out
}

const placeOnly = (k: MentionCandidate) => k.refs.length > 0 && (referentKinds(k.refs) & ALL_PLACES) !== 0
// a club takes a town's, a county's or a state's name; a country, or a place that fields a national side (England), is that side
const clubbable = (pack: LanguagePack, k: MentionCandidate) => placeOnly(k) && !pack.list('national-sides').has(k.key)

export function recogniseEntities(doc: KronikaDocument, ctx: PipelineContext): void {
  const { tokens, pack } = doc
  // capitalisation cues for packs that list their common words (name-cues.ts)
  const cues = nameCues(pack)
  const r: Reading = { doc, tokens, pack, lang: pack.code, gaz: ctx.gazetteer, cues, caps: cues.active ? capsSentences(doc) : [] }
  const kb = knowledgeBaseNames(r)
  const kbCover = covered(kb, tokens.length)
  const { cued, overPlace } = cuedNames(r, kbCover)
  const all = combine(r, kb, cued, overPlace)
  const taken = covered(all, tokens.length)
  unknownNames(r, all, taken, kbCover, overPlace)
  nationalities(r, all, taken)
  countriesOfNames(r, all)
  doc.candidates = all.sort((a, b) => a.start - b.start || b.end - a.end)
}
/** 1. Knowledge-base names, sentence by sentence. */
function knowledgeBaseNames(r: Reading): MentionCandidate[] {
  const { doc, tokens, pack, lang, gaz, cues, caps } = r
  const kb: MentionCandidate[] = []
  const kbAlias = `${lang}.entity.kb-alias`
  for (const sentence of doc.sentenceTokens) {
    const from = sentence[0], to = sentence[1]
    const matches = gaz.match(tokens, pack, from, to)
    for (const m of matches) {
      const kinds = referentKinds(m.entries)
      // a town's name that is also a given name, followed by another capitalised word or after a title, is a person's
      const onlyPlaces = (kinds & ALL_PLACES) !== 0
      const next = tokens[m.to], prev = tokens[m.from - 1]
      if (onlyPlaces && ((next && m.to < to && next.shape === 'Xx' && next.pre === ' ') || (prev && cues.isTitle(prev)))) continue
      // a known person's one-word alias followed by another name is someone else (Francis Moreau)
      // (a one-word name of a person and a town, Marin, is read the same way)
      const personOrTown = m.to - m.from === 1 && (kinds & ALL_PEOPLE_OR_PLACES) !== 0 && (kinds & SOME_PERSON) !== 0
      if (cues.active && personOrTown && next && m.to < to && next.shape === 'Xx' && next.pre === ' ' &&
        !caps[next.sentence] && !cues.notNames.has(next.norm) && !pack.inClass('weekday', next.norm) && !pack.inClass('month', next.norm) && !cues.common.has(next.norm)) continue
      // (a pack without capital cues writes only names in capitals inside a sentence, as Albanian does: the same
      // holds when no known name starts at the next word: Deputeti Marin Koskinen)
      // (there, a one-word name that is also some place's, even a country's, is read the same way)
      if (!cues.active && m.to - m.from === 1 && (kinds & SOME_PERSON) !== 0 && next && m.to < to && next.shape === 'Xx' && next.pre === ' ' && !matches.some((x) => x.from === m.to)) continue
      if (cues.active && m.to - m.from === 1) {
        // a name that is also a common word (Police, Surprise, WHO in a headline) needs "in"/"near" before it, unless it is a country
        const word = withoutPossessive(tokens[m.from]!, cues)
        const country = (kinds & SOME_COUNTRY) !== 0
        if (cues.notNames.has(word) && !country) continue
        if (cues.common.has(word) && !country && (onlyPlaces || quiet(r, m.from)) && !(prev && m.from > from && cues.isPlacePreposition(prev) && !caps[prev.sentence])) continue
      }
      // a town's name after a given name or an initial is a surname (Justin Marshall, J. Ratcliffe); a known person's
      // surname after another given name is someone else's (Naina Yeltsin)
      const onlyPeople = personOrTown
      const countryOnly = m.to - m.from === 1 && (kinds & ALL_COUNTRIES) !== 0
      if (cues.active && (onlyPlaces || onlyPeople || countryOnly) && prev && m.from > from && !caps[tokens[m.from]!.sentence] &&
        ((prev.shape === 'Xx' && cues.given.has(prev.norm) && tokens[m.from]!.pre === ' ') || (prev.text === '.' && isInitial(tokens, m.from - 2)))) continue
      // an alias written with its article (The Washington Post): the article is not part of the mention
      if (cues.active && m.to - m.from > 1 && cues.notNames.has(tokens[m.from]!.norm)) m.from++
      // half of a hyphenated name is not that name (Mercedes-Benz, Itar-Tass); Boston-based still names Boston
      // (but two known names joined are both names: North Korea-Russia, Kim-Putin)
      if (cues.active && ((hyphenated(tokens, m.to, 1) && !matches.some((x) => x.from === m.to + 1)) || (hyphenated(tokens, m.from - 1, -1) && !matches.some((x) => x.to === m.from - 1)))) continue
      // a title in a person's alias is not part of the mention (President Putin → Putin)
      if (cues.active && m.to - m.from > 1 && (kinds & ALL_PEOPLE) !== 0 && cues.isTitle(tokens[m.from]!)) m.from++
      // (referents of several types: a person's, if one is)
      const type = (kinds & SOME_PERSON) !== 0 ? 'PER' : m.entries[0]!.type
      kb.push(candidate(doc, cues, m.from, m.to, type, kbAlias, m.entries))
    }
  }
  return kb
}

/** {cap}+ is greedy: words that cannot start or end a name come off (The, a title before a person's name, a headline's common words). */
function loose(r: Reading, kbCover: Uint8Array, k: number, edge: 'start' | 'end', type: MentionCandidate['type']): boolean {
  const { tokens, pack, cues } = r
  const t = tokens[k]!, w = withoutPossessive(t, cues)
  if (!t.isWord) return edge === 'end' ? t.text !== '.' || !isDottedAbbreviation(tokens, k - 1) : true
  if (cues.notNames.has(w) || pack.inClass('month', w) || pack.inClass('weekday', w)) return true
  if (cues.common.has(w) && quiet(r, k) && !kbCover[k] && !cues.isOrgWord(t) && !cues.isLocWord(t) && !cues.isMiscWord(t) && !pack.inClass('org-first', t.norm)) return true
  return edge === 'start' && type === 'PER' && cues.isTitle(t)
}

/**
 * 2. Names introduced by cues (patterns/entities.tsv: id, pattern, type, flags); the name is the `name` capture.
 * The flag `over-place` lets the cue retype a place of the knowledge base with the same span (a club named after
 * its town: Leicestershire beat Somerset), but not a country. `kbCover`: the tokens of knowledge-base names.
 */
function cuedNames(r: Reading, kbCover: Uint8Array): { cued: MentionCandidate[]; overPlace: Set<MentionCandidate> } {
  const { doc, tokens, pack, gaz, cues, caps } = r
  const cued: MentionCandidate[] = []
  const overPlace = new Set<MentionCandidate>()
  const rules = pack.rules('entities')
  const index = ruleIndex(rules, pack.classes)
  if (rules.length) {
    for (const sentence of doc.sentenceTokens) {
      const from = sentence[0], to = sentence[1]
      index.scope(tokens, from, to)
      for (let i = from; i < to; i++) {
        const ids = index.possibleIdsAt(tokens, i)
        for (let q = 0; q < ids.length; q++) {
          const id = ids[q]!
          // the index tries a rule starting with {cap}+ once per run of capitalised words, not once per word
          const m = index.matchAt(id, tokens, i, to)
          if (!m) continue
          const rule = rules[id]!
          const name = nameRange(m)
          const type = (rule.args[0] ?? 'MISC') as MentionCandidate['type']
          if (cues.active) {
            // in a headline in capitals a function word cuts the name off from the rest: the part next to the cue stays
            // (WALES BEAT SAN MARINO IN | WORLD CUP; ROMANIA BEAT | LITHUANIA | IN UNDER-21 MATCH)
            const headline = caps[tokens[name.from]!.sentence]
            const cueBefore = name.from > m.from
            if (headline) {
              const cut = (k: number) => cues.notNames.has(tokens[k]!.norm) && !LINKS.has(tokens[k]!.norm)
              if (cueBefore) { for (let k = name.from + 1; k < name.to; k++) if (cut(k)) { name.to = k; break } }
              else for (let k = name.to - 1; k > name.from; k--) if (cut(k)) { name.from = k + 1; break }
            }
            // a headline's common word before an event's or a body's word stays (WORLD CUP, MAJOR LEAGUE)
            const last = tokens[name.to - 1]!
            const cueLast = headline && !cueBefore && (cues.isMiscWord(last) || cues.isOrgWord(last))
            while (name.from < name.to && !(cueLast && name.from === name.to - 2) && loose(r, kbCover, name.from, 'start', type)) name.from++
            while (name.to > name.from && loose(r, kbCover, name.to - 1, 'end', type)) name.to--
            // an event named after a country written with dots: U.S. Open
            if (type === 'MISC' && tokens[name.from - 1]?.text === '.' && isDottedAbbreviation(tokens, name.from - 2) && tokens[name.from]!.pre !== '') name.from -= 2
            // the first half of a hyphenated name the pattern could not cross: Daimler-Benz AG, Coca-Cola Co
            while (name.from > 1 && isHyphen(tokens[name.from - 1]!.text) && tokens[name.from - 1]!.pre === '' && tokens[name.from]!.pre === '' &&
              (tokens[name.from - 2]!.shape === 'Xx' || tokens[name.from - 2]!.shape === 'X') && tokens[name.from - 2]!.sentence === tokens[name.from]!.sentence) name.from -= 2
            // a cue word in lower case is an ordinary noun (the city of Arbil, a European group), not part of a name
            let words = 0, firstWord = -1, lastWord = -1
            for (let k = name.from; k < name.to; k++) if (tokens[k]!.isWord) { words++; if (firstWord < 0) firstWord = k; lastWord = k }
            if (!words || tokens[firstWord]!.shape === 'x' || tokens[lastWord]!.shape === 'x') continue
            // a nationality or a people is not a name by itself (the Polish daily, German striker)
            let peoples = true
            for (let k = name.from; peoples && k < name.to; k++) {
              const t = tokens[k]!
              if (t.isWord && !gaz.nationality(t, pack) && !cues.groups.has(withoutPossessive(t, cues))) peoples = false
            }
            if (peoples || gaz.nationalityAt(tokens, name.from, pack)?.to === name.to) continue
            // a cue word alone is a common noun in capitals (LEAGUE, Cup), not a name
            const word = tokens[firstWord]!
            if (words === 1 && (cues.isOrgWord(word) || cues.isLocWord(word) || cues.isMiscWord(word))) continue
          }
          if (name.to <= name.from) continue
          name.to = withAbbreviationDot(r, name.to)
          const c = candidate(doc, cues, name.from, name.to, type, rule.id, [])
          if (rule.args.includes('over-place')) overPlace.add(c)
          cued.push(c)
        }
      }
    }
  }
  return { cued, overPlace }
}

/**
 * 3. A KB or cued name followed by an acronym in parentheses defines it for this document; the names kept are the
 * KB names and the cued names that are not a KB name already, then (4.) the defined acronyms.
 */
function combine(r: Reading, kb: MentionCandidate[], cued: MentionCandidate[], overPlace: Set<MentionCandidate>): MentionCandidate[] {
  const { doc, tokens, pack, lang, cues } = r
  const defined = new Map<string, MentionCandidate>()
  const define = (c: MentionCandidate) => {
    const open = tokens[c.tokenTo], acro = tokens[c.tokenTo + 1], close = tokens[c.tokenTo + 2]
    if (open?.text === '(' && close?.text === ')' && acro && acro.shape === 'X' && /^\p{Lu}{2,8}$/u.test(acro.text)) {
      defined.set(acro.fold, c)
    }
  }
  for (const c of kb) define(c)
  for (const c of cued) define(c)

  // keep cued names that are not a KB name already; an organisation name may contain a place (Zyra e … Koresë së Jugut)
  const same = (a: MentionCandidate, b: MentionCandidate) => a.start === b.start && a.end === b.end
  // a knowledge-base name that is a common word inside a longer name made by its words is part of it (National League)
  const byWords = cues.active ? cued.filter((c) => /\.(org|loc|misc)-word/.test(c.rule)) : []
  // (National League); so is any name but a place's (Johnson Controls Inc, Nationalist Party of Ruritania)
  const weak = (k: MentionCandidate) => k.type !== 'LOC' || k.tokenTo - k.tokenFrom === 1 && ( cues.common.has(withoutPossessive(tokens[k.tokenFrom]!, cues)) || typeByWords(tokens, k.tokenFrom, k.tokenTo, cues) === undefined && (cues.isOrgWord(tokens[k.tokenFrom]!) || cues.isMiscWord(tokens[k.tokenFrom]!)))
  // (looked up by span and by the tokens a name made by words starts at, so the check stays linear in the text)
  const overPlaceSpans = new Set([...overPlace].map((c) => `${c.start}:${c.end}`))
  const byWordsAt = new Map<number, MentionCandidate[]>()
  for (const c of byWords) for (let i = c.tokenFrom; i < c.tokenTo; i++) { const l = byWordsAt.get(i); if (l) l.push(c); else byWordsAt.set(i, [c]) }
  // (the cheap test first: most documents have no such cue)
  const all: MentionCandidate[] = kb.filter((k) => !(overPlaceSpans.size > 0 && clubbable(pack, k) && overPlaceSpans.has(`${k.start}:${k.end}`)) &&
    !((byWordsAt.get(k.tokenFrom)?.some((c) => inside(k, c) && !same(k, c)) ?? false) && weak(k)))
  // which candidates cover each token, so overlap checks stay linear in the text
  // (the first for each token, and the others of the few tokens several cover; made when first asked)
  let covering: Array<MentionCandidate | undefined> | undefined
  const coveringMore = new Map<number, MentionCandidate[]>()
  const claim = (c: MentionCandidate) => {
    if (!covering) return
    for (let i = c.tokenFrom; i < c.tokenTo; i++) {
      if (!covering[i]) { covering[i] = c; continue }
      const more = coveringMore.get(i)
      if (more) more.push(c); else coveringMore.set(i, [c])
    }
  }
  /** True when a candidate covering a token of c passes the test. */
  const overlapsOne = (c: MentionCandidate, test: (k: MentionCandidate) => boolean) => {
    if (!covering) { covering = new Array(tokens.length).fill(undefined); for (const k of all) claim(k) }
    for (let i = c.tokenFrom; i < c.tokenTo; i++) {
      const k = covering[i]
      if (!k) continue
      if (test(k)) return true
      for (const o of coveringMore.get(i) ?? []) if (test(o)) return true
    }
    return false
  }
  for (const c of cued.sort((a, b) => (b.end - b.start) - (a.end - a.start))) {
    const clash = overlapsOne(c, (k) => overlaps(k, c) && !((c.type === 'ORG' || ((c.type === 'MISC' || c.type === 'LOC') && cues.active)) && inside(k, c) && k.type === 'LOC' && !same(k, c)) && !(inside(k, c) && k.refs.length === 0 && !same(k, c)))
    if (!clash) { all.push(c); claim(c) }
  }

  // 4. acronyms defined in the document, in any form (KCNA, KCNA-së)
  if (defined.size) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!
      if (t.shape !== 'X') continue
      const def = tokenForms(t).map((f) => defined.get(f)).find(Boolean)
      if (!def) continue
      const c = candidate(doc, cues, i, i + 1, def.type, `${lang}.entity.acronym-defined`, def.refs)
      c.key = def.key
      if (!overlapsOne(c, () => true)) { all.push(c); claim(c) }
    }
  }
  return all
}

/** 5. Other capitalised names, outside the names `taken`: kept, typed by what precedes them. */
function unknownNames(r: Reading, all: MentionCandidate[], taken: Uint8Array, kbCover: Uint8Array, overPlace: Set<MentionCandidate>): void {
  const { doc, tokens, pack, lang, gaz, cues, caps } = r
  const given = pack.list('given-names')
  const notNames = pack.list('not-names')
  const isCue = (t: Token) => cues.isTitle(t) || cues.isOrgHead(t)
  const nameLike = (t: Token): boolean => (cues.active && isInitial(tokens, t.index) && tokens[t.index + 2]?.shape === 'Xx' && tokens[t.index + 2]!.sentence === t.sentence) || t.isWord && (t.shape === 'Xx' || t.shape === 'X') && !cues.isNotName(t) && !isCue(t) && !gaz.nationality(t, pack) &&
    !(cues.active && (notNames.has(withoutPossessive(t, cues)) || (t.pre === '' && /^['’]$/u.test(tokens[t.index - 1]?.text ?? '') && t.norm.length === 1) || cues.groups.has(withoutPossessive(t, cues)) || gaz.nationalityAt(tokens, t.index, pack)?.to === t.index + 2 || cues.isCalendarWord(t) || (quiet(r, t.index) && cues.common.has(withoutPossessive(t, cues)))))
  const pending: MentionCandidate[] = []
  // the last words of the persons' names given in full so far, in their base forms (Tom Fletcher → fletcher), for
  // packs whose capitals cannot tell a lone surname from a common word: Fletcheri, Fletcherit, a sentence's first word
  const surnames = new Map<string, string>()
  const addSurname = (c: MentionCandidate) => {
    if (c.type !== 'PER' || c.tokenTo - c.tokenFrom < 2 || !tokens[c.tokenTo - 1]!.isWord) return
    const key = c.key.split(' ').slice(-1)[0]!
    for (const f of tokenForms(tokens[c.tokenTo - 1]!)) if (f.length > 2) surnames.set(f, key)
  }
  if (!cues.active) for (const c of all) addSurname(c)
  const surnameOf = (t: Token): string | undefined => {
    if (!surnames.size || t.shape !== 'Xx') return undefined
    for (const f of tokenForms(t)) { const k = surnames.get(f); if (k) return k }
    return undefined
  }
  for (const sentence of doc.sentenceTokens) {
    const from = sentence[0], to = sentence[1]
    for (let i = from; i < to; i++) {
      if (taken[i] || !nameLike(tokens[i]!)) continue
      let j = i + 1
      while (j < to && !taken[j]) {
        const t = tokens[j]!
        if (cues.active && possessiveLength(tokens[j - 1]!, cues)) break
        if (nameLike(t) && t.pre !== '' && !/\n/.test(t.pre)) { j++; continue }
        if (cues.active) {
          const next = j + 1 < to && !taken[j + 1] ? tokens[j + 1]! : undefined
          // M. Atherton, George W. Bush: an initial's full stop; U.S. : the full stop of a dotted abbreviation ends the name
          if (t.text === '.' && isInitial(tokens, j - 1) && next && nameLike(next)) { j++; continue }
          if (t.text === '.' && isDottedAbbreviation(tokens, j - 1)) { j++; break }
          // Ludwig van Beethoven, Procter & Gamble
          if ((cues.particles.has(t.norm) || t.text === '&') && next && nameLike(next) && next.pre !== '') { j++; continue }
          // hyphenated names the segmenter split: Tyler-Sharman, Jean-Michel, Ata-ur-Rehman, Chester-le-Street
          if (isHyphen(t.text) && t.pre === '' && next?.isWord && next.pre === '' &&
            (next.shape === 'Xx' || next.shape === 'X' || (isHyphen(tokens[j + 2]?.text ?? '') && tokens[j + 3]?.shape === 'Xx' && j + 3 < to))) { j += 2; continue }
        }
        break
      }
      const afterQuote = i > from && OPEN_QUOTES.has(tokens[i - 1]!.text)
      const sentenceInitial = i === from || (afterQuote && i - 1 === from)
      let single = j - i === 1
      const first = tokens[i]!
      const prev = tokens[i - 1]
      const afterTitle = prev ? cues.isTitle(prev) : false
      if (cues.active) {
        let words = 0, letters = true
        for (let k = i; k < j; k++) if (tokens[k]!.isWord) { words++; if (tokens[k]!.text.length !== 1) letters = false }
        single = words === 1
        // letters alone are column heads (W D L), not initials of a name
        if (letters) { i = j - 1; continue }
        if (single && first.shape === 'Xx' && first.text.length < 2) { i = j - 1; continue }
        const typed = typeUnknownName(i, j, single, afterTitle)
        const c = candidate(doc, cues, i, withAbbreviationDot(r, j), typed.type, `${lang}.entity.${typed.rule}`, [])
        if (typed.pending) pending.push(c); else all.push(c)
        i = j - 1
        continue
      }
      const surname = single ? surnameOf(first) : undefined
      if (surname) {
        const c = candidate(doc, cues, i, j, 'PER', `${lang}.entity.surname`, [])
        c.key = surname
        all.push(c)
        i = j - 1
        continue
      }
      if (sentenceInitial && single && !given.has(first.norm)) { i = j - 1; continue }
      if (single && first.shape === 'Xx' && first.text.length < 2) { i = j - 1; continue }
      const type: MentionCandidate['type'] = afterTitle || given.has(first.norm) ? 'PER' : 'MISC'
      const rule = afterTitle ? `${lang}.entity.after-title` : given.has(first.norm) ? `${lang}.entity.given-name` : `${lang}.entity.capitalised`
      if (type === 'MISC' && single && (sentenceInitial || first.shape === 'Xx' && !/\d|-/.test(first.text))) { i = j - 1; continue }
      const c = candidate(doc, cues, i, j, type, rule, [])
      all.push(c)
      if (!cues.active) addSurname(c)
      i = j - 1
    }
  }
  if (cues.active) resolveByDocument()

  /** The type of a capitalised name no knowledge-base entry or pattern took, from its words and what precedes it. */
  function typeUnknownName(i: number, j: number, single: boolean, afterTitle: boolean): { type: MentionCandidate['type']; rule: string; pending?: boolean } {
    const first = tokens[i]!, prev = tokens[i - 1]
    const words = typeByWords(tokens, i, j, cues)
    if (words) return { type: words.type, rule: words.cue }
    if (afterTitle) return { type: 'PER', rule: 'after-title' }
    if (given.has(withoutPossessive(first, cues)) && (!single || !quiet(r, i))) return { type: 'PER', rule: 'given-name' }
    if (isInitial(tokens, i) && !single) return { type: 'PER', rule: 'initial' }
    if (prev && i > doc.sentenceOf(i)[0] && cues.isPlacePreposition(prev)) return { type: 'LOC', rule: 'place-preposition' }
    // a dateline: a place in capitals first in its line, then a country or a date (TAVILDARA, Tajikistan 1996-08-30)
    const after = tokens[j], after2 = tokens[j + 1]
    if (i === doc.sentenceOf(i)[0] && tokens.slice(i, j).every((t) => !t.isWord || t.shape === 'X') && after &&
      ((after.text === ',' && after2 && kbCover[after2.index] && all.some((c) => c.tokenFrom === after2.index && c.type === 'LOC')) || /^(1[89]|20)\d\d$/.test(after.text))) return { type: 'LOC', rule: 'dateline' }
    if (single && first.shape === 'X' && /^[\p{Lu}&.]+$/u.test(first.text) && !caps[first.sentence] && !cues.common.has(first.norm)) return { type: 'ORG', rule: 'acronym' }
    // several capitalised words and nothing else known: a person's name, unless every word is a common word (Old Trafford, Red Star)
    if (!single) return tokens.slice(i, j).every((t) => !t.isWord || cues.common.has(withoutPossessive(t, cues))) ? { type: 'MISC', rule: 'common-words-name' } : { type: 'PER', rule: 'capitalised' }
    return { type: 'MISC', rule: 'capitalised', pending: true }
  }

  /**
   * One name, one sense per document: a single capitalised word the cues could not type takes the type of the same
   * name elsewhere (Shearer after Alan Shearer, Hyundai after Hyundai Motor Co); a town the document uses as a
   * club's name is the club in every mention; a town's name that is the surname of a person named in full is the person.
   */
  function resolveByDocument(): void {
    const word = (k: number) => withoutPossessive(tokens[k]!, cues)
    const singles = new Map<string, MentionCandidate['type']>()
    const personWords = new Set<string>(), orgFirst = new Set<string>(), orgKeys = new Set<string>()
    for (const c of all) {
      // the name's words: how many, the first, the last
      let words = 0, firstWord = -1, lastWord = -1
      for (let k = c.tokenFrom; k < c.tokenTo; k++) if (tokens[k]!.isWord) { words++; if (firstWord < 0) firstWord = k; lastWord = k }
      if (c.type === 'ORG' && c.refs.length === 0 && overPlace.has(c)) orgKeys.add(c.key)
      if (words === 1 && c.refs.length === 0) { if (!singles.has(c.key)) singles.set(c.key, c.type); continue }
      if (words < 2) continue
      // every word of a person's name that its cues made one; only the last word of a name typed by default
      if (c.type === 'PER') {
        const from = c.rule.endsWith('.capitalised') ? lastWord : firstWord
        for (let k = from; k <= lastWord; k++) if (tokens[k]!.isWord && !cues.isTitle(tokens[k]!)) personWords.add(word(k))
      }
      if (c.type === 'ORG' && !cues.isOrgWord(tokens[firstWord]!)) orgFirst.add(word(firstWord))
    }
    for (const c of all) {
      if (!placeOnly(c)) continue
      if (orgKeys.has(c.key) && clubbable(pack, c) && !caps[tokens[c.tokenFrom]!.sentence]) { c.type = 'ORG'; c.refs = []; c.rule = `${lang}.entity.same-name` }
      else if (c.tokenTo - c.tokenFrom === 1 && !caps[tokens[c.tokenFrom]!.sentence] && personWords.has(word(c.tokenFrom)) && !c.refs.some((e) => e.id.startsWith('country:'))) { c.type = 'PER'; c.refs = []; c.rule = `${lang}.entity.surname` }
    }
    for (const c of pending) {
      const w = word(c.tokenFrom)
      // the first word of an organisation's name, then a person's, then the same word typed elsewhere by a weaker cue
      const type = orgFirst.has(w) ? 'ORG' : personWords.has(w) ? 'PER' : singles.get(c.key)
      if (!type) continue
      c.type = type
      c.rule = `${lang}.entity.${type === 'PER' && personWords.has(w) ? 'surname' : 'same-name'}`
      all.push(c)
    }
  }
}

/** Nationality adjectives (they give a name next to them a country), and names of peoples that are no country's. */
function nationalities(r: Reading, all: MentionCandidate[], taken: Uint8Array): void {
  const { doc, tokens, pack, lang, gaz, cues } = r
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    // capitalised adjectives too where the pack writes them so (English: German, West Indian), outside names
    if (t.shape !== 'x' && !(cues.active && (t.shape === 'Xx' || t.shape === 'X') && !taken[i])) continue
    if (cues.active && t.shape !== 'x') {
      const hit = gaz.nationalityAt(tokens, i, pack)
      if (!hit?.entry.country) continue
      const last = tokens[hit.to - 1]!
      doc.adjectives.push({ start: t.start, end: last.end, tokenIndex: hit.to - 1, country: hit.entry.country })
      i = hit.to - 1
      continue
    }
    const country = gaz.nationality(t, pack)
    if (!country?.country) continue
    doc.adjectives.push({ start: t.start, end: t.end, tokenIndex: i, country: country.country })
  }
  // names of peoples, faiths and regions' peoples that are no country's (European, Kurdish, Moslem): MISC names
  if (cues.active && cues.groups.size) {
    const covered = new Uint8Array(tokens.length)
    for (const c of all) for (let k = c.tokenFrom; k < c.tokenTo; k++) covered[k] = 1
    for (const a of doc.adjectives) covered[a.tokenIndex] = 1
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!
      if (covered[i] || t.shape === 'x' || !t.isWord || !cues.groups.has(withoutPossessive(t, cues))) continue
      all.push(candidate(doc, cues, i, i + 1, 'MISC', `${lang}.entity.group-name`, []))
    }
  }
}

/** The country of each name, from a nationality adjective beside it or the state named before a person's title. */
function countriesOfNames(r: Reading, all: MentionCandidate[]): void {
  const { doc, tokens, pack, gaz, cues } = r
  const adjectiveAt = new Map(doc.adjectives.map((a) => [a.tokenIndex, a]))
  // … or the state named before a person's title: Algerian President X, Niger's ambassador X, Ministri i Jashtëm i
  // Rusisë X (a title word, an article or a lower-case word may stand between)
  const countryEnding = new Map<number, string>()
  for (const k of all) if (k.refs.length && (referentKinds(k.refs) & ALL_COUNTRIES) !== 0 && k.refs[0]!.country) countryEnding.set(k.tokenTo, k.refs[0]!.country!)
  const isTitle = cues.isTitle
  for (const c of all) {
    const near = adjectiveAt.get(c.tokenFrom - 1) ?? (tokens[c.tokenFrom - 1]?.isWord === false ? adjectiveAt.get(c.tokenFrom - 2) : undefined)
    if (near) { c.country = near.country; continue }
    // an organisation whose name opens with a nationality is that state's (Zambian Farmers Union, Bolivian Workers' Centre)
    if (c.type === 'ORG' && !c.refs.length && cues.active) {
      const own = gaz.nationalityAt(tokens, c.tokenFrom, pack)
      if (own?.entry.country && own.to < c.tokenTo) { c.country = own.entry.country; continue }
    }
    if (c.type !== 'PER' || c.refs.length) continue
    // a genitive state right before the name, after a title (Ministri i Jashtëm i Rusisë X)
    const genitive = all.find((k) => k.tokenTo === c.tokenFrom && countryEnding.get(k.tokenTo) && pack.inClass('article', tokens[k.tokenFrom - 1]?.norm ?? ''))
    if (genitive && tokens.slice(Math.max(0, genitive.tokenFrom - 4), genitive.tokenFrom - 1).some(isTitle)) { c.country = countryEnding.get(genitive.tokenTo)!; continue }
    let k = c.tokenFrom - 1, sawTitle = false
    for (let steps = 0; k >= 0 && steps < 5; steps++, k--) {
      const t = tokens[k]!
      const adj = adjectiveAt.get(k), state = countryEnding.get(k + 1)
      if (sawTitle && (adj || state)) { c.country = adj?.country ?? state; break }
      if (isTitle(t)) { sawTitle = true; continue }
      if (t.isWord && (t.shape === 'x' || pack.inClass('article', t.norm))) continue
      if (state && sawTitle) break
      break
    }
  }
}

