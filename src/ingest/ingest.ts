/**
 * Ingestion: turns paths, directories, URLs, feeds and standard input into stored documents. Every item ends
 * `ok`, `duplicate` or `error` with a reason, and a bad item never stops the batch. Each document is stored in
 * its own transaction and identified by the hash of its text, so running the same input again changes nothing and
 * a run killed at any point resumes, when started again, where it stopped.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { readInputs, DEFAULT_MAX_BYTES } from '../input/read-inputs.js'
import { KronikaDocument, type DocumentInput } from '../document.js'
import { extractDocument, getDefaultContext } from '../pipeline/extract.js'
import type { PipelineContext } from '../pipeline/context.js'
import type { DocumentRecord } from '../record/schema.js'
import type { Store } from '../store/database.js'
import { sightDuplicate, storeDocument, type FoundVia, type Provenance } from '../store/write-document.js'
import { decodeBytes } from './charset.js'
import { sniffKind } from './sniff.js'
import { htmlArticle, blockText } from './html-article.js'
import { parseFeed } from './feed.js'
import { Fetcher, type FetchOptions } from './fetch-url.js'
import { decideLanguage, identifyLanguage } from './language-id.js'
import { parseHTML } from 'linkedom'

/** Largest JSON or JSON Lines file read (it holds many articles; each must still fit --max-bytes). */
export const CONTAINER_MAX_BYTES = 1024 * 1024 * 1024

export type ItemStatus = 'ok' | 'duplicate' | 'error'

export interface ItemResult {
  /** Path (with :line), `-`, or URL. */
  origin: string
  status: ItemStatus
  reason: string
  /** Store id of the document (ok, duplicate). */
  id?: string
}

export interface IngestOptions {
  /** Declared language for every input (wins over detection). */
  lang?: string
  /** Publication date for every input (wins over the inputs' own). */
  published?: string
  /** Publisher name for inputs that do not say (files, stdin). */
  source?: string
  maxBytes?: number
  fetch?: Partial<FetchOptions>
  ctx?: PipelineContext
  /** Called for every finished item, in order. */
  onItem?: (result: ItemResult) => void
  /** Called when more items become known. */
  onTotal?: (more: number) => void
  /** Read standard input (tests pass bytes). */
  stdin?: () => Uint8Array
}

export interface IngestSummary {
  ok: number
  duplicate: number
  error: number
  items: ItemResult[]
  seconds: number
}

/** A readable article and how it got here. */
interface Candidate {
  origin: string
  foundVia: FoundVia
  input: DocumentInput
  charset?: string
  notes: string[]
  pageLang?: string
}

interface Hints {
  published?: string
  title?: string
}

