/**
 * The query commands over the store: `kronika events | entities | quotes | timeline | search`, with shared
 * filters and `--format table|jsonl|csv`.
 */
import { parseArgs } from 'node:util'
import { openStore, storePath, type Store } from '../store/database.js'
import { queryDocuments, queryEntities, queryEvents, queryQuotes, queryReports, type Filters } from '../store/read-store.js'
import { quietOnClosedPipe, rowFormat, writeRows } from './format-rows.js'
import { UsageError } from './main.js'

const FILTER_OPTIONS = {
  db: { type: 'string' }, actor: { type: 'string' }, recipient: { type: 'string' }, country: { type: 'string' }, type: { type: 'string' },
  quad: { type: 'string' }, modality: { type: 'string' }, lang: { type: 'string' }, source: { type: 'string' }, since: { type: 'string' },
  until: { type: 'string' }, text: { type: 'string' }, 'min-reports': { type: 'string' }, limit: { type: 'string' }, format: { type: 'string' },
  reports: { type: 'boolean', default: false },
} as const

type Values = { [K in keyof typeof FILTER_OPTIONS]?: (typeof FILTER_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string }

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/
const MODALITIES = ['asserted', 'planned', 'hypothetical', 'negated']

/** Filters from the command line, checked. */
export function filtersFrom(v: Values, defaultLimit?: number): Filters {
  const f: Filters = {}
  if (v.actor) f.actor = v.actor
  if (v.recipient) f.recipient = v.recipient
  if (v.country) { if (!/^[A-Za-z]{3}$/.test(v.country)) throw new UsageError(`--country takes an ISO 3166-1 alpha-3 code such as RUS, not "${v.country}"`); f.country = v.country.toUpperCase() }
  if (v.type) f.type = v.type.toUpperCase()
  if (v.quad) { const q = Number(v.quad); if (![1, 2, 3, 4].includes(q)) throw new UsageError('--quad takes 1 (verbal cooperation), 2 (material cooperation), 3 (verbal conflict) or 4 (material conflict)'); f.quad = q }
  if (v.modality) { if (!MODALITIES.includes(v.modality)) throw new UsageError(`--modality takes ${MODALITIES.join(', ')}`); f.modality = v.modality }
  if (v.lang) f.lang = v.lang
  if (v.source) f.source = v.source
  for (const k of ['since', 'until'] as const) {
    const d = v[k]
    if (!d) continue
    if (!DATE.test(d)) throw new UsageError(`--${k} takes an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), not "${d}"`)
    // a year or month means its first day (--since) or its last (--until)
    f[k] = d.length === 10 ? d : k === 'since' ? (d + '-01-01').slice(0, 10) : d.length === 4 ? `${d}-12-31` : `${d}-31`
  }
  if (v.text) f.text = v.text
  if (v['min-reports']) { const n = Number(v['min-reports']); if (!Number.isInteger(n) || n < 1) throw new UsageError('--min-reports takes a positive whole number'); f.minReports = n }
  if (v.limit) { const n = Number(v.limit); if (!Number.isInteger(n) || n < 1) throw new UsageError('--limit takes a positive whole number'); f.limit = n } else if (defaultLimit) f.limit = defaultLimit
  return f
}

function withStore<T>(db: string | undefined, fn: (store: Store) => T): T {
  const store = openStore(storePath(db), { readonly: true })
  quietOnClosedPipe()
  try {
    return fn(store)
  } catch (err) {
    if (/fts5|MATCH/i.test((err as Error).message)) throw new UsageError(`the text query is not valid full-text syntax (${(err as Error).message}); put phrases in double quotes`)
    throw err
  } finally {
    store.close()
  }
}

const args = (argv: string[]) => parseArgs({ args: argv, allowPositionals: true, options: FILTER_OPTIONS })

const arrow = (r: Record<string, unknown>) => `${(r.actor_names as string[]).join(', ') || '?'} → ${(r.recipient_names as string[]).join(', ') || '—'}`
const when = (r: Record<string, unknown>) => r.date_start ? (r.date_start === r.date_end ? r.date_start : `${r.date_start}…${r.date_end}`) : `seen ${r.first_seen}`

export async function eventsCommand(argv: string[], order: 'reports' | 'time' = 'reports'): Promise<number> {
  const { values, positionals } = args(argv)
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}" (filters are options: --actor, --type, …)`)
  const format = rowFormat(values.format)
  const f = filtersFrom(values, format === 'table' ? 50 : undefined)
  withStore(values.db, (store) => {
    const rows = queryEvents(store.db, f, order) as unknown as Array<Record<string, unknown>>
    if (values.reports && format !== 'table') {
      const reports = queryReports(store.db, rows.map((r) => r.id as number))
      const byEvent = new Map<number, unknown[]>()
      for (const r of reports) { const list = byEvent.get(r.event); if (list) list.push(r); else byEvent.set(r.event, [r]) }
      for (const r of rows) r.report_rows = byEvent.get(r.id as number) ?? []
    }
    const table = order === 'time'
      ? [{ key: 'date', label: 'when', value: when }, { key: 'type', label: 'type' }, { key: 'mode', label: 'mode' }, { key: 'args', label: 'actor → recipient', width: 60, value: arrow },
         { key: 'reports', label: 'reports' }, { key: 'langs', label: 'langs' }, { key: 'id', label: 'event' }]
      : [{ key: 'id', label: 'event' }, { key: 'type', label: 'type' }, { key: 'mode', label: 'mode' }, { key: 'quad', label: 'quad' }, { key: 'args', label: 'actor → recipient', width: 60, value: arrow },
         { key: 'when', label: 'when', value: when }, { key: 'modality', label: 'modality' }, { key: 'reports', label: 'reports' }, { key: 'stories', label: 'stories' },
         { key: 'sources', label: 'sources' }, { key: 'langs', label: 'langs' }]
    writeRows(process.stdout, format, rows, table)
  })
  return 0
}

