/**
 * Gives every word token its candidate lemmas (in the pack's normal form) from the pack's morphology, so lexicons
 * and patterns can match any inflected form. Capitalised words are analysed as proper names; function words keep
 * their own form (a closed-class word is not an inflected verb: "dhe" is not a form of "jap").
 */
import type { KronikaDocument } from '../document.js'
import type { LanguagePack } from '../packs/language-pack.js'

const caches = new WeakMap<LanguagePack, Map<string, string[]>>()
const CACHE_LIMIT = 200_000

/** Candidate lemmas (pack normal form) of a word form, cached per pack. */
export function lemmasOf(pack: LanguagePack, text: string, proper: boolean): string[] {
  let cache = caches.get(pack)
  if (!cache) { cache = new Map(); caches.set(pack, cache) }
  const key = proper ? '^' + text : text
  let hit = cache.get(key)
  if (!hit) {
    hit = [...new Set(pack.morphology.lemmas(text, proper ? 'PROPN' : undefined).map(pack.normalise))]
    if (cache.size > CACHE_LIMIT) cache.clear()
    cache.set(key, hit)
  }
  return hit
}

export function analyse(doc: KronikaDocument): void {
  const closed = doc.pack.list('function-words')
  for (const t of doc.tokens) {
    if (!t.isWord || t.shape === 'd' || closed.has(t.norm)) continue
    t.lemmas = lemmasOf(doc.pack, t.text, t.shape === 'Xx' || t.shape === 'X')
  }
}
