/**
 * Values computed once per word form rather than once per token: most of an article's tokens are words seen before
 * (in it or in earlier articles), and what a stage asks of a word (its lookup forms, its word classes, its alias
 * lists, which classes may start at it) depends only on its text and lemmas. Values are kept by the token's form number (set by the
 * segmenter) and checked against the text and lemmas they were computed for, since form numbers are reused once the
 * segmenter's cache is cleared. Long tokens, which may be slices of their article, are computed but not kept.
 */
import type { Token } from './token.js'

interface Kept<T> { text: string; lemmas: readonly string[]; value: T }

/** Form numbers beyond this are kept by text instead (the array stays small and dense). */
const FORM_SLOTS = 200_000
const LONGEST_KEPT = 64
const TEXT_LIMIT = 50_000

export class FormMemo<T> {
  private readonly byForm: Array<Kept<T> | undefined> = []
  private readonly byText = new Map<string, Kept<T>>()
  constructor(private readonly make: (t: Token) => T) {}

  /** The value for the token's form: computed on first use, then kept. */
  get(t: Token): T {
    const id = t.form
    const hit = id === undefined || id >= FORM_SLOTS ? this.byText.get(t.text) : this.byForm[id]
    if (hit && hit.text === t.text && (hit.lemmas === t.lemmas || sameStrings(hit.lemmas, t.lemmas))) return hit.value
    const value = this.make(t)
    if (t.text.length > LONGEST_KEPT) return value
    const kept = { text: t.text, lemmas: t.lemmas, value }
    if (id !== undefined && id < FORM_SLOTS) {
      // grown one slot at a time, so the array stays a plain one (a far write would make it a slow sparse one)
      const byForm = this.byForm
      while (byForm.length <= id) byForm.push(undefined)
      byForm[id] = kept
    } else {
      if (this.byText.size >= TEXT_LIMIT) this.byText.clear()
      this.byText.set(t.text, kept)
    }
    return value
  }
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
