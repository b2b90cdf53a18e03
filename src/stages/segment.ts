/**
 * Splits the text into sentences and tokens with Intl.Segmenter, then repairs what it gets wrong for news:
 * no sentence break after an abbreviation or an initial (Z. Kim, Prof. Dr., U.S.), and clitics joined to their
 * word across a hyphen (KCNA-së, ish-Presidentin) as the pack lists them.
 */
import type { KronikaDocument } from '../document.js'
import type { Span } from '../record/schema.js'
import type { Token } from '../text/token.js'
import { detached, fold, lower } from '../text/fold.js'
import type { LanguagePack } from '../packs/language-pack.js'

const segmenters = new Map<string, { sentence: Intl.Segmenter; word: Intl.Segmenter }>()
function segmentersFor(locale: string) {
  let s = segmenters.get(locale)
  if (!s) {
    s = { sentence: new Intl.Segmenter(locale, { granularity: 'sentence' }), word: new Intl.Segmenter(locale, { granularity: 'word' }) }
    segmenters.set(locale, s)
  }
  return s
}

function shapeOf(whole: string): Token['shape'] {
  // a clitic after a hyphen does not change the shape of the word (NATO-s is an acronym)
  const text = /^\p{L}+-\p{Ll}{1,3}$/u.test(whole) ? whole.slice(0, whole.indexOf('-')) : whole
  if (/^\p{N}+([.,]\p{N}+)*$/u.test(text)) return 'd'
  if (!/\p{L}/u.test(text)) return 'p'
  const first = text.match(/\p{L}/u)![0]
  if (first === first.toLowerCase() && first !== first.toUpperCase()) return 'x'
  const letters = text.replace(/[^\p{L}]/gu, '')
  if (letters.length > 1 && letters === letters.toUpperCase()) return 'X'
  return 'Xx'
}

/** What a token's forms are: functions of its text alone (and of the pack's normal form), so computed once per word form. */
interface FormInfo { id: number; text: string; lower: string; fold: string; norm: string; isWord: boolean; shape: Token['shape'] }

/**
 * The forms of the word forms seen, for one normal form (one per normalising function: fold, lower); `recent`: the
 * last form met of each hash of a few of its characters (`recentSlot`), so the frequent words (the, of, a comma) are
 * found without cutting their text out of the article or looking it up in `forms`.
 */
interface FormCache { forms: Map<string, FormInfo>; normalise: (s: string) => string; recent: Array<FormInfo | undefined> }

const RECENT_SLOTS = 4096

/** Whether text[start, end) is `s` (compared character by character: no string is made). */
function textAt(text: string, start: number, end: number, s: string): boolean {
  if (s.length !== end - start) return false
  for (let i = 0; i < s.length; i++) if (text.charCodeAt(start + i) !== s.charCodeAt(i)) return false
  return true
}

/** The `recent` slot of text[start, end): a hash of its length and of its first and last four characters. */
function recentSlot(text: string, start: number, end: number): number {
  let h = end - start
  for (let i = start; i < end && i < start + 4; i++) h = (h * 31 + text.charCodeAt(i)) | 0
  for (let i = Math.max(start + 4, end - 4); i < end; i++) h = (h * 31 + text.charCodeAt(i)) | 0
  return (h ^ (h >>> 12)) & (RECENT_SLOTS - 1)
}

const formCaches = new WeakMap<(s: string) => string, FormCache>()
const FORM_CACHE_LIMIT = 100_000
const LONGEST_CACHED_FORM = 64

function formCache(normalise: (s: string) => string): FormCache {
  let cache = formCaches.get(normalise)
  if (!cache) { cache = { forms: new Map(), normalise, recent: new Array<FormInfo | undefined>(RECENT_SLOTS).fill(undefined) }; formCaches.set(normalise, cache) }
  return cache
}

/** The forms of a word form not in the cache, computed and kept there. */
function newForm(cache: FormCache, t: string): FormInfo {
  const { forms, normalise } = cache
  // a kept form must not hold on to the document it was cut from
  const cached = t.length <= LONGEST_CACHED_FORM
  if (cached) t = detached(t)
  const info = { id: forms.size, text: t, lower: lower(t), fold: fold(t), norm: normalise(t), isWord: /[\p{L}\p{N}]/u.test(t), shape: shapeOf(t) }
  if (cached) {
    if (forms.size >= FORM_CACHE_LIMIT) { forms.clear(); cache.recent.fill(undefined) }
    forms.set(t, info)
  }
  return info
}

