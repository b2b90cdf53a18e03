// Calls to the Kronika HTTP API (same origin). Every error body is { error: { status, code, message } }.
import type { DocumentRecord } from '../../src/record/schema.ts'

export class ApiError extends Error {
  constructor(readonly status: number, message: string) { super(message) }
}

async function handle<T>(res: Response): Promise<T> {
  if (res.ok) return (await res.json()) as T
  let message = `${res.status} ${res.statusText}`
  try {
    const body = (await res.json()) as { error?: { message?: string } }
    if (body.error?.message) message = body.error.message
  } catch { /* not JSON */ }
  throw new ApiError(res.status, message)
}

/** GET a JSON resource with query parameters (empty values left out). */
export async function getJson<T>(path: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
  return handle<T>(await fetch(withQuery(path, params), { headers: { accept: 'application/json' } }))
}

export function withQuery(path: string, params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v))
  const s = q.toString()
  return s ? `${path}?${s}` : path
}

export interface ExtractRequest {
  text: string
  lang?: string
  published?: string
  title?: string
}

/** Extracts an article without storing it. */
export async function extract(req: ExtractRequest): Promise<DocumentRecord> {
  const body: Record<string, string> = { text: req.text }
  if (req.lang) body.lang = req.lang
  if (req.published) body.published = req.published
  if (req.title) body.title = req.title
  return handle<DocumentRecord>(await fetch('/v1/extract', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }))
}

/** A stored document's record. */
export function getDocument(id: string): Promise<DocumentRecord> {
  return getJson<DocumentRecord>(`/v1/documents/${encodeURIComponent(id)}`)
}
