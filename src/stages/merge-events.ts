/**
 * Joins the reports of one event inside a document: a later mention of the same type whose participants agree
 * with an earlier one (the same entity or the same state, or left unsaid: "the visit", "the two leaders would
 * meet") adds its sources and its place in the text to the earlier event instead of counting twice.
 * A noun whose actor the sentence leaves unsaid ("the meeting") refers back to the latest event of its type.
 * Events with no participant at all are dropped (nothing to say who did what to whom), and so are such nouns
 * that refer to nothing told before and name no participant of their own.
 *
 * An event may also be told first through what it is about and later in full: "a possible deal on arms supplies
 * to Moscow" in the lead, "supplies of shells from North Korea, according to US officials" further on. An
 * agreement whose content is an act of another type (extract-events records it in `doc.eventContent`) is one
 * event with a report of that act when both are equally real (told as fact, or both as plans or possibilities),
 * at no different time or place, and share a participant (by entity or by state) with no side that contradicts.
 * The first mention keeps its trigger; the others are listed in `reports`, and the sources of all are joined.
 */
import type { KronikaDocument } from '../document.js'
import type { Event } from '../record/schema.js'
import { SYMMETRIC, fillFromDyad } from './extract-events.js'
import type { PipelineContext } from '../pipeline/context.js'

/** The state an id names for matching: its country, unless a country guessed from the sentence (countryRule). */
function stateOf(doc: KronikaDocument, id: string): string | undefined {
  // (a country guessed from the sentence, countryRule, does not make two participants the same state)
  const e = doc.entity(id)
  return e?.country && !e.countryRule ? e.country : undefined
}

/** Whether two lists of ids share an entity or a state (entity ids and states never equal each other). */
function share(doc: KronikaDocument, a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) {
    const cx = stateOf(doc, x)
    for (const y of b) if (x === y || (cx !== undefined && cx === stateOf(doc, y))) return true
  }
  return false
}

function compatible(doc: KronikaDocument, a: string[], b: string[]): boolean {
  if (!a.length || !b.length) return true
  return share(doc, a, b)
}

/** Same type and a compatible mode: what an anaphoric noun ("the meeting") needs to refer back to an event. */
function sameKind(a: Event, b: Event): boolean {
  return a.type === b.type && (!a.mode || !b.mode || a.mode === b.mode)
}

/** Asserted, negated, or not (yet) real: planned and hypothetical events are one class. */
const modalityClass = (e: Event) => (e.modality === 'planned' || e.modality === 'hypothetical' ? 'irrealis' : e.modality)

/**
 * Where the headline ends: a first line with no sentence-final stop, followed by a blank line (a headline in the
 * present tense — Germany sends troops — tells in short what the body tells with its real modality). 0 when none.
 */
