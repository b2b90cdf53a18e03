/**
 * Reading the store: events, entities, quotes, documents and reports as plain rows, with the filters the query
 * commands and exports share. Filters combine with AND; every value is bound, never spliced into SQL.
 */
import type { Db } from './database.js'
import { stmt } from './statements.js'

export interface Filters {
  /** Entity (KB id, entity key, or part of a name) that is an actor. */
  actor?: string
  /** Entity that is a recipient. */
  recipient?: string
  /** ISO 3166-1 alpha-3 country of an actor or recipient. */
  country?: string
  type?: string
  quad?: number
  modality?: string
  /** Language of a reporting document. */
  lang?: string
  /** Source (publisher or host) of a reporting document. */
  source?: string
  /** ISO dates, inclusive. */
  since?: string
  until?: string
  /** Full-text query over the reporting documents (FTS5 syntax), or words in a quote / entity name. */
  text?: string
  /** Events reported by at least this many documents. */
  minReports?: number
  limit?: number
}

export interface EventRow {
  id: number
  type: string
  mode: string | null
  cameo: string | null
  quad: number | null
  modality: string
  negated: number
  actor: string[]
  actor_names: string[]
  recipient: string[]
  recipient_names: string[]
  place: string | null
  place_name: string | null
  place_country: string | null
  lon: number | null
  lat: number | null
  date_start: string | null
  date_end: string | null
  time_value: string | null
  first_seen: string
  last_seen: string
  mentions: number
  reports: number
  stories: number
  sources: number
  languages: number
  langs: string
  confidence: number
}

/** Entity keys an --actor/--recipient value names: an exact key or KB id, else entities whose name contains it. */
export function resolveEntities(db: Db, value: string): string[] {
  const exact = db.prepare('SELECT key FROM entities WHERE key = ? OR kb = ?').pluck().all(value, value) as string[]
  if (exact.length) return exact
  return db.prepare("SELECT key FROM entities WHERE lower(name) LIKE '%' || lower(?) || '%'").pluck().all(value) as string[]
}

/** Names of entity keys (the key itself when unknown). */
export function entityNames(db: Db, keys: string[]): string[] {
  const get = stmt(db, 'SELECT name FROM entities WHERE key = ?').pluck()
  return keys.map((k) => (get.get(k) as string | undefined) ?? k)
}

function docConditions(f: Filters, alias: string, params: unknown[]): string[] {
  const where: string[] = []
  if (f.lang) { where.push(`${alias}.lang = ?`); params.push(f.lang) }
  if (f.source) { where.push(`(${alias}.source = ? OR ${alias}.publisher = ?)`); params.push(f.source, f.source) }
  return where
}

