/**
 * Values computed once per word form rather than once per token: most of an article's tokens are words seen before
 * (in it or in earlier articles), and what a stage asks of a word (its lookup forms, its word classes, its alias
 * lists, which classes may start at it) depends only on its text, normal form and lemmas. Values are kept by the
 * token's form key (src/text/form-keys.ts: one number per text, normal form and lemmas, found once per document and
 * shared by every such cache), in an array by key that a new generation of keys empties. Long tokens, which may be
 * slices of their article, get a key of their own each time: their values are computed and not kept.
 */
import type { Token } from './token.js'
import { keyGeneration, tokenKey } from './form-keys.js'

const LONGEST_KEPT = 64

export class FormMemo<T> {
  private values: Array<T | undefined> = []
  private generation = 0
  constructor(private readonly make: (t: Token) => T) {}

  /** The value for the token's form: computed on first use, then kept. */
  get(t: Token): T {
    const key = tokenKey(t)
    const generation = keyGeneration()
    if (generation !== this.generation) { this.values = []; this.generation = generation }
    const values = this.values
    const hit = values[key]
    if (hit !== undefined) return hit
    const value = this.make(t)
    if (t.text.length > LONGEST_KEPT) return value
    // grown one slot at a time, so the array stays a plain one (a far write would make it a slow sparse one)
    while (values.length <= key) values.push(undefined)
    values[key] = value
    return value
  }
}
