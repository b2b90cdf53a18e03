/**
 * Identifies the language of an article with eld (n-gram detector, 60 languages, pure JavaScript) and decides
 * how it is read:
 *
 * 1. a declared language (`--lang`, a JSON `language` field) always wins;
 * 2. otherwise eld, when its verdict is reliable: a language with a pack is read with that pack (the record says
 *    `detected` with eld's score); a language without one is stored and searchable, without facts;
 * 3. otherwise (short or mixed text) the page's `<html lang>` when a pack exists for it;
 * 4. otherwise extraction's own detector (src/stages/detect-language.ts), which can only choose among the packs.
 *
 * eld decides first because it knows many languages: the pack detector would read German as the closest pack.
 */
export interface LanguageGuess {
  code: string
  score: number
  reliable: boolean
}

export interface LanguageDecision {
  /** The language to give extraction, or undefined to let it detect. */
  lang?: string
  method: 'declared' | 'detected' | 'page' | 'pipeline'
  score?: number
  /** False when no language pack can read the text. */
  extract: boolean
  reason: string
}

interface Eld { detect(text: string): { language: string; getScores(): Record<string, number>; isReliable(): boolean } }
let eldModule: Promise<Eld> | undefined

/** eld's verdict on a text, or undefined when it has none. */
export async function identifyLanguage(text: string): Promise<LanguageGuess | undefined> {
  eldModule ??= import('eld/small').then((m) => (m as unknown as { eld: Eld }).eld)
  const eld = await eldModule
  const result = eld.detect(text.slice(0, 6000))
  if (!result.language) return undefined
  const score = result.getScores()[result.language] ?? 0
  return { code: result.language, score: Math.max(0, Math.min(1, +score.toFixed(3))), reliable: result.isReliable() }
}

/** How to read a text, from what was declared, what eld says and which packs exist. */
export function decideLanguage(input: { declared?: string; pageLang?: string; guess?: LanguageGuess; packs: string[] }): LanguageDecision {
  const { declared, pageLang, guess, packs } = input
  if (declared) {
    return packs.includes(declared)
      ? { lang: declared, method: 'declared', extract: true, reason: `declared ${declared}` }
      : { lang: declared, method: 'declared', extract: false, reason: `declared ${declared}, which has no language pack (${packs.join(', ')}): stored without facts` }
  }
  if (guess?.reliable) {
    return packs.includes(guess.code)
      ? { lang: guess.code, method: 'detected', score: guess.score, extract: true, reason: `identified as ${guess.code} by eld (score ${guess.score})` }
      : { lang: guess.code, method: 'detected', score: guess.score, extract: false, reason: `identified as ${guess.code} by eld (score ${guess.score}), which has no language pack (${packs.join(', ')}): stored without facts` }
  }
  if (pageLang && packs.includes(pageLang)) return { lang: pageLang, method: 'page', extract: true, reason: `eld unsure; the page declares ${pageLang}` }
  return { method: 'pipeline', extract: true, reason: guess ? `eld unsure (${guess.code}, ${guess.score}); left to the pack detector` : 'eld has no verdict; left to the pack detector' }
}
