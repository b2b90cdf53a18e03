/**
 * The words that name a speaker as the text writes them: a name, a pronoun or a description (officials, the
 * spokesman, the White House) — the subject before a reporting verb or the noun phrase right after it
 * (“…,” said the mayor). Quotes and statements record them as `source` beside the speaker entity, which is all a
 * reader has when the speaker is no named entity. Trimmed of auxiliaries and adverbs (the campaign has also said)
 * and of a leading linking word (But, And); at most MAX_WORDS tokens.
 */
import type { KronikaDocument } from '../document.js'
import type { TextSpan } from '../record/schema.js'

const MAX_TOKENS = 14

/** The speaker phrase among tokens [from, to): `before` a cue (its end touches the cue) or `after` it. */
export function speakerPhrase(doc: KronikaDocument, from: number, to: number, side: 'before' | 'after'): TextSpan | undefined {
  const { tokens, pack } = doc
  const skip = (t: string) => pack.list('auxiliaries').has(t) || pack.list('clause-adverbs').has(t) || pack.list('verb-markers').has(t)
  const linking = (t: string) => pack.inClass('coordinator', t) || pack.inClass('clause-marker', t) || t === 'but'
  if (side === 'after') {
    let end = from
    // (a verb ends it too: said the talks would …)
    const stop = (t: string) => ['role-preposition', 'time-preposition', 'clause-marker'].some((c) => pack.inClass(c, t)) || skip(t)
    // (the full stop of an abbreviated title is part of it: said Mr. Barrett)
    const abbreviation = (k: number) => tokens[k]!.text === '.' && k > from && pack.list('abbreviations').has(tokens[k - 1]!.norm)
    while (end < to && end - from < MAX_TOKENS && (tokens[end]!.isWord || abbreviation(end)) && !(end > from && stop(tokens[end]!.norm))) end++
    to = end
  } else {
    from = Math.max(from, to - MAX_TOKENS)
  }
  while (to > from && (skip(tokens[to - 1]!.norm) || !tokens[to - 1]!.isWord)) to--
  while (from < to && (linking(tokens[from]!.norm) || !tokens[from]!.isWord)) from++
  if (from >= to) return undefined
  const start = tokens[from]!.start, end = tokens[to - 1]!.end
  return { start, end, text: doc.text.slice(start, end) }
}
