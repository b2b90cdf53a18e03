/**
 * Queries over the stored corpus, with the filters of the CLI's query commands (`kronika events --actor … --since …`):
 * events (cursor pages as JSON, or JSON Lines, CSV and GeoJSON for export), entities, a timeline, an actor network
 * and full-text search with facets. Rows are the store's rows (src/store/read-store.ts), as the CLI prints them.
 */
import type { Context } from 'hono'
import { z } from 'zod'
import type { Store } from '../../store/database.js'
import { queryDocuments, queryEntities, queryEvents, queryReports, type EventRow, type Filters } from '../../store/read-store.js'
import { csvLine, type Cell } from '../../export/csv.js'
import { Modality, PloverType } from '../../record/schema.js'
import { component } from '../components.js'
import { HttpError } from '../errors.js'
import { flag, route } from '../route.js'
import { DATE } from '../schemas.js'

// ---- the shared filters ------------------------------------------------------------------------------------

export const FilterQuery = z.object({
  q: z.string().max(500).optional().describe('full-text query over the reporting documents (SQLite FTS5 syntax: words, "a phrase", OR, NOT, prefix*)'),
  actor: z.string().max(200).optional().describe('an actor: entity key or KB id (actor:albin-kurti, country:XKX), or part of a name'),
  recipient: z.string().max(200).optional().describe('a recipient, as `actor`'),
  country: z.string().regex(/^[A-Za-z]{3}$/, 'an ISO 3166-1 alpha-3 code such as SRB').optional().describe('ISO 3166-1 alpha-3 country of an actor or recipient'),
  type: z.string().transform((s) => s.toUpperCase()).pipe(PloverType).optional().describe('PLOVER event type (ASSAULT, PROTEST, …)'),
  quad: z.coerce.number().int().min(1).max(4).optional().describe('1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict'),
  modality: Modality.optional().describe('events with at least one report of this modality'),
  lang: z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639-1 code such as sq').optional().describe('language of a reporting document'),
  source: z.string().max(200).optional().describe('publisher or host of a reporting document'),
  since: z.string().regex(DATE, 'an ISO date: YYYY, YYYY-MM or YYYY-MM-DD').optional().describe('events on or after this date (a year or month means its first day)'),
  until: z.string().regex(DATE, 'an ISO date: YYYY, YYYY-MM or YYYY-MM-DD').optional().describe('events on or before this date (a year or month means its last day)'),
  min_reports: z.coerce.number().int().min(1).optional().describe('events reported by at least this many documents'),
})

type FilterInput = z.output<typeof FilterQuery>

/** The store's filters from the query string, as `kronika events` reads its options. */
export function toFilters(q: FilterInput): Filters {
  const f: Filters = {}
  if (q.q) f.text = q.q
  if (q.actor) f.actor = q.actor
  if (q.recipient) f.recipient = q.recipient
  if (q.country) f.country = q.country.toUpperCase()
  if (q.type) f.type = q.type
  if (q.quad) f.quad = q.quad
  if (q.modality) f.modality = q.modality
  if (q.lang) f.lang = q.lang
  if (q.source) f.source = q.source
  if (q.since) f.since = q.since.length === 10 ? q.since : (q.since + '-01-01').slice(0, 10)
  if (q.until) f.until = q.until.length === 10 ? q.until : q.until.length === 4 ? `${q.until}-12-31` : `${q.until}-31`
  if (q.min_reports) f.minReports = q.min_reports
  return f
}

/** Runs a store query; a full-text query SQLite cannot parse is the caller's mistake (400), not a crash. */
function query<T>(fn: () => T): T {
  try {
    return fn()
  } catch (err) {
    const m = (err as Error).message
    if (/fts5|MATCH|unterminated|syntax error/i.test(m)) throw new HttpError(400, 'invalid_parameter', `q is not valid full-text syntax (${m}); put phrases in double quotes`)
    throw err
  }
}

// ---- cursors -----------------------------------------------------------------------------------------------

const Page = z.object({
  limit: z.coerce.number().int().min(1).max(100_000).optional().describe('items per page: 100 by default, at most the server\'s --max-results (1000 by default)'),
  cursor: z.string().max(200).optional().describe('the `next` value of the previous page'),
})

function readCursor(cursor: string | undefined): number {
  if (!cursor) return 0
  try {
    const o = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown }
    if (typeof o.o === 'number' && Number.isInteger(o.o) && o.o >= 0) return o.o
  } catch { /* below */ }
  throw new HttpError(400, 'invalid_parameter', 'cursor: not a cursor this server gave out; start again without one')
}

