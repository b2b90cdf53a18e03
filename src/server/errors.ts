/**
 * The one HTTP error type and the one handler that turns every failure into a JSON body
 * `{ error: { status, code, message, details? } }`: a bad request is a 4xx with a sentence that says what to fix,
 * anything unexpected is a 500 whose details stay in the log.
 */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { component } from './components.js'
import type { Logger } from './log.js'

/** Machine-readable error codes; the message says the rest. */
export type ErrorCode =
  | 'bad_request' | 'invalid_json' | 'invalid_parameter' | 'unauthorized' | 'forbidden' | 'not_found'
  | 'method_not_allowed' | 'payload_too_large' | 'unsupported_media_type' | 'unavailable' | 'internal'

/** An HTTP error with a status, a code and a message meant for the caller. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 413 | 415 | 422 | 503 | 500,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

/** The JSON body of every error response. */
export const ErrorBody = component('Error', z.object({
  error: z.object({
    status: z.number().int().min(400).max(599),
    code: z.string().describe('bad_request, invalid_json, invalid_parameter, unauthorized, forbidden, not_found, payload_too_large, unsupported_media_type, unavailable, internal'),
    message: z.string().describe('what went wrong and how to fix it'),
    details: z.unknown().optional().describe('for invalid parameters: one entry per problem, with its path'),
  }),
}))

/** A zod validation failure as a 400 naming each bad field. */
export function invalid(error: z.ZodError, where: string): HttpError {
  const details = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
  const first = details[0]
  const message = first ? `invalid ${where}: ${first.path ? `${first.path}: ` : ''}${first.message}` : `invalid ${where}`
  return new HttpError(400, where === 'JSON body' ? 'bad_request' : 'invalid_parameter', message, details)
}

/** Parses with a zod schema or throws a 400 that names the fields. */
export function parseOr400<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const r = schema.safeParse(value)
  if (!r.success) throw invalid(r.error, where)
  return r.data
}

/** The response for an error. */
export function errorResponse(c: Context, err: HttpError): Response {
  const body = { error: { status: err.status, code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) } }
  return c.json(body, err.status)
}

/** The one error handler (`app.onError`): known errors keep their status, the rest become a logged 500. */
export function errorHandler(log: Logger) {
  return (err: Error, c: Context): Response => {
    if (err instanceof HttpError) return errorResponse(c, err)
    if (err instanceof HTTPException) {
      const status = err.status
      const code: ErrorCode = status === 413 ? 'payload_too_large' : status === 401 ? 'unauthorized' : status === 404 ? 'not_found' : status >= 500 ? 'internal' : 'bad_request'
      return errorResponse(c, new HttpError(status >= 500 ? 500 : (status as HttpError['status']), code, err.message || 'bad request'))
    }
    if (err instanceof z.ZodError) return errorResponse(c, invalid(err, 'request'))
    log.error('unhandled error', { method: c.req.method, path: c.req.path, error: err.message, stack: err.stack })
    return errorResponse(c, new HttpError(500, 'internal', 'internal error; the server log has the details'))
  }
}
