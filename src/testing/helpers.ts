/** Test helpers: run the pipeline on a sentence written for the test. */
import { extractDocument } from '../pipeline/extract.js'
import type { KronikaDocument } from '../document.js'

/** Extracts a test text in a declared language, published on the given date. */
export function run(text: string, lang = 'sq', published = '2024-03-14'): KronikaDocument {
  return extractDocument({ text, lang, published })
}

/** Every span of a record that carries text, for checking that each slices back to it. */
export function allTextSpans(doc: KronikaDocument): Array<{ start: number; end: number; text: string }> {
  const r = doc.toRecord()
  return [
    ...r.entities.flatMap((e) => e.mentions), ...r.times, ...r.amounts, ...r.quotes,
    ...r.quotes.flatMap((q) => (q.cue ? [q.cue] : [])),
    ...r.statements, ...r.statements.map((s) => s.cue),
    ...[...r.quotes, ...r.statements].flatMap((q) => (q.source ? [q.source] : [])),
    ...r.events.map((e) => e.trigger), ...r.events.flatMap((e) => (e.modalityCue ? [e.modalityCue] : [])),
    ...r.events.flatMap((e) => e.attribution.flatMap((a) => (a.cue ? [a.cue] : []))),
  ]
}
