/**
 * A small token-pattern language, so language packs can state their rules as data.
 *
 *   word        a token whose normal form is `word` (case ignored; diacritics too unless the pack keeps them)
 *   ~word       a token one of whose lemmas is `word`
 *   word*       a token whose folded text starts with `word`
 *   (a|b c|d)   one of several sequences
 *   {class}     a form of a word class of the pack (one or more tokens); captured under the class name
 *   {class:as}  the same, captured under `as`
 *   /regex/     a token whose exact text matches the regular expression (captured as `re`)
 *   _           any word token
 *   X?          X is optional;  X+  one or more X (greedy)
 *
 * Built-in classes: {digits} {year} {day} {month-number} {cap} (capitalised word) {upper} (all-capitals word)
 * {lower} (lower-case word) {punct}.
 */
import type { Token } from '../text/token.js'
import { fold } from '../text/fold.js'
import { documentKeys, formKey, keyCount, keyGeneration, tokenKeys } from '../text/form-keys.js'

export interface WordClassEntry {
  /** Folded tokens of the form (one or more words). */
  tokens: string[]
  value: string
}

/** A word class: its forms indexed by their first folded token, longest forms first. Not to be changed once matched (`matchClass` remembers its answers). */
export type WordClass = Map<string, WordClassEntry[]>

export type WordClasses = Map<string, WordClass>

type Node =
  | { kind: 'word'; word: string }
  | { kind: 'lemma'; word: string }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'any' }
  | { kind: 'class'; name: string; as: string }
  | { kind: 'regex'; re: RegExp }
  | { kind: 'alt'; options: Element[][]; firstWords: Array<string | undefined> }

interface Element { node: Node; optional: boolean; repeat: boolean }

export interface Capture {
  /** Capture name (the class name unless renamed). */
  name: string
  /** Token index range [from, to). */
  from: number
  to: number
  /** The class value of the matched form (for classes), or the matched text. */
  value: string
}

export interface PatternMatch {
  from: number
  to: number
  captures: Capture[]
}

export interface CompiledPattern {
  source: string
  elements: Element[]
}

/** Compiles a pattern; throws with the position of a syntax error (patterns come from pack data checked by tests). */
export function compilePattern(source: string, normalise: (s: string) => string = fold): CompiledPattern {
  let i = 0
  const s = source.trim()
  const fail = (why: string): never => { throw new Error(`pattern "${source}": ${why} at ${i}`) }
  const skipSpace = () => { while (s[i] === ' ' || s[i] === '\t') i++ }
  function parseSequence(stop: string): Element[] {
    const out: Element[] = []
    for (;;) {
      skipSpace()
      if (i >= s.length || stop.includes(s[i]!)) return out
      const node = parseAtom()
      let optional = false, repeat = false
      while (s[i] === '?' || s[i] === '+') { if (s[i] === '?') optional = true; else repeat = true; i++ }
      out.push({ node, optional, repeat })
    }
  }
  function parseAtom(): Node {
    const c = s[i]
    if (c === '(') {
      i++
      const options: Element[][] = []
      for (;;) {
        options.push(parseSequence('|)'))
        if (s[i] === '|') { i++; continue }
        if (s[i] === ')') { i++; break }
        fail('missing )')
      }
      // the word each option must start with, if it must start with one: options that cannot match are skipped
      const firstWords = options.map((o) => (o[0] && !o[0].optional && o[0].node.kind === 'word' ? o[0].node.word : undefined))
      return { kind: 'alt', options, firstWords }
    }
    if (c === '{') {
      const close = s.indexOf('}', i)
      if (close < 0) fail('missing }')
      const [name, as] = s.slice(i + 1, close).split(':')
      i = close + 1
      if (!name) fail('empty class')
      return { kind: 'class', name: name!, as: as ?? name! }
    }
    if (c === '/') {
      const close = s.indexOf('/', i + 1)
      if (close < 0) fail('missing closing /')
      const re = new RegExp(s.slice(i + 1, close), 'u')
      i = close + 1
      return { kind: 'regex', re }
    }
    let j = i
    while (j < s.length && !' \t()|{}?+'.includes(s[j]!)) j++
    if (j === i) fail(`unexpected "${c}"`)
    let word = s.slice(i, j)
    i = j
    if (word === '_') return { kind: 'any' }
    if (word.startsWith('~')) return { kind: 'lemma', word: normalise(word.slice(1)) }
    if (word.endsWith('*') && word.length > 1) return { kind: 'prefix', prefix: normalise(word.slice(0, -1)) }
    // (a capture name belongs on a class: `(the:name)?` would be a literal word that never occurs)
    if (/^\p{L}+:\p{L}[\p{L}-]*$/u.test(word)) fail(`capture name on a literal word "${word}" (only {class:name} captures)`)
    word = normalise(word)
    return { kind: 'word', word }
  }
  const elements = parseSequence('')
  if (i < s.length) fail('unexpected text')
  if (elements.length === 0) fail('empty pattern')
  return { source, elements }
}

/** Whether the text is one or more ASCII digits (what /^\d+$/ accepts); a token whose shape is not `d` never is. */
function asciiDigits(t: Token): boolean {
  if (t.shape !== 'd') return false
  const s = t.text
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (c < 0x30 || c > 0x39) return false }
  return s.length > 0
}
const digitAt = (s: string, i: number) => s.charCodeAt(i) - 0x30

