/**
 * Finds PLOVER events: trigger words from the pack (`patterns/events.tsv`: id, pattern, TYPE, mode, CAMEO, quad),
 * their arguments inside the clause (actor: the clause subject, or the main clause's when the subject is
 * dropped; recipient: the object, or what the pack's role prepositions mark: counterpart, target, beneficiary;
 * agent of a passive or of a nominal trigger; place), their modality from the pack's cue words, their
 * attribution (a quotation's speaker, a reporting frame, "according to"), and their time.
 * Clause boundaries, cue words and prepositions are all pack data; this file knows no language.
 */
import type { KronikaDocument } from '../document.js'
import type { Attribution, Event, Modality, PloverType, Stance } from '../record/schema.js'
import { findAll, matchClass, type WordClass } from '../patterns/token-pattern.js'
import { clauseSubject, mentionsIn, type PlacedMention } from './mentions.js'
import { entityForCountry } from './country-entities.js'
import type { PipelineContext } from '../pipeline/context.js'

export const QUAD: Record<PloverType, 1 | 2 | 3 | 4> = {
  AGREE: 1, CONSULT: 1, SUPPORT: 1, CONCEDE: 1, COOPERATE: 2, AID: 2, RETREAT: 2,
  REQUEST: 3, ACCUSE: 3, REJECT: 3, THREATEN: 3, PROTEST: 3, SANCTION: 4, MOBILIZE: 4, COERCE: 4, ASSAULT: 4,
}

interface Clause { from: number; to: number }

