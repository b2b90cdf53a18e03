/**
 * The last stage: every fact must point at the exact characters that support it. A fact whose span does not
 * slice back to its own text is removed and reported (a bug to fix, never silently kept).
 */
import type { KronikaDocument } from '../document.js'
import type { TextSpan } from '../record/schema.js'

export function verifySpans(doc: KronikaDocument): void {
  // (compared in place, without cutting the span out of the text)
  const ok = (s: TextSpan | undefined) => !s || (s.start >= 0 && s.end <= doc.text.length && s.start <= s.end && s.end - s.start === s.text.length && doc.text.startsWith(s.text, s.start))
  const report = (what: string, s: TextSpan) => doc.message(`${what} span [${s.start}, ${s.end}) does not match its text "${s.text.slice(0, 40)}"; removed`, 'core.span.mismatch', 'error')
  for (const e of doc.entities) {
    e.mentions = e.mentions.filter((m) => ok(m) || (report('mention', m), false))
  }
  doc.times = doc.times.filter((t) => ok(t) || (report('time', t), false))
  doc.amounts = doc.amounts.filter((a) => ok(a) || (report('amount', a), false))
  doc.quotes = doc.quotes.filter((q) => (ok(q) && ok(q.cue) && ok(q.source)) || (report('quote', q), false))
  doc.statements = doc.statements.filter((s) => (ok(s) && ok(s.cue) && ok(s.source)) || (report('statement', s), false))
  doc.events = doc.events.filter((v) => (ok(v.trigger) && ok(v.modalityCue)) || (report('event trigger', v.trigger), false))
}
