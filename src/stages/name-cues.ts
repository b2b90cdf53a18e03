/**
 * What the recognise-entities stage reads about capitalised words beyond the knowledge base: where capitals carry
 * no information (headlines in capitals, a sentence's first word), which words make a name a person's, an
 * organisation's, a place's or an event's, and how a name runs on across initials and particles (M. Atherton,
 * Ludwig van Beethoven). Everything language-specific comes from the pack; a pack without a `common-words` list
 * gets none of these rules (the cues are `active` only with it).
 */
import type { KronikaDocument } from '../document.js'
import type { LanguagePack } from '../packs/language-pack.js'
import type { Token } from '../text/token.js'
import type { Entity } from '../record/schema.js'
import { FormMemo } from '../text/form-memo.js'

/** The pack's name cues, read once per pack. */
export interface NameCues {
  /** The pack has the data these rules need (`lists/common-words.txt`). */
  active: boolean
  given: Set<string>
  notNames: Set<string>
  common: Set<string>
  particles: Set<string>
  /** Names of peoples, faiths and regions' peoples that are no country's (European, Kurdish, Moslem). */
  groups: Set<string>
  possessive: string[]
  /** The word without a possessive ending: see `withoutPossessive`. */
  bare(t: Token): string
  isTitle(t: Token): boolean
  isOrgWord(t: Token): boolean
  isLocWord(t: Token): boolean
  isMiscWord(t: Token): boolean
  isPlacePreposition(t: Token): boolean
  isOrgHead(t: Token): boolean
  /** The word's normal form or a lemma is listed as never a name (`not-names`). */
  isNotName(t: Token): boolean
  /** The word's normal form is a month or a weekday. */
  isCalendarWord(t: Token): boolean
}

const cache = new WeakMap<LanguagePack, NameCues>()

/** What the cues ask of a word form, found once per form (`FormMemo`) and kept as bits of one number. */
const TITLE = 1, ORG_WORD = 2, LOC_WORD = 4, MISC_WORD = 8, PLACE_PREPOSITION = 16, ORG_HEAD = 32, NOT_NAME = 64, CALENDAR = 128

export function nameCues(pack: LanguagePack): NameCues {
  let c = cache.get(pack)
  if (c) return c
  // a word is in a class by its normal form or one of its lemmas
  const has = (cls: string, t: Token) => pack.inClass(cls, t.norm) || t.lemmas.some((l) => pack.inClass(cls, l))
  const common = pack.list('common-words')
  const notNames = pack.list('not-names')
  const possessive = [...pack.list('possessive-endings')].sort((a, b) => b.length - a.length)
  const words = new FormMemo<number>((t) =>
    (has('person-title', t) ? TITLE : 0) | (has('org-word', t) ? ORG_WORD : 0) | (has('loc-word', t) ? LOC_WORD : 0) |
    (has('misc-word', t) ? MISC_WORD : 0) | (has('place-preposition', t) ? PLACE_PREPOSITION : 0) | (has('org-head', t) ? ORG_HEAD : 0) |
    (notNames.has(t.norm) || t.lemmas.some((l) => notNames.has(l)) ? NOT_NAME : 0) |
    (pack.inClass('month', t.norm) || pack.inClass('weekday', t.norm) ? CALENDAR : 0))
  c = {
    active: common.size > 0,
    given: pack.list('given-names'),
    notNames,
    common,
    particles: pack.list('name-particles'),
    groups: pack.list('group-names'),
    possessive,
    bare: (t) => stripPossessive(t.norm, possessive),
    isTitle: (t) => (words.get(t) & TITLE) !== 0,
    isOrgWord: (t) => (words.get(t) & ORG_WORD) !== 0,
    isLocWord: (t) => (words.get(t) & LOC_WORD) !== 0,
    isMiscWord: (t) => (words.get(t) & MISC_WORD) !== 0,
    isPlacePreposition: (t) => (words.get(t) & PLACE_PREPOSITION) !== 0,
    isOrgHead: (t) => (words.get(t) & ORG_HEAD) !== 0,
    isNotName: (t) => (words.get(t) & NOT_NAME) !== 0,
    isCalendarWord: (t) => (words.get(t) & CALENDAR) !== 0,
  }
  cache.set(pack, c)
  return c
}

/** A normal form without the longest possessive ending it has (longest first in `possessive`). */
function stripPossessive(norm: string, possessive: readonly string[]): string {
  for (const p of possessive) if (norm.length > p.length && norm.endsWith(p)) return norm.slice(0, -p.length)
  return norm
}