/** Clustered events, most reported first (or in time order). */
export function queryEvents(db: Db, f: Filters = {}, order: 'reports' | 'time' = 'reports'): EventRow[] {
  const where: string[] = [], params: unknown[] = []
  for (const [role, value] of [['actor', f.actor], ['recipient', f.recipient]] as const) {
    if (!value) continue
    const keys = resolveEntities(db, value)
    where.push(`EXISTS (SELECT 1 FROM json_each(e.${role}) j WHERE j.value IN (SELECT value FROM json_each(?)))`)
    params.push(JSON.stringify(keys))
  }
  if (f.country) { where.push('e.id IN (SELECT event FROM event_keys WHERE key = ?)'); params.push(`cc:${f.country.toUpperCase()}`) }
  if (f.type) { where.push('e.type = ?'); params.push(f.type.toUpperCase()) }
  if (f.quad !== undefined) { where.push('e.quad = ?'); params.push(f.quad) }
  if (f.modality) { where.push('EXISTS (SELECT 1 FROM reports r WHERE r.event = e.id AND r.modality = ?)'); params.push(f.modality) }
  if (f.since) { where.push('COALESCE(e.date_end, e.last_seen) >= ?'); params.push(f.since) }
  if (f.until) { where.push('COALESCE(e.date_start, e.first_seen) <= ?'); params.push(f.until) }
  if (f.minReports) { where.push('e.reports >= ?'); params.push(f.minReports) }
  const dparams: unknown[] = []
  const dwhere = docConditions(f, 'd', dparams)
  if (f.text) { dwhere.push('d.seq IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)'); dparams.push(f.text) }
  if (dwhere.length) { where.push(`EXISTS (SELECT 1 FROM reports r JOIN documents d ON d.seq = r.doc WHERE r.event = e.id AND ${dwhere.join(' AND ')})`); params.push(...dparams) }
  const sql = `SELECT e.*, pe.name AS place_name, pe.country AS place_country, pe.lon, pe.lat FROM events e LEFT JOIN entities pe ON pe.key = e.place
    ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
    ORDER BY ${order === 'time' ? 'COALESCE(e.date_start, e.first_seen), e.id' : 'e.reports DESC, e.mentions DESC, e.id'}
    ${f.limit ? 'LIMIT ' + Math.floor(f.limit) : ''}`
  const rows = db.prepare(sql).all(...params) as Array<Record<string, unknown>>
  return rows.map((r) => {
    const actor = JSON.parse(r.actor as string) as string[], recipient = JSON.parse(r.recipient as string) as string[]
    return { ...r, actor, recipient, actor_names: entityNames(db, actor), recipient_names: entityNames(db, recipient) } as EventRow
  })
}

export interface ReportRow {
  id: number
  event: number
  doc: number
  doc_id: string
  local: string
  type: string
  mode: string | null
  cameo: string | null
  quad: number | null
  modality: string
  actor: string[]
  recipient: string[]
  place: string | null
  time_value: string | null
  trigger_start: number
  trigger_end: number
  trigger_text: string
  evidence_start: number
  evidence_end: number
  sentence: number | null
  confidence: number
  rule: string
  lang: string
  source: string | null
  url: string | null
  origin: string
  published: string | null
  seen_date: string
  ingested_at: string
  chars: number
  family: number
}

/** The reports of the given events (all when no ids), in event then document order. */
export function queryReports(db: Db, events?: number[]): ReportRow[] {
  const rows = db.prepare(`SELECT r.*, d.id AS doc_id, d.lang, d.source, d.url, d.origin, d.published, d.seen_date, d.ingested_at, d.chars, d.family
    FROM reports r JOIN documents d ON d.seq = r.doc
    ${events ? 'WHERE r.event IN (SELECT value FROM json_each(?))' : ''} ORDER BY r.event, r.doc, r.id`).all(...(events ? [JSON.stringify(events)] : [])) as Array<Record<string, unknown>>
  return rows.map((r) => ({ ...r, actor: JSON.parse(r.actor as string), recipient: JSON.parse(r.recipient as string) }) as ReportRow)
}

export interface EntityRow {
  key: string
  kb: string | null
  name: string
  type: string
  country: string | null
  sector: string | null
  wikidata: string | null
  geonames: number | null
  lon: number | null
  lat: number | null
  linked: number
  documents: number
  mentions: number
  first_seen: string
  last_seen: string
}

/** Entities with how many documents name them and how often, most named first. */
export function queryEntities(db: Db, f: Filters & { entityType?: string } = {}): EntityRow[] {
  const where: string[] = [], params: unknown[] = []
  if (f.entityType) { where.push('en.type = upper(?)'); params.push(f.entityType) }
  if (f.country) { where.push('en.country = upper(?)'); params.push(f.country) }
  if (f.text) { where.push("(lower(en.name) LIKE '%' || lower(?) || '%' OR en.key = ?)"); params.push(f.text, f.text) }
  where.push(...docConditions(f, 'd', params))
  if (f.since) { where.push('d.seen_date >= ?'); params.push(f.since) }
  if (f.until) { where.push('d.seen_date <= ?'); params.push(f.until) }
  const sql = `SELECT en.*, COUNT(DISTINCT de.doc) AS documents, SUM(de.mentions) AS mentions, MIN(d.seen_date) AS first_seen, MAX(d.seen_date) AS last_seen
    FROM entities en JOIN doc_entities de ON de.entity = en.key JOIN documents d ON d.seq = de.doc
    ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
    GROUP BY en.key ORDER BY documents DESC, mentions DESC, en.key ${f.limit ? 'LIMIT ' + Math.floor(f.limit) : ''}`
  return db.prepare(sql).all(...params) as EntityRow[]
}