export async function entitiesCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...FILTER_OPTIONS, 'entity-type': { type: 'string' } } })
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`)
  const format = rowFormat(values.format)
  const f = filtersFrom(values, format === 'table' ? 50 : undefined)
  const entityType = values['entity-type'] ?? values.type
  withStore(values.db, (store) => {
    const rows = queryEntities(store.db, { ...f, ...(entityType ? { entityType } : {}), type: undefined } as Filters & { entityType?: string }) as unknown as Array<Record<string, unknown>>
    writeRows(process.stdout, format, rows, [{ key: 'key', label: 'entity', width: 40 }, { key: 'name', label: 'name', width: 36 }, { key: 'type', label: 'type' },
      { key: 'country', label: 'country' }, { key: 'documents', label: 'documents' }, { key: 'mentions', label: 'mentions' }, { key: 'first_seen', label: 'first seen' }, { key: 'last_seen', label: 'last seen' }])
  })
  return 0
}

export async function quotesCommand(argv: string[]): Promise<number> {
  const { values, positionals } = args(argv)
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`)
  const format = rowFormat(values.format)
  const f = filtersFrom(values, format === 'table' ? 50 : undefined)
  withStore(values.db, (store) => {
    const rows = queryQuotes(store.db, f) as unknown as Array<Record<string, unknown>>
    writeRows(process.stdout, format, rows, [{ key: 'seen_date', label: 'date' }, { key: 'speaker_name', label: 'speaker', width: 28 }, { key: 'text', label: 'quote', width: 80 },
      { key: 'lang', label: 'lang' }, { key: 'source', label: 'source', width: 24 }])
  })
  return 0
}

export async function timelineCommand(argv: string[]): Promise<number> {
  return eventsCommand(argv, 'time')
}

export async function searchCommand(argv: string[]): Promise<number> {
  const { values, positionals } = args(argv)
  const query = [values.text, ...positionals].filter(Boolean).join(' ')
  if (!query) throw new UsageError('search needs words to look for: kronika search "Kim Jong Un" [--lang sq] …')
  const format = rowFormat(values.format)
  const f = { ...filtersFrom(values, format === 'table' ? 20 : undefined), text: query }
  withStore(values.db, (store) => {
    const rows = queryDocuments(store.db, f) as unknown as Array<Record<string, unknown>>
    writeRows(process.stdout, format, rows, [{ key: 'seen_date', label: 'date' }, { key: 'lang', label: 'lang' }, { key: 'source', label: 'source', width: 24 },
      { key: 'title', label: 'title', width: 40 }, { key: 'snippet', label: 'match', width: 80 }, { key: 'id', label: 'document' }])
  })
  return 0
}
