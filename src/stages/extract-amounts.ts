/**
 * Finds amounts: numbers in digits or words, vague quantities (dhjetëra miliona, tens of millions) as
 * approximate ranges, percentages and money, with the counted object that follows (predha artilerie).
 * Numbers that are part of a date, a name (COVID-19) or a lone indefinite article (një, one) are not amounts.
 * Nor is a number that counts a known set: after a definite determiner (the two countries, këto dy vende) or
 * before a noun in the definite form (dy vendet, tre ministrat) it names who, not how many (the pack's
 * `set-determiners`, `definite-endings` and `definite-exceptions` lists).
 * An approximator before a number (rreth 300 emigrantë, about 300 migrants: the pack's `approximator` class)
 * belongs to the amount and makes it approximate.
 */
import type { KronikaDocument } from '../document.js'
import type { Amount } from '../record/schema.js'
import { mayStartNumber, readNumber } from '../text/numbers.js'
import { FormMemo } from '../text/form-memo.js'
import type { LanguagePack } from '../packs/language-pack.js'
import { matchClass } from '../patterns/token-pattern.js'

const MAX_OBJECT_WORDS = 2

/** Per pack, whether a number may start at a word form (`mayStartNumber`), found once per form. */
const starts = new WeakMap<LanguagePack, FormMemo<boolean>>()
function numberStarts(pack: LanguagePack): FormMemo<boolean> {
  let memo = starts.get(pack)
  if (!memo) { memo = new FormMemo((t) => mayStartNumber(t, pack)); starts.set(pack, memo) }
  return memo
}

export function extractAmounts(doc: KronikaDocument): void {
  const { tokens, pack } = doc
  const rule = `${pack.code}.amount`
  const inTime = new Uint8Array(tokens.length)
  for (const t of doc.times) {
    if (t.type === 'DURATION') continue
    const [a, b] = doc.tokenRange(t)
    inTime.fill(1, a, b)
  }
  const inName = new Uint8Array(tokens.length)
  for (const e of doc.entities) for (const m of e.mentions) { const [a, b] = doc.tokenRange(m); inName.fill(1, a, b) }
  const weak = pack.list('weak-numbers')
  const functionWords = pack.list('function-words')
  const linkers = pack.list('object-linkers')
  const modifierEndings = pack.list('object-modifier-endings')
  const approximators = pack.classes.get('approximator')
  /** The first token of an approximator ending right before token i (rreth, more or less), if any. */
  const approximatorBefore = (i: number, from: number): number | undefined => {
    if (!approximators) return undefined
    for (let k = i - 1; k >= Math.max(from, i - 3); k--) if (matchClass(approximators, tokens, k, i).some((m) => m.to === i)) return k
    return undefined
  }
  const setDeterminers = pack.list('set-determiners')
  const definiteEndings = [...pack.list('definite-endings')], definiteExceptions = pack.list('definite-exceptions')
  /** The counted noun is in the definite form (dy vendet), by its ending. */
  const definite = (w: string) => !definiteExceptions.has(w) && definiteEndings.some((e) => w.endsWith(e) && w.length > e.length)
  const mayStart = numberStarts(pack)
  for (const [from, to] of doc.sentenceTokens) {
    for (let i = from; i < to; i++) {
      if (inTime[i] || inName[i]) continue
      const t = tokens[i]!
      const prev = tokens[i - 1]
      if (t.shape === 'd' && prev && prev.text === '-' && t.pre === '' && prev.pre === '' && tokens[i - 2]?.isWord) continue // COVID-19, F-16
      // (most words start no number: asked once per word form)
      if (!mayStart.get(t)) continue
      const n = readNumber(tokens, i, pack, to)
      if (!n || n.to <= n.from) continue
      if (n.to - n.from === 1 && weak.has(t.norm)) { i = n.to - 1; continue }
      if (inTime.subarray(n.from, n.to).includes(1)) { i = n.to - 1; continue }
      let end = n.to
      let unit: string | undefined
      const next = tokens[end]
      const pct = next && (next.text === '%' || pack.inClass('percent', next.norm) || matchPhrase(doc, end, 'percent'))
      if (pct) { unit = 'percent'; end += matchPhrase(doc, end, 'percent') || 1 }
      const cur = tokens[end] && (pack.classValue('currency', tokens[end]!.norm) ?? tokens[end]!.lemmas.map((l) => pack.classValue('currency', l)).find(Boolean))
      const curBefore = prev && (pack.classValue('currency', prev.norm) ?? undefined)
      if (!unit && cur) { unit = cur; end++ }
      else if (!unit && curBefore && prev && (prev.text.length === 1)) unit = curBefore
      // the counted object: up to two lower-case content words
      let objFrom = end
      if (!unit && linkers.has(tokens[objFrom]?.norm ?? '')) objFrom++ // tens of millions of shells
      let objTo = objFrom
      if (!unit) {
        while (objTo < to && objTo - objFrom < MAX_OBJECT_WORDS) {
          const w = tokens[objTo]!
          if (!w.isWord || w.shape !== 'x' || functionWords.has(w.norm) || (objTo > objFrom && w.pre === '')) break
          // a second word belongs to the object only when it is a modifier (the pack's endings, or any word without a list)
          if (objTo > objFrom && modifierEndings.size && ![...modifierEndings].some((e) => w.norm.endsWith(e))) break
          objTo++
        }
        if (objTo === objFrom) objFrom = objTo = end
      }
      // a known set, not a quantity: the two countries, dy vendet
      if (!unit && ((prev && setDeterminers.has(prev.norm)) || (objTo > objFrom && definite(tokens[objFrom]!.norm)))) { i = Math.max(end, objTo) - 1; continue }
      const approxAt = curBefore && prev?.text.length === 1 ? undefined : approximatorBefore(i, from)
      const startTok = unit && curBefore && prev && prev.text.length === 1 ? i - 1 : approxAt ?? i
      const spanEnd = Math.max(end, objTo)
      const start = tokens[startTok]!.start, stop = tokens[spanEnd - 1]!.end
      const amount: Amount = {
        start, end: stop, text: doc.text.slice(start, stop), value: n.value, approx: n.approx || approxAt !== undefined,
        // (every field present, in record order, the unsaid ones undefined and left out of the JSON: one shape)
        min: n.min, max: n.max, unit: unit || undefined,
        object: objTo > objFrom ? doc.text.slice(tokens[objFrom]!.start, tokens[objTo - 1]!.end) : undefined,
        rule: n.approx ? `${rule}.vague-quantity` : approxAt !== undefined ? `${rule}.approximate` : unit === 'percent' ? `${rule}.percent` : unit ? `${rule}.money` : /\d/.test(t.text) ? `${rule}.digits` : `${rule}.number-words`,
      }
      doc.amounts.push(amount)
      i = spanEnd - 1
    }
  }
}

/** Length in tokens of a multi-word form of the class starting at token i (0 if none). */
function matchPhrase(doc: KronikaDocument, i: number, cls: string): number {
  const entries = doc.pack.classes.get(cls)?.get(doc.tokens[i]?.norm ?? '')
  if (!entries) return 0
  for (const e of entries) if (e.tokens.every((w, k) => doc.tokens[i + k]?.norm === w)) return e.tokens.length
  return 0
}
