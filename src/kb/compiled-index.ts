/**
 * The knowledge base compiled at build time (scripts/compile-kb.mjs), so the command line starts fast: the
 * entries without their aliases in every language (`kb-core.json`), the places (`kb-places.tsv`), and one alias
 * index per language pack (`gazetteer-<lang>.tsv`). Each file carries a stamp of the sources it was made from; a
 * stale file is ignored and the index is built at run time instead. The text files are read lazily and searched in
 * their bytes (sorted lines, binary search), so only what a document names becomes objects.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { KbEntry } from './types.js'
import type { AliasEntry, AliasIndex } from './gazetteer.js'

const asBuffer = (file: string | Uint8Array): Buffer => (typeof file === 'string' ? Buffer.from(file) : Buffer.from(file.buffer, file.byteOffset, file.byteLength))

export interface CompiledKb {
  stamp: string
  /** Every entry but the places, without aliases. */
  entries: KbEntry[]
}

/**
 * The places as text (`kb-places.tsv`), read when a text first names a place and made into entries one by one:
 *
 *   kronika-places 1 TAB stamp TAB row count
 *   one line per place, sorted by the UTF-8 bytes of its id: id, name, type (empty for LOC), country, longitude,
 *     latitude, population, admin1, standsFor, wikidata, sector, TAB-separated, empty where the entry has none
 */
const PLACES_HEADER = 'kronika-places 1'
const PLACE_FIELDS = 11

export function serialisePlaces(places: KbEntry[], stamp: string): string {
  const cell = (x: string | number | undefined): string => {
    const v = x === undefined ? '' : String(x)
    if (/[\t\n\r]/.test(v)) throw new Error(`compile-kb: place field "${v}" holds a tab or line break`)
    return v
  }
  const rows = places.map((e) => [e.id, e.name, e.type === 'LOC' ? '' : e.type, e.country, e.coordinates?.[0], e.coordinates?.[1],
    e.population || undefined, e.admin1, e.standsFor, e.wikidata, e.sector].map(cell).join('\t'))
  rows.sort((a, b) => Buffer.compare(Buffer.from(a.slice(0, a.indexOf('\t'))), Buffer.from(b.slice(0, b.indexOf('\t')))))
  return [`${PLACES_HEADER}\t${stamp}\t${rows.length}`, ...rows].join('\n') + '\n'
}

/** The stamp of a places text (or its bytes), or undefined when it is not one. */
export function placesStamp(file: string | Uint8Array): string | undefined {
  const bytes = asBuffer(file), nl = bytes.indexOf(10)
  const head = bytes.toString('utf8', 0, nl < 0 || nl > 200 ? 0 : nl).split('\t')
  return head[0] === PLACES_HEADER ? head[1] : undefined
}

/**
 * The line between `from` and `to` (starts of lines) whose first field is `key`, by binary search over lines sorted
 * by their UTF-8 bytes: where the line starts, where its first field ends, and where the line ends.
 */
function findLine(bytes: Buffer, from: number, to: number, key: string): [number, number, number] | undefined {
  const want = Buffer.from(key)
  let lo = from, hi = to
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const start = mid === 0 ? 0 : bytes.lastIndexOf(10, mid - 1) + 1
    let end = bytes.indexOf(10, start)
    if (end < 0) end = bytes.length
    let tab = bytes.indexOf(9, start)
    if (tab < 0 || tab > end) tab = end
    const order = want.compare(bytes, start, tab)
    if (order === 0) return [start, tab, end]
    if (order > 0) lo = end + 1; else hi = start
  }
  return undefined
}

/**
 * A resolver that reads the places file (`read`, its text or bytes) on first use and makes a place's entry when it
 * is asked for, finding its line by binary search over the bytes.
 */
