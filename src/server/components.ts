/** Named schemas of the API: each becomes `#/components/schemas/{id}` in /openapi.json and is referenced by `$ref`. */
import type { z } from 'zod'

const named: Array<[z.ZodType, string]> = []

/** Names a schema for the OpenAPI document and returns it unchanged. */
export function component<T extends z.ZodType>(id: string, schema: T): T {
  named.push([schema, id])
  return schema
}

/** Every schema named so far (modules name theirs when they load). */
export function namedComponents(): ReadonlyArray<[z.ZodType, string]> {
  return named
}