// the built-in classes test characters rather than regular expressions: they are asked at almost every token
const BUILT_IN: Record<string, (t: Token) => boolean> = {
  digits: asciiDigits,
  // /^(1[89]|20)\d\d$/
  year: (t) => t.text.length === 4 && asciiDigits(t) && ((digitAt(t.text, 0) === 1 && digitAt(t.text, 1) >= 8) || (digitAt(t.text, 0) === 2 && digitAt(t.text, 1) === 0)),
  // /^(0?[1-9]|[12]\d|3[01])$/
  day: (t) => {
    if (t.text.length > 2 || !asciiDigits(t)) return false
    const a = digitAt(t.text, 0)
    if (t.text.length === 1) return a >= 1
    const b = digitAt(t.text, 1)
    return a === 0 ? b >= 1 : a <= 2 || (a === 3 && b <= 1)
  },
  // /^(0?[1-9]|1[0-2])$/
  'month-number': (t) => {
    if (t.text.length > 2 || !asciiDigits(t)) return false
    const a = digitAt(t.text, 0)
    if (t.text.length === 1) return a >= 1
    const b = digitAt(t.text, 1)
    return a === 0 ? b >= 1 : a === 1 && b <= 2
  },
  lower: (t) => t.isWord && t.shape === 'x',
  cap: (t) => t.shape === 'Xx' || t.shape === 'X',
  upper: (t) => t.shape === 'X',
  punct: (t) => !t.isWord,
}

/** The answer of matchClass when nothing matches: shared, never to be changed. */
const NO_FORMS: Array<{ to: number; value: string }> = Object.freeze([]) as unknown as Array<{ to: number; value: string }>

/**
 * Which word forms start no form of a class, remembered per class by form key (src/text/form-keys.ts) for the
 * tokens of the current document: the answer depends only on the token's normal form and lemmas, which its key
 * stands for. Keys below MEMO_KEYS (given first to the words met first, so to most frequent ones) are remembered; a
 * new generation of keys empties the memory. Tokens of another array are looked up without it.
 */
const MEMO_KEYS = 65536
const NEGATIVE = Symbol('forms starting no form of the class')
interface Negative { generation: number; keys: Uint8Array }
type Memoised = WordClass & { [NEGATIVE]?: Negative }

/** Matches the forms of a word class starting at token `at`; returns every possible end, longest first (read only). */
export function matchClass(cls: WordClass, tokens: readonly Token[], at: number, limit = tokens.length): Array<{ to: number; value: string }> {
  const first = tokens[at]
  if (!first) return NO_FORMS
  // asked thousands of times per article, mostly of words that start no form: those answers are remembered
  const keys = documentKeys(tokens)
  const key = keys ? keys[at]! : MEMO_KEYS
  let negative: Uint8Array | undefined
  if (key < MEMO_KEYS) {
    let memo = (cls as Memoised)[NEGATIVE]
    const generation = keyGeneration()
    if (!memo || memo.generation !== generation) (cls as Memoised)[NEGATIVE] = memo = { generation, keys: new Uint8Array(MEMO_KEYS) }
    negative = memo.keys
    if (negative[key] === 1) return NO_FORMS
  }
  let out: Array<{ to: number; value: string }> | undefined
  const entries = cls.get(first.norm)
  if (entries) {
    for (const e of entries) {
      const n = e.tokens.length
      let ok = at + n <= limit
      for (let k = 1; ok && k < n; k++) if (tokens[at + k]!.norm !== e.tokens[k]) ok = false
      if (ok) (out ??= []).push({ to: at + n, value: e.value })
    }
  }
  if (out) return out
  // an inflected form of a one-word entry, through the token's lemmas
  const lemmas = first.lemmas
  for (let j = 0; j < lemmas.length; j++) {
    // a lemma equal to the normal form (most English ones) was looked up above
    const lemma = lemmas[j]!
    const list = lemma === first.norm ? entries : cls.get(lemma)
    if (list) for (const e of list) if (e.tokens.length === 1) return [{ to: at + 1, value: e.value }]
  }
  // no entry under the normal form and none of one word under a lemma: nothing starts here, wherever the token is
  if (negative && !entries) negative[key] = 1
  return NO_FORMS
}

/**
 * What one match in progress works on: matching is not re-entrant per call, so one shared state serves every pattern.
 * The captures of the path being tried are a stack of four parallel arrays (name, from, to, value) whose height is
 * `ncap`: a path that fails allocates nothing; a capture object is made only when a path gives a new best match.
 */
interface MatchState {
  tokens: readonly Token[]
  classes: WordClasses
  limit: number
  at: number
  /** Whether a path may end where it started (the remainder of a pattern after its first element may match nothing). */
  empty: boolean
  capName: string[]
  capFrom: number[]
  capTo: number[]
  capValue: string[]
  ncap: number
  best: PatternMatch | null
}

const newState = (): MatchState => ({ tokens: [] as readonly Token[], classes: new Map(), limit: 0, at: 0, empty: false, capName: [], capFrom: [], capTo: [], capValue: [], ncap: 0, best: null })
let state: MatchState = newState()

