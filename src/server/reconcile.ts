/**
 * Reconciliation against the knowledge base's actors and countries, as the W3C Reconciliation Service API
 * (version 0.2, https://www.w3.org/community/reports/reconciliation/CG-FINAL-specs-0.2-20230410/) asks: a query
 * is a name with an optional type and properties; candidates come back scored 0..100 with `match` when one of
 * them is certain. Names are compared folded (case and diacritics ignored) over every alias in every language.
 */
import { fold } from '../text/fold.js'
import type { KbEntry, KbRole } from '../kb/types.js'

/** The types a query may ask for: the entry types of the knowledge base. */
export const RECONCILE_TYPES = [
  { id: 'PER', name: 'Person' },
  { id: 'ORG', name: 'Organisation' },
  { id: 'LOC', name: 'Country or territory' },
  { id: 'MISC', name: 'Other actor' },
] as const

/** Properties a query may give to narrow the candidates. */
export const RECONCILE_PROPERTIES = [
  { id: 'country', name: 'Country (ISO 3166-1 alpha-3, e.g. XKX, SRB)' },
  { id: 'sector', name: 'Sector (GOV, MIL, IGO, PTY, …)' },
  { id: 'wikidata', name: 'Wikidata id (Q…)' },
] as const

export interface ReconcileQuery {
  query: string
  type?: string | string[]
  limit?: number
  properties?: Array<{ pid: string; v: unknown }>
  type_strict?: string
}

export interface Candidate {
  id: string
  name: string
  type: Array<{ id: string; name: string }>
  score: number
  match: boolean
  description: string
}

const SEP = /[\s\p{P}\p{S}]+/gu

/** Folded, punctuation-free form of a name: "Vučić" and "VUCIC" and "Vucic," are one key. */
export function nameKey(s: string): string {
  return fold(s).replace(SEP, ' ').trim()
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>()
  const t = ` ${s} `
  for (let i = 0; i < t.length - 1; i++) { const g = t.slice(i, i + 2); m.set(g, (m.get(g) ?? 0) + 1) }
  return m
}

/** Dice coefficient of character bigrams, 0..1: tolerant of spelling variants and transliterations. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1
  const x = bigrams(a), y = bigrams(b)
  let common = 0, total = 0
  for (const [g, n] of x) { total += n; common += Math.min(n, y.get(g) ?? 0) }
  for (const n of y.values()) total += n
  return total ? (2 * common) / total : 0
}

interface Indexed {
  entry: KbEntry
  keys: string[]
}

/** The searchable knowledge base of a reconciliation service. */
export class Reconciler {
  private readonly items: Indexed[] = []
  private readonly byId = new Map<string, Indexed>()
  private readonly byKey = new Map<string, Indexed[]>()
  private readonly byToken = new Map<string, Set<Indexed>>()
  private readonly countryNames = new Map<string, string>()

  constructor(entries: Iterable<KbEntry>) {
    for (const entry of entries) {
      if (entry.id.startsWith('country:') && entry.country) this.countryNames.set(entry.country, entry.name)
      const names = new Set([entry.name, ...Object.values(entry.aliases).flat()])
      const keys = [...new Set([...names].map(nameKey).filter(Boolean))]
      const item = { entry, keys }
      this.items.push(item)
      this.byId.set(entry.id, item)
      for (const k of keys) {
        const list = this.byKey.get(k)
        if (list) list.push(item); else this.byKey.set(k, [item])
        for (const tok of k.split(' ')) {
          if (tok.length < 2) continue
          let set = this.byToken.get(tok)
          if (!set) this.byToken.set(tok, (set = new Set()))
          set.add(item)
        }
      }
    }
  }

  get size(): number { return this.items.length }

  get(id: string): KbEntry | undefined { return this.byId.get(id)?.entry }

