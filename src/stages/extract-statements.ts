/**
 * Reported speech without quotation marks (X said that …, …, X said, according to X, …) becomes the record's
 * `statements`: who said what, with the cue, beside the quotations. The finding itself is in reported-speech.ts.
 */
import type { KronikaDocument } from '../document.js'
import { findReportedSpeech } from './reported-speech.js'

export function extractStatements(doc: KronikaDocument): void {
  doc.statements = findReportedSpeech(doc).map((r) => ({ start: r.start, end: r.end, text: r.text, ...(r.speaker ? { speaker: r.speaker } : {}), ...(r.source ? { source: r.source } : {}), cue: r.cue, ...(r.parts ? { parts: r.parts } : {}), rule: r.rule }))
}
