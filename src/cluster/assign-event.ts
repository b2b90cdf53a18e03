/**
 * Clusters reports into events inside the store: a new report joins the best-matching existing event (see
 * compatible.ts) or starts a new one, and the events it touches have their counts, dates and canonical arguments
 * recomputed from all their reports. Deterministic for a given order of documents.
 */
import { stmt } from '../store/statements.js'
import type { Db } from '../store/database.js'
import type { ReportDraft, RoleKeys } from './event-report.js'
import { CLUSTER, matchScore, type ClusterOptions, type MatchView } from './compatible.js'
import { dayOf, intersect, intervalOf, isoDay, type DayInterval } from './time-interval.js'

interface CandidateRow {
  id: number
  type: string
  mode: string | null
  negated: number
  date_start: string | null
  date_end: string | null
  place: string | null
  place_country: string | null
}

function keysOf(db: Db, event: number): { a: RoleKeys; r: RoleKeys } {
  const out = { a: { specific: new Set<string>(), names: new Set<string>() }, r: { specific: new Set<string>(), names: new Set<string>() } }
  for (const row of stmt(db, 'SELECT role, key FROM event_keys WHERE event = ?').all(event) as Array<{ role: 'a' | 'r'; key: string }>) {
    (row.key.startsWith('nm:') ? out[row.role].names : out[row.role].specific).add(row.key)
  }
  return out
}

function allKeys(r: ReportDraft): string[] {
  return [...r.actorKeys.specific, ...r.actorKeys.names, ...r.recipientKeys.specific, ...r.recipientKeys.names]
}

/** Events wider than this many days are searched for as if undated (always candidates, checked in full). */
export const SEARCH_WINDOW_DAYS = 400

/** The event a report belongs to, and whether its roles are exchanged there; undefined when it starts a new one. */
export function findEvent(db: Db, report: ReportDraft, options: ClusterOptions = CLUSTER): { event: number; swapped: boolean } | undefined {
  const keys = JSON.stringify(allKeys(report))
  if (keys === '[]') return undefined
  let ids: number[]
  if (report.interval) {
    // an overlapping event of at most SEARCH_WINDOW_DAYS starts within that many days before the report's end
    const lo = isoDay(report.interval.start - options.slackDays), hi = isoDay(report.interval.end + options.slackDays)
    const from = isoDay(report.interval.start - options.slackDays - SEARCH_WINDOW_DAYS)
    ids = stmt(db, `SELECT event FROM event_keys WHERE key IN (SELECT value FROM json_each(@keys)) AND type = @type AND date_start BETWEEN @from AND @hi AND date_end >= @lo
      UNION SELECT event FROM event_keys WHERE key IN (SELECT value FROM json_each(@keys)) AND type = @type AND date_start IS NULL ORDER BY 1`)
      .pluck().all({ keys, type: report.type, from, hi, lo }) as number[]
  } else {
    ids = stmt(db, 'SELECT DISTINCT event FROM event_keys WHERE key IN (SELECT value FROM json_each(?)) AND type = ? ORDER BY 1').pluck().all(keys, report.type) as number[]
  }
  const getEvent = stmt(db, `SELECT e.id, e.type, e.mode, e.negated, e.date_start, e.date_end, e.place, pe.country AS place_country
    FROM events e LEFT JOIN entities pe ON pe.key = e.place WHERE e.id = ?`)
  const view: MatchView = {
    type: report.type, mode: report.mode, negated: report.negated, actor: report.actorKeys, recipient: report.recipientKeys,
    interval: report.interval, place: report.place, placeCountry: report.placeCountry,
  }
  let best: { event: number; swapped: boolean; score: number } | undefined
  for (const id of ids) {
    const row = getEvent.get(id) as CandidateRow
    if ((row.negated === 1) !== report.negated) continue
    const k = keysOf(db, row.id)
    const eventView: MatchView = {
      type: row.type, mode: row.mode ?? undefined, negated: row.negated === 1, actor: k.a, recipient: k.r,
      interval: row.date_start && row.date_end ? { start: dayOf(row.date_start), end: dayOf(row.date_end) } : undefined,
      place: row.place ?? undefined, placeCountry: row.place_country ?? undefined,
    }
    const m = matchScore(view, eventView, options)
    if (m && (!best || m.score > best.score)) best = { event: row.id, swapped: m.swapped, score: m.score }
  }
  return best ? { event: best.event, swapped: best.swapped } : undefined
}

/** Creates an empty event of the report's kind; its fields are filled by refreshEvent. */
export function createEvent(db: Db, report: ReportDraft, seenDate: string): number {
  const r = stmt(db, `INSERT INTO events (type, mode, cameo, quad, negated, actor, recipient, first_seen, last_seen, mentions, reports, stories,
      sources, languages, langs, modality, confidence) VALUES (?, ?, ?, ?, ?, '[]', '[]', ?, ?, 0, 0, 0, 0, 0, '', ?, 0)`)
    .run(report.type, report.mode ?? null, report.cameo ?? null, report.quad ?? null, report.negated ? 1 : 0, seenDate, seenDate, report.modality)
  return Number(r.lastInsertRowid)
}

