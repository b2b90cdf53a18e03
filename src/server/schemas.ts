/**
 * Request and response schemas of the HTTP API that are not part of the record. Every schema with an `id` becomes
 * a component of /openapi.json; the record's own schemas (src/record/schema.ts) are registered there too.
 */
import { z } from 'zod'
import { component } from './components.js'

export const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/

/** One article as the CLI's JSON inputs spell it (news-please names accepted). */
export const ArticleInput = component('ArticleInput', z.looseObject({
  text: z.string().optional().describe('the article text (or `maintext`, news-please\'s name); one of the two is required'),
  maintext: z.string().optional(),
  id: z.union([z.string(), z.number()]).optional().describe('your id for the article; a content hash otherwise'),
  lang: z.string().optional().describe('ISO 639-1 code; a declared language always wins over detection (also `language`)'),
  language: z.string().optional(),
  published: z.string().optional().describe('publication date, ISO 8601 (also `date_publish`, `date`)'),
  date_publish: z.string().optional(),
  title: z.string().optional(),
  url: z.string().optional(),
  publisher: z.string().optional(),
}).describe('one article: text plus what is known about it'))

export const ExtractQuery = z.object({
  lang: z.string().regex(/^[a-z]{2,3}$/, 'an ISO 639-1 code such as sq or en').optional().describe('the article language (overrides the body\'s)'),
  published: z.string().regex(DATE, 'an ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD').optional().describe('publication date (overrides the body\'s)'),
})
