/**
 * Scores a document record against a hand-made gold file (the format of ../shared/eval/GOLD.md), layer by layer,
 * with the matching rules that file states: entities by type and name/alias, events by type and overlapping
 * actors/recipients (same entity or same state), times and amounts by overlapping span, quotes by word overlap.
 * Optional gold items are neither required nor counted against the system.
 */
import type { DocumentRecord, Entity } from '../record/schema.js'

export interface GoldEntity { name: string; type: string; country?: string; aliases?: string[]; optional?: boolean }
export interface GoldEvent { type: string[] | string; mode?: string; actor?: string[]; recipient?: string[]; modality?: string; attributed_to?: string[]; evidence?: string; optional?: boolean }
export interface GoldTime { text: string; value: string; alt_values?: string[]; optional?: boolean }
export interface GoldQuote { text: string; speaker?: string; optional?: boolean }
export interface GoldAmount { text: string; value: number; approx?: boolean; object?: string; optional?: boolean }
export interface GoldDocument {
  id: string; lang?: string; published?: string; text_file?: string
  entities?: GoldEntity[]; events?: GoldEvent[]; times?: GoldTime[]; quotes?: GoldQuote[]; amounts?: GoldAmount[]; not_quotes?: string[]
}

export interface LayerScore {
  tp: number; sys: number; gold: number
  p: number; r: number; f1: number
  /** Accuracy of an attribute on matched items (country, modality, attribution, value, speaker). */
  extra: Record<string, { correct: number; total: number }>
  missed: string[]
  spurious: string[]
}

export type Layer = 'entities' | 'events' | 'times' | 'quotes' | 'amounts'
export const LAYERS: Layer[] = ['entities', 'events', 'times', 'quotes', 'amounts']
export type DocumentScore = Record<Layer, LayerScore>