export function placeResolver(read: () => string | Uint8Array): (id: string) => KbEntry | undefined {
  let bytes: Buffer | undefined
  let rowsAt = 0
  const made = new Map<string, KbEntry | null>()
  const row = (id: string): string[] | undefined => {
    if (!bytes) {
      bytes = asBuffer(read())
      rowsAt = placesStamp(bytes) === undefined ? bytes.length : bytes.indexOf(10) + 1
    }
    const at = findLine(bytes, rowsAt, bytes.length, id)
    return at && bytes.toString('utf8', at[0], at[2]).split('\t')
  }
  return (id) => {
    const hit = made.get(id)
    if (hit !== undefined) return hit ?? undefined
    const c = row(id)
    if (!c || c.length < PLACE_FIELDS) { made.set(id, null); return undefined }
    const [, name = '', type, country, lon, lat, population, admin1, standsFor, wikidata, sector] = c
    const geonames = /^place:(\d+)$/.exec(id)?.[1]
    const e: KbEntry = {
      id, name, type: (type || 'LOC') as KbEntry['type'], aliases: {},
      ...(country ? { country } : {}),
      ...(geonames ? { geonames: Number(geonames) } : {}),
      ...(lon !== undefined && lon !== '' && lat ? { coordinates: [Number(lon), Number(lat)] as [number, number] } : {}),
      ...(population ? { population: Number(population) } : {}),
      ...(admin1 ? { admin1 } : {}),
      ...(standsFor ? { standsFor } : {}),
      ...(wikidata ? { wikidata } : {}),
      ...(sector ? { sector } : {}),
    }
    made.set(id, e)
    return e
  }
}

/** Pack parts that never shape the index: documentation and test rows (editing them must not force a rebuild). */
const NOT_A_SOURCE = (name: string): boolean => name === 'tests' || name.endsWith('.md')

function hashFolder(h: ReturnType<typeof createHash>, dir: string): void {
  if (!existsSync(dir)) return
  for (const name of readdirSync(dir).sort()) {
    if (NOT_A_SOURCE(name)) continue
    const p = join(dir, name)
    if (statSync(p).isDirectory()) hashFolder(h, p)
    else { h.update(name); h.update(readFileSync(p)) }
  }
}

/**
 * A stamp of what the compiled files depend on: the generated place data (by size: it is itself reproducible),
 * the curated actors, and the pack (its morphology and word classes shape the index; its docs and tests do not).
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

/**
 * The alias index of one language as text (`gazetteer-<lang>.tsv`), so that loading it is one file read, and an
 * alias becomes an object only when a text's word looks it up:
 *
 *   kronika-gazetteer 2 TAB lang TAB stamp TAB alias count TAB byte offset of the first key line
 *   one line per alias: entry id TAB alias TAB 1 if an acronym else 0 TAB then per alias token its normal forms,
 *     separated by spaces
 *   one line per index key, sorted by their UTF-8 bytes: key TAB the byte offsets of the lines of the aliases it
 *     starts, comma-separated
 *
 * Fields never hold tabs, line breaks or (normal forms) spaces; the build checks this. At run time the file stays
 * in its UTF-8 bytes (about 2 MB, off the JavaScript heap) and a key is found by binary search over them.
 */
const HEADER = 'kronika-gazetteer 2'

