/**
 * `POST /v1/documents` stores articles (the ingest command's reader and pipeline: one item result each, a bad item
 * never stops the batch) and `GET /v1/documents/{id}` gives a stored document's record with its spans.
 */
import type { Context } from 'hono'
import { z } from 'zod'
import { DocumentRecord } from '../../record/schema.js'
import type { PipelineContext } from '../../pipeline/context.js'
import type { Store } from '../../store/database.js'
import { ingest } from '../../ingest/ingest.js'
import { component } from '../components.js'
import { HttpError } from '../errors.js'
import { route } from '../route.js'
import { ArticleInput, ExtractQuery } from '../schemas.js'

export const IngestResult = component('IngestResult', z.object({
  ok: z.number().int(), duplicate: z.number().int(), error: z.number().int(),
  items: z.array(z.object({
    origin: z.string().describe('where in the body: `-` for one article, `-:N` for line or element N'),
    status: z.enum(['ok', 'duplicate', 'error']),
    reason: z.string(),
    id: z.string().optional().describe('the stored document id (a content hash of its text)'),
  })),
}))

/** The stored record of a document (by store id or by the input's own id), text included. */
export function loadRecord(store: Store, id: string): DocumentRecord | undefined {
  const row = store.db.prepare('SELECT record, text FROM documents WHERE id = ? UNION ALL SELECT record, text FROM documents WHERE input_id = ? LIMIT 1').get(id, id) as { record: string; text: string } | undefined
  if (!row) return undefined
  const { id: recordId, kronika, ...rest } = JSON.parse(row.record) as Omit<DocumentRecord, 'text'>
  return { id: recordId, kronika, text: row.text, ...rest } as DocumentRecord
}

export function documentRoutes(store: () => Store, pipeline: () => PipelineContext) {
  return [
    route({
      method: 'post', path: '/v1/documents', operationId: 'ingest', tag: 'documents', auth: true, needsStore: true,
      summary: 'Store articles: extract, store and cluster their events',
      description: 'The body is what `kronika ingest -` reads: one JSON article, an array or JSON Lines of them (news-please names accepted), plain text (which may start with a ` date YYYY-MM-DD` line) or an HTML page. A text already stored is a duplicate, not a new document. Each item gets its own result; one bad item never stops the others. Needs the server token.',
      query: ExtractQuery,
      body: { required: true, content: { 'application/json': z.union([ArticleInput, z.array(ArticleInput)]), 'application/x-ndjson': undefined, 'text/plain': z.string(), 'text/html': z.string() } },
      responses: {
        200: { description: 'one result per article: ok (stored), duplicate (already stored) or error (with the reason)', content: { 'application/json': IngestResult } },
      },
    }, async (c, { query }) => {
      const s = store()
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
      if (!['application/json', 'application/x-ndjson', 'application/jsonl', 'text/plain', 'text/html'].includes(type)) {
        throw new HttpError(415, 'unsupported_media_type', `send articles as application/json, application/x-ndjson, text/plain or text/html, not "${type || 'no Content-Type'}"`)
      }
      const ctx = pipeline()
      if (query.lang && !ctx.languages.includes(query.lang)) throw new HttpError(400, 'invalid_parameter', `no language pack for "${query.lang}"; available: ${ctx.languages.join(', ')}`)
      const bytes = new Uint8Array(await c.req.arrayBuffer())
      if (bytes.length === 0) throw new HttpError(400, 'bad_request', 'the request body is empty: send one or more articles')
      // the body is read as standard input would be: never as a path or a URL to fetch
      const summary = await ingest(s, ['-'], {
        stdin: () => bytes, ctx, ...(query.lang ? { lang: query.lang } : {}), ...(query.published ? { published: query.published } : {}),
      })
      return c.json({ ok: summary.ok, duplicate: summary.duplicate, error: summary.error, items: summary.items })
    }),
    route({
      method: 'get', path: '/v1/documents/:id', operationId: 'getDocument', tag: 'documents',
      summary: 'A stored document\'s record: its text and every fact with its span and rule',
      params: z.object({ id: z.string().min(1).max(200).describe('the store id (content hash) or the article\'s own id') }),
      responses: { 200: { description: 'the document record', content: { 'application/json': DocumentRecord } }}, needsStore: true,
    }, (c: Context, { params }) => {
      const rec = loadRecord(store(), params.id)
      if (!rec) throw new HttpError(404, 'not_found', `no stored document "${params.id}"`)
      return c.json(rec)
    }),
  ]
}
