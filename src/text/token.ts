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
  /** Lower-cased, diacritics removed: what patterns and lexicons compare against. */
  fold: string
  /** Letters or digits (not punctuation). */
  isWord: boolean
  /** Shape of the capitalisation: `Xx` title case, `X` all capitals (2+ letters), `x` lower, `d` digits, `p` punctuation/other. */
  shape: 'Xx' | 'X' | 'x' | 'd' | 'p'
  /** Sentence index. */
  sentence: number
  /** Candidate lemmas (folded), best first, filled by the analyse stage. */
  lemmas: string[]
  /** Whitespace (or nothing) between the previous token and this one. */
  pre: string
}
