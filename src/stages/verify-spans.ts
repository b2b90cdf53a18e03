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
  // (a list is copied only when one of its facts fails: mostly none does)
  const kept = <T>(list: T[], good: (x: T) => boolean, what: string, spanOf: (x: T) => TextSpan): T[] =>
    list.every(good) ? list : list.filter((x) => good(x) || (report(what, spanOf(x)), false))
  for (const e of doc.entities) e.mentions = kept(e.mentions, ok, 'mention', (m) => m)
  doc.times = kept(doc.times, ok, 'time', (t) => t)
  doc.amounts = kept(doc.amounts, ok, 'amount', (a) => a)
  doc.quotes = kept(doc.quotes, (q) => ok(q) && ok(q.cue) && ok(q.source), 'quote', (q) => q)
  doc.statements = kept(doc.statements, (s) => ok(s) && ok(s.cue) && ok(s.source), 'statement', (s) => s)
  doc.events = kept(doc.events, (v) => ok(v.trigger) && ok(v.modalityCue), 'event trigger', (v) => v.trigger)
}
