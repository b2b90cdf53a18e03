/**
 * The knowledge base compiled at build time (scripts/compile-kb.mjs), so the command line starts fast: the
 * entries without their aliases in every language (`kb-core.json`), and one alias index per language pack
 * (`gazetteer-<lang>.json`). Each file carries a stamp of the sources it was made from; a stale file is ignored
 * and the index is built at run time instead.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { KbEntry } from './types.js'
import type { AliasEntry } from './gazetteer.js'

export interface CompiledKb {
  stamp: string
  /** Every entry but the places, without aliases. */
  entries: KbEntry[]
  /** The places in columns (parsed fast, made into entries only when a text names them). */
  places: PlaceColumns
}

export interface PlaceColumns {
  id: string[]; name: string[]; country: string[]; lon: number[]; lat: number[]; population: number[]; admin1: string[]
  /** Sparse: row → value */
  standsFor: Record<string, string>; wikidata: Record<string, string>; type: Record<string, KbEntry['type']>; sector: Record<string, string>
}

/** Puts place entries (id `place:…`) into columns. */
export function placeColumns(places: KbEntry[]): PlaceColumns {
  const c: PlaceColumns = { id: [], name: [], country: [], lon: [], lat: [], population: [], admin1: [], standsFor: {}, wikidata: {}, type: {}, sector: {} }
  places.forEach((e, i) => {
    c.id.push(e.id); c.name.push(e.name); c.country.push(e.country ?? ''); c.admin1.push(e.admin1 ?? '')
    c.lon.push(e.coordinates?.[0] ?? NaN); c.lat.push(e.coordinates?.[1] ?? NaN); c.population.push(e.population ?? 0)
    if (e.standsFor) c.standsFor[i] = e.standsFor
    if (e.wikidata) c.wikidata[i] = e.wikidata
    if (e.type !== 'LOC') c.type[i] = e.type
    if (e.sector) c.sector[i] = e.sector
  })
  return c
}

/** A resolver that makes the entry of a place row on first use. */
export function placeResolver(c: PlaceColumns): (id: string) => KbEntry | undefined {
  let rows: Map<string, number> | undefined
  const made = new Map<string, KbEntry>()
  return (id) => {
    const hit = made.get(id)
    if (hit) return hit
    rows ??= new Map(c.id.map((x, i) => [x, i]))
    const i = rows.get(id)
    if (i === undefined) return undefined
    const geonames = /^place:(\d+)$/.exec(id)?.[1]
    const e: KbEntry = {
      id, name: c.name[i]!, type: c.type[i] ?? 'LOC', aliases: {},
      ...(c.country[i] ? { country: c.country[i] } : {}),
      ...(geonames ? { geonames: Number(geonames) } : {}),
      ...(Number.isFinite(c.lon[i]) ? { coordinates: [c.lon[i]!, c.lat[i]!] as [number, number] } : {}),
      ...(c.population[i] ? { population: c.population[i] } : {}),
      ...(c.admin1[i] ? { admin1: c.admin1[i] } : {}),
      ...(c.standsFor[i] ? { standsFor: c.standsFor[i] } : {}),
      ...(c.wikidata[i] ? { wikidata: c.wikidata[i] } : {}),
      ...(c.sector[i] ? { sector: c.sector[i] } : {}),
    }
    made.set(id, e)
    return e
  }
}

export interface CompiledIndex {
  stamp: string
  lang: string
  /** [entry id, alias, acronym, each token's normal forms] */
  items: Array<[string, string, 0 | 1, string[][]]>
}

function hashFolder(h: ReturnType<typeof createHash>, dir: string): void {
  if (!existsSync(dir)) return
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) hashFolder(h, p)
    else { h.update(name); h.update(readFileSync(p)) }
  }
}

/**
 * A stamp of what the compiled files depend on: the generated place data (by size: it is itself reproducible),
 * the curated actors, and the pack (its morphology and word classes shape the index).
 */
export function sourceStamp(root: string, lang?: string): string {
  const key = `${root}\u0000${lang ?? ''}`
  const hit = stamps.get(key)
  if (hit) return hit
  const h = createHash('sha1')
  for (const f of ['countries.json', 'places.json']) {
    const p = join(root, 'data', 'generated', f)
    h.update(f + ':' + (existsSync(p) ? statSync(p).size : -1))
  }
  hashFolder(h, join(root, 'kb', 'actors'))
  if (lang) hashFolder(h, join(root, 'packs', lang))
  const stamp = h.digest('hex').slice(0, 16)
  stamps.set(key, stamp)
  return stamp
}
const stamps = new Map<string, string>()

/** Entries without their aliases (adjectives kept): what matching needs once the alias index is compiled. */
export function coreEntry(e: KbEntry): KbEntry {
  const { aliases: _aliases, ...rest } = e
  void _aliases
  return { ...rest, aliases: {} }
}

export function serialiseIndex(index: Map<string, AliasEntry[]>, lang: string, stamp: string): CompiledIndex {
  const seen = new Set<AliasEntry>()
  const items: CompiledIndex['items'] = []
  for (const list of index.values()) {
    for (const item of list) {
      if (seen.has(item)) continue
      seen.add(item)
      items.push([item.entry.id, item.alias, item.acronym ? 1 : 0, item.tokens])
    }
  }
  return { stamp, lang, items }
}

/** An alias whose entry is looked up when a text first matches it. */
class CompiledAlias implements AliasEntry {
  private resolved: KbEntry | undefined
  constructor(readonly tokens: string[][], private readonly id: string, readonly alias: string, readonly acronym: boolean, private readonly byId: (id: string) => KbEntry | undefined) {}
  get entry(): KbEntry {
    this.resolved ??= this.byId(this.id) ?? { id: this.id, name: this.alias, type: 'MISC', aliases: {} }
    return this.resolved
  }
}

export function deserialiseIndex(file: CompiledIndex, byId: (id: string) => KbEntry | undefined): Map<string, AliasEntry[]> {
  const index = new Map<string, AliasEntry[]>()
  for (const [id, alias, acronym, tokens] of file.items) {
    const item: AliasEntry = new CompiledAlias(tokens, id, alias, acronym === 1, byId)
    for (const key of tokens[0] ?? []) {
      const list = index.get(key)
      if (list) list.push(item); else index.set(key, [item])
    }
  }
  return index
}
