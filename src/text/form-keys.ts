/**
 * One number per word form and analysis, found once per document and shared by every stage that keeps facts per
 * form (issue #6). The segmenter's form numbers are reused once its cache is cleared and overlap between packs that
 * normalise differently, so a cache keyed by them must check each token's text and lemmas at every lookup; each rule
 * index (entities, times, events) did so for every token of every sentence. A form key is unique for its text,
 * normal form and lemmas within a `keyGeneration()`, so per-key arrays need no check: `tokenKeys(tokens)` gives the
 * keys of a token array (computed once, then kept with the array), and a cache compares its generation before use.
 *
 * The keys of a token array are computed when first asked for; a stage that changes lemmas afterwards calls
 * `forgetTokenKeys` (analyse does, then computes the document's keys at once, so `tokenKey` finds them).
 */
import type { Token } from './token.js'

interface Entry { text: string; norm: string; lemmas: readonly string[]; key: number }

/** Keys handed out before all are dropped and numbering starts again (a new generation). */
const KEY_LIMIT = 150_000
/** Longer tokens may be slices of their article: they get a key of their own each time and are not kept. */
const LONGEST_KEPT = 64
/** Form numbers below this are kept in an array (the segmenter's are below 100,000 per normal form). */
const FORM_SLOTS = 200_000

let generation = 1
let nextKey = 0
/**
 * The last entry found for each form number (the form numbers of two packs overlap: checked, else looked up by
 * text), as parallel arrays read for every token of every document: the text, normal form and lemmas it is for,
 * and its key.
 */
let formText: Array<string | undefined> = []
let formNorm: Array<string | undefined> = []
let formLemmas: Array<readonly string[] | undefined> = []
let formKeys = new Int32Array(1024)
let byText = new Map<string, Entry[]>()

/** The current generation: keys of an earlier one mean nothing now. */
export function keyGeneration(): number {
  return generation
}

/** The number of keys of the current generation (a per-key array never needs more slots). */
export function keyCount(): number {
  return nextKey
}

/** Whether two lemma lists are the same (the analysis usually shares one array per form: checked first). */
export function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** The key of a token's form and analysis (a new one the first time they are met in this generation). */
export function formKey(t: Token): number {
  const id = t.form
  const slot = id !== undefined && id < FORM_SLOTS
  if (slot && formText[id] === t.text && formNorm[id] === t.norm) {
    const lemmas = formLemmas[id]!
    if (lemmas === t.lemmas || sameStrings(lemmas, t.lemmas)) return formKeys[id]!
  }
  let list = byText.get(t.text)
  let found: Entry | undefined
  if (list) for (const e of list) if (e.norm === t.norm && sameStrings(e.lemmas, t.lemmas)) { found = e; break }
  if (!found) {
    if (nextKey >= KEY_LIMIT) {
      generation++; nextKey = 0; formText = []; formNorm = []; formLemmas = []; byText = new Map(); list = undefined
    }
    found = { text: t.text, norm: t.norm, lemmas: t.lemmas, key: nextKey++ }
    if (t.text.length > LONGEST_KEPT) return found.key
    if (list) list.push(found); else byText.set(t.text, [found])
  }
  if (slot) {
    // grown one slot at a time, so the array stays a plain one (a far write would make it a slow sparse one)
    while (formText.length <= id) { formText.push(undefined); formNorm.push(undefined); formLemmas.push(undefined) }
    if (id >= formKeys.length) { const k = new Int32Array(Math.max(id + 1, formKeys.length * 2)); k.set(formKeys); formKeys = k }
    formText[id] = found.text; formNorm[id] = found.norm; formLemmas[id] = found.lemmas; formKeys[id] = found.key
  }
  return found.key
}

/** The keys of a token array, with the generation they belong to. */
export interface TokenKeys { keys: Int32Array; generation: number }

const kept = new WeakMap<readonly Token[], TokenKeys>()
let lastTokens: readonly Token[] | undefined
let lastKeys: TokenKeys | undefined

/** The form key of every token of the array (kept with the array; computed again after a new generation). */
export function tokenKeys(tokens: readonly Token[]): TokenKeys {
  if (tokens === lastTokens && lastKeys!.generation === generation && lastKeys!.keys.length === tokens.length) return lastKeys!
  let k = kept.get(tokens)
  if (!k || k.generation !== generation || k.keys.length !== tokens.length) {
    const keys = new Int32Array(tokens.length)
    const start = generation
    for (let i = 0; i < tokens.length; i++) keys[i] = formKey(tokens[i]!)
    // numbering started again part way: every key must be of the new generation
    if (generation !== start) for (let i = 0; i < tokens.length; i++) keys[i] = formKey(tokens[i]!)
    k = { keys, generation }
    kept.set(tokens, k)
  }
  lastTokens = tokens; lastKeys = k
  return k
}

/**
 * The key of a token: read from the keys of the token array last given to `tokenKeys` when the token is in it (one
 * comparison), else `formKey(t)`.
 */
export function tokenKey(t: Token): number {
  const i = t.index
  if (lastTokens !== undefined && lastTokens[i] === t && lastKeys!.generation === generation) return lastKeys!.keys[i]!
  return formKey(t)
}

/** The keys of the token array last given to `tokenKeys` (the current document's) when these are its tokens, else undefined. */
export function documentKeys(tokens: readonly Token[]): Int32Array | undefined {
  return tokens === lastTokens && lastKeys!.generation === generation ? lastKeys!.keys : undefined
}

/** Drops the kept keys of a token array whose lemmas (or tokens) changed. */
export function forgetTokenKeys(tokens: readonly Token[]): void {
  kept.delete(tokens)
  if (tokens === lastTokens) { lastTokens = undefined; lastKeys = undefined }
}