/** Splits a sentence's tokens into clauses at punctuation and the pack's clause markers (që, se, that, which…). */
export function clausesOf(doc: KronikaDocument, from: number, to: number): Clause[] {
  const out: Clause[] = []
  const markers = doc.pack.classes.get('clause-marker')
  let start = from
  for (let i = from; i < to; i++) {
    const t = doc.tokens[i]!
    const punct = !t.isWord && /^[,;:–—()“”„«»"]$/.test(t.text)
    const marker = markers ? matchClass(markers, doc.tokens, i, to).length > 0 : false
    if ((punct || marker) && i > start) { out.push({ from: start, to: i }); start = i }
  }
  if (start < to) out.push({ from: start, to })
  return out
}

/** The longest form of a class found in [from, to), with its position. */
function findClass(cls: WordClass | undefined, doc: KronikaDocument, from: number, to: number, last = true): { at: number; to: number; value: string } | undefined {
  if (!cls) return undefined
  let hit: { at: number; to: number; value: string } | undefined
  for (let i = from; i < to; i++) {
    const m = matchClass(cls, doc.tokens, i, to)[0]
    if (m) { hit = { at: i, to: m.to, value: m.value }; if (!last) return hit; i = m.to - 1 }
  }
  return hit
}

function roleOf(doc: KronikaDocument, m: PlacedMention, clauseFrom: number): string | undefined {
  const roles = doc.pack.classes.get('role-preposition')
  if (!roles) return undefined
  // the preposition governing the mention: the nearest role preposition before it, with at most two words between
  for (let k = m.from - 1; k >= Math.max(clauseFrom, m.from - 3); k--) {
    const r = matchClass(roles, doc.tokens, k, m.from)[0]
    if (r) return r.value
  }
  return undefined
}

export function extractEvents(doc: KronikaDocument, ctx: PipelineContext): void {
  const { pack, tokens } = doc
  const rules = pack.rules('events')
  if (!rules.length) return
  const modalityCues = pack.classes.get('modality-cue')
  const reporting = pack.classes.get('reporting-verb')
  const according = pack.classes.get('according-to')
  const negators = pack.classes.get('negator')
  const gerunds = pack.list('gerund-markers')
  const passive = pack.list('passive-markers')
  const matches = findAll(rules, tokens, pack.classes, (i) => doc.sentenceOf(i)[1])
  let n = 0
  const sentenceClauses = new Map<number, Clause[]>()

  for (const { rule, match } of matches) {
    const [type, mode, cameo] = rule.args as [PloverType, string | undefined, string | undefined]
    const nominal = rule.args.includes('noun')
    const trig = match.from
    const [sFrom, sTo] = doc.sentenceOf(trig)
    const sIndex = tokens[trig]!.sentence
    let clauses = sentenceClauses.get(sIndex)
    if (!clauses) { clauses = clausesOf(doc, sFrom, sTo); sentenceClauses.set(sIndex, clauses) }
    const ci = clauses.findIndex((c) => trig >= c.from && trig < c.to)
    const clause = clauses[ci]!

    // --- reporting frames and quotations (who says so); their sources are not participants
    const attribution: Attribution[] = []
    const sources = new Set<string>()
    const quote = doc.quotes.find((q) => q.start <= tokens[trig]!.start && q.end >= tokens[trig]!.end)
    if (quote?.speaker) { attribution.push({ source: quote.speaker, stance: 'claims', ...(quote.cue ? { cue: quote.cue } : {}), rule: `${pack.code}.attribution.quotation` }); sources.add(quote.speaker) }
    const cueBefore = findClass(reporting, doc, sFrom, trig)
    if (cueBefore && !quote) {
      const gerund = cueBefore.at > sFrom && gerunds.has(tokens[cueBefore.at - 1]!.fold)
      const who = gerund ? clauseSubject(doc, sFrom, cueBefore.at) : mentionsIn(doc, sFrom, cueBefore.at).filter((m) => m.type !== 'MISC').pop()
      const src = who?.entityId ?? adjectiveCountry(doc, ctx, sFrom, cueBefore.at)
      if (src) {
        let stance = (cueBefore.value as Stance) || 'claims'
        if (findClass(negators, doc, Math.max(sFrom, cueBefore.at - 2), cueBefore.at)) stance = stance === 'confirms' ? 'unconfirmed' : stance === 'denies' ? 'confirms' : 'denies'
        attribution.push({ source: src, stance, cue: span(doc, cueBefore.at, cueBefore.to), rule: `${pack.code}.attribution.reporting-before` })
        sources.add(src)
      }
    }
    const cueAfter = findClass(reporting, doc, clause.to, sTo, false)
    if (cueAfter && !quote && !cueBefore) {
      const who = mentionsIn(doc, cueAfter.to, sTo).find((m) => m.type !== 'MISC')
      if (who) { attribution.push({ source: who.entityId, stance: (cueAfter.value as Stance) || 'claims', cue: span(doc, cueAfter.at, cueAfter.to), rule: `${pack.code}.attribution.reporting-after` }); sources.add(who.entityId) }
    }
    const acc = findClass(according, doc, sFrom, sTo, false)
    if (acc) {
      const who = mentionsIn(doc, acc.to, Math.min(sTo, acc.to + 6)).find((m) => m.type !== 'MISC')?.entityId ?? adjectiveCountry(doc, ctx, acc.to, Math.min(sTo, acc.to + 4))
      if (who && !sources.has(who)) { attribution.push({ source: who, stance: 'claims', cue: span(doc, acc.at, acc.to), rule: `${pack.code}.attribution.according-to` }); sources.add(who) }
    }

    // --- arguments
    const participants = (from: number, to: number) => mentionsIn(doc, from, to).filter((m) => !sources.has(m.entityId) && m.type !== 'MISC')
    const inClauseBefore = participants(clause.from, trig)
    const inClauseAfter = participants(match.to, clause.to)
    const isPassive = trig > sFrom && passive.has(tokens[trig - 1]!.fold)
    let actor: PlacedMention[] = [], recipient: PlacedMention[] = [], place: PlacedMention | undefined
    let argRule = `${pack.code}.event.args-clause`
    const subjectBefore = inClauseBefore.filter((m) => !roleOf(doc, m, clause.from))
    // mentions after the trigger, up to the clause end and through coordinated clauses
    const afterAll = participants(match.to, sTo).filter((m) => clauses!.findIndex((c) => m.from >= c.from && m.from < c.to) <= ci + 1)
    const agent = afterAll.find((m) => roleOf(doc, m, match.to) === 'agent' && m.from - match.to <= 8)
    if ((isPassive || nominal) && agent) {
      actor = [agent]
      const subj = subjectBefore[0] ?? clauseSubject(doc, sFrom, trig)
      if (subj && subj.entityId !== agent.entityId && !sources.has(subj.entityId)) recipient = [subj]
      argRule = isPassive ? `${pack.code}.event.args-passive` : `${pack.code}.event.args-nominal-agent`
    } else {
      if (subjectBefore.length) actor = coordinated(doc, subjectBefore, clause.from)
      else {
        // the subject was dropped: the nearest earlier clause subject of the sentence, then the sentence's first participant
        for (let k = ci - 1; k >= 0 && !actor.length; k--) {
          const c = clauses[k]!
          const subj = participants(c.from, c.to).filter((m) => !roleOf(doc, m, c.from))
          if (subj.length) actor = coordinated(doc, subj, c.from)
        }
        if (!actor.length) { const s = participants(sFrom, trig)[0]; if (s) actor = [s] }
        argRule = `${pack.code}.event.args-dropped-subject`
      }
      const marked = inClauseAfter.filter((m) => { const r = roleOf(doc, m, clause.from); return r === 'counterpart' || r === 'target' || r === 'beneficiary' })
      const objects = afterAll.filter((m) => { const r = roleOf(doc, m, match.to); return r === undefined || r === 'counterpart' || r === 'target' || r === 'beneficiary' })
      recipient = marked.length ? coordinated(doc, marked, clause.from) : objects.length ? coordinated(doc, objects, match.to) : []
    }
    place = afterAll.find((m) => m.type === 'LOC' && roleOf(doc, m, match.to) === 'place' && !recipient.includes(m))
    const actorIds = uniq(actor.map((m) => standFor(doc, ctx, m.entityId)))
    const recipientIds = uniq(recipient.map((m) => standFor(doc, ctx, m.entityId))).filter((id) => !actorIds.includes(id))

    // --- modality, from the clause up to the trigger
    let modality: Modality = 'asserted'
    const cue = findClass(modalityCues, doc, clause.from, trig)
    if (cue) modality = cue.value as Modality
    const neg = findClass(negators, doc, clause.from, trig)
    if (neg && modality === 'asserted') modality = 'negated'
    if (!cue && ci > 0) {
      // a condition or plan marker opening the sentence's earlier clause (nëse …, if …) governs this one too
      const first = clauses[0]!
      const c0 = findClass(modalityCues, doc, first.from, Math.min(first.to, first.from + 2), false)
      if (c0?.value === 'hypothetical') modality = 'hypothetical'
    }

    // --- time: an expression in the clause, else in the sentence (durations are not event times)
    const clauseSpan = { start: tokens[clause.from]!.start, end: tokens[clause.to - 1]!.end }
    const sentSpan = { start: tokens[sFrom]!.start, end: tokens[sTo - 1]!.end }
    const dated = doc.times.map((t, i) => ({ t, i })).filter(({ t }) => t.type !== 'DURATION')
    const timeHit = dated.find(({ t }) => t.start >= clauseSpan.start && t.end <= clauseSpan.end) ?? dated.find(({ t }) => t.start >= sentSpan.start && t.end <= sentSpan.end && !/REF/.test(t.value))

    const evidenceFrom = Math.min(trig, ...actor.map((m) => m.from))
    const evidenceTo = Math.max(match.to, ...recipient.map((m) => m.to))
    const confidence = +(0.4 + (actorIds.length ? 0.3 : 0) + (recipientIds.length ? 0.2 : 0) - (argRule.endsWith('dropped-subject') ? 0.1 : 0)).toFixed(2)
    const event: Event = {
      id: `v${++n}`,
      type,
      ...(mode && mode !== '-' ? { mode } : {}),
      ...(cameo && cameo !== '-' ? { cameo } : {}),
      quad: QUAD[type],
      actor: actorIds,
      recipient: recipientIds,
      ...(place ? { place: place.entityId } : {}),
      ...(timeHit ? { time: { index: timeHit.i, value: timeHit.t.value } } : {}),
      modality,
      attribution,
      trigger: span(doc, match.from, match.to),
      evidence: { start: tokens[evidenceFrom]!.start, end: tokens[evidenceTo - 1]!.end },
      rule: rule.id,
      argumentRule: argRule,
      ...(cue ? { modalityCue: span(doc, cue.at, cue.to) } : neg && modality === 'negated' ? { modalityCue: span(doc, neg.at, neg.to) } : {}),
      confidence,
    }
    doc.events.push(event)
  }
}

function span(doc: KronikaDocument, from: number, to: number) {
  const start = doc.tokens[from]!.start, end = doc.tokens[to - 1]!.end
  return { start, end, text: doc.text.slice(start, end) }
}

function uniq<T>(xs: T[]): T[] { return [...new Set(xs)] }

/** A mention and the ones coordinated with it (X dhe Y, X and Y, X, Y): the pack's `coordinator` class. */
function coordinated(doc: KronikaDocument, list: PlacedMention[], clauseFrom: number): PlacedMention[] {
  const first = list[0]!
  const out = [first]
  void clauseFrom
  for (const m of list.slice(1)) {
    const prev = out[out.length - 1]!
    const between = doc.tokens.slice(prev.to, m.from)
    if (between.length <= 2 && between.every((t) => t.text === ',' || doc.pack.inClass('coordinator', t.fold))) out.push(m)
    else break
  }
  return out
}

/** A place that acts for its state in events (Moscow, the Kremlin) stands for that state's entity, created if need be. */
function standFor(doc: KronikaDocument, ctx: PipelineContext, entityId: string): string {
  const e = doc.entity(entityId)
  const kbId = e?.ids?.kb
  const entry = kbId ? ctx.gazetteer.get(kbId) : undefined
  if (!entry?.standsFor?.startsWith('country:')) return entityId
  return entityForCountry(doc, ctx, entry.standsFor.slice(8)) ?? entityId
}

/** The country named by a nationality adjective in [from, to) (zyrtarët amerikanë → United States). */
function adjectiveCountry(doc: KronikaDocument, ctx: PipelineContext, from: number, to: number): string | undefined {
  const adj = doc.adjectives.find((a) => a.tokenIndex >= from && a.tokenIndex < to)
  return adj ? entityForCountry(doc, ctx, adj.country, adj) : undefined
}