  /** The candidates for one query, best first. */
  reconcile(q: ReconcileQuery): Candidate[] {
    const key = nameKey(q.query)
    const limit = Math.max(1, Math.min(q.limit ?? 5, 50))
    const types = q.type === undefined ? [] : Array.isArray(q.type) ? q.type : [q.type]
    if (!key) return []
    const pool = new Set<Indexed>(this.byKey.get(key) ?? [])
    for (const tok of key.split(' ')) for (const item of this.byToken.get(tok) ?? []) pool.add(item)
    // a misspelt name shares no word with its entry: compare it with every entry then
    if (pool.size === 0) for (const item of this.items) pool.add(item)
    const scored: Array<{ item: Indexed; score: number }> = []
    for (const item of pool) {
      if (types.length && !types.includes(item.entry.type)) continue
      let best = 0
      for (const k of item.keys) {
        const s = k === key ? 1 : similarity(k, key)
        if (s > best) best = s
        if (best === 1) break
      }
      if (best < 0.5) continue
      let score = best * 100
      for (const p of q.properties ?? []) score *= this.propertyFactor(item.entry, p.pid, p.v)
      scored.push({ item, score: Math.round(score * 10) / 10 })
    }
    scored.sort((a, b) => b.score - a.score || a.item.entry.name.localeCompare(b.item.entry.name))
    const top = scored.slice(0, limit)
    // certain: a full match that no other candidate equals
    const certain = top[0] && top[0].score === 100 && !(top[1] && top[1].score === 100)
    return top.map(({ item, score }, i) => ({
      id: item.entry.id,
      name: item.entry.name,
      type: [typeOf(item.entry)],
      score,
      match: Boolean(certain && i === 0),
      description: this.describe(item.entry),
    }))
  }

  /** Entries whose name or alias starts with the prefix (any word of it), for autocomplete. */
  suggest(prefix: string, limit = 10): Array<{ id: string; name: string; description: string }> {
    const p = nameKey(prefix)
    if (!p) return []
    const hits: Array<{ item: Indexed; rank: number }> = []
    for (const item of this.items) {
      let rank = 0
      for (const k of item.keys) {
        const r = k === p ? 3 : k.startsWith(p) ? 2 : k.includes(` ${p}`) ? 1 : 0
        if (r > rank) rank = r
      }
      if (rank) hits.push({ item, rank })
    }
    hits.sort((a, b) => b.rank - a.rank || a.item.entry.name.length - b.item.entry.name.length || a.item.entry.name.localeCompare(b.item.entry.name))
    return hits.slice(0, limit).map(({ item }) => ({ id: item.entry.id, name: item.entry.name, description: this.describe(item.entry) }))
  }

  private propertyFactor(e: KbEntry, pid: string, v: unknown): number {
    const value = typeof v === 'object' && v !== null && 'id' in v ? String((v as { id: unknown }).id) : String(v ?? '')
    if (!value) return 1
    const want = value.trim().toUpperCase()
    switch (pid) {
      case 'country': {
        if (!e.country) return 0.8
        return e.country === want || nameKey(this.countryNames.get(e.country) ?? '') === nameKey(value) ? 1 : 0.6
      }
      case 'sector': return e.sector ? (e.sector === want ? 1 : 0.7) : 0.9
      case 'wikidata': return e.wikidata ? (e.wikidata.toUpperCase() === want ? 1 : 0.5) : 0.9
      default: return 1
    }
  }

  /** One line about an entry: type, country, sector and its latest role. */
  describe(e: KbEntry): string {
    const parts: string[] = [typeOf(e).name]
    if (e.country && !e.id.startsWith('country:')) parts.push(this.countryNames.get(e.country) ?? e.country)
    if (e.sector) parts.push(e.sector)
    const role = latestRole(e.roles)
    if (role) parts.push(`${role.role.replace(/-/g, ' ')} of ${this.countryNames.get(role.of) ?? this.byId.get(role.of)?.entry.name ?? role.of}${role.from ? ` from ${role.from}` : ''}${role.to ? ` to ${role.to}` : ''}`)
    return parts.join(' · ')
  }
}

function typeOf(e: KbEntry): { id: string; name: string } {
  return RECONCILE_TYPES.find((t) => t.id === e.type) ?? { id: e.type, name: e.type }
}

function latestRole(roles: KbRole[] | undefined): KbRole | undefined {
  if (!roles?.length) return undefined
  return [...roles].sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''))[0]
}