const pushCapture = (s: MatchState, name: string, from: number, to: number, value: string) => {
  const n = s.ncap++
  s.capName[n] = name; s.capFrom[n] = from; s.capTo[n] = to; s.capValue[n] = value
}

/** A step of a compiled pattern: tries its element at `pos` and calls its continuation for every way it matches. */
type Step = (pos: number) => void

/** Records the end of one complete path: the longest match wins, the first path to reach it gives the captures. */
const finish: Step = (end) => {
  const s = state
  if ((end > s.at || (s.empty && end === s.at)) && (!s.best || end > s.best.to)) {
    const captures: Capture[] = new Array(s.ncap)
    for (let k = 0; k < s.ncap; k++) captures[k] = { name: s.capName[k]!, from: s.capFrom[k]!, to: s.capTo[k]!, value: s.capValue[k]! }
    s.best = { from: s.at, to: end, captures }
  }
}

/**
 * Compiles elements[k…] into one step whose continuation, once they have matched, is `cont`. Continuations are
 * fixed by the pattern's structure, so the closures are made once per pattern instead of once per attempt.
 * Paths are tried in the interpreter's order: a repeat extends before it stops, an optional element is tried
 * before it is skipped, alternatives in their written order, a class's longest forms first.
 */
function compileSequence(els: readonly Element[], k: number, cont: Step): Step {
  if (k === els.length) return cont
  const el = els[k]!
  const next = compileSequence(els, k + 1, cont)
  let once: Step
  if (el.repeat) {
    const more: Step = (p2) => { once(p2); next(p2) }
    once = compileAtom(el.node, more)
  } else once = compileAtom(el.node, next)
  if (!el.optional) return once
  const tryOnce = once
  return (pos) => { tryOnce(pos); next(pos) }
}

/** Alternatives with more options than this find those a token may start by a map of their first words. */
const ALT_INDEXED = 6

function compileAtom(n: Node, cont: Step): Step {
  switch (n.kind) {
    case 'word': {
      const word = n.word
      return (pos) => { const s = state; if (pos < s.limit && s.tokens[pos]!.norm === word) cont(pos + 1) }
    }
    case 'lemma': {
      const word = n.word
      return (pos) => {
        const s = state
        if (pos >= s.limit) return
        const t = s.tokens[pos]!
        if (t.norm === word || t.lemmas.includes(word)) cont(pos + 1)
      }
    }
    case 'prefix': {
      const prefix = n.prefix
      return (pos) => { const s = state; if (pos < s.limit) { const t = s.tokens[pos]!; if (t.isWord && t.norm.startsWith(prefix)) cont(pos + 1) } }
    }
    case 'any': return (pos) => { const s = state; if (pos < s.limit && s.tokens[pos]!.isWord) cont(pos + 1) }
    case 'regex': {
      const re = n.re
      return (pos) => {
        const s = state
        if (pos >= s.limit) return
        const t = s.tokens[pos]!
        if (re.test(t.text)) { pushCapture(s, 're', pos, pos + 1, t.text); cont(pos + 1); s.ncap-- }
      }
    }
    case 'alt': {
      const options = n.options.map((o) => compileSequence(o, 0, cont))
      const firstWords = n.firstWords
      if (options.length > ALT_INDEXED) {
        // many options (in recent days|in the past|the near future|…): those a token may start, by its normal form,
        // in their written order with the options of no fixed first word among them
        const open: Step[] = options.filter((_, k) => firstWords[k] === undefined)
        const byWord = new Map<string, Step[]>()
        for (const w of firstWords) if (w !== undefined && !byWord.has(w)) byWord.set(w, options.filter((_, k) => firstWords[k] === undefined || firstWords[k] === w))
        return (pos) => {
          const s = state
          if (pos >= s.limit) return
          const tried = byWord.get(s.tokens[pos]!.norm) ?? open
          for (let k = 0; k < tried.length; k++) tried[k]!(pos)
        }
      }
      return (pos) => {
        const s = state
        if (pos >= s.limit) return
        const norm = s.tokens[pos]!.norm
        for (let k = 0; k < options.length; k++) { const w = firstWords[k]; if (w === undefined || w === norm) options[k]!(pos) }
      }
    }
    case 'class': {
      const builtIn = BUILT_IN[n.name]
      const name = n.name, as = n.as
      if (builtIn) {
        return (pos) => {
          const s = state
          if (pos >= s.limit) return
          const t = s.tokens[pos]!
          if (builtIn(t)) { pushCapture(s, as, pos, pos + 1, t.text); cont(pos + 1); s.ncap-- }
        }
      }
      // the class is looked up once per set of classes (a pack's), not at every attempt
      let classesSeen: WordClasses | undefined, found: WordClass | undefined
      return (pos) => {
        const s = state
        if (pos >= s.limit) return
        if (s.classes !== classesSeen || !found) { found = s.classes.get(name); classesSeen = s.classes }
        const cls = found
        if (!cls) throw new Error(`pattern uses unknown word class {${name}}: add packs/<lang>/words/${name}.tsv`)
        const forms = matchClass(cls, s.tokens, pos, s.limit)
        for (let k = 0; k < forms.length; k++) {
          const m = forms[k]!
          pushCapture(s, as, pos, m.to, m.value); cont(m.to); s.ncap--
        }
      }
    }
  }
}

