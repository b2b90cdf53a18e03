/**
 * One declaration per endpoint: its path, its query, path and body schemas and its responses. The app registers
 * the handler from it and src/server/openapi.ts describes it from the same zod schemas, so the documentation and
 * the validation cannot drift apart.
 */
import type { Context } from 'hono'
import { z } from 'zod'
import { parseOr400 } from './errors.js'

export type Method = 'get' | 'post'

export interface ResponseSpec {
  description: string
  /** Media type → body schema (`undefined` for a body the schema does not describe, such as CSV). */
  content?: Record<string, z.ZodType | undefined>
}

export interface RouteSpec<Q extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType> {
  method: Method
  /** Hono path syntax (`/v1/documents/:id`); OpenAPI gets `{id}`. */
  path: string
  operationId: string
  summary: string
  description?: string
  tag: string
  query?: Q
  params?: P
  /** Media type → request body schema. */
  body?: { required: boolean; content: Record<string, z.ZodType | undefined>; description?: string }
  responses: Record<number, ResponseSpec>
  /** Needs the write token. */
  auth?: boolean
  /** Reads or writes the store (a 503 when the server has none). */
  needsStore?: boolean
}

export interface RouteInput<Q extends z.ZodType, P extends z.ZodType> {
  query: z.output<Q>
  params: z.output<P>
}

export interface Route {
  spec: RouteSpec
  handle: (c: Context) => Promise<Response>
}

/**
 * Declares an endpoint: the query string and path parameters are validated with the spec's schemas (a 400 that
 * names the field when they do not fit) before the handler runs.
 */
export function route<Q extends z.ZodType = z.ZodObject<{}>, P extends z.ZodType = z.ZodObject<{}>>(
  spec: RouteSpec<Q, P>,
  handler: (c: Context, input: RouteInput<Q, P>) => Response | Promise<Response>,
): Route {
  return {
    spec: spec as unknown as RouteSpec,
    async handle(c) {
      const query = spec.query ? parseOr400(spec.query, c.req.query(), 'query parameter') : {}
      const params = spec.params ? parseOr400(spec.params, c.req.param(), 'path parameter') : {}
      return handler(c, { query, params } as RouteInput<Q, P>)
    },
  }
}

/** A query flag: absent, `1`, `true` or empty for yes; `0` or `false` for no. */
export const flag = z.enum(['', '1', 'true', '0', 'false']).optional().transform((v) => v !== undefined && v !== '0' && v !== 'false')
