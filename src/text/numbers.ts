/**
 * Reads numbers written in digits (with the pack's separators) or in words (from the pack's `number` class:
 * a value per word, scale words like thousand/million, connectors like "e"/"and"), and vague quantities
 * ("tens", "hundreds", "dhjetëra", "qindra") as approximate ranges.
 */
import type { LanguagePack } from '../packs/language-pack.js'
import type { Token } from './token.js'

export interface NumberPhrase {
  /** Token range [from, to). */
  from: number
  to: number
  value: number
  approx: boolean
  min?: number
  max?: number
}

/** Parses a digit string with the pack's decimal and group separators (`1.000.000`, `3,5` in sq; `1,000,000`, `3.5` in en). */
export function parseDigits(text: string, pack: LanguagePack): number | undefined {
  const decimal = (pack.manifest as { decimal?: string }).decimal ?? '.'
  const group = decimal === ',' ? '.' : ','
  if (!/^\d[\d.,\u00a0\u202f ]*$/.test(text)) return undefined
  let t = text.replace(/[\u00a0\u202f ]/g, '')
  // a group separator must be followed by exactly three digits; otherwise read it as a decimal mark
  const groupRe = new RegExp(`^\\d{1,3}(\\${group}\\d{3})+(\\${decimal}\\d+)?$`)
  if (groupRe.test(t)) t = t.split(group).join('')
  else if (t.includes(group) && !t.includes(decimal)) t = t.replace(group, decimal)
  t = t.replace(decimal, '.')
  const v = Number(t)
  return Number.isFinite(v) ? v : undefined
}

/** The value of the token as a single-token form of a class (`oneWordForms`): by its normal form, else by its first lemma that is one. */
function tokenClassValue(forms: ReadonlyMap<string, string>, t: Token): string | undefined {
  const v = forms.get(t.norm)
  if (v !== undefined) return v
  // asked of every token of an article: a loop, not a new array per token
  const lemmas = t.lemmas
  for (let k = 0; k < lemmas.length; k++) { const x = forms.get(lemmas[k]!); if (x !== undefined) return x }
  return undefined
}

/** The numeric value of a single number word of the pack, if it is one. */
function wordValue(t: Token, pack: LanguagePack): number | undefined {
  const v = tokenClassValue(pack.oneWordForms('number'), t)
  return v === undefined ? undefined : Number(v)
}

/**
 * Whether a number phrase may start at the token (`readNumber` finds none where it does not): digits, a vague
 * quantity or a number word. A function of the token's form alone.
 */
export function mayStartNumber(t: Token, pack: LanguagePack): boolean {
  return t.shape === 'd' || startsWithDigit(t.text) || tokenClassValue(pack.oneWordForms('vague-quantity'), t) !== undefined || tokenClassValue(pack.oneWordForms('number'), t) !== undefined
}

/**
 * Reads the number phrase starting at token `at` (digits, number words, vague quantities and scale words),
 * or returns null.
 */
export function readNumber(tokens: readonly Token[], at: number, pack: LanguagePack, limit = tokens.length): NumberPhrase | null {
  const first = tokens[at]
  if (!first) return null
  const connectors = pack.list('number-connectors')
  let i = at
  let total = 0, current = 0, seen = false, approx = false, vagueBase = 0, lastWasNumber = false
  const decimal = (pack.manifest as { decimal?: string }).decimal ?? '.'
  while (i < limit) {
    const t = tokens[i]!
    if (t.shape === 'd' || startsWithDigit(t.text)) {
      if (seen) break
      let v = parseDigits(t.text, pack)
      // digits with a scale word glued on (2.3bn): the scale multiplies them
      const glued = v === undefined ? /^(\d[\d.,]*)(\p{L}+)$/u.exec(t.text) : null
      if (glued) { const d = parseDigits(glued[1]!, pack), scale = pack.classValue('number', glued[2]!.toLowerCase()); if (d !== undefined && scale !== undefined && Number(scale) >= 1000) v = d * Number(scale) }
      if (v === undefined) break
      current = v; seen = true; lastWasNumber = true; i++
      // a decimal written with the other separator split by the segmenter: 3 , 5
      if (tokens[i]?.text === decimal && tokens[i]?.pre === '' && tokens[i + 1]?.shape === 'd' && tokens[i + 1]?.pre === '') {
        current = Number(`${v}.${tokens[i + 1]!.text}`); i += 2
      }
      continue
    }
    const vague = tokenClassValue(pack.oneWordForms('vague-quantity'), t)
    if (vague !== undefined && !seen) {
      vagueBase = Number(vague); current = vagueBase; approx = true; seen = true; lastWasNumber = true; i++
      // a scale after a linker multiplies a vague quantity (tens of millions, hundreds of thousands)
      const linker = tokens[i], scaleTok = tokens[i + 1]
      if (linker && scaleTok && i + 1 < limit && pack.list('object-linkers').has(linker.norm)) {
        const scale = Number(pack.classValue('vague-quantity', scaleTok.norm) ?? pack.classValue('number', scaleTok.norm) ?? 0)
        if (scale >= 1000) { current = vagueBase * scale; i += 2 }
      }
      continue
    }
    const v = wordValue(t, pack)
    if (v !== undefined) {
      if (v >= 1000) { total += (current || 1) * v; current = 0 }
      else if (v === 100) current = (current || 1) * 100
      else if (seen && lastWasNumber && current % 10 === 0 && current > 0 && v < 10 && current >= 20) current += v // twenty five
      else if (seen && lastWasNumber && !connectorBefore(tokens, i, connectors)) break
      else current += v
      seen = true; lastWasNumber = true; i++
      continue
    }
    if (seen && connectors.has(t.norm) && wordValue(tokens[i + 1] ?? t, pack) !== undefined && tokens[i + 1] !== undefined) { lastWasNumber = false; i++; continue }
    break
  }
  if (!seen) return null
  // a trailing connector is not part of the number
  while (i > at && connectors.has(tokens[i - 1]!.norm)) i--
  const value = total + current
  const phrase: NumberPhrase = { from: at, to: i, value, approx }
  if (approx && vagueBase) { phrase.min = value; phrase.max = value * 10 }
  return phrase
}

/** /^\d/ */
function startsWithDigit(s: string): boolean {
  const c = s.charCodeAt(0)
  return c >= 0x30 && c <= 0x39
}

function connectorBefore(tokens: readonly Token[], i: number, connectors: Set<string>): boolean {
  return connectors.has(tokens[i - 1]?.norm ?? '')
}