const compiled = new WeakMap<CompiledPattern, Step>()
let depth = 0
const NO_TOKENS: readonly Token[] = []

/** The compiled step of a pattern (made once per pattern). */
function stepOf(p: CompiledPattern): Step {
  let run = compiled.get(p)
  if (!run) { run = compileSequence(p.elements, 0, finish); compiled.set(p, run) }
  return run
}

/**
 * Tries the pattern at token `at` (not crossing `limit`, e.g. the sentence end); returns the longest match or null.
 * Unknown class names throw: they are a mistake in pack data.
 */
export function matchAt(p: CompiledPattern, tokens: readonly Token[], at: number, classes: WordClasses, limit = tokens.length): PatternMatch | null {
  return runStep(stepOf(p), tokens, at, classes, limit, false)
}

/** Runs a compiled step from `at`; `empty`: a match may be empty (it ends where it starts). */
function runStep(run: Step, tokens: readonly Token[], at: number, classes: WordClasses, limit: number, empty: boolean): PatternMatch | null {
  // a match started inside another one (should a class or test ever match a pattern) keeps the outer one's state
  const outer = depth++ > 0 ? state : undefined
  if (outer) state = newState()
  const s = state
  s.tokens = tokens; s.classes = classes; s.limit = limit; s.at = at; s.empty = empty; s.best = null
  // captures are pushed and popped in pairs, so the stack is empty here unless a match threw
  s.ncap = 0
  try {
    run(at)
    return s.best
  } finally {
    depth--
    if (outer) state = outer
    else { s.best = null; s.ncap = 0; s.tokens = NO_TOKENS }
  }
}

/**
 * The normal forms a pattern's first token can have, or null when any token might start it (a prefix, a regular
 * expression, a built-in class). Used to try only the patterns that can start at a token.
 */
export function firstKeys(p: CompiledPattern, classes: WordClasses): Set<string> | null {
  const start = firstTokens(p, classes)
  return start && start.tests.length === 0 ? start.keys : null
}

/**
 * What a token must be to start the pattern: one of the normal forms in `keys`, or a token that passes one of the
 * `tests` (for first elements with no fixed forms: a built-in class, a regular expression, any word, a short
 * prefix). Null when any token might start it (every element optional, or an unknown class, which matching reports).
 */
export function firstTokens(p: CompiledPattern, classes: WordClasses): { keys: Set<string>; tests: Array<(t: Token) => boolean> } | null {
  const keys = new Set<string>()
  const tests: Array<(t: Token) => boolean> = []
  // the keys of elements[k…] up to and including the first one that is not optional; false if unbounded
  const seq = (els: Element[]): boolean => {
    for (const el of els) {
      if (!atomKeys(el.node)) return false
      if (!el.optional) return true
    }
    return false // everything optional: the pattern may start anywhere
  }
  const atomKeys = (n: Node): boolean => {
    switch (n.kind) {
      case 'word': case 'lemma': keys.add(n.word); return true
      case 'prefix': {
        const prefix = n.prefix
        if (prefix.length < PREFIX_KEY) tests.push((t) => t.isWord && t.norm.startsWith(prefix))
        else keys.add(prefixKey(prefix))
        return true
      }
      case 'any': tests.push((t) => t.isWord); return true
      case 'regex': { const re = n.re; tests.push((t) => re.test(t.text)); return true }
      case 'alt': return n.options.every((o) => seq(o))
      case 'class': {
        const builtIn = BUILT_IN[n.name]
        if (builtIn) { tests.push(builtIn); return true }
        const cls = classes.get(n.name)
        if (!cls) return false
        for (const k of cls.keys()) keys.add(k)
        return true
      }
    }
  }
  return seq(p.elements) ? { keys, tests } : null
}

/**
 * Sets of normal forms a match needs: for each element that must match (not optional), the forms its token can
 * have (a word, a lemma, the first tokens of a class's forms, for alternatives the union over the options), when
 * they are fixed. A token meets a set when its normal form or one of its lemmas is in it; a match is impossible
 * in a sentence where some set is met by no token. Elements with no fixed forms (built-in classes, regular
 * expressions, prefixes, any word, unknown classes) need nothing.
 */
export function requirements(p: CompiledPattern, classes: WordClasses): Array<Set<string>> {
  const out: Array<Set<string>> = []
  for (const el of p.elements) {
    if (el.optional) continue
    const keys = nodeKeys(el.node, classes)
    if (keys) out.push(keys)
  }
  return out
}

function nodeKeys(n: Node, classes: WordClasses): Set<string> | null {
  switch (n.kind) {
    case 'word': case 'lemma': return new Set([n.word])
    case 'class': {
      if (BUILT_IN[n.name]) return null
      const cls = classes.get(n.name)
      return cls ? new Set(cls.keys()) : null
    }
    case 'alt': {
      const all = new Set<string>()
      for (const option of n.options) {
        const keys = sequenceKeys(option, classes)
        if (!keys) return null
        for (const k of keys) all.add(k)
      }
      return all
    }
    default: return null
  }
}