const writeCursor = (offset: number) => Buffer.from(JSON.stringify({ o: offset })).toString('base64url')

function pageLimit(limit: number | undefined, max: number): number {
  if (limit === undefined) return Math.min(100, max)
  if (limit > max) throw new HttpError(400, 'invalid_parameter', `limit: at most ${max} items per page on this server; follow \`next\` for more`)
  return limit
}

// ---- schemas of the rows -----------------------------------------------------------------------------------

const nullable = <T extends z.ZodType>(t: T) => t.nullable()

export const ReportRowSchema = component('ReportRow', z.looseObject({
  id: z.number().int(), event: z.number().int(), doc_id: z.string().describe('the reporting document (GET /v1/documents/{doc_id})'),
  type: z.string(), modality: z.string(), actor: z.array(z.string()), recipient: z.array(z.string()),
  trigger_start: z.number().int(), trigger_end: z.number().int(), trigger_text: z.string(),
  evidence_start: z.number().int(), evidence_end: z.number().int(), rule: z.string(), confidence: z.number(),
  lang: z.string(), source: nullable(z.string()), url: nullable(z.string()), seen_date: z.string(),
}).describe('one event as one document reports it: the span of its trigger and evidence in that document'))

export const EventRowSchema = component('EventRow', z.looseObject({
  id: z.number().int(), type: z.string(), mode: nullable(z.string()), cameo: nullable(z.string()), quad: nullable(z.number().int()),
  modality: z.string().describe('the most reported modality'), negated: z.number().int(),
  actor: z.array(z.string()).describe('entity keys'), actor_names: z.array(z.string()),
  recipient: z.array(z.string()), recipient_names: z.array(z.string()),
  place: nullable(z.string()), place_name: nullable(z.string()), place_country: nullable(z.string()), lon: nullable(z.number()), lat: nullable(z.number()),
  date_start: nullable(z.string()), date_end: nullable(z.string()), time_value: nullable(z.string()),
  first_seen: z.string(), last_seen: z.string(),
  mentions: z.number().int(), reports: z.number().int(), stories: z.number().int(), sources: z.number().int(), languages: z.number().int(), langs: z.string(),
  confidence: z.number(),
  report_rows: z.array(ReportRowSchema).optional().describe('with reports=1: every report of the event'),
}).describe('a real-world event clustered from the reports of one or more documents'))

const EventPage = component('EventPage', z.object({
  items: z.array(EventRowSchema),
  next: z.string().nullable().describe('the cursor of the next page; null on the last'),
}))

export const EntityRowSchema = component('EntityRow', z.looseObject({
  key: z.string(), kb: nullable(z.string()), name: z.string(), type: z.string(), country: nullable(z.string()), sector: nullable(z.string()),
  wikidata: nullable(z.string()), lon: nullable(z.number()), lat: nullable(z.number()), linked: z.number().int(),
  documents: z.number().int(), mentions: z.number().int(), first_seen: z.string(), last_seen: z.string(),
}))

const EntityPage = component('EntityPage', z.object({ items: z.array(EntityRowSchema), next: z.string().nullable() }))

const Timeline = component('Timeline', z.object({
  interval: z.enum(['day', 'week', 'month']).describe('the bucket size used (auto chooses by the span of the dates)'),
  by: z.enum(['type', 'quad', 'modality']),
  buckets: z.array(z.string()).describe('the first day of each bucket (ISO date), every bucket from the first to the last'),
  series: z.array(z.object({ key: z.string(), label: z.string(), counts: z.array(z.number().int()) })),
  undated: z.number().int().describe('matching events with no date'),
  events: z.number().int(),
}))

const Network = component('Network', z.object({
  nodes: z.array(z.object({ key: z.string(), name: z.string(), type: z.string().nullable(), country: z.string().nullable(), reports: z.number().int(), events: z.number().int() })),
  edges: z.array(z.object({ source: z.string(), target: z.string(), events: z.number().int(), reports: z.number().int(), types: z.record(z.string(), z.number().int()), conflict: z.number().describe('share of the reports in quad 3 or 4') })),
  events: z.number().int(),
}))

const FacetList = z.array(z.object({ value: z.string(), label: z.string().optional(), count: z.number().int() }))

const SearchResult = component('SearchResult', z.object({
  documents: z.array(z.looseObject({ id: z.string(), lang: z.string(), title: nullable(z.string()), seen_date: z.string(), snippet: z.string().optional() })),
  events: z.number().int().describe('events matching the filters'),
  facets: z.object({ lang: FacetList, type: FacetList, quad: FacetList, actor: FacetList, country: FacetList, modality: FacetList, month: FacetList }),
  capped: z.boolean().describe('true when the facets count only the first events of a very large result'),
}))