export interface QuoteRow {
  doc_id: string
  idx: number
  start: number
  end: number
  text: string
  speaker: string | null
  speaker_name: string | null
  speaker_country: string | null
  cue_text: string | null
  rule: string
  lang: string
  source: string | null
  url: string | null
  origin: string
  seen_date: string
}

/** Quotations with their speakers, newest first. */
export function queryQuotes(db: Db, f: Filters = {}): QuoteRow[] {
  const where: string[] = [], params: unknown[] = []
  if (f.actor) { where.push('q.speaker IN (SELECT value FROM json_each(?))'); params.push(JSON.stringify(resolveEntities(db, f.actor))) }
  if (f.country) { where.push('en.country = upper(?)'); params.push(f.country) }
  if (f.text) { where.push("lower(q.text) LIKE '%' || lower(?) || '%'"); params.push(f.text) }
  where.push(...docConditions(f, 'd', params))
  if (f.since) { where.push('d.seen_date >= ?'); params.push(f.since) }
  if (f.until) { where.push('d.seen_date <= ?'); params.push(f.until) }
  const sql = `SELECT d.id AS doc_id, q.idx, q.start, q.end, q.text, q.speaker, en.name AS speaker_name, en.country AS speaker_country, q.cue_text, q.rule,
      d.lang, d.source, d.url, d.origin, d.seen_date
    FROM quotes q JOIN documents d ON d.seq = q.doc LEFT JOIN entities en ON en.key = q.speaker
    ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY d.seen_date DESC, d.seq, q.idx ${f.limit ? 'LIMIT ' + Math.floor(f.limit) : ''}`
  return db.prepare(sql).all(...params) as QuoteRow[]
}

export interface DocumentRow {
  seq: number
  id: string
  input_id: string | null
  lang: string
  lang_method: string
  lang_score: number | null
  published: string | null
  seen_date: string
  found_via: string
  origin: string
  url: string | null
  title: string | null
  publisher: string | null
  source: string | null
  charset: string | null
  chars: number
  family: number
  family_similarity: number | null
  extracted: number
  ingested_at: string
  snippet?: string
}

/** Documents matching a full-text query (FTS5 syntax; best match first), or all documents in ingestion order. */
export function queryDocuments(db: Db, f: Filters = {}): DocumentRow[] {
  const where: string[] = [], params: unknown[] = []
  const fts = !!f.text
  if (fts) params.push(f.text)
  where.push(...docConditions(f, 'd', params))
  if (f.since) { where.push('d.seen_date >= ?'); params.push(f.since) }
  if (f.until) { where.push('d.seen_date <= ?'); params.push(f.until) }
  const cols = `d.seq, d.id, d.input_id, d.lang, d.lang_method, d.lang_score, d.published, d.seen_date, d.found_via, d.origin, d.url, d.title, d.publisher,
    d.source, d.charset, d.chars, d.family, d.family_similarity, d.extracted, d.ingested_at`
  const sql = fts
    ? `SELECT ${cols}, snippet(documents_fts, 1, '[', ']', '…', 12) AS snippet FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
       WHERE documents_fts MATCH ? ${where.length ? 'AND ' + where.join(' AND ') : ''} ORDER BY rank ${f.limit ? 'LIMIT ' + Math.floor(f.limit) : ''}`
    : `SELECT ${cols} FROM documents d ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY d.seq ${f.limit ? 'LIMIT ' + Math.floor(f.limit) : ''}`
  return db.prepare(sql).all(...params) as DocumentRow[]
}