function headlineEnd(doc: KronikaDocument): number {
  const m = /\r?\n[ \t]*\r?\n/.exec(doc.text.slice(0, 400))
  if (!m) return 0
  const first = doc.text.slice(0, m.index).trim()
  return first && !first.includes('\n') && !/[.!?…]["”’»]?$/.test(first) ? m.index : 0
}

function corefer(doc: KronikaDocument, a: Event, b: Event, headline = 0): boolean {
  if (a.type !== b.type) return false
  if (a.mode && b.mode && a.mode !== b.mode) return false
  // (a headline's tense says nothing of the modality: its event is the body's, as the body tells it)
  if (modalityClass(a) !== modalityClass(b) && !(a.trigger.end <= headline && b.trigger.start > headline)) return false
  if (a.place && b.place && a.place !== b.place) return false
  if (a.time && b.time && a.time.value !== b.time.value && !a.time.value.includes('REF') && !b.time.value.includes('REF')) return false
  // participants may swap sides in a symmetric meeting (A meets B / B and A meet)
  const sameSides = compatible(doc, a.actor, b.actor) && compatible(doc, a.recipient, b.recipient)
  const swapped = SYMMETRIC.has(a.type) && compatible(doc, a.actor, b.recipient) && compatible(doc, a.recipient, b.actor)
  return sameSides || swapped
}

/** Whether x is an agreement whose content is an act of y's type. */
const about = (doc: KronikaDocument, x: Event, y: Event) => x.type === 'AGREE' && doc.eventContent.get(x) === y.type

/** An agreement about an act (its content) and a report of that act: the same deal told twice. */
function sameDeal(doc: KronikaDocument, a: Event, b: Event): boolean {
  // (only an agreement is its content: a request for supplies and the supplies given are two events)
  if (!about(doc, a, b) && !about(doc, b, a)) return false
  if (modalityClass(a) !== modalityClass(b)) return false
  if (a.place && b.place && a.place !== b.place) return false
  if (a.time && b.time && a.time.value !== b.time.value) return false
  // an agreement binds its parties together: the act may go either way between them
  const sides = (compatible(doc, a.actor, b.actor) && compatible(doc, a.recipient, b.recipient)) || (compatible(doc, a.actor, b.recipient) && compatible(doc, a.recipient, b.actor))
  if (!sides) return false
  return share(doc, a.actor, b.actor) || share(doc, a.actor, b.recipient) || share(doc, a.recipient, b.actor) || share(doc, a.recipient, b.recipient)
}

const WINDOW = 40

export function mergeEvents(doc: KronikaDocument, ctx: PipelineContext): void {
  const kept: Event[] = []
  const headline = headlineEnd(doc)
  // a headline's event joined by a report told as fact in the body is from then on as the body tells it: a later
  // report with another modality (would open an office, after recognised) is another event
  const anchored = new Set<Event>()
  for (const ev of doc.events) {
    let target: Event | undefined
    // reports of one event stand near each other: look back over the last WINDOW events only
    const anaphoric = doc.anaphoricEvents.has(ev)
    for (let k = kept.length - 1; k >= Math.max(0, kept.length - WINDOW); k--) {
      // (a mention with no participant at all names no event to join: it is dropped below)
      if (!kept[k]!.actor.length && !kept[k]!.recipient.length) continue
      if (corefer(doc, kept[k]!, ev, anchored.has(kept[k]!) ? 0 : headline) || sameDeal(doc, kept[k]!, ev) || (anaphoric && sameKind(kept[k]!, ev) && compatible(doc, kept[k]!.recipient, ev.recipient))) { target = kept[k]; break }
    }
    if (!target) { if (!anaphoric || doc.anaphoricEvents.get(ev)) kept.push(ev); continue }
    // a headline's event takes the body's modality, cue and evidence
    if (target.trigger.end <= headline && ev.trigger.start > headline && !anchored.has(target)) {
      if (modalityClass(ev) !== 'irrealis') anchored.add(target)
      if (modalityClass(target) !== modalityClass(ev)) {
        target.modality = ev.modality
        target.modalityCue = ev.modalityCue
      }
    }
    // (a side is never both: the one attacked is not the attacker told in another mention)
    // (a noun's actor guessed from an earlier clause — if attacks on civilians continued — is no actor of the act it reports)
    const guessedActor = anaphoric && (ev.argumentRules ?? [])[0]?.endsWith('.args-dropped-subject')
    if (!target.actor.length && !guessedActor) target.actor = ev.actor.filter((a) => !target!.recipient.includes(a))
    if (!target.recipient.length) target.recipient = ev.recipient.filter((r) => !target!.actor.includes(r))
    if (!target.place && ev.place) target.place = ev.place
    if (!target.time && ev.time) target.time = ev.time
    for (const a of ev.attribution) if (!target.attribution.some((x) => x.source === a.source)) target.attribution.push(a)
    target.reports = [...(target.reports ?? []), { start: ev.trigger.start, end: ev.trigger.end }]
    target.confidence = Math.min(1, +(target.confidence + 0.05).toFixed(2))
  }
  doc.events = kept.filter((e) => e.actor.length || e.recipient.length)
  // (once the reports of one event are joined: the story's dyad counts each event once)
  fillFromDyad(doc, ctx)
  // (numbered in place: the id is the first key, so the record keeps its key order)
  doc.events.forEach((e, i) => { e.id = `v${i + 1}` })
}
