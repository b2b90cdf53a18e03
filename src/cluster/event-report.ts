/**
 * One event as one document reports it, with its arguments turned into corpus-wide keys: the canonical KB id of
 * each entity (`kb:actor:vladimir-putin`), its country (`cc:RUS`) and, for names the KB does not know, the folded
 * name (`nm:ministria e mbrojtjes`). Because these keys do not depend on the language of the article, reports in
 * different languages of the same event meet on them.
 */
import type { DocumentRecord, Entity, Event } from '../record/schema.js'
import { fold } from '../text/fold.js'
import { intervalOf, type DayInterval } from './time-interval.js'

/** The corpus-wide key of an entity: its KB id when linked, otherwise its type and folded name. */
export function entityKey(e: Pick<Entity, 'ids' | 'type' | 'name'>): string {
  return e.ids?.kb ?? `name:${e.type}:${fold(e.name).replace(/\s+/g, ' ').trim()}`
}

/** The keys one role's arguments can be matched on. */
export interface RoleKeys {
  /** kb:… and cc:… keys: enough to say two arguments differ. */
  specific: Set<string>
  /** nm:… keys of names the KB does not know and that have no country. */
  names: Set<string>
}

export interface ReportDraft {
  local: string
  type: Event['type']
  mode?: string
  cameo?: string
  quad?: number
  modality: Event['modality']
  negated: boolean
  /** Entity keys in the order the document gives them. */
  actor: string[]
  recipient: string[]
  actorKeys: RoleKeys
  recipientKeys: RoleKeys
  place?: string
  placeCountry?: string
  timeValue?: string
  /** From the event's own time, else the publication date; undefined when neither is a calendar date. */
  interval?: DayInterval
  /** True when the interval comes from the event's own time expression. */
  timed: boolean
  event: Event
  sentence?: number
}

export function roleKeys(ids: string[], entities: Map<string, Entity>): RoleKeys {
  const specific = new Set<string>(), names = new Set<string>()
  for (const id of ids) {
    const e = entities.get(id)
    if (!e) continue
    if (e.ids?.kb) specific.add(`kb:${e.ids.kb}`)
    if (e.country) specific.add(`cc:${e.country}`)
    if (!e.ids?.kb && !e.country) names.add(`nm:${fold(e.name).replace(/\s+/g, ' ').trim()}`)
  }
  return { specific, names }
}

/** Index of the sentence holding an offset (binary search over sorted sentences). */
export function sentenceIndex(sentences: Array<{ start: number; end: number }>, offset: number): number | undefined {
  let lo = 0, hi = sentences.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = sentences[mid]!
    if (offset < s.start) hi = mid - 1
    else if (offset >= s.end) lo = mid + 1
    else return mid
  }
  return undefined
}

/** The reports of every event of a record. */
export function eventReports(record: DocumentRecord): ReportDraft[] {
  const entities = new Map(record.entities.map((e) => [e.id, e]))
  const key = (id: string) => { const e = entities.get(id); return e ? entityKey(e) : undefined }
  const published = intervalOf(record.published?.value)
  return record.events.map((ev) => {
    const own = intervalOf(ev.time?.value)
    const place = ev.place ? entities.get(ev.place) : undefined
    const sentence = sentenceIndex(record.sentences, ev.trigger.start)
    return {
      local: ev.id, type: ev.type,
      ...(ev.mode ? { mode: ev.mode } : {}), ...(ev.cameo ? { cameo: ev.cameo } : {}), ...(ev.quad ? { quad: ev.quad } : {}),
      modality: ev.modality, negated: ev.modality === 'negated',
      actor: ev.actor.map(key).filter((k): k is string => !!k),
      recipient: ev.recipient.map(key).filter((k): k is string => !!k),
      actorKeys: roleKeys(ev.actor, entities), recipientKeys: roleKeys(ev.recipient, entities),
      ...(place ? { place: entityKey(place), ...(place.country ? { placeCountry: place.country } : {}) } : {}),
      ...(ev.time ? { timeValue: ev.time.value } : {}),
      ...(own ?? published ? { interval: own ?? published } : {}),
      timed: !!own,
      event: ev,
      ...(sentence !== undefined ? { sentence } : {}),
    }
  })
}
