/** A word or punctuation token of the document: a span with its original text and normalised forms beside it. */
export interface Token {
  /** Position in `doc.tokens`. */
  index: number
  start: number
  end: number
  /** Exact text, `doc.text.slice(start, end)`. */
  text: string
  /** Lower-cased, diacritics kept. */
  lower: string
  /** Lower-cased, diacritics removed: what names are compared by. */
  fold: string
  /** The pack's normal form (lower-cased; diacritics removed unless the pack keeps them): what patterns and word lists compare against. */
  norm: string
  /** Letters or digits (not punctuation). */
  isWord: boolean
  /** Shape of the capitalisation: `Xx` title case, `X` all capitals (2+ letters), `x` lower, `d` digits, `p` punctuation/other. */
  shape: 'Xx' | 'X' | 'x' | 'd' | 'p'
  /** Sentence index. */
  sentence: number
  /** Candidate lemmas in the pack's normal form, best first, filled by the analyse stage. */
  lemmas: string[]
  /** Whitespace (or nothing) between the previous token and this one. */
  pre: string
  /**
   * A small number shared by tokens of the same text (set by the segmenter), so per-form caches can be arrays.
   * Not unique over time: a cache keyed by it checks the text too.
   */
  form?: number
}
