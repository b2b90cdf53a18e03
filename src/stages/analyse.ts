/**
 * Gives every word token its candidate lemmas (in the pack's normal form) from the pack's morphology, so lexicons
 * and patterns can match any inflected form. Capitalised words are analysed as proper names; function words keep
 * their own form (a closed-class word is not an inflected verb: "dhe" is not a form of "jap").
 */
import type { KronikaDocument } from '../document.js'
import type { LanguagePack } from '../packs/language-pack.js'
import { forgetTokenKeys, tokenKeys } from '../text/form-keys.js'

/**
 * Per pack, the lemmas of word forms read as proper names and as other words; and by a token's form number (set by
 * the segmenter: shared by the tokens of one text, reused by another text later, so the text is checked), the text
 * it was last met with and what the token gets: its lemmas, or KEEP (not a word to analyse).
 */
interface PackCaches { proper: Map<string, string[]>; plain: Map<string, string[]>; formText: Array<string | undefined>; formLemmas: Array<string[] | undefined> }
const caches = new WeakMap<LanguagePack, PackCaches>()
const CACHE_LIMIT = 200_000
/** Form numbers below this are kept by number (the segmenter's are below 100,000). */
const FORM_SLOTS = 200_000
const KEEP: string[] = []

function cachesOf(pack: LanguagePack): PackCaches {
  let caches2 = caches.get(pack)
  if (!caches2) { caches2 = { proper: new Map(), plain: new Map(), formText: [], formLemmas: [] }; caches.set(pack, caches2) }
  return caches2
}

/** Candidate lemmas (pack normal form) of a word form, cached per pack (the same array for every token of the form: read only). */
export function lemmasOf(pack: LanguagePack, text: string, proper: boolean): string[] {
  return cachedLemmas(pack, cachesOf(pack), text, proper)
}

function cachedLemmas(pack: LanguagePack, caches2: PackCaches, text: string, proper: boolean): string[] {
  const cache = proper ? caches2.proper : caches2.plain
  let hit = cache.get(text)
  if (!hit) {
    hit = [...new Set(pack.morphology.lemmas(text, proper ? 'PROPN' : undefined).map(pack.normalise))]
    if (cache.size > CACHE_LIMIT) cache.clear()
    cache.set(text, hit)
  }
  return hit
}

export function analyse(doc: KronikaDocument): void {
  const { pack } = doc
  const closed = pack.list('function-words')
  const caches2 = cachesOf(pack)
  const { formText, formLemmas } = caches2
  for (const t of doc.tokens) {
    const id = t.form
    const slot = id !== undefined && id < FORM_SLOTS
    let lemmas = slot && formText[id] === t.text ? formLemmas[id]! : undefined
    if (!lemmas) {
      lemmas = !t.isWord || t.shape === 'd' || closed.has(t.norm) ? KEEP : cachedLemmas(pack, caches2, t.text, t.shape === 'Xx' || t.shape === 'X')
      if (slot) {
        // grown one slot at a time, so the arrays stay plain ones
        while (formText.length <= id) { formText.push(undefined); formLemmas.push(undefined) }
        formText[id] = t.text; formLemmas[id] = lemmas
      }
    }
    if (lemmas !== KEEP) t.lemmas = lemmas
  }
  // form keys found before the lemmas were given are not theirs; the document's keys, for every later stage
  forgetTokenKeys(doc.tokens)
  tokenKeys(doc.tokens)
}
