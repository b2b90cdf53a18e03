/**
 * PLOVER JSON Lines: one record per event report, shaped like the PLOVER gold-standard records (`id`, `date`,
 * `source`/`target` actors with `actorText`, `code`, `sector`, `event`, `mode`, `eventText`, `eventLoc`, `text`,
 * `language`, `publication`), with the clustered event and the exact spans under `kronika`.
 */
import type { Db } from '../store/database.js'
import { queryEvents, queryReports, type Filters } from '../store/read-store.js'

export interface PloverActor { actorText: string; code?: string; sector?: string; kb?: string }

/** The PLOVER records of the events that pass the filters, in time order. */
export function* ploverRecords(db: Db, filters: Filters = {}): Generator<Record<string, unknown>> {
  const events = queryEvents(db, filters, 'time')
  const reports = queryReports(db, events.map((e) => e.id))
  const byId = new Map(events.map((e) => [e.id, e]))
  const docText = db.prepare('SELECT text FROM documents WHERE seq = ?').pluck()
  const entity = db.prepare('SELECT name, country, sector, kb FROM entities WHERE key = ?')
  const mention = db.prepare(`SELECT m.text FROM mentions m JOIN doc_entities de ON de.doc = m.doc AND de.local = m.local
    WHERE m.doc = ? AND de.entity = ? ORDER BY abs(m.start - ?) LIMIT 1`).pluck()
  let cachedDoc = -1, text = ''
  for (const r of reports) {
    if (r.doc !== cachedDoc) { cachedDoc = r.doc; text = docText.get(r.doc) as string }
    const actors = (keys: string[]): PloverActor[] => keys.map((k) => {
      const e = entity.get(k) as { name: string; country: string | null; sector: string | null; kb: string | null } | undefined
      return {
        actorText: (mention.get(r.doc, k, r.trigger_start) as string | undefined) ?? e?.name ?? k,
        ...(e?.country ? { code: e.country } : {}), ...(e?.sector ? { sector: e.sector } : {}), ...(e?.kb ? { kb: e.kb } : {}),
      }
    })
    const ev = byId.get(r.event)!
    const place = r.place ? entity.get(r.place) as { name: string; country: string | null } | undefined : undefined
    yield {
      id: `kronika-${r.doc_id}-${r.local}`,
      date: r.time_value && /^\d{4}-\d{2}-\d{2}$/.test(r.time_value) ? r.time_value : r.seen_date,
      source: actors(r.actor),
      target: actors(r.recipient),
      event: r.type,
      ...(r.mode ? { mode: r.mode } : {}),
      eventText: r.trigger_text,
      ...(place ? { eventLoc: { name: place.name, ...(place.country ? { 'country code': place.country } : {}) } } : {}),
      text: text.slice(r.evidence_start, r.evidence_end),
      language: r.lang,
      publication: r.source ?? r.url ?? r.origin,
      coder: 'kronika',
      kronika: {
        event: r.event, eventReports: ev.reports, eventLanguages: ev.langs.split(','), document: r.doc_id, local: r.local,
        cameo: r.cameo, quad: r.quad, modality: r.modality, confidence: r.confidence, rule: r.rule, url: r.url,
        trigger: { start: r.trigger_start, end: r.trigger_end, text: r.trigger_text }, evidence: { start: r.evidence_start, end: r.evidence_end },
      },
    }
  }
}