/** A token's lemmas until the analyse stage gives it its own (shared by every token: never changed). */
const NO_LEMMAS = Object.freeze([]) as unknown as string[]

/** A token for text[start, end) with the forms of the cache. */
function newToken(cache: FormCache, text: string, start: number, end: number, index: number, sentence: number, pre: string): Token {
  const slot = recentSlot(text, start, end)
  let f = cache.recent[slot]
  if (!f || !textAt(text, start, end, f.text)) {
    const t = text.slice(start, end)
    f = cache.forms.get(t) ?? newForm(cache, t)
    if (t.length <= LONGEST_CACHED_FORM) cache.recent[slot] = f
  }
  return { index, start, end, text: f.text, lower: f.lower, fold: f.fold, norm: f.norm, isWord: f.isWord, shape: f.shape, sentence, lemmas: NO_LEMMAS, pre, form: f.id }
}

/** Makes a token for text[start, end). Equal word forms share their strings. */
export function makeToken(text: string, start: number, end: number, index: number, sentence: number, pre: string, normalise: (s: string) => string = fold): Token {
  return newToken(formCache(normalise), text, start, end, index, sentence, pre)
}

/** JavaScript's \s: white space and line terminators. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
}

/** True when the sentence's last word is an abbreviation or an initial, so the break after it is not a real one. */
function endsWithAbbreviation(sentence: string, pack: LanguagePack): boolean {
  // the last run of non-space characters (a scan from the end, where a regular expression would try every start)
  let end = sentence.length
  while (end > 0 && isSpace(sentence.charCodeAt(end - 1))) end--
  if (end === 0) return false
  let start = end
  while (start > 0 && !isSpace(sentence.charCodeAt(start - 1))) start--
  const last = sentence.slice(start, end)
  if (!last.endsWith('.')) return false
  const word = last.slice(0, -1).replace(/^[(“"«„'‘]+/u, '')
  if (/^\p{Lu}$/u.test(word)) return true // an initial
  return pack.list('abbreviations').has(pack.normalise(word))
}

/** True when the text ends in white space holding a blank line (two line ends): a paragraph break. */
function endsWithBlankLine(text: string): boolean {
  let newlines = 0
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i)
    if (!isSpace(c)) break
    if (c === 0x0a && ++newlines === 2) return true
  }
  return false
}

/** Longest piece of text given to Intl.Segmenter at once: its iteration cost grows with the string's length. */
const MAX_CHUNK = 2000

/**
 * Cuts the text into lines, and lines longer than MAX_CHUNK at the last sentence end (or space) before the limit,
 * so segmentation stays linear in the length of the text.
 */
export function chunks(text: string): Span[] {
  const out: Span[] = []
  let start = 0
  while (start < text.length) {
    const nl = text.indexOf('\n', start)
    let end = nl < 0 ? text.length : nl + 1
    if (end - start > MAX_CHUNK) {
      const window = text.slice(start, start + MAX_CHUNK)
      const stop = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '))
      const space = window.lastIndexOf(' ')
      end = start + (stop > MAX_CHUNK / 4 ? stop + 2 : space > MAX_CHUNK / 4 ? space + 1 : MAX_CHUNK)
      // never cut a surrogate pair
      if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end++
    }
    out.push({ start, end })
    start = end
  }
  return out
}

function sentenceSpans(text: string, pack: LanguagePack, simple: boolean): Span[] {
  const { sentence } = segmentersFor(pack.manifest.segmenterLocale ?? pack.code)
  const raw: Span[] = []
  for (const c of chunks(text)) {
    if (simple) { simpleSentences(text, c.start, c.end, raw); continue }
    const chunk = text.slice(c.start, c.end)
    if (SIMPLE.test(chunk)) { simpleSentences(text, c.start, c.end, raw); continue }
    for (const s of sentence.segment(chunk)) raw.push({ start: c.start + s.index, end: c.start + s.index + s.segment.length })
  }
  // merge breaks after abbreviations, unless a blank line (paragraph) separates them
  const merged: Span[] = []
  for (const s of raw) {
    const prev = merged[merged.length - 1]
    const prevText = prev ? text.slice(prev.start, prev.end) : ''
    if (prev && !endsWithBlankLine(prevText) && endsWithAbbreviation(prevText, pack) && /^\s*[\p{L}\p{N}]/u.test(text.slice(s.start, s.end))) prev.end = s.end
    else merged.push({ ...s })
  }
  // trim whitespace; drop empty ones
  const out: Span[] = []
  for (const s of merged) {
    let { start, end } = s
    while (start < end && /\s/.test(text[start]!)) start++
    while (end > start && /\s/.test(text[end - 1]!)) end--
    if (end > start) out.push({ start, end })
  }
  return out
}

/**
 * Text made only of these characters (Latin letters, digits, ASCII and common typographic punctuation, spaces and
 * line ends) is split into words by `simpleWords`, which gives exactly what Intl.Segmenter gives for it (UAX #29
 * as ICU applies it; segment.test.ts compares the two on generated text) at a fraction of the cost. Anything else
 * (other scripts, combining marks, emoji, format characters) goes to Intl.Segmenter.
 */
const SIMPLE = /^[\t\n\r !-~\u00A0\u00AA\u00AB\u00B5\u00BA\u00BB\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF\u2013\u2014\u2018\u2019\u201C\u201D\u201E\u2026\u20AC]*$/

// word-break classes of the SIMPLE characters
const OTHER = 0, LETTER = 1, DIGIT = 2, MID_LETTER = 3, MID_NUM_LET = 4, MID_NUM = 5, EXTEND_NUM_LET = 6, SPACE = 7, CR = 8, LF = 9

function wordBreakClass(c: number): number {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff) || c === 0xaa || c === 0xb5 || c === 0xba) return LETTER
  if (c >= 0x30 && c <= 0x39) return DIGIT
  switch (c) {
    case 0x3a: return MID_LETTER
    case 0x2e: case 0x27: case 0x2018: case 0x2019: return MID_NUM_LET
    case 0x2c: case 0x3b: return MID_NUM
    case 0x5f: return EXTEND_NUM_LET
    case 0x20: return SPACE
    case 0x0d: return CR
    case 0x0a: return LF
    default: return OTHER
  }
}

