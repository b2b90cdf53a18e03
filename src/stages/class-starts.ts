/**
 * Which of a few word classes may match at each token of a document, found with one lookup per token: a stage that
 * asks `matchClass` of several classes at every token (reported-speech asks up to ten) first reads the token's bit
 * and calls `matchClass` only where it is set. A clear bit means `matchClass` finds nothing there; a set bit means it
 * may (a multi-word entry still has to match the words after).
 *
 * The bits of a word form are computed once per pack and set of classes, and kept by the token's form number or
 * text (a token's normal form and lemmas follow from its text); an entry is used only while the token's normal form and lemmas
 * are the ones it was computed from, so a change in the analysis can make it stale, never wrong.
 */
import type { LanguagePack } from '../packs/language-pack.js'
import type { WordClass } from '../patterns/token-pattern.js'
import type { Token } from '../text/token.js'

interface FormBits { text: string; norm: string; lemmas: readonly string[]; lemmasSeen: readonly string[]; bits: number }
/** The forms by the token's form number (checked by text), and by text for tokens without one. */
interface Cache { classes: ReadonlyArray<WordClass | undefined>; byForm: FormBits[]; forms: Map<string, FormBits> }

/** How many word forms one cache keeps before it starts again (bounds memory over a long run). */
const MAX_FORMS = 100_000
/** The longest token text kept (a longer one may be a slice of the article, which a kept string would hold on to). */
const LONGEST_KEPT = 64

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

/** Whether a kept entry still describes token `t` (the lemma array is usually the very one it was computed from). */
function current(f: FormBits | undefined, t: Token): f is FormBits {
  return !!f && f.text === t.text && f.norm === t.norm && (f.lemmasSeen === t.lemmas || sameLemmas(f.lemmas, t.lemmas))
}

function sameLemmas(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return false
  return true
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
  if (!cache || cache.classes.length !== classes.length || cache.classes.some((c, k) => c !== classes[k])) byKey.set(key, (cache = { classes: [...classes], byForm: [], forms: new Map() }))
  const { byForm, forms } = cache
  const out = new Int32Array(tokens.length)
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (t.text.length > LONGEST_KEPT) { out[i] = formBits(classes, t.norm, t.lemmas); continue }
    const form = t.form
    const f = form !== undefined && form < MAX_FORMS ? byForm[form] : forms.get(t.text)
    if (current(f, t)) { out[i] = f.bits; continue }
    const bits = formBits(classes, t.norm, t.lemmas)
    const entry: FormBits = { text: t.text, norm: t.norm, lemmas: t.lemmas.slice(), lemmasSeen: t.lemmas, bits }
    if (form !== undefined && form < MAX_FORMS) byForm[form] = entry
    else {
      if (forms.size >= MAX_FORMS) forms.clear()
      forms.set(t.text, entry)
    }
    out[i] = bits
  }
  return out
}