/** Records the report's argument keys on its event. */
export function addEventKeys(db: Db, event: number, report: ReportDraft, swapped: boolean): void {
  const put = stmt(db, 'INSERT INTO event_keys (event, role, key, type, n) VALUES (?, ?, ?, ?, 1) ON CONFLICT (event, role, key) DO UPDATE SET n = n + 1')
  const [a, r] = swapped ? [report.recipientKeys, report.actorKeys] : [report.actorKeys, report.recipientKeys]
  for (const key of [...a.specific, ...a.names]) put.run(event, 'a', key, report.type)
  for (const key of [...r.specific, ...r.names]) put.run(event, 'r', key, report.type)
}

function mostFrequent<T>(values: Array<T | null | undefined>): T | undefined {
  const counts = new Map<T, number>()
  let best: T | undefined, bestN = 0
  for (const v of values) {
    if (v === null || v === undefined) continue
    const n = (counts.get(v) ?? 0) + 1
    counts.set(v, n)
    if (n > bestN) { best = v; bestN = n }
  }
  return best
}

function ranked(lists: string[][]): string[] {
  const counts = new Map<string, number>()
  for (const l of lists) for (const k of new Set(l)) counts.set(k, (counts.get(k) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k)
}

interface ReportRow {
  actor: string; recipient: string; swapped: number; mode: string | null; cameo: string | null; quad: number | null
  modality: string; place: string | null; time_value: string | null; date_start: string | null; date_end: string | null
  confidence: number; doc: number; family: number; source: string; lang: string; seen_date: string
}

/** Recomputes an event's fields from all its reports (counts, canonical arguments, days, first and last seen). */
export function refreshEvent(db: Db, event: number): void {
  const rows = stmt(db, `SELECT r.actor, r.recipient, r.swapped, r.mode, r.cameo, r.quad, r.modality, r.place, r.time_value, r.date_start,
      r.date_end, r.confidence, d.seq AS doc, d.family, COALESCE(d.source, 'doc:' || d.seq) AS source, d.lang, d.seen_date
    FROM reports r JOIN documents d ON d.seq = r.doc WHERE r.event = ? ORDER BY r.id`).all(event) as ReportRow[]
  if (rows.length === 0) { stmt(db, 'DELETE FROM events WHERE id = ?').run(event); stmt(db, 'DELETE FROM event_keys WHERE event = ?').run(event); return }
  let interval: DayInterval | undefined
  for (const r of rows) {
    if (r.date_start && r.date_end) interval = intersect(interval, { start: dayOf(r.date_start), end: dayOf(r.date_end) })
  }
  const actors = rows.map((r) => JSON.parse(r.swapped ? r.recipient : r.actor) as string[])
  const recipients = rows.map((r) => JSON.parse(r.swapped ? r.actor : r.recipient) as string[])
  // the most precise time value reported (narrowest interval), ties to the most reported
  const timeValues = rows.map((r) => r.time_value).filter((v): v is string => !!v && !!intervalOf(v))
  const width = (v: string) => { const i = intervalOf(v)!; return i.end - i.start }
  const time = timeValues.length ? [...new Set(timeValues)].sort((a, b) => width(a) - width(b) || timeValues.filter((x) => x === b).length - timeValues.filter((x) => x === a).length)[0] : undefined
  const langs = [...new Set(rows.map((r) => r.lang))].sort()
  const seen = rows.map((r) => r.seen_date).sort()
  stmt(db, `UPDATE events SET mode = ?, cameo = ?, quad = ?, date_start = ?, date_end = ?, time_value = ?, place = ?, actor = ?, recipient = ?,
      first_seen = ?, last_seen = ?, mentions = ?, reports = ?, stories = ?, sources = ?, languages = ?, langs = ?, modality = ?, confidence = ?
    WHERE id = ?`).run(
    mostFrequent(rows.map((r) => r.mode)) ?? null, mostFrequent(rows.map((r) => r.cameo)) ?? null, mostFrequent(rows.map((r) => r.quad)) ?? null,
    interval ? isoDay(interval.start) : null, interval ? isoDay(interval.end) : null, time ?? null,
    mostFrequent(rows.map((r) => r.place)) ?? null, JSON.stringify(ranked(actors)), JSON.stringify(ranked(recipients)),
    seen[0]!, seen[seen.length - 1]!, rows.length, new Set(rows.map((r) => r.doc)).size, new Set(rows.map((r) => r.family)).size,
    new Set(rows.map((r) => r.source)).size, langs.length, langs.join(','), mostFrequent(rows.map((r) => r.modality))!,
    Math.max(...rows.map((r) => r.confidence)), event,
  )
  const narrow = interval && interval.end - interval.start <= SEARCH_WINDOW_DAYS ? interval : undefined
  stmt(db, 'UPDATE event_keys SET date_start = ?, date_end = ? WHERE event = ?').run(narrow ? isoDay(narrow.start) : null, narrow ? isoDay(narrow.end) : null, event)
}
