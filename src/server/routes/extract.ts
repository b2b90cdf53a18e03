/** `POST /v1/extract`: one article in, its record out; nothing is stored. */
import type { Context } from 'hono'
import { z } from 'zod'
import { DocumentRecord } from '../../record/schema.js'
import { readInputs, type InputItem } from '../../input/read-inputs.js'
import { extract } from '../../pipeline/extract.js'
import type { PipelineContext } from '../../pipeline/context.js'
import type { DocumentInput } from '../../document.js'
import { HttpError } from '../errors.js'
import { route } from '../route.js'
import { ArticleInput, DATE, ExtractQuery } from '../schemas.js'

/**
 * Reads the articles of a request body as the CLI reads a file: JSON (an object, an array, JSON Lines, with the
 * CLI's field names) or plain text (which may start with a ` date YYYY-MM-DD` line). Query parameters win.
 */
export async function readArticles(c: Context, ctx: PipelineContext, query: z.output<typeof ExtractQuery>): Promise<InputItem[]> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  const json = type === 'application/json' || type === 'application/x-ndjson' || type === 'application/jsonl'
  if (!json && type !== 'text/plain') {
    throw new HttpError(415, 'unsupported_media_type', `send the article as application/json ({"text": …}) or text/plain, not "${type || 'no Content-Type'}"`)
  }
  if (query.lang && !ctx.languages.includes(query.lang)) throw unsupportedLanguage(query.lang, ctx)
  const bytes = new Uint8Array(await c.req.arrayBuffer())
  if (bytes.length === 0) throw new HttpError(400, 'bad_request', 'the request body is empty: send the article text')
  if (json) {
    const first = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart()[0]
    if (first !== '{' && first !== '[') throw new HttpError(400, 'invalid_json', 'the body is not a JSON object or array; send {"text": "…"} or use Content-Type: text/plain')
  }
  const items = readInputs(bytes, '-', { maxBytes: Number.MAX_SAFE_INTEGER, ...(query.lang ? { lang: query.lang } : {}), ...(query.published ? { published: query.published } : {}) })
  for (const item of items) if (item.input) checkInput(item.input, ctx)
  return items
}

function unsupportedLanguage(lang: string, ctx: PipelineContext): HttpError {
  return new HttpError(400, 'invalid_parameter', `no language pack for "${lang}"; available: ${ctx.languages.join(', ')} (or leave the language out to detect it)`)
}

/** What the pipeline would only warn about is a bad request here: a date that is not a date, a language without a pack. */
function checkInput(input: DocumentInput, ctx: PipelineContext): void {
  if (input.lang !== undefined && !ctx.languages.includes(input.lang)) throw unsupportedLanguage(input.lang, ctx)
  if (input.published !== undefined && !DATE.test(input.published.slice(0, 10))) {
    throw new HttpError(400, 'invalid_parameter', `published: "${input.published}" is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)`)
  }
}

/** The one article of an item list, or a 400 that says why there is none. */
export function oneArticle(items: InputItem[]): DocumentInput {
  if (items.length !== 1) throw new HttpError(400, 'bad_request', `send one article (this body holds ${items.length}); POST /v1/documents takes batches`)
  const item = items[0]!
  if (!item.input) throw new HttpError(400, 'bad_request', item.error ?? 'the body is not an article')
  return item.input
}

export function extractRoute(ctx: () => PipelineContext) {
  return route({
    method: 'post', path: '/v1/extract', operationId: 'extract', tag: 'extract',
    summary: 'Extract the record of one article (nothing is stored)',
    description: 'The body is one article: JSON with `text` (and optionally `lang`, `published`, `id`, `title`, `url`; the CLI\'s news-please names are accepted), or plain text, which may start with a ` date YYYY-MM-DD` line. Every fact of the record points at the characters of `text` that support it and names its rule.',
    query: ExtractQuery,
    body: { required: true, content: { 'application/json': ArticleInput, 'text/plain': z.string() } },
    responses: { 200: { description: 'the document record', content: { 'application/json': DocumentRecord } } },
  }, async (c, { query }) => {
    const pipeline = ctx()
    const input = oneArticle(await readArticles(c, pipeline, query))
    return c.json(extract(input, pipeline))
  })
}
