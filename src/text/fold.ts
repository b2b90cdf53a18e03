/** Lower-cases and removes diacritics, so `Rusisë`, `RUSISE` and `rusise` compare equal. The original text is never replaced by this form. */
export function fold(s: string): string {
  if (plainAscii(s)) return s.toLowerCase()
  let hit = folded.get(s)
  if (hit === undefined) {
    hit = s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[’ʼ`´]/g, "'")
    remember(folded, s, hit)
  }
  return hit
}

/** Lower-cases without removing diacritics (for morphology, where `ë` and `e` differ). */
export function lower(s: string): string {
  if (plainAscii(s)) return s.toLowerCase()
  let hit = lowered.get(s)
  if (hit === undefined) {
    hit = s.toLowerCase().replace(/[’ʼ`´]/g, "'")
    remember(lowered, s, hit)
  }
  return hit
}

// Both are functions of the string alone, and words repeat: results for text beyond ASCII are kept (up to a bound).
// ASCII text other than the backtick needs no decomposition and no apostrophe mapping: lower-casing is all.
const folded = new Map<string, string>(), lowered = new Map<string, string>()
const CACHE_LIMIT = 100_000
const LONGEST_CACHED = 64

function remember(cache: Map<string, string>, s: string, value: string): void {
  if (s.length > LONGEST_CACHED) return
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(detached(s), value.length > 12 ? detached(value) : value)
}

/**
 * The same text in a string of its own. V8 represents a slice of 13 characters or more as a view of the string it
 * was cut from, so a slice kept in a cache would keep its whole article alive; a copy keeps only itself.
 */
export function detached(s: string): string {
  return s.length > 12 ? (' ' + s).slice(1) : s
}

function plainAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (c > 0x7f || c === 0x60) return false }
  return true
}