/**
 * Whether the characters before and after boundary i stay in one word, by the UAX #29 word-boundary rules that apply
 * to SIMPLE text; `cls[i]` is the class of the character before it, `cls[i + 1]` of the one after (OTHER beyond ends).
 */
function joinsAt(cls: Uint8Array, i: number): boolean {
  const a = cls[i]!, b = cls[i + 1]!
  if (a === CR || a === LF || b === CR || b === LF) return a === CR && b === LF // WB3, WB3a, WB3b
  if (a === SPACE) return b === SPACE // WB3d
  if (a === LETTER) return b === LETTER || b === DIGIT || b === EXTEND_NUM_LET || ((b === MID_LETTER || b === MID_NUM_LET) && cls[i + 2] === LETTER) // WB5, WB9, WB13a, WB6
  if (a === DIGIT) return b === DIGIT || b === LETTER || b === EXTEND_NUM_LET || ((b === MID_NUM || b === MID_NUM_LET) && cls[i + 2] === DIGIT) // WB8, WB10, WB13a, WB12
  if (a === EXTEND_NUM_LET) return b === EXTEND_NUM_LET || b === LETTER || b === DIGIT // WB13a, WB13b
  if (a === MID_LETTER) return b === LETTER && cls[i - 1] === LETTER // WB7
  if (a === MID_NUM_LET) return (b === LETTER && cls[i - 1] === LETTER) || (b === DIGIT && cls[i - 1] === DIGIT) // WB7, WB11
  if (a === MID_NUM) return b === DIGIT && cls[i - 1] === DIGIT // WB11
  return false
}

/** The word segments of a SIMPLE text, by the word-boundary rules of UAX #29 that apply to its characters. */
export function simpleWords(text: string): Array<{ index: number; segment: string }> {
  const n = text.length
  const cls = new Uint8Array(n + 2) // cls[i + 1] is the class of text[i]; OTHER beyond both ends
  for (let i = 0; i < n; i++) cls[i + 1] = wordBreakClass(text.charCodeAt(i))
  const out: Array<{ index: number; segment: string }> = []
  let start = 0
  for (let i = 1; i < n; i++) {
    if (!joinsAt(cls, i)) { out.push({ index: start, segment: text.slice(start, i) }); start = i }
  }
  if (n > 0) out.push({ index: start, segment: text.slice(start) })
  return out
}