const GeoJson = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.object({ type: z.literal('Feature'), geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }), properties: z.record(z.string(), z.unknown()) })) })

// ---- exports -----------------------------------------------------------------------------------------------

const CSV_SKIP = new Set(['report_rows'])

function eventsCsv(rows: EventRow[]): string {
  const cols = rows[0] ? Object.keys(rows[0]).filter((k) => !CSV_SKIP.has(k)) : ['id', 'type', 'actor', 'recipient', 'date_start', 'reports']
  return csvLine(cols) + rows.map((r) => csvLine(cols.map((c) => (r as unknown as Record<string, unknown>)[c] as Cell))).join('')
}

/** Events with a place that has coordinates, as GeoJSON points ([longitude, latitude]). */
export function eventsGeoJson(rows: EventRow[]): z.output<typeof GeoJson> {
  const features = rows.filter((r) => r.lon !== null && r.lat !== null).map((r) => {
    const { lon, lat, ...properties } = r
    return { type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [lon!, lat!] as [number, number] }, properties: properties as Record<string, unknown> }
  })
  return { type: 'FeatureCollection', features }
}

function withReports(db: Store['db'], rows: EventRow[]): EventRow[] {
  const reports = queryReports(db, rows.map((r) => r.id))
  const by = new Map<number, unknown[]>()
  for (const r of reports) { const l = by.get(r.event); if (l) l.push(r); else by.set(r.event, [r]) }
  return rows.map((r) => ({ ...r, report_rows: by.get(r.id) ?? [] }))
}

// ---- aggregation -------------------------------------------------------------------------------------------

const QUAD_LABEL: Record<string, string> = { 1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict', 0: 'no quad class' }
/** Most events one aggregate reads (timeline, network, facets). */
const AGGREGATE_CAP = 50_000

const dayOf = (r: EventRow) => (r.date_start ?? r.first_seen ?? '').slice(0, 10)

function bucketStart(day: string, interval: 'day' | 'week' | 'month'): string {
  if (interval === 'day') return day
  if (interval === 'month') return day.slice(0, 7) + '-01'
  const d = new Date(day + 'T00:00:00Z')
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7)) // ISO weeks start on Monday
  return d.toISOString().slice(0, 10)
}

function nextBucket(day: string, interval: 'day' | 'week' | 'month'): string {
  const d = new Date(day + 'T00:00:00Z')
  if (interval === 'day') d.setUTCDate(d.getUTCDate() + 1)
  else if (interval === 'week') d.setUTCDate(d.getUTCDate() + 7)
  else d.setUTCMonth(d.getUTCMonth() + 1)
  return d.toISOString().slice(0, 10)
}

function count<T>(items: Iterable<T>, key: (t: T) => string | string[] | undefined | null): Map<string, number> {
  const m = new Map<string, number>()
  for (const it of items) {
    const k = key(it)
    for (const v of Array.isArray(k) ? new Set(k) : k ? [k] : []) m.set(v, (m.get(v) ?? 0) + 1)
  }
  return m
}

const top = (m: Map<string, number>, n: number, label?: (k: string) => string | undefined) =>
  [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n).map(([value, c]) => {
    const l = label?.(value)
    return { value, count: c, ...(l && l !== value ? { label: l } : {}) }
  })

// ---- the routes --------------------------------------------------------------------------------------------