/** Case- and diacritic-insensitive form for comparing names. */
export function normaliseName(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

const KOSOVO = new Set(['XKX', 'XKK', 'RKS', 'KSV', 'KOS', 'XK'])
const country = (c: string | undefined) => (c && KOSOVO.has(c) ? 'XKX' : c)

function layer(tp: number, sys: number, gold: number): LayerScore {
  const p = sys ? tp / sys : gold ? 0 : 1
  const r = gold ? tp / gold : 1
  return { tp, sys, gold, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, extra: {}, missed: [], spurious: [] }
}

const list = <T>(x: T[] | T | undefined): T[] => (Array.isArray(x) ? x : x === undefined ? [] : [x])

export function scoreDocument(gold: GoldDocument, rec: DocumentRecord): DocumentScore {
  const text = rec.text
  // ---- entities: each gold entity takes one system entity of its type whose name is one of the gold names;
  // then, for those left, one whose any surface form is
  const golds = list(gold.entities)
  const formsOf = (e: Entity) => new Set([e.name, ...e.mentions.map((m) => m.text)].map(normaliseName))
  const goldNames = (g: GoldEntity) => new Set([g.name, ...list(g.aliases)].map(normaliseName))
  const pairOf = new Map<string, Entity>()
  const used = new Set<Entity>()
  for (const byName of [true, false]) {
    for (const g of golds) {
      if (pairOf.has(g.name)) continue
      const names = goldNames(g)
      const hit = rec.entities.find((s) => !used.has(s) && s.type === g.type && (byName ? names.has(normaliseName(s.name)) : [...formsOf(s)].some((f) => names.has(f))))
      if (hit) { pairOf.set(g.name, hit); used.add(hit) }
    }
  }
  const required = golds.filter((g) => !g.optional)
  const ent = layer(required.filter((g) => pairOf.has(g.name)).length, required.filter((g) => pairOf.has(g.name)).length + rec.entities.filter((s) => !used.has(s)).length, required.length)
  const withCountry = golds.filter((g) => g.country && pairOf.has(g.name))
  ent.extra.country = { correct: withCountry.filter((g) => country(pairOf.get(g.name)!.country) === country(g.country)).length, total: withCountry.length }
  ent.missed = required.filter((g) => !pairOf.has(g.name)).map((g) => g.name)
  ent.spurious = rec.entities.filter((s) => !used.has(s)).map((s) => `${s.type}:${s.name}`)

  // ---- event arguments compare as gold entity names or as states
  const goldByName = new Map(golds.map((g) => [g.name, g]))
  const sysById = new Map(rec.entities.map((e) => [e.id, e]))
  const sysKeys = (ids: string[]) => {
    const keys = new Set<string>()
    for (const id of ids) {
      const e = sysById.get(id)
      if (!e) continue
      for (const [name, s] of pairOf) if (s === e) keys.add('entity:' + name)
      if (e.country) keys.add('state:' + country(e.country))
    }
    return keys
  }
  // a gold argument matches a system one naming the same entity or the same state (a person stands for theirs)
  const goldKeys = (names: string[]) => {
    const keys = new Set<string>()
    for (const n of names) {
      keys.add('entity:' + n)
      const g = goldByName.get(n)
      if (g?.country) keys.add('state:' + country(g.country))
    }
    return keys
  }
  const agree = (sys: Set<string>, g: Set<string>) => [...g].some((k) => sys.has(k))
  const goldEvents = list(gold.events)
  const evUsed = new Set<number>()
  const evPairs: Array<[GoldEvent, DocumentRecord['events'][number]]> = []
  for (const g of goldEvents) {
    const types = list(g.type)
    const ga = goldKeys(list(g.actor)), gr = goldKeys(list(g.recipient))
    const idx = rec.events.findIndex((s, i) => !evUsed.has(i) && types.includes(s.type) && agree(sysKeys(s.actor), ga) && (list(g.recipient).length === 0 || agree(sysKeys(s.recipient), gr)))
    if (idx >= 0) { evUsed.add(idx); evPairs.push([g, rec.events[idx]!]) }
  }
  const evRequired = goldEvents.filter((g) => !g.optional)
  const evTp = evPairs.filter(([g]) => !g.optional).length
  const ev = layer(evTp, evTp + rec.events.filter((_, i) => !evUsed.has(i)).length, evRequired.length)
  const withModality = evPairs.filter(([g]) => g.modality)
  ev.extra.modality = { correct: withModality.filter(([g, s]) => s.modality === g.modality).length, total: withModality.length }
  const withSource = evPairs.filter(([g]) => list(g.attributed_to).length)
  ev.extra.attribution = { correct: withSource.filter(([g, s]) => agree(sysKeys(s.attribution.map((a) => a.source)), goldKeys(list(g.attributed_to)))).length, total: withSource.length }
  ev.missed = evRequired.filter((g) => !evPairs.some(([x]) => x === g)).map((g) => `${list(g.type).join('|')}: ${g.evidence ?? ''}`)
  ev.spurious = rec.events.filter((_, i) => !evUsed.has(i)).map((s) => `${s.type} "${s.trigger.text}" ${names(rec, s.actor)} -> ${names(rec, s.recipient)}`)

  // ---- span layers
  const spanOf = (t: string): [number, number] | undefined => { const i = text.indexOf(t); return i < 0 ? undefined : [i, i + t.length] }
  const overlaps = (g: [number, number] | undefined, s: { start: number; end: number }) => !!g && g[0] < s.end && s.start < g[1]
  function spanLayer<G extends { text: string; optional?: boolean }, S extends { start: number; end: number; text: string }>(gs: G[], ss: S[], accept: (g: G, s: S) => boolean = () => true) {
    const usedS = new Set<S>(), pairs: Array<[G, S]> = []
    for (const g of gs) {
      const span = spanOf(g.text)
      const hit = ss.find((s) => !usedS.has(s) && (span ? overlaps(span, s) : normaliseName(s.text) === normaliseName(g.text)) && accept(g, s))
      if (hit) { usedS.add(hit); pairs.push([g, hit]) }
    }
    const req = gs.filter((g) => !g.optional)
    const tp = pairs.filter(([g]) => !g.optional).length
    const sc = layer(tp, tp + ss.filter((s) => !usedS.has(s)).length, req.length)
    sc.missed = req.filter((g) => !pairs.some(([x]) => x === g)).map((g) => g.text)
    sc.spurious = ss.filter((s) => !usedS.has(s)).map((s) => s.text)
    return { sc, pairs }
  }
  const t = spanLayer(list(gold.times), rec.times)
  t.sc.extra.value = { correct: t.pairs.filter(([g, s]) => [g.value, ...list(g.alt_values)].includes(s.value)).length, total: t.pairs.length }
  const a = spanLayer(list(gold.amounts), rec.amounts, (g, s) => g.approx
    ? Math.floor(Math.log10(Math.max(1, s.value))) === Math.floor(Math.log10(g.value))
    : Math.abs(s.value - g.value) <= 0.1 * g.value)

  // ---- quotes: at least half of the gold quote's words inside the system quote
  const words = (s: string) => normaliseName(s).split(' ').filter(Boolean)
  const qUsed = new Set<number>(), qPairs: Array<[GoldQuote, DocumentRecord['quotes'][number]]> = []
  for (const g of list(gold.quotes)) {
    const gw = words(g.text)
    const idx = rec.quotes.findIndex((s, i) => { if (qUsed.has(i)) return false; const sw = new Set(words(s.text)); return gw.filter((w) => sw.has(w)).length >= gw.length / 2 })
    if (idx >= 0) { qUsed.add(idx); qPairs.push([g, rec.quotes[idx]!]) }
  }
  const qReq = list(gold.quotes).filter((g) => !g.optional)
  const qTp = qPairs.filter(([g]) => !g.optional).length
  const q = layer(qTp, qTp + rec.quotes.filter((_, i) => !qUsed.has(i)).length, qReq.length)
  const withSpeaker = qPairs.filter(([g]) => g.speaker)
  q.extra.speaker = { correct: withSpeaker.filter(([g, s]) => s.speaker !== undefined && agree(sysKeys([s.speaker]), goldKeys([g.speaker!]))).length, total: withSpeaker.length }
  q.missed = qReq.filter((g) => !qPairs.some(([x]) => x === g)).map((g) => g.text)
  q.spurious = rec.quotes.filter((_, i) => !qUsed.has(i)).map((s) => s.text)

  return { entities: ent, events: ev, times: t.sc, quotes: q, amounts: a.sc }
}

function names(rec: DocumentRecord, ids: string[]): string {
  return ids.map((id) => rec.entities.find((e) => e.id === id)?.name ?? id).join('+') || '∅'
}

/** Sums document scores (micro-average) into one score per layer. */
export function combineScores(scores: DocumentScore[]): DocumentScore {
  const out = {} as DocumentScore
  for (const l of LAYERS) {
    const tp = scores.reduce((n, s) => n + s[l].tp, 0), sys = scores.reduce((n, s) => n + s[l].sys, 0), gold = scores.reduce((n, s) => n + s[l].gold, 0)
    const c = layer(tp, sys, gold)
    for (const s of scores) {
      for (const [k, v] of Object.entries(s[l].extra)) {
        const acc = c.extra[k] ?? { correct: 0, total: 0 }
        acc.correct += v.correct; acc.total += v.total
        c.extra[k] = acc
      }
      c.missed.push(...s[l].missed); c.spurious.push(...s[l].spurious)
    }
    out[l] = c
  }
  return out
}