// sentence-break classes of the SIMPLE characters (UAX #29, Sentence_Break)
const S_OTHER = 0, S_SP = 1, S_LOWER = 2, S_UPPER = 3, S_OLETTER = 4, S_NUMERIC = 5, S_ATERM = 6, S_STERM = 7, S_CLOSE = 8, S_SCONTINUE = 9, S_CR = 10, S_LF = 11

/** Sentence-break class of each SIMPLE character, by code (letters by their Unicode properties). */
const SENTENCE_CLASS = (() => {
  const table = new Uint8Array(0x20ad)
  const letter = (c: number) => {
    const ch = String.fromCharCode(c)
    return /\p{Lowercase}/u.test(ch) ? S_LOWER : /[\p{Uppercase}\p{Lt}]/u.test(ch) ? S_UPPER : /\p{Alphabetic}/u.test(ch) ? S_OLETTER : S_OTHER
  }
  for (let c = 0x41; c <= 0x5a; c++) table[c] = S_UPPER
  for (let c = 0x61; c <= 0x7a; c++) table[c] = S_LOWER
  for (let c = 0x30; c <= 0x39; c++) table[c] = S_NUMERIC
  for (const c of [0xaa, 0xb5, 0xba]) table[c] = letter(c)
  for (let c = 0xc0; c <= 0x24f; c++) table[c] = letter(c)
  for (let c = 0x1e00; c <= 0x1eff; c++) table[c] = letter(c)
  for (const c of [0x09, 0x20, 0xa0]) table[c] = S_SP
  table[0x0d] = S_CR; table[0x0a] = S_LF
  table[0x2e] = S_ATERM
  for (const c of [0x21, 0x3f]) table[c] = S_STERM
  for (const c of [0x22, 0x27, 0x28, 0x29, 0x5b, 0x5d, 0x7b, 0x7d, 0xab, 0xbb, 0x2018, 0x2019, 0x201c, 0x201d, 0x201e]) table[c] = S_CLOSE
  for (const c of [0x2c, 0x2d, 0x3a, 0x3b, 0x2013, 0x2014]) table[c] = S_SCONTINUE
  return table
})()

const isTerm = (k: number) => k === S_ATERM || k === S_STERM
const isParaSep = (k: number) => k === S_CR || k === S_LF

/**
 * The sentences of text[from, to) (SIMPLE text) by the sentence-boundary rules of UAX #29 that apply to its
 * characters, as Intl.Segmenter gives them (segment.test.ts compares the two): a break after a paragraph
 * separator (SB4) and after a terminator with its closing marks, spaces and one separator (SB11), unless a number
 * follows a full stop directly (SB6: 3.5), a capital follows a letter's full stop (SB7: U.S), a lower-case word
 * follows before any capital or letter (SB8: etc. and more), or a comma, colon, dash or terminator does (SB8a).
 */
export function simpleSentences(text: string, from: number, to: number, out: Span[]): void {
  const cls = (i: number) => SENTENCE_CLASS[text.charCodeAt(i)]!
  let start = from
  const cut = (at: number) => { if (at > start) { out.push({ start, end: at }); start = at } }
  for (let i = from; i < to;) {
    const c = cls(i)
    if (isParaSep(c)) { i += c === S_CR && i + 1 < to && cls(i + 1) === S_LF ? 2 : 1; cut(i); continue } // SB3, SB4
    if (!isTerm(c)) { i++; continue }
    let k = i + 1
    while (k < to && cls(k) === S_CLOSE) k++ // SB9
    while (k < to && cls(k) === S_SP) k++ // SB10
    if (k >= to) { i = k; break }
    const next = cls(k)
    if (isParaSep(next)) { k += next === S_CR && k + 1 < to && cls(k + 1) === S_LF ? 2 : 1; cut(k); i = k; continue } // SB11
    if (next === S_SCONTINUE || isTerm(next)) { i = k; continue } // SB8a
    if (c === S_ATERM) {
      if (k === i + 1 && next === S_NUMERIC) { i = k; continue } // SB6
      if (k === i + 1 && next === S_UPPER && i > from && (cls(i - 1) === S_UPPER || cls(i - 1) === S_LOWER)) { i = k; continue } // SB7
      let m = k // SB8
      for (; m < to; m++) { const x = cls(m); if (x === S_OLETTER || x === S_UPPER || x === S_LOWER || isParaSep(x) || isTerm(x)) break }
      if (m < to && cls(m) === S_LOWER) { i = k; continue }
    }
    cut(k) // SB11
    i = k
  }
  cut(to)
}

