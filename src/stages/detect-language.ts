/**
 * Decides the language of the document: a declared language always wins; otherwise each pack's list of frequent
 * words (`lists/detection.txt`) and letters (`lists/detection-letters.txt`) votes, and the best share wins.
 */
import type { KronikaDocument } from '../document.js'
import { loadPack, packList } from '../packs/language-pack.js'
import type { PipelineContext } from '../pipeline/context.js'
import { fold } from '../text/fold.js'

const SAMPLE = 20_000

/** Scores each available pack on a sample of the text: the share of words that are the pack's frequent words. */
export function scoreLanguages(text: string, ctx: PipelineContext): Array<{ code: string; score: number }> {
  const words = text.slice(0, SAMPLE).match(/\p{L}+(?:['’]\p{L}+)*/gu) ?? []
  if (words.length === 0) return []
  const folded = words.map((w) => fold(w))
  const scores = ctx.languages.map((code) => {
    // only the pack's detection lists: the packs of the languages not chosen are never loaded
    const common = packList(code, 'detection', ctx.packsDir)
    const letters = [...packList(code, 'detection-letters', ctx.packsDir)]
    let hits = 0
    for (const w of folded) if (common.has(w)) hits++
    let letterHits = 0
    if (letters.length) for (const w of words) if (letters.some((l) => w.toLowerCase().includes(l))) letterHits++
    return { code, score: Math.min(1, hits / folded.length * 2 + letterHits / words.length) }
  })
  return scores.sort((a, b) => b.score - a.score || a.code.localeCompare(b.code))
}

export function detectLanguage(doc: KronikaDocument, ctx: PipelineContext): void {
  if (doc.langDecision.method === 'declared') {
    if (ctx.languages.includes(doc.lang)) { doc.pack = loadPack(doc.lang, ctx.packsDir, ctx.morphology); return }
    doc.message(`no language pack for declared language "${doc.lang}" (available: ${ctx.languages.join(', ')}); reading it with the best-matching pack`, 'core.lang.no-pack', 'warning')
  }
  const scores = scoreLanguages(doc.text, ctx)
  const best = scores[0]
  if (!best || best.score === 0) {
    const code = ctx.languages.includes(ctx.fallbackLanguage) ? ctx.fallbackLanguage : ctx.languages[0]!
    doc.lang = code
    doc.langDecision = { method: 'fallback' }
    doc.pack = loadPack(code, ctx.packsDir, ctx.morphology)
    if (doc.text.trim() !== '') doc.message(`language could not be identified; read as "${code}"`, 'core.lang.undetermined', 'info')
    return
  }
  doc.lang = best.code
  doc.langDecision = { method: 'detected', score: +best.score.toFixed(3) }
  doc.pack = loadPack(best.code, ctx.packsDir, ctx.morphology)
}