/**
 * Tests a match needs passed by some token: one per element that must match and has no fixed forms but a test
 * of its token (a built-in class, a regular expression, a prefix, any word). A match is impossible in a
 * sentence where no token passes one of them ({year} in a sentence without a number). Of the built-in classes only
 * the numbers count: a capitalised, lower-case or punctuation token is in almost every sentence.
 */
const SELECTIVE = new Set(['digits', 'year', 'day', 'month-number'])

export function testRequirements(p: CompiledPattern): Array<(t: Token) => boolean> {
  const out: Array<(t: Token) => boolean> = []
  for (const el of p.elements) {
    if (el.optional) continue
    const n = el.node
    if (n.kind === 'class' && SELECTIVE.has(n.name)) out.push(BUILT_IN[n.name]!)
    else if (n.kind === 'regex') { const re = n.re; out.push((t) => re.test(t.text)) }
    else if (n.kind === 'prefix') { const prefix = n.prefix; out.push((t) => t.isWord && t.norm.startsWith(prefix)) }
  }
  return out
}

/** The forms one element of a sequence that must match can have: the first such element with fixed forms. */
function sequenceKeys(els: readonly Element[], classes: WordClasses): Set<string> | null {
  for (const el of els) {
    if (el.optional) continue
    const keys = nodeKeys(el.node, classes)
    if (keys) return keys
  }
  return null
}

const PREFIX_KEY = 3
const prefixKey = (s: string) => '\u0000' + s.slice(0, PREFIX_KEY)


/**
 * One list of candidate rule ids, shared by every form with that list (most capitalised words have the same one),
 * with the part of it possible in the current scope, found once per scope rather than per token.
 */
interface IdGroup { ids: number[]; stamp: number; possible: readonly number[]; list: number[] }

/** The answer of `possibleIdsAt` when no rule is possible: shared, never to be changed. */
const NO_IDS: readonly number[] = Object.freeze([])

/** Patterns indexed by the forms their first token can have, for scanning a text quickly. */
export class RuleIndex<R extends { pattern: CompiledPattern }> {
  private readonly byKey = new Map<string, R[]>()
  private readonly always: R[] = []
  /** Rules that some tokens start by passing a test rather than by their form (a built-in class, a regex). */
  private readonly tested: Array<{ rule: R; tests: Array<(t: Token) => boolean> }> = []
  private readonly order = new Map<R, number>()
  /** Per rule, the ids of the forms sets it needs (every one of them met in the scope); see `requirements`. */
  private readonly needs: number[][] = []
  /** Which needs a normal form or lemma meets. */
  private readonly needsByKey = new Map<string, number[]>()
  /** Needs met by a token that passes a test (see `testRequirements`). */
  private readonly testNeeds: Array<{ id: number; test: (t: Token) => boolean }> = []
  /** Per need, the number of the last scope a token met it in. */
  private readonly met: Int32Array
  private scopes = 0

  /** Per rule, how it is tried by `matchAt`: shared between the starts of a run (see `RunRule`), else its compiled step. */
  private readonly runs: Array<RunRule | undefined> = []
  private readonly steps: Step[] = []
  /** The rules' remainders after a repeated first class, indexed by their first token (`RunRule.rest`). */
  private readonly follow: RuleIndex<{ pattern: CompiledPattern }> | undefined
  /** Per built-in class of a run rule, the last run found (shared by the rules starting with that class). */
  private readonly extents = new Map<string, RunExtent>()

  constructor(readonly rules: readonly R[], private readonly classes: WordClasses, shareRuns = true) {
    rules.forEach((r, i) => this.order.set(r, i))
    const rests: Array<{ pattern: CompiledPattern }> = []
    for (const r of rules) {
      this.steps.push(stepOf(r.pattern))
      const first = shareRuns ? r.pattern.elements[0] : undefined
      const test = first?.node.kind === 'class' ? BUILT_IN[first.node.name] : undefined
      if (!first || !test || !first.repeat || first.optional || first.node.kind !== 'class') { this.runs.push(undefined); continue }
      const name = first.node.name
      let extent = this.extents.get(name)
      if (!extent) this.extents.set(name, extent = { test, stamp: 0, from: 0, end: 0 })
      const rest: CompiledPattern = { source: r.pattern.source, elements: r.pattern.elements.slice(1) }
      const restStep = compileSequence(rest.elements, 0, finish)
      this.runs.push({ extent, as: first.node.as, restId: rests.length, restStep, restAnywhere: firstTokens(rest, classes) === null, stamp: 0, from: 0, end: 0, stop: [], restEnd: [], restCaps: [] })
      rests.push({ pattern: rest })
    }
    this.follow = rests.length ? new RuleIndex(rests, classes, false) : undefined
    let needCount = 0
    for (const r of rules) {
      const start = firstTokens(r.pattern, classes)
      const ids: number[] = []
      for (const keys of requirements(r.pattern, classes)) {
        const id = needCount++
        ids.push(id)
        for (const k of keys) { const l = this.needsByKey.get(k); if (l) l.push(id); else this.needsByKey.set(k, [id]) }
      }
      for (const test of testRequirements(r.pattern)) {
        const id = needCount++
        ids.push(id)
        this.testNeeds.push({ id, test })
      }
      this.needs.push(ids)
      if (!start) { this.always.push(r); continue }
      if (start.tests.length) this.tested.push({ rule: r, tests: start.tests })
      for (const k of start.keys) { const l = this.byKey.get(k); if (l) l.push(r); else this.byKey.set(k, [r]) }
    }
    this.met = new Int32Array(needCount)
    this.possibleStamp = new Int32Array(rules.length)
    this.possibleFound = new Uint8Array(rules.length)
  }

