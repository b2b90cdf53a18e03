/**
 * The W3C Reconciliation Service API (0.2) over the knowledge base's actors and countries, so OpenRefine and
 * other clients can match their names to Kronika's ids: manifest, queries (GET or POST, JSONP allowed), entity,
 * type and property suggestions, previews, and `GET /v1/kb/{id}` as the view of an entry.
 */
import type { Context } from 'hono'
import { z } from 'zod'
import { component } from '../components.js'
import { HttpError, parseOr400 } from '../errors.js'
import { route, type Route } from '../route.js'
import { RECONCILE_PROPERTIES, RECONCILE_TYPES, type Reconciler } from '../reconcile.js'

const TypeRef = z.object({ id: z.string(), name: z.string() })

export const ReconcileManifest = component('ReconcileManifest', z.object({
  versions: z.array(z.string()),
  name: z.string(),
  identifierSpace: z.string(),
  schemaSpace: z.string(),
  defaultTypes: z.array(TypeRef),
  view: z.object({ url: z.string() }),
  preview: z.object({ url: z.string(), width: z.number().int(), height: z.number().int() }),
  suggest: z.record(z.string(), z.object({ service_url: z.string(), service_path: z.string() })),
}))

const ReconcileQuerySchema = component('ReconcileQuery', z.object({
  query: z.string().min(1, 'a query needs a name to match').max(500),
  type: z.union([z.string(), z.array(z.string())]).optional(),
  limit: z.number().int().min(1).max(50).optional(),
  properties: z.array(z.object({ pid: z.string(), v: z.unknown() })).optional(),
  type_strict: z.enum(['any', 'all', 'should']).optional(),
}))

const QueryBatch = z.record(z.string().max(100), ReconcileQuerySchema).refine((o) => Object.keys(o).length <= 100, 'at most 100 queries in one batch')

export const ReconcileCandidate = component('ReconcileCandidate', z.object({
  id: z.string().describe('knowledge-base id, e.g. actor:albin-kurti or country:XKX'),
  name: z.string(),
  type: z.array(TypeRef),
  score: z.number().min(0).max(100),
  match: z.boolean().describe('true when this candidate is certain'),
  description: z.string(),
}))

export const ReconcileResults = component('ReconcileResults', z.record(z.string(), z.object({ result: z.array(ReconcileCandidate) })))

const Suggestions = component('ReconcileSuggestions', z.object({ result: z.array(z.object({ id: z.string(), name: z.string(), description: z.string().optional() })) }))

export const KbEntryView = component('KbEntry', z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(['PER', 'ORG', 'LOC', 'MISC']),
  country: z.string().optional(),
  sector: z.string().optional(),
  wikidata: z.string().optional(),
  description: z.string(),
  aliases: z.record(z.string(), z.array(z.string())),
  roles: z.array(z.object({ role: z.string(), of: z.string(), from: z.string().optional(), to: z.string().optional() })).optional(),
  standsFor: z.string().optional(),
}))

const ReconcileParams = z.object({
  queries: z.string().optional().describe('a JSON object of queries: {"q0": {"query": "Albin Kurti", "type": "PER"}}; without it the manifest is returned'),
  callback: z.string().regex(/^[A-Za-z_$][\w$.]{0,63}$/, 'a JavaScript function name').optional().describe('JSONP: wrap the answer in a call to this function'),
})

const SuggestParams = z.object({
  prefix: z.string().max(200).default(''),
  cursor: z.coerce.number().int().min(0).max(1000).default(0),
  callback: ReconcileParams.shape.callback,
})

function origin(c: Context): string {
  return new URL(c.req.url).origin
}

/** JSON, or JSONP when a callback is named. */
function answer(c: Context, body: unknown, callback: string | undefined): Response {
  if (!callback) return c.json(body)
  c.header('Content-Type', 'application/javascript; charset=utf-8')
  c.header('X-Content-Type-Options', 'nosniff')
  return c.body(`/**/${callback}(${JSON.stringify(body)});`)
}

function manifest(c: Context, size: number): z.output<typeof ReconcileManifest> {
  const base = origin(c)
  return {
    versions: ['0.2'],
    name: `Kronika knowledge base (${size} actors and countries)`,
    identifierSpace: `${base}/v1/kb/`,
    schemaSpace: `${base}/v1/kb/types/`,
    defaultTypes: RECONCILE_TYPES.map((t) => ({ ...t })),
    view: { url: `${base}/v1/kb/{{id}}` },
    preview: { url: `${base}/v1/reconcile/preview?id={{id}}`, width: 420, height: 90 },
    suggest: {
      entity: { service_url: base, service_path: '/v1/reconcile/suggest/entity' },
      type: { service_url: base, service_path: '/v1/reconcile/suggest/type' },
      property: { service_url: base, service_path: '/v1/reconcile/suggest/property' },
    },
  }
}

