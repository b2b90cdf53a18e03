/**
 * The OpenAPI 3.1 description of the API, made from the route declarations and the same zod schemas that validate
 * requests and define the record (JSON Schema 2020-12 is OpenAPI 3.1's own schema language, so `z.toJSONSchema`
 * output goes in unchanged, with named schemas as shared components).
 */
import { z } from 'zod'
import * as record from '../record/schema.js'
import { namedComponents } from './components.js'
import type { Route, RouteSpec } from './route.js'
import { VERSION } from '../version.js'

type Json = Record<string, unknown>

/** The record's schemas under the names the API documentation uses. */
const RECORD_COMPONENTS: Array<[z.ZodType, string]> = [
  [record.DocumentRecord, 'DocumentRecord'], [record.Entity, 'Entity'], [record.Mention, 'Mention'], [record.Time, 'Time'],
  [record.Quote, 'Quote'], [record.Amount, 'Amount'], [record.Event, 'Event'], [record.Attribution, 'Attribution'],
  [record.Message, 'Message'], [record.Span, 'Span'], [record.TextSpan, 'TextSpan'], [record.Published, 'Published'],
  [record.Source, 'Source'], [record.PloverType, 'PloverType'], [record.Modality, 'Modality'], [record.Stance, 'Stance'],
  [record.RuleId, 'RuleId'], [record.EntityType, 'EntityType'],
]

const REF = (id: string) => `#/components/schemas/${id}`

/**
 * JSON Schema of zod schemas, with named schemas as `$ref`s to shared components. Descriptions stay where zod
 * keeps them (its global registry); the names are applied by replacing each named schema's output with a `$ref`.
 */
class SchemaWriter {
  private readonly names = new Map<z.ZodType, string>()
  constructor() {
    for (const [schema, id] of [...RECORD_COMPONENTS, ...namedComponents()]) if (!this.names.has(schema)) this.names.set(schema, id)
  }

  private write(schema: z.ZodType, io: 'input' | 'output', root: z.ZodType | undefined): Json {
    const s = z.toJSONSchema(schema, {
      target: 'draft-2020-12', io, unrepresentable: 'any',
      override: (ctx) => {
        const zs = ctx.zodSchema as unknown as z.ZodType
        const id = this.names.get(zs)
        if (!id || zs === root) return
        const js = ctx.jsonSchema as Json
        const description = js.description
        for (const k of Object.keys(js)) delete js[k]
        js.$ref = REF(id)
        if (description !== undefined) js.description = description
      },
    }) as Json
    clean(s)
    return s
  }

  /** The components: every named schema, written once. */
  components(): Record<string, Json> {
    const out: Record<string, Json> = {}
    for (const [schema, id] of [...this.names].sort((a, b) => a[1].localeCompare(b[1]))) out[id] = this.write(schema, 'output', schema)
    return out
  }

  /** One schema inline; the named schemas inside it become `$ref`s to components. */
  inline(schema: z.ZodType, io: 'input' | 'output'): Json {
    const id = this.names.get(schema)
    return id ? { $ref: REF(id) } : this.write(schema, io, undefined)
  }
}

/** Drops the keys a schema inside an OpenAPI document must not repeat. */
function clean(s: Json): void {
  delete s.$schema
  delete s.$id
}

function pathOf(spec: RouteSpec): string {
  return spec.path.replace(/:([A-Za-z_]+)/g, '{$1}')
}

function parameters(w: SchemaWriter, spec: RouteSpec): Json[] {
  const out: Json[] = []
  for (const [where, schema] of [['path', spec.params], ['query', spec.query]] as const) {
    if (!schema) continue
    const json = w.inline(schema, 'input') as { properties?: Record<string, Json>; required?: string[] }
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = prop as Json & { description?: string }
      out.push({
        name, in: where, required: where === 'path' || (json.required ?? []).includes(name) && !('default' in rest),
        ...(description ? { description } : {}), schema: rest,
      })
    }
  }
  return out
}

function content(w: SchemaWriter, media: Record<string, z.ZodType | undefined>, io: 'input' | 'output'): Json {
  const out: Json = {}
  for (const [type, schema] of Object.entries(media)) out[type] = schema ? { schema: w.inline(schema, io) } : { schema: { type: 'string' } }
  return out
}

/** The OpenAPI 3.1 document of these routes. */
export function openApiDocument(routes: readonly Route[], options: { serverUrl?: string } = {}): Json {
  const w = new SchemaWriter()
  const paths: Record<string, Record<string, Json>> = {}
  const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: REF('Error') } } } })
  for (const { spec } of routes) {
    const op: Json = {
      operationId: spec.operationId, summary: spec.summary, tags: [spec.tag],
      ...(spec.description ? { description: spec.description } : {}),
    }
    const params = parameters(w, spec)
    if (params.length) op.parameters = params
    if (spec.body) op.requestBody = { required: spec.body.required, ...(spec.body.description ? { description: spec.body.description } : {}), content: content(w, spec.body.content, 'input') }
    const responses: Json = {}
    for (const [status, r] of Object.entries(spec.responses)) responses[status] = { description: r.description, ...(r.content ? { content: content(w, r.content, 'output') } : {}) }
    responses['400'] ??= errorResponse('a bad request: the message says what to fix')
    if (spec.path.includes(':')) responses['404'] ??= errorResponse('not found')
    if (spec.body) {
      responses['413'] ??= errorResponse('the body is larger than the server accepts')
      responses['415'] ??= errorResponse('a body of a media type this endpoint does not take')
    }
    if (spec.needsStore) responses['503'] ??= errorResponse('the server has no store (kronika serve --db PATH)')
    if (spec.auth) {
      op.security = [{ bearer: [] }]
      responses['401'] ??= errorResponse('no token, or a wrong one')
      responses['403'] ??= errorResponse('writes are disabled on this server')
    }
    op.responses = responses
    ;(paths[pathOf(spec)] ??= {})[spec.method] = op
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kronika API',
      version: VERSION,
      summary: 'Evidence-linked facts from news articles',
      description: 'Every fact of a record (entity, time, quote, amount, event) points at the exact characters of the article that support it (half-open UTF-16 offsets into `text`) and names the rule that produced it.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    tags: [
      { name: 'extract', description: 'extraction without storing' },
      { name: 'documents', description: 'the stored corpus' },
      { name: 'corpus', description: 'queries over the stored events and entities' },
      { name: 'reconcile', description: 'W3C Reconciliation Service API over the knowledge base' },
      { name: 'service', description: 'health and description' },
    ],
    paths,
    components: {
      schemas: w.components(),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the token given to `kronika serve --token` (or KRONIKA_TOKEN)' } },
    },
  }
}