  /**
   * Limits `possibleHere` to the rules whose required forms all occur in tokens [from, to) (a sentence): a rule
   * that needs a word or a class form absent from it cannot match there, so it is not tried at all.
   */
  scope(tokens: readonly Token[], from: number, to: number): void {
    const met = this.met
    const stamp = ++this.scopes
    // the tokens' form keys, found once per document for every index; what this index knows of a form is kept by
    // key in typed arrays (read for every token of every sentence: small and dense)
    const { keys, generation } = tokenKeys(tokens)
    if (generation !== this.generation) this.restart(generation)
    this.reserve(keyCount())
    this.scopeTokens = tokens; this.scopeFrom = from; this.scopeTo = to; this.scopeKeys = keys; this.scopeGeneration = generation
    const seen = this.seen, meetsAt = this.meetsAt
    for (let i = from; i < to; i++) {
      const key = keys[i]!
      // a form met again in the scope (the, of, a comma) meets nothing new
      if (seen[key] === stamp) continue
      seen[key] = stamp
      let at = meetsAt[key]!
      if (at === 0) at = this.findMeets(key, tokens[i]!)
      if (at < 0) continue
      const flat = this.meetsFlat
      for (let k = at + 1, end = at + 1 + flat[at]!; k < end; k++) met[flat[k]!] = stamp
    }
  }

  private scopeTokens: readonly Token[] = []
  private scopeFrom = 0
  private scopeTo = 0
  private scopeKeys: Int32Array = new Int32Array(0)
  private scopeGeneration = 0

  /**
   * `matchAt` of the rule at that position of `rules` at token i: the same match. A rule starting with a repeated
   * built-in class ({cap:name}+ {org-word:name}) is tried once per run of tokens of that class in the current
   * scope rather than once per start: the run's extent is found once, the rest of the pattern is tried only where
   * the repeat can stop and the rest can start (by the index of the rests' first tokens), and every start of the
   * run takes the best of the stops after it.
   */
  matchAt(id: number, tokens: readonly Token[], i: number, limit: number): PatternMatch | null {
    const run = this.runs[id]
    if (!run || tokens !== this.scopeTokens || limit !== this.scopeTo || i < this.scopeFrom || this.scopes === 0) return runStep(this.steps[id]!, tokens, i, this.classes, limit, false)
    if (i >= limit || !run.extent.test(tokens[i]!)) return null
    if (run.stamp !== this.scopes || i < run.from || i >= run.end) this.fillRun(run, tokens, i, limit)
    const k = i - run.from
    const stop = run.stop[k]!
    if (stop < 0) return null
    // the repeat's captures, one per token as the step-by-step match pushes them, then the rest's
    const rest = run.restCaps[k]!
    const captures: Capture[] = new Array(stop - i + rest.length)
    for (let t = i; t < stop; t++) captures[t - i] = { name: run.as, from: t, to: t + 1, value: tokens[t]!.text }
    for (let c = 0; c < rest.length; c++) captures[stop - i + c] = { ...rest[c]! }
    return { from: i, to: run.restEnd[k]!, captures }
  }

  /** Finds the run of the rule's first class from token i and the best match from each of its starts. */
  private fillRun(run: RunRule, tokens: readonly Token[], i: number, limit: number): void {
    const extent = run.extent
    if (extent.stamp !== this.scopes || i < extent.from || i >= extent.end) {
      let end = i
      while (end < limit && extent.test(tokens[end]!)) end++
      extent.stamp = this.scopes; extent.from = i; extent.end = end
    }
    const end = extent.end
    run.stamp = this.scopes; run.from = i; run.end = end
    // stops from the furthest back: the first stop reaching the longest end is the one the step-by-step match keeps
    let bestEnd = -1, bestStop = -1
    let bestCaps: Capture[] = NO_CAPTURES
    const follow = this.follow!
    for (let j = end; j > i; j--) {
      if (j < limit ? follow.candidateIds(tokens[j]!).includes(run.restId) : run.restAnywhere) {
        const m = runStep(run.restStep, tokens, j, this.classes, limit, true)
        if (m && m.to > bestEnd) { bestEnd = m.to; bestStop = j; bestCaps = m.captures }
      }
      const k = j - 1 - i
      run.stop[k] = bestStop; run.restEnd[k] = bestEnd; run.restCaps[k] = bestCaps
    }
  }
  /** The form key of token i when it is in the current scope of these tokens, else -1. */
  private scopedKey(tokens: readonly Token[], i: number): number {
    // (keys of an earlier generation, if a token met since started a new one, mean nothing)
    return tokens === this.scopeTokens && i >= this.scopeFrom && i < this.scopeTo && this.scopeGeneration === this.generation ? this.scopeKeys[i]! : -1
  }

