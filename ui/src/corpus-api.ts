// Types of the corpus endpoints' answers (documented in /openapi.json) and the filters the views share.

export interface ReportRow {
  id: number; event: number; doc_id: string; type: string; modality: string
  trigger_start: number; trigger_end: number; trigger_text: string; evidence_start: number; evidence_end: number
  rule: string; lang: string; source: string | null; url: string | null; seen_date: string
}

export interface EventRow {
  id: number; type: string; mode: string | null; quad: number | null; modality: string
  actor: string[]; actor_names: string[]; recipient: string[]; recipient_names: string[]
  place: string | null; place_name: string | null; lon: number | null; lat: number | null
  date_start: string | null; date_end: string | null; time_value: string | null; first_seen: string
  reports: number; stories: number; sources: number; langs: string; confidence: number
  report_rows?: ReportRow[]
}

export interface Facet { value: string; label?: string; count: number }

export interface SearchResult {
  documents: Array<{ id: string; lang: string; title: string | null; seen_date: string; snippet?: string; published?: string | null; chars?: number }>
  events: number
  capped: boolean
  facets: Record<'lang' | 'type' | 'quad' | 'actor' | 'country' | 'modality' | 'month', Facet[]>
}

export interface Timeline { interval: string; by: string; buckets: string[]; series: Array<{ key: string; label: string; counts: number[] }>; undated: number; events: number }

export interface Network {
  nodes: Array<{ key: string; name: string; type: string | null; country: string | null; reports: number; events: number }>
  edges: Array<{ source: string; target: string; events: number; reports: number; types: Record<string, number>; conflict: number }>
  events: number
}

/** The filter parameters every corpus endpoint takes. */
export const FILTER_KEYS = ['q', 'actor', 'recipient', 'country', 'type', 'quad', 'modality', 'lang', 'source', 'since', 'until', 'min_reports'] as const

export type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>

export function filtersFrom(params: URLSearchParams): Filters {
  const f: Filters = {}
  for (const k of FILTER_KEYS) { const v = params.get(k); if (v) f[k] = v }
  return f
}

export function when(r: EventRow): string {
  if (!r.date_start) return `seen ${r.first_seen}`
  return r.date_start === r.date_end || !r.date_end ? r.date_start : `${r.date_start} … ${r.date_end}`
}

/** The link that opens the document of a report at its evidence. */
export function evidenceHref(r: ReportRow): string {
  return `#/doc/${encodeURIComponent(r.doc_id)}?at=${r.trigger_start}`
}