/** Ingests every target into the store. */
export async function ingest(store: Store, targets: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const started = Date.now()
  const ctx = options.ctx ?? getDefaultContext()
  const fetcher = new Fetcher(options.fetch)
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const summary: IngestSummary = { ok: 0, duplicate: 0, error: 0, items: [], seconds: 0 }
  const finish = (r: ItemResult) => {
    summary[r.status]++
    summary.items.push(r)
    options.onItem?.(r)
  }
  const fail = (origin: string, reason: string) => finish({ origin, status: 'error', reason })

  const processCandidate = async (c: Candidate): Promise<void> => {
    if (options.source && !c.input.source?.publisher) c.input.source = { ...c.input.source, publisher: options.source }
    const provenance: Provenance = { foundVia: c.foundVia, origin: c.origin, ...(c.charset ? { charset: c.charset } : {}) }
    try {
      const dup = sightDuplicate(store, c.input.text, provenance)
      if (dup) return finish({ origin: c.origin, status: 'duplicate', reason: `same text as stored document ${dup.id}`, id: dup.id })
      const declared = c.input.lang
      const guess = declared ? undefined : await identifyLanguage(c.input.text)
      const decision = decideLanguage({ ...(declared ? { declared } : {}), ...(c.pageLang ? { pageLang: c.pageLang } : {}), ...(guess ? { guess } : {}), packs: ctx.languages })
      let record: DocumentRecord
      if (decision.extract) {
        const doc = extractDocument({ ...c.input, ...(decision.lang ? { lang: decision.lang } : {}) }, ctx)
        if (decision.method === 'detected') doc.langDecision = { method: 'detected', ...(decision.score !== undefined ? { score: decision.score } : {}) }
        if (decision.method !== 'declared' && decision.method !== 'pipeline') doc.message(`language: ${decision.reason}`, 'ingest.lang.identified', 'info')
        for (const n of c.notes) doc.message(n, 'ingest.input.note', 'info')
        record = doc.toRecord()
      } else {
        const { lang: _declared, ...rest } = c.input
        const doc = new KronikaDocument(rest)
        doc.lang = decision.lang!
        doc.langDecision = decision.method === 'detected' ? { method: 'detected', ...(decision.score !== undefined ? { score: decision.score } : {}) } : { method: 'declared' }
        doc.message(`not extracted: ${decision.reason}`, 'ingest.lang.no-pack', 'warning')
        for (const n of c.notes) doc.message(n, 'ingest.input.note', 'info')
        record = doc.toRecord()
      }
      const stored = storeDocument(store, record, { ...provenance, extracted: decision.extract })
      if (stored.status === 'duplicate') return finish({ origin: c.origin, status: 'duplicate', reason: `same text as stored document ${stored.id}`, id: stored.id })
      const parts = [`${record.lang} (${decision.extract ? record.langDecision.method : 'no pack, not extracted'})`, `${record.entities.length} entities`, `${stored.events ?? 0} events`]
      if (stored.nearDuplicateOf) parts.push(`near-duplicate of ${stored.nearDuplicateOf} (similarity ${stored.similarity!.toFixed(2)})`)
      finish({ origin: c.origin, status: 'ok', reason: parts.join(', '), id: stored.id })
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_BUSY') throw err
      fail(c.origin, `could not be processed: ${(err as Error).message}`)
    }
  }

  /** Reads the articles held in some bytes, by their kind. */
  const fromBytes = async (bytes: Uint8Array, where: { origin: string; foundVia: FoundVia; contentType?: string; url?: string; hints?: Hints; inFeed?: boolean }): Promise<void> => {
    const { origin } = where
    if (bytes.length === 0) { options.onTotal?.(1); return fail(origin, 'empty input (0 bytes)') }
    const kind = sniffKind(bytes, where.url ?? origin, where.contentType)
    // the size limit is per article: JSON (Lines) files hold many, up to CONTAINER_MAX_BYTES in all
    const limit = kind === 'json' ? Math.max(maxBytes, CONTAINER_MAX_BYTES) : maxBytes
    if (bytes.length > limit) { options.onTotal?.(1); return fail(origin, `input is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${(limit / 1048576).toFixed(0)} MB limit${kind === 'json' ? '' : ' (raise it with --max-bytes)'}`) }
    if (kind === 'binary') { options.onTotal?.(1); return fail(origin, 'binary data, not text') }
    const decoded = decodeBytes(bytes, where.contentType ? { contentType: where.contentType } : {})
    const notes = decoded.note ? [decoded.note] : []
    const source = (extra: { title?: string; publisher?: string } = {}) => ({
      ...(where.url ? { url: where.url } : where.foundVia === 'file' ? { path: origin } : {}),
      ...(extra.title ?? where.hints?.title ? { title: extra.title ?? where.hints!.title! } : {}),
      ...(extra.publisher ? { publisher: extra.publisher } : {}),
    })
    if (kind === 'html') {
      options.onTotal?.(1)
      const article = htmlArticle(decoded.text, where.url)
      if (article.error) return fail(origin, article.error)
      const published = options.published ?? article.published?.value ?? where.hints?.published
      const input: DocumentInput = {
        text: article.text!, ...(options.lang ? { lang: options.lang } : {}),
        ...(published ? { published, publishedFrom: options.published ? 'argument' : 'metadata' } : {}),
        source: source({ ...(article.title ? { title: article.title } : {}), ...(article.publisher ? { publisher: article.publisher } : {}) }),
      }
      if (article.published && !options.published) notes.push(`publication date ${article.published.value} from ${article.published.from}`)
      return processCandidate({ origin, foundVia: where.foundVia, input, charset: decoded.charset, notes, ...(article.lang ? { pageLang: article.lang } : {}) })
    }
    if (kind === 'feed' || kind === 'xml') {
      if (where.inFeed) { options.onTotal?.(1); return fail(origin, 'a feed item that is itself a feed or XML, not an article (not followed)') }
      const feed = parseFeed(decoded.text, where.url)
      if (feed.error) { options.onTotal?.(1); return fail(origin, feed.error) }
      options.onTotal?.(feed.items.length)
      if (feed.items.length === 0) { options.onTotal?.(1); return fail(origin, 'feed has no items') }
      for (const [i, item] of feed.items.entries()) {
        const hints: Hints = { ...(item.published ? { published: item.published } : {}), ...(item.title ? { title: item.title } : {}) }
        if (item.link && /^https?:/i.test(item.link)) {
          const got = await fetcher.fetch(item.link)
          if (!got.ok) { fail(item.link, got.error); continue }
          options.onTotal?.(-1)
          await fromBytes(got.page.body, { origin: item.link, foundVia: 'feed', contentType: got.page.contentType, url: got.page.url, hints, inFeed: true })
        } else {
          const content = item.content ?? item.summary
          const text = content ? blockText(parseHTML(`<!doctype html><html><body>${content}</body></html>`).document.body as never) : ''
          if (!text.trim()) { fail(`${origin}#item${i + 1}`, 'feed item without a link or any text'); continue }
          const published = options.published ?? item.published
          await processCandidate({
            origin: `${origin}#item${i + 1}`, foundVia: 'feed', notes,
            input: { text, ...(options.lang ? { lang: options.lang } : {}), ...(published ? { published, publishedFrom: options.published ? 'argument' : 'metadata' } : {}), source: source() },
          })
        }
      }
      return
    }
    // JSON, JSON Lines and plain text: the extract command's reader, on the decoded text
    const utf8 = Buffer.from(decoded.text.replace(/^\uFEFF/, ''), 'utf8')
    const items = readInputs(utf8, origin, { maxBytes: limit, ...(options.lang ? { lang: options.lang } : {}), ...(options.published ? { published: options.published } : {}) })
    options.onTotal?.(items.length)
    for (const item of items) {
      if (!item.input) { fail(item.origin, item.error ?? 'unreadable'); continue }
      const input = item.input
      const size = Buffer.byteLength(input.text)
      if (size > maxBytes) { fail(item.origin, `article is ${(size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(0)} MB limit (raise it with --max-bytes)`); continue }
      if (where.url) { const { path: _p, ...rest } = input.source ?? {}; input.source = { ...rest, url: rest.url ?? where.url } }
      if (where.hints?.published && !input.published) Object.assign(input, { published: where.hints.published, publishedFrom: 'metadata' })
      if (where.hints?.title && !input.source?.title) input.source = { ...input.source, title: where.hints.title }
      await processCandidate({ origin: item.origin, foundVia: where.foundVia, input, charset: decoded.charset, notes })
    }
  }

  const walk = async (path: string): Promise<void> => {
    let st
    try { st = statSync(path) } catch (err) { options.onTotal?.(1); return fail(path, `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`) }
    if (st.isDirectory()) {
      let names: string[]
      try { names = readdirSync(path).filter((n) => !n.startsWith('.')).sort() } catch (err) { options.onTotal?.(1); return fail(path, `cannot list: ${(err as NodeJS.ErrnoException).code}`) }
      for (const n of names) await walk(join(path, n))
      return
    }
    if (!st.isFile()) { options.onTotal?.(1); return fail(path, 'not a regular file') }
    let bytes: Uint8Array
    try { bytes = readFileSync(path) } catch (err) { options.onTotal?.(1); return fail(path, `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`) }
    await fromBytes(bytes, { origin: path, foundVia: 'file' })
  }

  for (const target of targets) {
    if (target === '-') {
      let bytes: Uint8Array
      try { bytes = options.stdin ? options.stdin() : readFileSync(0) } catch (err) { options.onTotal?.(1); fail('-', `cannot read standard input: ${(err as Error).message}`); continue }
      await fromBytes(bytes, { origin: '-', foundVia: 'stdin' })
    } else if (/^https?:\/\//i.test(target)) {
      const got = await fetcher.fetch(target)
      if (!got.ok) { options.onTotal?.(1); fail(target, got.error); continue }
      await fromBytes(got.page.body, { origin: target, foundVia: 'url', contentType: got.page.contentType, url: got.page.url })
    } else {
      await walk(target)
    }
  }
  summary.seconds = (Date.now() - started) / 1000
  return summary
}
