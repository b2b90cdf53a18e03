/**
 * Gives every word token its candidate lemmas (in the pack's normal form) from the pack's morphology, so lexicons
 * and patterns can match any inflected form. Capitalised words are analysed as proper names; function words keep
 * their own form (a closed-class word is not an inflected verb: "dhe" is not a form of "jap").
 */
import type { KronikaDocument } from '../document.js'
import type { LanguagePack } from '../packs/language-pack.js'
import { forgetTokenKeys, tokenKeys } from '../text/form-keys.js'

/** Per pack, the lemmas of word forms read as proper names and as other words. */
const caches = new WeakMap<LanguagePack, { proper: Map<string, string[]>; plain: Map<string, string[]> }>()
const CACHE_LIMIT = 200_000

function cachesOf(pack: LanguagePack): { proper: Map<string, string[]>; plain: Map<string, string[]> } {
  let caches2 = caches.get(pack)
  if (!caches2) { caches2 = { proper: new Map(), plain: new Map() }; caches.set(pack, caches2) }
  return caches2
}

/** Candidate lemmas (pack normal form) of a word form, cached per pack (the same array for every token of the form: read only). */
export function lemmasOf(pack: LanguagePack, text: string, proper: boolean): string[] {
  return cachedLemmas(pack, cachesOf(pack), text, proper)
}

function cachedLemmas(pack: LanguagePack, caches2: { proper: Map<string, string[]>; plain: Map<string, string[]> }, text: string, proper: boolean): string[] {
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
  for (const t of doc.tokens) {
    if (!t.isWord || t.shape === 'd' || closed.has(t.norm)) continue
    t.lemmas = cachedLemmas(pack, caches2, t.text, t.shape === 'Xx' || t.shape === 'X')
  }
  // form keys found before the lemmas were given are not theirs; the document's keys, for every later stage
  forgetTokenKeys(doc.tokens)
  tokenKeys(doc.tokens)
}