  /**
   * The ids of the rules that may match at token i and are possible in the current scope (`possible`), in file
   * order; i must be in the scope. The list is the index's: read it before the next `scope`, do not change it.
   */
  possibleIdsAt(tokens: readonly Token[], i: number): readonly number[] {
    const key = this.scopedKey(tokens, i)
    if (key < 0) return this.candidateIds(tokens[i]!).filter((id) => this.possible(id))
    let n = this.groupAt[key]!
    if (n === 0) {
      const ids = this.idsOf(key, tokens[i]!)
      const name = ids.join(',')
      n = this.groupNumbers.get(name) ?? 0
      if (n === 0) { this.groups.push({ ids, stamp: 0, possible: NO_IDS, list: [] }); this.groupNumbers.set(name, n = this.groups.length) }
      this.groupAt[key] = n
    }
    const g = this.groups[n - 1]!
    if (g.stamp !== this.scopes) {
      g.stamp = this.scopes
      // written over the group's list in place: emptying it would free its storage, made again by the next push
      const out = g.list, ids = g.ids
      let n = 0
      for (let k = 0; k < ids.length; k++) if (this.possible(ids[k]!)) { if (n < out.length) out[n] = ids[k]!; else out.push(ids[k]!); n++ }
      if (n === 0) g.possible = NO_IDS
      else { if (out.length > n) out.length = n; g.possible = out }
    }
    return g.possible
  }

  /** The lists of candidate ids met, each once (`groupAt` holds a form's number in it, plus one). */
  private readonly groups: IdGroup[] = []
  private readonly groupNumbers = new Map<string, number>()

  /** `candidateIds(tokens[i])`, by what `scope` found when i is in the current scope of these tokens. */
  candidateIdsAt(tokens: readonly Token[], i: number): number[] {
    const key = this.scopedKey(tokens, i)
    return key >= 0 ? this.idsOf(key, tokens[i]!) : this.candidateIds(tokens[i]!)
  }

  /** Whether the rule can match in the current scope (every rule can before the first `scope`). */
  possibleHere(rule: R): boolean {
    return this.possible(this.order.get(rule)!)
  }

  /** `possibleHere` of the rule at that position of `rules`. */
  possible(id: number): boolean {
    if (this.scopes === 0) return true
    // found once per rule and scope (a rule is in the candidate lists of many forms: the, in, a number)
    if (this.possibleStamp[id] === this.scopes) return this.possibleFound[id] === 1
    const ids = this.needs[id]!
    let found = true
    for (let k = 0; k < ids.length; k++) if (this.met[ids[k]!] !== this.scopes) { found = false; break }
    this.possibleStamp[id] = this.scopes
    this.possibleFound[id] = found ? 1 : 0
    return found
  }
  /** Per rule, the last scope `possible` answered for, and its answer (1: possible). */
  private readonly possibleStamp: Int32Array
  private readonly possibleFound: Uint8Array

  /**
   * What is known of a word form, by its form key (src/text/form-keys.ts: one per text, normal form and lemmas in
   * a generation), each found when first asked for: per key, the last scope the form was seen in (`seen`), where
   * its needs met are in `meetsFlat` (`meetsAt`: 0 not yet known, -1 none, else the place of their count, followed
   * by them), its candidate list's number in `groups` plus one (`groupAt`, 0 not yet known), its candidate rules
   * and their ids.
   */
  private seen = new Int32Array(0)
  private meetsAt = new Int32Array(0)
  private groupAt = new Int32Array(0)
  private meetsFlat = new Int32Array(1024)
  private meetsUsed = 1
  private rulesByKey: Array<R[] | undefined> = []
  private idsByKey: Array<number[] | undefined> = []
  private generation = 0

  /** A new generation of form keys: what was kept by the old keys is dropped. */
  private restart(generation: number): void {
    this.seen = new Int32Array(0); this.meetsAt = new Int32Array(0); this.groupAt = new Int32Array(0)
    this.meetsUsed = 1; this.rulesByKey = []; this.idsByKey = []
    this.generation = generation
  }

  /** Room in the per-key arrays for keys below `count` (grown by doubling). */
  private reserve(count: number): void {
    if (count <= this.seen.length) return
    const size = Math.max(count, this.seen.length * 2, 1024)
    const grow = (a: Int32Array) => { const b = new Int32Array(size); b.set(a); return b }
    this.seen = grow(this.seen); this.meetsAt = grow(this.meetsAt); this.groupAt = grow(this.groupAt)
  }

  /** The key of a token's form, in this index's generation. */
  private keyOf(t: Token): number {
    const key = formKey(t)
    const generation = keyGeneration()
    if (generation !== this.generation) this.restart(generation)
    return key
  }

  /** The rules that may match at this token, in their file order. */
  candidates(t: Token): R[] {
    const key = this.keyOf(t)
    return (this.rulesByKey[key] ??= this.find(t))
  }

  /** The positions in `rules` of `candidates(t)`. */
  candidateIds(t: Token): number[] {
    return this.idsOf(this.keyOf(t), t)
  }

