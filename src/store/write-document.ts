/**
 * Stores one extracted document and everything found in it, in one transaction: the document (idempotent by the
 * content hash of its text), its full-text entry, near-duplicate family, entities and mentions, times, quotes,
 * amounts, messages, and its event reports clustered into events. A process killed at any point leaves either
 * the whole document or nothing.
 */
import { stmt } from './statements.js'
import { createHash } from 'node:crypto'
import type { DocumentRecord } from '../record/schema.js'
import type { Store } from './database.js'
import { entityKey, eventReports } from '../cluster/event-report.js'
import { addEventKeys, createEvent, findEvent, refreshEvent } from '../cluster/assign-event.js'
import { findFamily, indexBands } from '../cluster/near-duplicates.js'
import { minhash, signatureBytes } from '../cluster/minhash.js'
import { intervalOf, isoDay } from '../cluster/time-interval.js'
import { VERSION } from '../version.js'

export type FoundVia = 'file' | 'stdin' | 'url' | 'feed'

/** How a document reached the store. */
export interface Provenance {
  foundVia: FoundVia
  /** Path (with :line for JSON Lines), `-`, or URL. */
  origin: string
  charset?: string
  /** False when no language pack could read the text: it is stored and searchable, without facts. */
  extracted?: boolean
  /** Ingestion time (defaults to now). */
  now?: Date
}

export interface StoreResult {
  status: 'ok' | 'duplicate'
  /** Content-hash id of the document. */
  id: string
  seq: number
  /** For a new document that nearly repeats a stored one: the family's first document. */
  nearDuplicateOf?: string
  similarity?: number
  events?: number
}

/** The store id of a text: its SHA-256, 32 hex digits. */
export function documentId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32)
}

/** The stored document with this text, if any. */
export function findDocument(store: Store, text: string): { seq: number; id: string } | undefined {
  return stmt(store.db, 'SELECT seq, id FROM documents WHERE id = ?').get(documentId(text)) as { seq: number; id: string } | undefined
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try { return new URL(url).hostname.replace(/^www\./, '') || undefined } catch { return undefined }
}

/** When the text is already stored: remembers where it was seen again and returns the duplicate; else undefined. */
export function sightDuplicate(store: Store, text: string, provenance: Provenance): StoreResult | undefined {
  const id = documentId(text)
  const db = store.db
  const seq = stmt(db, 'SELECT seq FROM documents WHERE id = ?').pluck().get(id) as number | undefined
  if (seq === undefined) return undefined
  stmt(db, 'INSERT OR IGNORE INTO sightings (doc, locator, found_via, first_seen) VALUES (?, ?, ?, ?)').run(seq, provenance.origin, provenance.foundVia, (provenance.now ?? new Date()).toISOString())
  return { status: 'duplicate', id, seq }
}