export function serialiseIndex(index: Map<string, AliasEntry[]>, lang: string, stamp: string): string {
  const number = new Map<AliasEntry, number>()
  const items: string[] = []
  const check = (field: string, what: string, space = false): string => {
    if (/[\t\n\r]/.test(field) || (space && field.includes(' '))) throw new Error(`compile-kb: ${what} "${field}" holds a tab, line break${space ? ' or space' : ''}`)
    return field
  }
  for (const list of index.values()) {
    for (const item of list) {
      if (number.has(item)) continue
      number.set(item, items.length)
      items.push([check(item.entry.id, 'entry id'), check(item.alias, 'alias'), item.acronym ? '1' : '0',
        ...item.tokens.map((forms) => forms.map((f) => check(f, 'normal form', true)).join(' '))].join('\t'))
    }
  }
  // the header's offsets are written at a fixed width, so its length does not depend on them
  const head = (keysAt: number): string => `${HEADER}\t${lang}\t${stamp}\t${items.length}\t${String(keysAt).padStart(10, '0')}\n`
  const offsets: number[] = []
  let at = Buffer.byteLength(head(0))
  for (const line of items) { offsets.push(at); at += Buffer.byteLength(line) + 1 }
  const keys = [...index.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
  // an alias's offsets in ascending order: the order in which the index lists the aliases of one key
  const postings = keys.map((k) => `${check(k, 'key', true)}\t${index.get(k)!.map((x) => number.get(x)!).sort((a, b) => a - b).map((n) => offsets[n]).join(',')}`)
  return head(at) + [...items, ...postings].join('\n') + '\n'
}

/** The header fields of a compiled index, or undefined when it is not one. */
function indexHeader(bytes: Buffer): { lang: string; stamp: string; count: number; keysAt: number } | undefined {
  const nl = bytes.indexOf(10)
  if (nl < 0 || nl > 200) return undefined
  const [header, lang = '', stamp = '', count, keysAt] = bytes.toString('utf8', 0, nl).split('\t')
  const n = Number(count), k = Number(keysAt)
  if (header !== HEADER || !Number.isInteger(n) || !Number.isInteger(k) || k <= nl || k > bytes.length || (k < bytes.length && bytes[k - 1] !== 10)) return undefined
  return { lang, stamp, count: n, keysAt: k }
}

/** The stamp a compiled index (its text or bytes) was made from, or undefined when it is not one. */
export function indexStamp(file: string | Uint8Array, lang: string): string | undefined {
  const head = indexHeader(asBuffer(file))
  return head?.lang === lang ? head.stamp : undefined
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

/**
 * The index over a compiled file: a key is found by binary search over the bytes of the sorted key lines and its
 * aliases are made then, once (an alias object is shared by all its keys); keys added at run time (`--kb` entries)
 * and every key already looked up live in the map.
 */
class CompiledAliasIndex implements AliasIndex {
  private readonly looked = new Map<string, AliasEntry[] | null>()
  /** Aliases made so far, by the byte offset of their line. */
  private readonly made = new Map<number, AliasEntry>()
  constructor(private readonly bytes: Buffer, private readonly keysAt: number, private readonly byId: (id: string) => KbEntry | undefined) {}

  get(key: string): AliasEntry[] | undefined {
    const hit = this.looked.get(key)
    if (hit !== undefined) return hit ?? undefined
    const list = this.find(key)
    this.looked.set(key, list ?? null)
    return list
  }

  set(key: string, list: AliasEntry[]): this {
    this.looked.set(key, list)
    return this
  }

  private find(key: string): AliasEntry[] | undefined {
    const at = findLine(this.bytes, this.keysAt, this.bytes.length, key)
    if (!at) return undefined
    return this.bytes.toString('latin1', at[1] + 1, at[2]).split(',').map((n) => this.item(Number(n))).filter((x): x is AliasEntry => x !== undefined)
  }

  private item(at: number): AliasEntry | undefined {
    // an alias line starts after a line break and before the key section
    if (!(at > 0 && at < this.keysAt && this.bytes[at - 1] === 10)) return undefined
    let item = this.made.get(at)
    if (!item) {
      const [id = '', alias = '', acronym, ...tokens] = this.bytes.toString('utf8', at, this.bytes.indexOf(10, at)).split('\t')
      if (tokens.length === 0) return undefined
      item = new CompiledAlias(tokens.map((t) => t.split(' ')), id, alias, acronym === '1', this.byId)
      this.made.set(at, item)
    }
    return item
  }
}

/** The index of a compiled file (`serialiseIndex`, as text or bytes); undefined when it is not one. */
export function deserialiseIndex(file: string | Uint8Array, byId: (id: string) => KbEntry | undefined): AliasIndex | undefined {
  const bytes = asBuffer(file)
  const head = indexHeader(bytes)
  return head ? new CompiledAliasIndex(bytes, head.keysAt, byId) : undefined
}
