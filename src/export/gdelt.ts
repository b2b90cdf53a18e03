/**
 * GDELT 2.0 exports: Events (61 columns, one row per clustered event), Mentions (16, one per report) and GKG 2.1
 * (27, one per document), tab-separated without a header, in the codebooks' column orders (data/gdelt/*.columns).
 * Fields we cannot fill honestly (Goldstein scale, tone, themes, GCAM, images) stay empty; our own additions go
 * in the Extras fields as XML. See docs/store.md for every field.
 */
import { readFileSync } from 'node:fs'
import type { Db } from '../store/database.js'
import { queryEvents, queryReports, queryDocuments, type EventRow, type Filters, type ReportRow } from '../store/read-store.js'
import { loadCountries } from '../kb/countries.js'
import { VERSION } from '../version.js'

const COLUMNS_DIR = new URL('../../data/gdelt/', import.meta.url)

/** The column names of a GDELT table, in order. */
export function gdeltColumns(table: 'events' | 'mentions' | 'gkg'): string[] {
  const file = { events: 'events-2.0.columns', mentions: 'mentions-2.0.columns', gkg: 'gkg-2.1.columns' }[table]
  return readFileSync(new URL(file, COLUMNS_DIR), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean)
}

/** A field without the characters that would break a tab-separated row. */
export function tsvField(v: unknown): string {
  if (v === null || v === undefined) return ''
  return String(v).replace(/[\t\r\n]+/g, ' ')
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

const compact = (iso: string) => iso.replace(/[-:T]/g, '').replace(/\..*$/, '').replace(/Z$/, '').padEnd(14, '0').slice(0, 14)

/** ISO 639-3 codes for the translation-info fields (GDELT names source languages with three letters). */
const ISO639_3: Record<string, string> = { sq: 'sqi', en: 'eng', sr: 'srp', mk: 'mkd', hr: 'hrv', bs: 'bos', el: 'ell', it: 'ita', de: 'deu', fr: 'fra', ru: 'rus', uk: 'ukr', tr: 'tur', es: 'spa' }

interface EntityInfo { key: string; name: string; type: string; country: string | null; sector: string | null; lon: number | null; lat: number | null; geonames: number | null }

class Lookup {
  private entities = new Map<string, EntityInfo | undefined>()
  private alpha2: Map<string, { alpha2: string; name: string }>
  private readonly byKey: ReturnType<Db['prepare']>
  constructor(db: Db) {
    this.byKey = db.prepare('SELECT key, name, type, country, sector, lon, lat, geonames FROM entities WHERE key = ?')
    this.alpha2 = new Map(loadCountries().map((c) => [c.country!, { alpha2: (c as unknown as { alpha2: string }).alpha2, name: c.name }]))
  }
  entity(key: string | null | undefined): EntityInfo | undefined {
    if (!key) return undefined
    if (!this.entities.has(key)) this.entities.set(key, this.byKey.get(key) as EntityInfo | undefined)
    return this.entities.get(key)
  }
  country(iso3: string | null | undefined) { return iso3 ? this.alpha2.get(iso3) : undefined }
}

function actorFields(lookup: Lookup, keys: string[]): string[] {
  const e = lookup.entity(keys[0])
  if (!e) return ['', '', '', '', '', '', '', '', '', '']
  const cc = e.country ?? ''
  const sector = e.sector ?? ''
  return [cc + sector, e.name.toUpperCase(), cc, sector === 'IGO' ? cc : '', '', '', '', sector, '', '']
}

/** GDELT geography block (8 fields) of a place entity: type, full name, country, ADM1, ADM2, lat, long, feature id. */
function geoFields(lookup: Lookup, key: string | null | undefined): string[] {
  const e = lookup.entity(key)
  if (!e || e.lat === null || e.lon === null) return ['0', '', '', '', '', '', '', '']
  const isCountry = e.key.startsWith('country:')
  const country = lookup.country(e.country)
  const full = isCountry || !country ? e.name : `${e.name}, ${country.name}`
  return [isCountry ? '1' : '4', full, country?.alpha2 ?? '', isCountry ? country?.alpha2 ?? '' : '', '', String(e.lat), String(e.lon), e.geonames !== null ? String(e.geonames) : e.key]
}

function eventDay(e: EventRow): string {
  return e.date_start && e.date_start === e.date_end ? e.date_start : e.first_seen
}

/** GDELT Events rows (61 fields each). */
export function gdeltEventRows(db: Db, filters: Filters = {}): string[][] {
  const lookup = new Lookup(db)
  const events = queryEvents(db, filters, 'time')
  const reports = groupReports(queryReports(db, events.map((e) => e.id)))
  return events.map((e) => {
    const rs = reports.get(e.id) ?? []
    const day = eventDay(e)
    const [y, m, d] = day.split('-').map(Number) as [number, number, number]
    const added = rs.map((r) => r.ingested_at).sort()[0] ?? new Date().toISOString()
    const first = [...rs].sort((a, b) => a.seen_date.localeCompare(b.seen_date) || a.doc - b.doc)[0]
    const cameo = e.cameo ?? ''
    const row = [
      String(e.id), day.replace(/-/g, ''), day.slice(0, 7).replace('-', ''), day.slice(0, 4), (y + (m * 30 + d) / 365).toFixed(4),
      ...actorFields(lookup, e.actor), ...actorFields(lookup, e.recipient),
      rs.some((r) => r.sentence === 0) ? '1' : '0', cameo, cameo.slice(0, 3), cameo.slice(0, 2), e.quad ? String(e.quad) : '', '',
      String(e.mentions), String(e.sources), String(e.reports), '',
      ...geoFields(lookup, e.actor.find((k) => lookup.entity(k)?.lat !== null && lookup.entity(k)?.lat !== undefined)),
      ...geoFields(lookup, e.recipient.find((k) => lookup.entity(k)?.lat !== null && lookup.entity(k)?.lat !== undefined)),
      ...geoFields(lookup, e.place),
      compact(added), first?.url ?? first?.origin ?? '',
    ]
    return row.map(tsvField)
  })
}

function groupReports(rows: ReportRow[]): Map<number, ReportRow[]> {
  const m = new Map<number, ReportRow[]>()
  for (const r of rows) { const list = m.get(r.event); if (list) list.push(r); else m.set(r.event, [r]) }
  return m
}

function translationInfo(lang: string): string {
  return lang === 'en' ? '' : `srclc:${ISO639_3[lang] ?? lang};eng:kronika ${VERSION} native extraction, not translated`
}

/** GDELT Mentions rows (16 fields each): one per report of each exported event. */
export function gdeltMentionRows(db: Db, filters: Filters = {}): string[][] {
  const events = queryEvents(db, filters, 'time')
  const added = new Map<number, string>()
  const reports = queryReports(db, events.map((e) => e.id))
  for (const r of reports) { const a = added.get(r.event); if (!a || r.ingested_at < a) added.set(r.event, r.ingested_at) }
  const firstMention = db.prepare('SELECT MIN(m.start) FROM mentions m JOIN doc_entities de ON de.doc = m.doc AND de.local = m.local WHERE m.doc = ? AND de.entity = ?').pluck()
  const offset = (doc: number, keys: string[]) => { const k = keys[0]; if (!k) return '-1'; const v = firstMention.get(doc, k) as number | null; return v === null ? '-1' : String(v) }
  return reports.map((r) => {
    const extras = `<KRONIKA><DOCUMENT>${xml(r.doc_id)}</DOCUMENT><EVENT>${xml(r.local)}</EVENT><PLOVER>${xml(r.type)}${r.mode ? '/' + xml(r.mode) : ''}</PLOVER>`
      + `<MODALITY>${xml(r.modality)}</MODALITY><TRIGGER start="${r.trigger_start}" end="${r.trigger_end}">${xml(r.trigger_text)}</TRIGGER><RULE>${xml(r.rule)}</RULE><LANG>${xml(r.lang)}</LANG></KRONIKA>`
    return [
      String(r.event), compact(added.get(r.event)!), r.published ? compact(r.seen_date) : compact(r.ingested_at), '1', r.source ?? '', r.url ?? r.origin,
      r.sentence !== null ? String(r.sentence + 1) : '', offset(r.doc, r.actor), offset(r.doc, r.recipient), String(r.trigger_start), '1',
      String(Math.round(r.confidence * 100)), String(r.chars), '', translationInfo(r.lang), extras,
    ].map(tsvField)
  })
}

/** A field value of a GKG list: without the delimiters the list uses. */
const part = (s: string) => s.replace(/[#;,|\t\r\n]+/g, ' ').trim()

/** GDELT GKG 2.1 rows (27 fields each): one per document. */
export function gdeltGkgRows(db: Db, filters: Filters = {}): string[][] {
  const lookup = new Lookup(db)
  const docs = queryDocuments(db, filters)
  const mentions = db.prepare(`SELECT de.entity, de.name, en.type, m.start FROM mentions m JOIN doc_entities de ON de.doc = m.doc AND de.local = m.local
    JOIN entities en ON en.key = de.entity WHERE m.doc = ? ORDER BY m.start`)
  const times = db.prepare("SELECT value, start FROM times WHERE doc = ? AND type = 'DATE' ORDER BY start")
  const quotes = db.prepare('SELECT start, end, text, cue_text FROM quotes WHERE doc = ? ORDER BY start')
  const amounts = db.prepare('SELECT value, object, start FROM amounts WHERE doc = ? ORDER BY start')
  return docs.map((d) => {
    const ms = mentions.all(d.seq) as Array<{ entity: string; name: string; type: string; start: number }>
    const locs = ms.filter((m) => m.type === 'LOC' && lookup.entity(m.entity)?.lat != null)
    const geo = (key: string) => { const g = geoFields(lookup, key); return { type: g[0]!, name: g[1]!.replace(/[#;]+/g, ' '), cc: g[2]!, adm1: g[3]!, lat: g[5]!, lon: g[6]!, feature: part(g[7]!) } }
    const v1loc = [...new Set(locs.map((m) => m.entity))].map((k) => { const g = geo(k); return [g.type, g.name, g.cc, g.adm1, g.lat, g.lon, g.feature].join('#') })
    const v2loc = locs.map((m) => { const g = geo(m.entity); return [g.type, g.name, g.cc, g.adm1, '', g.lat, g.lon, g.feature, m.start].join('#') })
    const names = (type: string) => ms.filter((m) => m.type === type)
    const canonical = (m: { entity: string; name: string }) => part(lookup.entity(m.entity)?.name ?? m.name)
    const dates = (times.all(d.seq) as Array<{ value: string; start: number }>).flatMap((t) => {
      const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(t.value)
      if (!m) return []
      const res = m[3] ? 3 : m[2] ? 2 : 1
      return [`${res}#${m[2] ? +m[2] : 0}#${m[3] ? +m[3] : 0}#${m[1]}#${t.start}`]
    })
    const qs = (quotes.all(d.seq) as Array<{ start: number; end: number; text: string; cue_text: string | null }>)
      .map((q) => `${q.start}|${q.end - q.start}|${(q.cue_text ?? '').replace(/[|#\t\r\n]+/g, ' ')}|${q.text.replace(/[|#\t\r\n]+/g, ' ')}`)
    const am = (amounts.all(d.seq) as Array<{ value: number; object: string | null; start: number }>).map((a) => `${a.value},${part(a.object ?? '')},${a.start}`)
    const date = d.published ? compact(d.seen_date) : compact(d.ingested_at)
    const extras = `<PAGE_TITLE>${xml(d.title ?? '')}</PAGE_TITLE><KRONIKA_DOCUMENT>${xml(d.id)}</KRONIKA_DOCUMENT><KRONIKA_LANG method="${xml(d.lang_method)}">${xml(d.lang)}</KRONIKA_LANG>`
      + `<KRONIKA_FAMILY>${d.family}</KRONIKA_FAMILY><KRONIKA_FOUND_VIA>${xml(d.found_via)}</KRONIKA_FOUND_VIA>`
    return [
      `${compact(d.ingested_at)}-${d.seq}`, date, '1', d.source ?? '', d.url ?? d.origin, '', '', '', '',
      v1loc.join(';'), v2loc.join(';'),
      [...new Set(names('PER').map(canonical))].join(';'), names('PER').map((m) => `${canonical(m)},${m.start}`).join(';'),
      [...new Set(names('ORG').map(canonical))].join(';'), names('ORG').map((m) => `${canonical(m)},${m.start}`).join(';'),
      '', dates.join(';'), '', '', '', '', '', qs.join('#'),
      ms.filter((m) => m.type !== 'LOC').map((m) => `${canonical(m)},${m.start}`).join(';'), am.join(';'), translationInfo(d.lang), extras,
    ].map(tsvField)
  })
}
