/**
 * Reported speech without quotation marks (X said that …, …, X said, according to X, …) becomes the record's
 * `statements`: who said what, with the cue, beside the quotations. The finding itself is in reported-speech.ts.
 */
import type { KronikaDocument } from '../document.js'
import type { Statement } from '../record/schema.js'
import { findReportedSpeech } from './reported-speech.js'

export function extractStatements(doc: KronikaDocument): void {
  doc.statements = findReportedSpeech(doc).map((r) => {
    const s = { start: r.start, end: r.end, text: r.text } as Statement
    if (r.speaker) s.speaker = r.speaker
    if (r.source) s.source = r.source
    s.cue = r.cue
    if (r.parts) s.parts = r.parts
    s.rule = r.rule
    return s
  })
}