function parseQueries(raw: string): z.output<typeof QueryBatch> {
  let parsed: unknown
  try { parsed = JSON.parse(raw) } catch { throw new HttpError(400, 'invalid_json', 'queries is not JSON: send {"q0": {"query": "…"}}') }
  return parseOr400(QueryBatch, parsed, 'queries')
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

export function reconcileRoutes(reconciler: () => Reconciler): Route[] {
  const run = (c: Context, queries: string | undefined, callback: string | undefined) => {
    const r = reconciler()
    if (queries === undefined) return answer(c, manifest(c, r.size), callback)
    const batch = parseQueries(queries)
    const out: Record<string, { result: unknown[] }> = {}
    for (const [key, q] of Object.entries(batch)) out[key] = { result: r.reconcile(q) }
    return answer(c, out, callback)
  }
  const responses = {
    200: { description: 'the manifest (no `queries`) or one result list per query', content: { 'application/json': z.union([ReconcileManifest, ReconcileResults]), 'application/javascript': undefined } },
  }
  return [
    route({
      method: 'get', path: '/v1/reconcile', operationId: 'reconcile', tag: 'reconcile',
      summary: 'Reconciliation service: manifest, or a batch of queries in `queries`',
      query: ReconcileParams, responses,
    }, (c, { query }) => run(c, query.queries, query.callback)),
    route({
      method: 'post', path: '/v1/reconcile', operationId: 'reconcileBatch', tag: 'reconcile',
      summary: 'Reconciliation service: a batch of queries as a form field `queries` (as OpenRefine sends them)',
      body: { required: true, content: { 'application/x-www-form-urlencoded': ReconcileParams, 'application/json': z.object({ queries: z.record(z.string(), ReconcileQuerySchema) }) } },
      responses,
    }, async (c) => {
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
      if (type === 'application/json') {
        let body: unknown
        try { body = await c.req.json() } catch { throw new HttpError(400, 'invalid_json', 'the body is not JSON') }
        const q = (body as { queries?: unknown } | null)?.queries
        if (q === undefined) throw new HttpError(400, 'bad_request', 'send {"queries": {"q0": {"query": "…"}}}')
        return run(c, JSON.stringify(q), undefined)
      }
      if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data') {
        throw new HttpError(415, 'unsupported_media_type', 'send the queries as a form field `queries` (application/x-www-form-urlencoded) or as JSON {"queries": …}')
      }
      const form = await c.req.parseBody()
      const queries = form.queries
      if (typeof queries !== 'string') throw new HttpError(400, 'bad_request', 'the form has no `queries` field')
      const callback = typeof form.callback === 'string' ? parseOr400(ReconcileParams.shape.callback, form.callback, 'form field') : undefined
      return run(c, queries, callback)
    }),
    route({
      method: 'get', path: '/v1/reconcile/suggest/entity', operationId: 'suggestEntity', tag: 'reconcile',
      summary: 'Entities whose name starts with a prefix (autocomplete)', query: SuggestParams,
      responses: { 200: { description: 'suggestions', content: { 'application/json': Suggestions } } },
    }, (c, { query }) => {
      const result = reconciler().suggest(query.prefix, query.cursor + 10).slice(query.cursor)
      return answer(c, { result }, query.callback)
    }),
    route({
      method: 'get', path: '/v1/reconcile/suggest/type', operationId: 'suggestType', tag: 'reconcile',
      summary: 'Types whose name starts with a prefix', query: SuggestParams,
      responses: { 200: { description: 'suggestions', content: { 'application/json': Suggestions } } },
    }, (c, { query }) => {
      const p = query.prefix.toLowerCase()
      const result = RECONCILE_TYPES.filter((t) => t.name.toLowerCase().includes(p) || t.id.toLowerCase().startsWith(p)).map((t) => ({ ...t }))
      return answer(c, { result }, query.callback)
    }),
    route({
      method: 'get', path: '/v1/reconcile/suggest/property', operationId: 'suggestProperty', tag: 'reconcile',
      summary: 'Properties a query can use to narrow candidates', query: SuggestParams,
      responses: { 200: { description: 'suggestions', content: { 'application/json': Suggestions } } },
    }, (c, { query }) => {
      const p = query.prefix.toLowerCase()
      const result = RECONCILE_PROPERTIES.filter((t) => t.id.startsWith(p) || t.name.toLowerCase().includes(p)).map((t) => ({ ...t }))
      return answer(c, { result }, query.callback)
    }),
    route({
      method: 'get', path: '/v1/reconcile/preview', operationId: 'preview', tag: 'reconcile',
      summary: 'A small HTML card about one entry', query: z.object({ id: z.string().min(1).max(200) }),
      responses: { 200: { description: 'an HTML fragment', content: { 'text/html': undefined } } },
    }, (c, { query }) => {
      const r = reconciler()
      const e = r.get(query.id)
      if (!e) throw new HttpError(404, 'not_found', `no knowledge-base entry "${query.id}"`)
      const wd = e.wikidata ? ` · ${escapeHtml(e.wikidata)}` : ''
      return c.html(`<!doctype html><meta charset="utf-8"><div style="font:13px sans-serif"><b>${escapeHtml(e.name)}</b> <code>${escapeHtml(e.id)}</code>${wd}<br>${escapeHtml(r.describe(e))}</div>`)
    }),
    route({
      method: 'get', path: '/v1/kb/:id', operationId: 'kbEntry', tag: 'reconcile',
      summary: 'One knowledge-base entry (the view of a reconciled id)', params: z.object({ id: z.string().min(1).max(200) }),
      responses: { 200: { description: 'the entry', content: { 'application/json': KbEntryView } } },
    }, (c, { params }) => {
      const r = reconciler()
      const e = r.get(params.id)
      if (!e) throw new HttpError(404, 'not_found', `no knowledge-base entry "${params.id}" (ids look like actor:albin-kurti or country:XKX)`)
      return c.json({
        id: e.id, name: e.name, type: e.type, description: r.describe(e), aliases: e.aliases,
        ...(e.country ? { country: e.country } : {}), ...(e.sector ? { sector: e.sector } : {}), ...(e.wikidata ? { wikidata: e.wikidata } : {}),
        ...(e.roles ? { roles: e.roles } : {}), ...(e.standsFor ? { standsFor: e.standsFor } : {}),
      } satisfies z.input<typeof KbEntryView>)
    }),
  ]
}