const OPEN = /^[“"«„‘'‹(\[–—-]$/u

/**
 * Per sentence, true when it is written in capitals (a headline, a dateline): most of its words of two letters
 * or more are all capitals, so capitals say nothing about names there.
 */
export function capsSentences(doc: KronikaDocument): boolean[] {
  return doc.sentenceTokens.map(([from, to]) => {
    // (a sentence with no word in capitals is not one: its words need not be counted)
    let any = false
    for (let i = from; i < to && !any; i++) any = doc.tokens[i]!.shape === 'X'
    if (!any) return false
    let upper = 0, words = 0
    for (let i = from; i < to; i++) {
      const t = doc.tokens[i]!
      if (!t.isWord || t.shape === 'd' || !twoLetters(t.text)) continue
      words++
      if (t.shape === 'X') upper++
    }
    return words >= 2 && upper / words >= 0.6
  })
}

/** True when the text has two letters or more (ASCII checked by code, anything else by the letter class). */
function twoLetters(text: string): boolean {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 128) return text.replace(/[^\p{L}]/gu, '').length >= 2
    if (((c | 32) >= 97 && (c | 32) <= 122) && ++n >= 2) return true
  }
  return false
}

/** True when the token's capital says nothing: first word of its sentence (after opening punctuation), or in a sentence in capitals. */
export function capitalsUninformative(doc: KronikaDocument, i: number, caps: boolean[]): boolean {
  const t = doc.tokens[i]!
  if (caps[t.sentence]) return true
  const from = doc.sentenceTokens[t.sentence]![0]
  let k = i - 1
  while (k >= from && OPEN.test(doc.tokens[k]!.text)) k--
  if (k < from) return true
  // after a colon or an opening quote the next word is often capitalised too
  const prev = doc.tokens[k]!
  return prev.text === ':' && doc.tokens[i - 1] === prev
}

/** The word a token stands for without a possessive ending (Germany's → germany), or its normal form. */
export function withoutPossessive(t: Token, cues: NameCues): string {
  return cues.bare(t)
}

/** Characters of a possessive ending at the end of the token's text (Shearer's → 2), or 0. */
export function possessiveLength(t: Token, cues: NameCues): number {
  const n = withoutPossessive(t, cues)
  return n === t.norm ? 0 : t.norm.length - n.length
}

/** True for a single capital letter followed directly by a full stop and then more of a name (M. Atherton, George W. Bush). */
export function isInitial(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i], dot = tokens[i + 1]
  // (the full stop first: most tokens are not followed by one; a capital letter is one or two code units)
  return Boolean(t && dot && dot.text === '.' && dot.pre === '' && t.text.length <= 2 && /^\p{Lu}$/u.test(t.text))
}

/** True for a dotted abbreviation the segmenter split from its final full stop (U.S + . , U.N + .). */
export function isDottedAbbreviation(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i], dot = tokens[i + 1]
  return Boolean(t && dot && dot.text === '.' && dot.pre === '' && /^(\p{L}\.)+\p{L}$/u.test(t.text))
}

/** The type a name's own words give it (Labour Party → ORG, Yangtze River → LOC, World Cup → MISC), if any; organisation words win. */
export function typeByWords(tokens: readonly Token[], from: number, to: number, cues: NameCues): { type: Entity['type']; cue: string } | undefined {
  let loc = false, misc = false, other = false
  for (let i = from; i < to; i++) {
    const t = tokens[i]!
    if (t.isWord && !cues.isOrgWord(t) && !cues.isLocWord(t) && !cues.isMiscWord(t)) other = true
  }
  // a cue word alone is a common noun in capitals (LEAGUE, Cup), not a name
  if (!other && to - from === 1) return undefined
  for (let i = from; i < to; i++) {
    const t = tokens[i]!
    if (!t.isWord) continue
    if (cues.isOrgWord(t)) return { type: 'ORG', cue: 'org-word' }
    if (cues.isLocWord(t)) loc = true
    else if (cues.isMiscWord(t)) misc = true
  }
  // a place word and an event word: the last word says what the name is (Gulf War, Cup Final Stadium)
  if (loc && misc) {
    for (let i = to - 1; i >= from; i--) {
      const t = tokens[i]!
      if (cues.isMiscWord(t)) return { type: 'MISC', cue: 'misc-word' }
      if (cues.isLocWord(t)) return { type: 'LOC', cue: 'loc-word' }
    }
  }
  if (loc) return { type: 'LOC', cue: 'loc-word' }
  if (misc) return { type: 'MISC', cue: 'misc-word' }
  return undefined
}