export function corpusRoutes(store: () => Store, maxResults: () => number) {
  const EventsQuery = FilterQuery.extend(Page.shape).extend({
    order: z.enum(['reports', 'time']).default('reports').describe('most reported first, or in time order'),
    format: z.enum(['json', 'jsonl', 'csv', 'geojson']).default('json').describe('json: a page with a cursor; jsonl, csv, geojson: the page\'s rows for export (the cursor of the next page in the Link header)'),
    reports: flag.describe('include every report of each event (document, trigger and evidence spans)'),
  })
  return [
    route({
      method: 'get', path: '/v1/events', operationId: 'listEvents', tag: 'corpus', needsStore: true,
      summary: 'Events of the stored corpus, filtered as `kronika events` filters them',
      query: EventsQuery,
      responses: {
        200: {
          description: 'a page of events',
          content: { 'application/json': EventPage, 'application/x-ndjson': undefined, 'text/csv': undefined, 'application/geo+json': GeoJson },
        },
      },
    }, (c: Context, { query: q }) => {
      const s = store()
      const limit = pageLimit(q.limit, maxResults())
      const offset = readCursor(q.cursor)
      const rows = query(() => queryEvents(s.db, { ...toFilters(q), limit: offset + limit + 1 }, q.order))
      let page = rows.slice(offset, offset + limit)
      if (q.reports) page = withReports(s.db, page)
      const next = rows.length > offset + limit ? writeCursor(offset + limit) : null
      if (q.format === 'json') return c.json({ items: page, next })
      if (next) {
        const u = new URL(c.req.url)
        u.searchParams.set('cursor', next)
        c.header('Link', `<${u.pathname}${u.search}>; rel="next"`)
      }
      const name = `kronika-events${offset ? `-${offset + 1}` : ''}`
      if (q.format === 'geojson') {
        c.header('Content-Disposition', `inline; filename="${name}.geojson"`)
        return c.body(JSON.stringify(eventsGeoJson(page)), 200, { 'Content-Type': 'application/geo+json' })
      }
      if (q.format === 'csv') {
        c.header('Content-Disposition', `attachment; filename="${name}.csv"`)
        return c.body(eventsCsv(page), 200, { 'Content-Type': 'text/csv; charset=utf-8' })
      }
      c.header('Content-Disposition', `inline; filename="${name}.jsonl"`)
      return c.body(page.map((r) => JSON.stringify(r) + '\n').join(''), 200, { 'Content-Type': 'application/x-ndjson; charset=utf-8' })
    }),
    route({
      method: 'get', path: '/v1/entities', operationId: 'listEntities', tag: 'corpus', needsStore: true,
      summary: 'Entities named in the stored corpus, most named first',
      query: FilterQuery.pick({ country: true, lang: true, source: true, since: true, until: true }).extend(Page.shape).extend({
        q: z.string().max(200).optional().describe('part of a name, or an entity key'),
        type: z.enum(['PER', 'ORG', 'LOC', 'MISC']).optional().describe('entity type'),
      }),
      responses: { 200: { description: 'a page of entities', content: { 'application/json': EntityPage } } },
    }, (c, { query: q }) => {
      const limit = pageLimit(q.limit, maxResults())
      const offset = readCursor(q.cursor)
      const { q: text, type, ...rest } = q
      const rows = queryEntities(store().db, { ...toFilters(rest), ...(text ? { text } : {}), ...(type ? { entityType: type } : {}), limit: offset + limit + 1 })
      return c.json({ items: rows.slice(offset, offset + limit), next: rows.length > offset + limit ? writeCursor(offset + limit) : null })
    }),
    route({
      method: 'get', path: '/v1/timeline', operationId: 'timeline', tag: 'corpus', needsStore: true,
      summary: 'Events per day, week or month, one series per type, quad class or modality',
      query: FilterQuery.extend({
        interval: z.enum(['auto', 'day', 'week', 'month']).default('auto').describe('bucket size; auto: days for up to 92 days, weeks for up to two years, else months'),
        by: z.enum(['type', 'quad', 'modality']).default('type'),
      }),
      responses: { 200: { description: 'counts per bucket', content: { 'application/json': Timeline } } },
    }, (c, { query: q }) => {
      const rows = query(() => queryEvents(store().db, { ...toFilters(q), limit: AGGREGATE_CAP }, 'time'))
      const dated = rows.filter((r) => dayOf(r))
      const keyOf = (r: EventRow) => q.by === 'type' ? r.type : q.by === 'quad' ? String(r.quad ?? 0) : r.modality
      const buckets: string[] = []
      const days = dated.map(dayOf).sort()
      const span = days.length ? (Date.parse(days[days.length - 1]!) - Date.parse(days[0]!)) / 86_400_000 : 0
      const interval = q.interval !== 'auto' ? q.interval : span <= 92 ? 'day' : span <= 731 ? 'week' : 'month'
      if (days.length) {
        const last = bucketStart(days[days.length - 1]!, interval)
        for (let b = bucketStart(days[0]!, interval); b <= last && buckets.length < 5000; b = nextBucket(b, interval)) buckets.push(b)
      }
      const index = new Map(buckets.map((b, i) => [b, i]))
      const series = new Map<string, number[]>()
      for (const r of dated) {
        const i = index.get(bucketStart(dayOf(r), interval))
        if (i === undefined) continue
        const k = keyOf(r)
        let counts = series.get(k)
        if (!counts) series.set(k, (counts = buckets.map(() => 0)))
        counts[i]!++
      }
      const out = [...series].sort((a, b) => a[0].localeCompare(b[0])).map(([key, counts]) => ({ key, label: q.by === 'quad' ? QUAD_LABEL[key] ?? key : key, counts }))
      return c.json({ interval, by: q.by, buckets, series: out, undated: rows.length - dated.length, events: rows.length })
    }),
    route({
      method: 'get', path: '/v1/network', operationId: 'network', tag: 'corpus', needsStore: true,
      summary: 'Actors linked by the events between them, each sized by the reports that name it',
      query: FilterQuery.extend({ nodes: z.coerce.number().int().min(2).max(2000).default(150).describe('most actors returned, the most reported first') }),
      responses: { 200: { description: 'nodes and edges', content: { 'application/json': Network } } },
    }, (c, { query: q }) => {
      const db = store().db
      const rows = query(() => queryEvents(db, { ...toFilters(q), limit: AGGREGATE_CAP }))
      const nodes = new Map<string, { key: string; name: string; reports: number; events: number }>()
      const edges = new Map<string, { source: string; target: string; events: number; reports: number; types: Record<string, number>; hostile: number }>()
      for (const r of rows) {
        const names = new Map([...r.actor.map((k, i) => [k, r.actor_names[i] ?? k] as const), ...r.recipient.map((k, i) => [k, r.recipient_names[i] ?? k] as const)])
        for (const [k, name] of names) {
          const n = nodes.get(k) ?? { key: k, name, reports: 0, events: 0 }
          n.reports += r.reports; n.events++
          nodes.set(k, n)
        }
        for (const a of r.actor) for (const b of r.recipient) {
          if (a === b) continue
          const id = `${a}\u0000${b}`
          const e = edges.get(id) ?? { source: a, target: b, events: 0, reports: 0, types: {}, hostile: 0 }
          e.events++; e.reports += r.reports; e.types[r.type] = (e.types[r.type] ?? 0) + 1
          if ((r.quad ?? 0) >= 3) e.hostile += r.reports
          edges.set(id, e)
        }
      }
      const kept = [...nodes.values()].sort((a, b) => b.reports - a.reports || a.key.localeCompare(b.key)).slice(0, q.nodes)
      const keep = new Set(kept.map((n) => n.key))
      const info = new Map(queryEntities(db, {}).map((e) => [e.key, e]))
      return c.json({
        nodes: kept.map((n) => ({ ...n, type: info.get(n.key)?.type ?? null, country: info.get(n.key)?.country ?? null })),
        edges: [...edges.values()].filter((e) => keep.has(e.source) && keep.has(e.target))
          .map(({ hostile, ...e }) => ({ ...e, conflict: e.reports ? Math.round((hostile / e.reports) * 1000) / 1000 : 0 })),
        events: rows.length,
      })
    }),
    route({
      method: 'get', path: '/v1/search', operationId: 'search', tag: 'corpus', needsStore: true,
      summary: 'Full-text search over the stored documents, with facets of the events that match the filters',
      description: 'Documents matching `q` (best first; all documents, in ingestion order, without `q`) and facet counts (language, type, quad, actor, country, modality, month) over the events the same filters select.',
      query: FilterQuery.extend({ limit: z.coerce.number().int().min(1).max(200).default(20).describe('documents returned') }),
      responses: { 200: { description: 'documents and facets', content: { 'application/json': SearchResult } } },
    }, (c, { query: q }) => {
      const db = store().db
      const f = toFilters(q)
      const documents = query(() => queryDocuments(db, { ...(f.text ? { text: f.text } : {}), ...(f.lang ? { lang: f.lang } : {}), ...(f.source ? { source: f.source } : {}), ...(f.since ? { since: f.since } : {}), ...(f.until ? { until: f.until } : {}), limit: q.limit }))
      const rows = query(() => queryEvents(db, { ...f, limit: AGGREGATE_CAP + 1 }))
      const capped = rows.length > AGGREGATE_CAP
      const events = rows.slice(0, AGGREGATE_CAP)
      const info = new Map(queryEntities(db, {}).map((e) => [e.key, e]))
      const nameOf = (k: string) => info.get(k)?.name
      return c.json({
        documents, events: events.length, capped,
        facets: {
          lang: top(count(events, (r) => r.langs.split(/[,\s]+/).filter(Boolean)), 20),
          type: top(count(events, (r) => r.type), 20),
          quad: top(count(events, (r) => String(r.quad ?? 0)), 5, (k) => QUAD_LABEL[k]),
          actor: top(count(events, (r) => r.actor), 15, nameOf),
          country: top(count(events, (r) => [...r.actor, ...r.recipient].map((k) => info.get(k)?.country ?? '').filter(Boolean)), 15),
          modality: top(count(events, (r) => r.modality), 4),
          month: top(count(events, (r) => dayOf(r).slice(0, 7) || undefined), 36).sort((a, b) => a.value.localeCompare(b.value)),
        },
      })
    }),
  ]
}
