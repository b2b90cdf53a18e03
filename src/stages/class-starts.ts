/**
 * Which of a few word classes may match at each token of a document, found with one lookup per token: a stage that
 * asks `matchClass` of several classes at every token (reported-speech asks up to ten) first reads the token's bit
 * and calls `matchClass` only where it is set. A clear bit means `matchClass` finds nothing there; a set bit means it
 * may (a multi-word entry still has to match the words after).
 *
 * The bits of a word form are computed once per pack and set of classes and kept in a FormMemo (src/text/form-memo.ts:
 * by form number, checked against the token's text and lemmas, from which its normal form follows).
 */
import type { LanguagePack } from '../packs/language-pack.js'
import type { WordClass } from '../patterns/token-pattern.js'
import type { Token } from '../text/token.js'
import { FormMemo } from '../text/form-memo.js'

/** One memo per set of classes (restarted when a call brings other classes under the same key). */
interface Cache { classes: ReadonlyArray<WordClass | undefined>; bits: FormMemo<number> }

const caches = new WeakMap<LanguagePack, Map<string, Cache>>()

/** The bits of one form: bit k when `classes[k]` has an entry starting with its normal form or a one-word entry for one of its lemmas. */
function formBits(classes: ReadonlyArray<WordClass | undefined>, norm: string, lemmas: readonly string[]): number {
  let bits = 0
  for (let k = 0; k < classes.length; k++) {
    const cls = classes[k]
    if (!cls) continue
    if (cls.has(norm)) { bits |= 1 << k; continue }
    for (let j = 0; j < lemmas.length; j++) {
      const list = cls.get(lemmas[j]!)
      if (list && list.some((e) => e.tokens.length === 1)) { bits |= 1 << k; break }
    }
  }
  return bits
}

/**
 * Per token of `tokens`, a bit per class of `classes` (bit k for `classes[k]`, at most 31 classes) set when the
 * class may match starting at that token. `key` names the set of classes: one cache per pack and key, started again
 * when a call brings other classes under the same key.
 */
export function classStarts(pack: LanguagePack, key: string, classes: ReadonlyArray<WordClass | undefined>, tokens: readonly Token[]): Int32Array {
  let byKey = caches.get(pack)
  if (!byKey) caches.set(pack, (byKey = new Map()))
  let cache = byKey.get(key)
  if (!cache || cache.classes.length !== classes.length || cache.classes.some((c, k) => c !== classes[k])) {
    const kept = [...classes]
    byKey.set(key, (cache = { classes: kept, bits: new FormMemo((t) => formBits(kept, t.norm, t.lemmas)) }))
  }
  const out = new Int32Array(tokens.length)
  for (let i = 0; i < tokens.length; i++) out[i] = cache.bits.get(tokens[i]!)
  return out
}