/**
 * `simpleWords` of text[from, to) without making a string or an object per segment: pushes the start and end of
 * each segment that is not white space (a white-space segment starts with a space character) onto `out`.
 */
export function simpleWordBounds(text: string, from: number, to: number, out: number[]): void {
  const n = to - from
  if (n <= 0) return
  const cls = wordClasses.length >= n + 2 ? wordClasses : (wordClasses = new Uint8Array(n + 2 + (n >> 1)))
  cls[0] = OTHER; cls[n + 1] = OTHER
  for (let i = 0; i < n; i++) cls[i + 1] = wordBreakClass(text.charCodeAt(from + i))
  let start = 0
  for (let i = 1; i <= n; i++) {
    if (i === n || !joinsAt(cls, i)) {
      if (!isSpace(text.charCodeAt(from + start))) out.push(from + start, from + i)
      start = i
    }
  }
}
let wordClasses = new Uint8Array(4096)

/** Word segments of a text: `simpleWords` when it applies, else Intl.Segmenter's. */
export function wordSegments(word: Intl.Segmenter, text: string): Iterable<{ index: number; segment: string }> {
  return SIMPLE.test(text) ? simpleWords(text) : word.segment(text)
}

export function segment(doc: KronikaDocument): void {
  const { text, pack } = doc
  const { word } = segmentersFor(pack.manifest.segmenterLocale ?? pack.code)
  const clitics = pack.list('hyphen-clitics'), prefixes = pack.list('hyphen-prefixes')
  // most articles are SIMPLE throughout: then no sentence or word needs Intl.Segmenter (nor a test of its own)
  const simple = SIMPLE.test(text)
  doc.sentences = sentenceSpans(text, pack, simple)
  const tokens: Token[] = []
  const forms = formCache(pack.normalise)
  const bounds: number[] = []
  doc.sentenceTokens = []
  doc.sentences.forEach((s, si) => {
    const first = tokens.length
    let lastEnd = s.start
    // word segments as [start, end) pairs in the text, white space left out
    bounds.length = 0
    if (simple) simpleWordBounds(text, s.start, s.end, bounds)
    else {
      const sentenceText = text.slice(s.start, s.end)
      for (const w of wordSegments(word, sentenceText)) if (!/^\s+$/u.test(w.segment)) bounds.push(s.start + w.index, s.start + w.index + w.segment.length)
    }
    for (let b = 0; b < bounds.length; b += 2) {
      const start = bounds[b]!, end = bounds[b + 1]!
      const pre = lastEnd === start ? '' : text.slice(lastEnd, start)
      const prev = tokens[tokens.length - 1]
      const prev2 = tokens[tokens.length - 2]
      // word + "-" + clitic (KCNA-së) or prefix + "-" + word (ish-Presidentin) become one token
      if (pre === '' && prev && prev2 && prev.text === '-' && prev.sentence === si && prev2.sentence === si && prev.pre === '' && prev2.isWord) {
        const w = text.slice(start, end)
        if (clitics.has(pack.normalise(w)) || prefixes.has(prev2.norm) || (/^\d+$/.test(w) && /^\p{L}+$/u.test(prev2.text))) {
          // … and so do a name and its number (COVID-19, F-16)
          tokens.splice(tokens.length - 2, 2, newToken(forms, text, prev2.start, end, prev2.index, si, prev2.pre))
          lastEnd = end
          continue
        }
      }
      tokens.push(newToken(forms, text, start, end, tokens.length, si, pre))
      lastEnd = end
    }
    doc.sentenceTokens.push([first, tokens.length])
  })
  doc.tokens = tokens
}
