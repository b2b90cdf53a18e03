/**
 * Turns files or standard input into article inputs, one per document, and reports every input it cannot read
 * with a reason instead of throwing: empty, binary, not UTF-8, too large, a broken JSON line among good ones.
 *
 * Accepted: plain text; text whose first line starts with ` date YYYY-MM[-DD]` (metadata, not article text);
 * JSON objects, arrays of objects and JSON Lines with `text`/`maintext`, `title`, `date_publish`/`date`/
 * `published`, `url`, `id`, `language`/`lang` (news-please field names included).
 */
import type { DocumentInput } from '../document.js'

export interface InputItem {
  /** Where it came from: a path, `-` for stdin, with `:line` for JSON Lines. */
  origin: string
  input?: DocumentInput
  /** Why it could not be read. */
  error?: string
}

export interface ReadOptions {
  /** Largest input read, in bytes. */
  maxBytes?: number
  lang?: string
  published?: string
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024

const DATE_HEADER = /^\s*date\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?=\s|$)[ \t]*\r?\n?[ \t]*/u

/** Why the bytes are not readable text, or undefined when they are. */
export function binaryReason(bytes: Uint8Array): string | undefined {
  const sample = bytes.subarray(0, 8192)
  let control = 0
  for (const b of sample) {
    if (b === 0) return 'binary data (contains NUL bytes), not text'
    if (b < 9 || (b > 13 && b < 32)) control++
  }
  if (sample.length > 0 && control / sample.length > 0.1) return 'binary data (too many control characters), not text'
  return undefined
}

/** Decodes UTF-8 strictly; returns the text or the reason it is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): { text?: string; error?: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) }
  } catch {
    return { error: `not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)}); convert it first, e.g. iconv -f windows-1250 -t utf-8` }
  }
}

/** Offset of the first byte that breaks UTF-8, found in one pass. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    if (need < 0) return i
    for (let k = 1; k <= need; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i
    i += need + 1
  }
  return bytes.length
}

function pick(o: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const k of keys) { const v = o[k]; if (typeof v === 'string' && v.trim() !== '') return v }
  return undefined
}

/** One JSON object as an article input, or the reason it is not one. */
export function inputFromObject(o: unknown, origin: string, opts: ReadOptions): InputItem {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return { origin, error: 'a JSON value that is not an object' }
  const rec = o as Record<string, unknown>
  const text = pick(rec, 'text', 'maintext', 'content', 'body')
  if (!text) return { origin, error: 'JSON object without a "text" or "maintext" field' }
  const title = pick(rec, 'title')
  const url = pick(rec, 'url')
  const publisher = pick(rec, 'source_domain', 'publisher')
  const id = rec.id === undefined ? undefined : String(rec.id)
  const published = opts.published ?? pick(rec, 'date_publish', 'published', 'date', 'datePublished')
  const lang = opts.lang ?? pick(rec, 'language', 'lang')
  return {
    origin,
    input: {
      text, ...(id ? { id } : {}), ...(lang ? { lang } : {}),
      ...(published ? { published: published.replace(' ', 'T'), publishedFrom: opts.published ? 'argument' : 'metadata' } : {}),
      source: { ...(url ? { url } : {}), ...(title ? { title } : {}), ...(publisher ? { publisher } : {}), ...(origin !== '-' ? { path: origin.replace(/:\d+$/, '') } : {}) },
    },
  }
}

/** Reads the article inputs held in one file's (or stdin's) bytes. */
export function readInputs(bytes: Uint8Array, origin: string, opts: ReadOptions = {}): InputItem[] {
  const max = opts.maxBytes ?? DEFAULT_MAX_BYTES
  if (bytes.length === 0) return [{ origin, error: 'empty input (0 bytes)' }]
  if (bytes.length > max) return [{ origin, error: `input is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${(max / 1048576).toFixed(0)} MB limit (raise it with --max-bytes)` }]
  const binary = binaryReason(bytes)
  if (binary) return [{ origin, error: binary }]
  const decoded = decodeUtf8(bytes)
  if (decoded.error) return [{ origin, error: decoded.error }]
  let text = decoded.text!
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (text.trim() === '') return [{ origin, error: 'input has only whitespace' }]
  const firstChar = text.trimStart()[0]
  if (firstChar === '{' || firstChar === '[') return readJson(text, origin, opts)
  const header = DATE_HEADER.exec(text)
  let published = opts.published, from: 'argument' | 'first-line' | undefined = opts.published ? 'argument' : undefined
  let offset = 0
  if (header) {
    offset = header[0].length
    if (!published) { published = header[1]; from = 'first-line' }
  }
  const body = text.slice(offset)
  if (body.trim() === '') return [{ origin, error: 'input has a date line but no text' }]
  return [{
    origin,
    input: {
      text: body, ...(opts.lang ? { lang: opts.lang } : {}), ...(published ? { published, publishedFrom: from! } : {}),
      source: { ...(origin !== '-' ? { path: origin } : {}), ...(offset ? { offset } : {}) },
    },
  }]
}

function readJson(text: string, origin: string, opts: ReadOptions): InputItem[] {
  try {
    const whole = JSON.parse(text) as unknown
    if (Array.isArray(whole)) return whole.map((o, i) => inputFromObject(o, `${origin}:${i + 1}`, opts))
    return [inputFromObject(whole, origin, opts)]
  } catch {
    // JSON Lines: every line on its own
    const out: InputItem[] = []
    const lines = text.split(/\r?\n/)
    lines.forEach((line, i) => {
      if (line.trim() === '') return
      const where = `${origin}:${i + 1}`
      try {
        out.push(inputFromObject(JSON.parse(line), where, opts))
      } catch (err) {
        out.push({ origin: where, error: `line is not JSON (${(err as Error).message.split('\n')[0]})` })
      }
    })
    return out
  }
}
