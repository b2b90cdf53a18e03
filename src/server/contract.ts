/**
 * Checks HTTP answers against the API's own OpenAPI document: a test helper (used by the API tests) that finds the
 * operation of a request and validates the response body with ajv against the documented schema.
 */
import { createRequire } from 'node:module'

type Validator = ((d: unknown) => boolean) & { errors?: unknown }
interface Ajv { compile(s: object): Validator }

const require = createRequire(import.meta.url)
const Ajv2020 = require('ajv/dist/2020.js') as new (o: object) => Ajv

interface OpenApi {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>
  components: { schemas: Record<string, object> }
}

/** Validates response bodies against the schemas an OpenAPI document gives them. */
export class Contract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true })
  private readonly cache = new Map<string, Validator>()
  constructor(readonly doc: OpenApi) {}

  /** The documented path template a request path matches (`/v1/documents/abc` → `/v1/documents/{id}`). */
  template(path: string): string | undefined {
    const bare = path.split('?')[0]!
    return Object.keys(this.doc.paths).find((t) => new RegExp('^' + t.replace(/\{[^}]+\}/g, '[^/]+') + '$').test(bare))
  }

  /** Throws when the body does not fit the documented schema of this method, path, status and media type. */
  check(method: string, path: string, status: number, body: unknown, mediaType = 'application/json'): void {
    const template = this.template(path)
    const op = template ? this.doc.paths[template]![method.toLowerCase()] : undefined
    const response = op?.responses[String(status)]
    // an error the operation does not list (an unknown path or method, a refused host) still has the one error body
    if (!response && status >= 400) return this.validate('error', { $ref: '#/components/schemas/Error' }, body)
    if (!template) throw new Error(`${path} is not in the OpenAPI document`)
    if (!op) throw new Error(`${method} ${template} is not in the OpenAPI document`)
    if (!response) throw new Error(`${method} ${template} does not document status ${status}`)
    const schema = response.content?.[mediaType]?.schema
    if (!schema) throw new Error(`${method} ${template} ${status} documents no ${mediaType} body`)
    this.validate(`${method} ${template} ${status} ${mediaType}`, schema, body)
  }

  private validate(key: string, schema: object, body: unknown): void {
    let validate = this.cache.get(key)
    if (!validate) {
      validate = this.ajv.compile({ ...schema, components: this.doc.components })
      this.cache.set(key, validate)
    }
    if (!validate(body)) throw new Error(`${key}: the body does not fit its schema: ${JSON.stringify(validate.errors).slice(0, 2000)}`)
  }
}
