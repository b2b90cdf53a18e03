/**
 * Reported speech without quotation marks (X said that …, …, X said, according to X, …) becomes the record's
 * `statements`: who said what, with the cue, beside the quotations. The finding itself is in reported-speech.ts.
 */
import type { KronikaDocument } from '../document.js'
import type { Statement } from '../record/schema.js'
import { findReportedSpeech } from './reported-speech.js'

export function extractStatements(doc: KronikaDocument): void {
  doc.statements = findReportedSpeech(doc).map((r) => {
    // (every field present, in record order, the unsaid ones undefined and left out of the JSON: one shape)
    const s: Statement = { start: r.start, end: r.end, text: r.text, speaker: r.speaker || undefined, source: r.source || undefined, cue: r.cue, parts: r.parts || undefined, rule: r.rule }
    return s
  })
}