  /** `candidateIds(t)`, by the key of its form. */
  private idsOf(key: number, t: Token): number[] {
    const ids = this.idsByKey[key]
    if (ids) return ids
    const order = this.order
    const rules = (this.rulesByKey[key] ??= this.find(t))
    return (this.idsByKey[key] = rules.map((r) => order.get(r)!))
  }

  /** Finds the needs a token's form meets (by its normal form or a lemma), keeps them in `meetsFlat`: their place, or -1. */
  private findMeets(key: number, t: Token): number {
    const ids = new Set<number>()
    for (const k of [t.norm, ...t.lemmas]) for (const id of this.needsByKey.get(k) ?? []) ids.add(id)
    for (const { id, test } of this.testNeeds) if (test(t)) ids.add(id)
    if (!ids.size) return (this.meetsAt[key] = -1)
    const at = this.meetsUsed
    if (at + 1 + ids.size > this.meetsFlat.length) {
      const b = new Int32Array(Math.max(this.meetsFlat.length * 2, at + 1 + ids.size)); b.set(this.meetsFlat); this.meetsFlat = b
    }
    this.meetsFlat[at] = ids.size
    let k = at + 1
    for (const id of ids) this.meetsFlat[k++] = id
    this.meetsUsed = k
    return (this.meetsAt[key] = at)
  }

  private find(t: Token): R[] {
    const found = new Set<R>(this.always)
    const add = (key: string) => { const l = this.byKey.get(key); if (l) for (const r of l) found.add(r) }
    add(t.norm)
    add(prefixKey(t.norm))
    for (const l of t.lemmas) add(l)
    for (const { rule, tests } of this.tested) if (!found.has(rule) && tests.some((test) => test(t))) found.add(rule)
    if (found.size === this.always.length) return this.always
    return [...found].sort((a, b) => this.order.get(a)! - this.order.get(b)!)
  }
}

/** The tokens of one run of a built-in class ({cap}) in a scope, found from `from` (its end is one past its last). */
interface RunExtent { test: (t: Token) => boolean; stamp: number; from: number; end: number }

/**
 * A rule whose first element is a repeated built-in class ({cap:name}+ …), with what it last found: for each start
 * k = i - from of the run, where the repeat stops in the best match (-1 when none), the match's end and the rest's captures.
 */
interface RunRule {
  extent: RunExtent
  as: string
  restId: number
  restStep: Step
  /** Whether the rest may start at any token (or match nothing), so it is tried at the scope's end too. */
  restAnywhere: boolean
  stamp: number
  from: number
  end: number
  stop: number[]
  restEnd: number[]
  restCaps: Capture[][]
}

const NO_CAPTURES: Capture[] = []

const indexes = new WeakMap<readonly unknown[], WeakMap<WordClasses, RuleIndex<{ pattern: CompiledPattern }>>>()

/** The (cached) index of a rule list. */
export function ruleIndex<R extends { pattern: CompiledPattern }>(rules: readonly R[], classes: WordClasses): RuleIndex<R> {
  let byClasses = indexes.get(rules)
  if (!byClasses) { byClasses = new WeakMap(); indexes.set(rules, byClasses) }
  let idx = byClasses.get(classes)
  if (!idx) { idx = new RuleIndex(rules, classes); byClasses.set(classes, idx) }
  return idx as unknown as RuleIndex<R>
}

/** Finds non-overlapping matches of any of the patterns, scanning left to right and taking the longest at each point. */
export function findAll<R extends { pattern: CompiledPattern }>(rules: readonly R[], tokens: readonly Token[], classes: WordClasses, sentenceEnd: (i: number) => number): Array<{ rule: R; match: PatternMatch }> {
  const out: Array<{ rule: R; match: PatternMatch }> = []
  const index = ruleIndex(rules, classes)
  let scopeEnd = -1
  for (let i = 0; i < tokens.length;) {
    // (the best so far kept in two variables: an object is made only for the match kept)
    let bestRule: R | undefined
    let best: PatternMatch | null = null
    const limit = sentenceEnd(i)
    // matches found from here on stay inside [i, limit): rules needing a form absent from it are skipped
    if (limit !== scopeEnd) { index.scope(tokens, i, limit); scopeEnd = limit }
    const ids = index.possibleIdsAt(tokens, i)
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!
      const m = index.matchAt(id, tokens, i, limit)
      if (m && (!best || m.to > best.to)) { best = m; bestRule = rules[id]! }
    }
    if (best) { out.push({ rule: bestRule!, match: best }); i = best.to } else i++
  }
  return out
}

/** The capture of that name, if any; repeated captures of one name are joined into one token range. */
export function capture(m: PatternMatch, name: string): Capture | undefined {
  // one pass, and no array unless the name is captured more than once
  const caps = m.captures
  let first: Capture | undefined
  let all: Capture[] | undefined
  for (let k = 0; k < caps.length; k++) {
    const c = caps[k]!
    if (c.name !== name) continue
    if (!first) first = c
    else (all ??= [first]).push(c)
  }
  if (!all) return first
  return { name, from: Math.min(...all.map((c) => c.from)), to: Math.max(...all.map((c) => c.to)), value: all.map((c) => c.value).join(' ') }
}