/** Stores a document record; a text already stored is a duplicate (its new locator is remembered as a sighting). */
export function storeDocument(store: Store, record: DocumentRecord, provenance: Provenance): StoreResult {
  if (store.readonly) throw new Error('storeDocument needs a store opened for writing (openStore(path) without readonly)')
  const db = store.db
  const id = documentId(record.text)
  const now = (provenance.now ?? new Date()).toISOString()
  const locator = provenance.origin
  return db.transaction((): StoreResult => {
    const existing = stmt(db, 'SELECT seq FROM documents WHERE id = ?').pluck().get(id) as number | undefined
    if (existing !== undefined) {
      stmt(db, 'INSERT OR IGNORE INTO sightings (doc, locator, found_via, first_seen) VALUES (?, ?, ?, ?)').run(existing, locator, provenance.foundVia, now)
      return { status: 'duplicate', id, seq: existing }
    }
    const sig = minhash(record.text)
    const fam = findFamily(db, sig)
    const published = intervalOf(record.published?.value)
    const seenDate = published ? isoDay(published.start) : now.slice(0, 10)
    const { text, ...withoutText } = record
    const seq = Number(stmt(db, 'SELECT COALESCE(MAX(seq), 0) + 1 FROM documents').pluck().get())
    stmt(db, `INSERT INTO documents (seq, id, input_id, lang, lang_method, lang_score, published, published_precision, published_from, seen_date,
        found_via, origin, url, title, publisher, source, charset, text, chars, minhash, family, family_similarity, extracted, record,
        kronika_version, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      seq, id, record.id, record.lang, record.langDecision.method, record.langDecision.score ?? null,
      record.published?.value ?? null, record.published?.precision ?? null, record.published?.from ?? null, seenDate,
      provenance.foundVia, provenance.origin, record.source.url ?? null, record.source.title ?? null, record.source.publisher ?? null,
      record.source.publisher ?? hostOf(record.source.url) ?? null, provenance.charset ?? null, text, text.length,
      sig ? signatureBytes(sig) : null, fam.family ?? seq, fam.similarity ?? null, provenance.extracted === false ? 0 : 1,
      JSON.stringify(withoutText), record.kronika.version ?? VERSION, now,
    )
    stmt(db, 'INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)').run(seq, record.source.title ?? '', text)
    indexBands(db, seq, sig)
    stmt(db, 'INSERT OR IGNORE INTO sightings (doc, locator, found_via, first_seen) VALUES (?, ?, ?, ?)').run(seq, locator, provenance.foundVia, now)

    const keyOf = new Map<string, string>()
    const putEntity = stmt(db, `INSERT INTO entities (key, kb, name, type, country, sector, wikidata, geonames, lon, lat, linked)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET
        country = COALESCE(entities.country, excluded.country), sector = COALESCE(entities.sector, excluded.sector),
        lon = COALESCE(entities.lon, excluded.lon), lat = COALESCE(entities.lat, excluded.lat)`)
    const putDocEntity = stmt(db, 'INSERT INTO doc_entities (doc, local, entity, name, rule, mentions) VALUES (?, ?, ?, ?, ?, ?)')
    const putMention = stmt(db, 'INSERT INTO mentions (doc, local, start, end, text, rule) VALUES (?, ?, ?, ?, ?, ?)')
    for (const e of record.entities) {
      const key = entityKey(e)
      keyOf.set(e.id, key)
      putEntity.run(key, e.ids?.kb ?? null, e.name, e.type, e.country ?? null, e.sector ?? null, e.ids?.wikidata ?? null, e.ids?.geonames ?? null,
        e.coordinates?.[0] ?? null, e.coordinates?.[1] ?? null, e.linked ? 1 : 0)
      putDocEntity.run(seq, e.id, key, e.name, e.rule, e.mentions.length)
      for (const m of e.mentions) putMention.run(seq, e.id, m.start, m.end, m.text, m.rule)
    }
    const putTime = stmt(db, 'INSERT INTO times (doc, idx, start, end, text, value, type, precision, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    record.times.forEach((t, i) => putTime.run(seq, i, t.start, t.end, t.text, t.value, t.type, t.precision ?? null, t.rule))
    const putQuote = stmt(db, 'INSERT INTO quotes (doc, idx, start, end, text, speaker, cue_start, cue_end, cue_text, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    record.quotes.forEach((q, i) => putQuote.run(seq, i, q.start, q.end, q.text, q.speaker ? keyOf.get(q.speaker) ?? null : null,
      q.cue?.start ?? null, q.cue?.end ?? null, q.cue?.text ?? null, q.rule))
    const putAmount = stmt(db, 'INSERT INTO amounts (doc, idx, start, end, text, value, approx, min, max, unit, object, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    record.amounts.forEach((a, i) => putAmount.run(seq, i, a.start, a.end, a.text, a.value, a.approx ? 1 : 0, a.min ?? null, a.max ?? null,
      a.unit ?? null, a.object ?? null, a.rule))
    const putMessage = stmt(db, 'INSERT INTO messages (doc, idx, start, end, reason, rule, severity) VALUES (?, ?, ?, ?, ?, ?, ?)')
    record.messages.forEach((m, i) => putMessage.run(seq, i, m.start ?? null, m.end ?? null, m.reason, m.rule, m.severity))

    const putReport = stmt(db, `INSERT INTO reports (doc, local, event, type, mode, cameo, quad, modality, actor, recipient, place, time_value,
        date_start, date_end, swapped, trigger_start, trigger_end, trigger_text, evidence_start, evidence_end, sentence, attribution, rule, confidence)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    const touched = new Set<number>()
    for (const r of eventReports(record)) {
      const found = findEvent(db, r)
      const event = found?.event ?? createEvent(db, r, seenDate)
      const swapped = found?.swapped ?? false
      const ev = r.event
      putReport.run(seq, r.local, event, r.type, r.mode ?? null, r.cameo ?? null, r.quad ?? null, r.modality, JSON.stringify(r.actor),
        JSON.stringify(r.recipient), r.place ?? null, r.timeValue ?? null, r.interval ? isoDay(r.interval.start) : null,
        r.interval ? isoDay(r.interval.end) : null, swapped ? 1 : 0, ev.trigger.start, ev.trigger.end, ev.trigger.text, ev.evidence.start,
        ev.evidence.end, r.sentence ?? null,
        JSON.stringify(ev.attribution.map((a) => ({ ...a, source: keyOf.get(a.source) ?? a.source }))), ev.rule, ev.confidence)
      addEventKeys(db, event, r, swapped)
      // the event's days narrow as reports arrive, so the next report of this document is matched against them
      refreshEvent(db, event)
      touched.add(event)
    }
    const familyId = fam.family !== undefined ? stmt(db, 'SELECT id FROM documents WHERE seq = ?').pluck().get(fam.family) as string : undefined
    return {
      status: 'ok', id, seq, events: touched.size,
      ...(familyId ? { nearDuplicateOf: familyId, similarity: fam.similarity! } : {}),
    }
  }).immediate()
}

/** Rows in each table: for checks that a re-run or a resumed run changed nothing. */
export function storeCounts(store: Store): Record<string, number> {
  const out: Record<string, number> = {}
  for (const t of ['documents', 'sightings', 'entities', 'doc_entities', 'mentions', 'times', 'quotes', 'amounts', 'messages', 'reports', 'events', 'event_keys', 'minhash_bands']) {
    out[t] = stmt(store.db, `SELECT COUNT(*) FROM ${t}`).pluck().get() as number
  }
  return out
}
