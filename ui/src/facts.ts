// The facts of a record as spans to highlight: every mention, time, quote, amount, event trigger and cue, each
// with the rule that produced it, and the text cut into segments by the spans that cover them.
import type { DocumentRecord, Entity, Event } from '../../src/record/schema.ts'

export type FactKind = 'entity' | 'time' | 'quote' | 'amount' | 'event' | 'cue'

export interface Fact {
  key: string
  kind: FactKind
  start: number
  end: number
  text: string
  rule: string
  /** A short label: the entity's name, the time's value, the event's type. */
  label: string
  /** The entity, event or quote a mention or cue belongs to. */
  owner?: string
  /** For cues: what the cue sets (modality, attribution, quote). */
  role?: string
  entityType?: string
}

export interface Segment {
  start: number
  end: number
  facts: Fact[]
}

/** Every highlightable fact of a record. */
export function factsOf(rec: DocumentRecord): Fact[] {
  const out: Fact[] = []
  for (const e of rec.entities) {
    e.mentions.forEach((m, i) => out.push({ key: `m:${e.id}:${i}`, kind: 'entity', start: m.start, end: m.end, text: m.text, rule: m.rule, label: e.name, owner: e.id, entityType: e.type }))
  }
  rec.times.forEach((t, i) => out.push({ key: `t:${i}`, kind: 'time', start: t.start, end: t.end, text: t.text, rule: t.rule, label: t.value }))
  rec.amounts.forEach((a, i) => out.push({ key: `a:${i}`, kind: 'amount', start: a.start, end: a.end, text: a.text, rule: a.rule, label: `${a.value}${a.unit ? ' ' + a.unit : ''}` }))
  rec.quotes.forEach((q, i) => {
    out.push({ key: `q:${i}`, kind: 'quote', start: q.start, end: q.end, text: q.text, rule: q.rule, label: 'quote' })
    if (q.cue) out.push({ key: `qc:${i}`, kind: 'cue', start: q.cue.start, end: q.cue.end, text: q.cue.text, rule: q.rule, label: 'quote cue', owner: `q:${i}`, role: 'quote' })
  })
  for (const ev of rec.events) {
    out.push({ key: `ev:${ev.id}`, kind: 'event', start: ev.trigger.start, end: ev.trigger.end, text: ev.trigger.text, rule: ev.rule, label: ev.type, owner: ev.id })
    if (ev.modalityCue) out.push({ key: `mc:${ev.id}`, kind: 'cue', start: ev.modalityCue.start, end: ev.modalityCue.end, text: ev.modalityCue.text, rule: ev.rule, label: ev.modality, owner: ev.id, role: 'modality' })
    ev.attribution.forEach((a, j) => {
      if (a.cue) out.push({ key: `ac:${ev.id}:${j}`, kind: 'cue', start: a.cue.start, end: a.cue.end, text: a.cue.text, rule: a.rule, label: a.stance, owner: ev.id, role: 'attribution' })
    })
  }
  return out
}

/** The text cut at every fact boundary; each segment lists the facts that cover it. */
export function segments(text: string, facts: readonly Fact[]): Segment[] {
  const cuts = new Set<number>([0, text.length])
  for (const f of facts) { cuts.add(f.start); cuts.add(f.end) }
  const points = [...cuts].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b)
  const sorted = [...facts].sort((a, b) => a.start - b.start)
  const out: Segment[] = []
  let open: Fact[] = []
  let next = 0
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!, end = points[i + 1]!
    while (next < sorted.length && sorted[next]!.start <= start) open.push(sorted[next++]!)
    open = open.filter((f) => f.end > start)
    out.push({ start, end, facts: open.filter((f) => f.start <= start && f.end >= end) })
  }
  return out
}

const PRIORITY: Record<FactKind, number> = { event: 0, entity: 1, time: 2, amount: 3, cue: 4, quote: 5 }

/** The fact a click on a segment means: the most specific one (an event trigger before the quote around it). */
export function pick(facts: readonly Fact[]): Fact | undefined {
  return [...facts].sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || (a.end - a.start) - (b.end - b.start))[0]
}

export function entityById(rec: DocumentRecord): Map<string, Entity> {
  return new Map(rec.entities.map((e) => [e.id, e]))
}

export function eventById(rec: DocumentRecord): Map<string, Event> {
  return new Map(rec.events.map((e) => [e.id, e]))
}

export const QUAD_NAMES: Record<number, string> = { 1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict' }
