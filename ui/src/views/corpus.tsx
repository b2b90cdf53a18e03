// The corpus view: full-text search with facets, the table of matching events (each a click away from its
// evidence in the reporting document), and export of the rows on screen as CSV, JSON Lines or GeoJSON.
import { useEffect, useState } from 'preact/hooks'
import { getJson, withQuery } from '../api.ts'
import { evidenceHref, filtersFrom, when, type EventRow, type Facet, type Filters, type SearchResult } from '../corpus-api.ts'
import { QUAD_NAMES } from '../facts.ts'

const PAGE = 50

function setHash(f: Filters) {
  location.hash = withQuery('#/corpus', f)
}

export function CorpusView(props: { query: URLSearchParams }) {
  const filters = filtersFrom(props.query)
  const key = JSON.stringify(filters)
  const [q, setQ] = useState(filters.q ?? '')
  const [search, setSearch] = useState<SearchResult | undefined>()
  const [rows, setRows] = useState<EventRow[]>([])
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined])
  const [next, setNext] = useState<string | null>(null)
  const [error, setError] = useState('')
  const cursor = cursors[cursors.length - 1]

  useEffect(() => { setQ(filters.q ?? ''); setCursors([undefined]) }, [key])
  useEffect(() => {
    setError('')
    getJson<SearchResult>('/v1/search', { ...filters, limit: 10 }).then(setSearch).catch((e: Error) => setError(e.message))
  }, [key])
  useEffect(() => {
    getJson<{ items: EventRow[]; next: string | null }>('/v1/events', { ...filters, limit: PAGE, cursor, reports: 1 })
      .then((p) => { setRows(p.items); setNext(p.next) })
      .catch((e: Error) => setError(e.message))
  }, [key, cursor])

  const toggle = (k: keyof Filters, v: string) => {
    const f = { ...filters }
    if (f[k] === v) delete f[k]; else f[k] = v
    setHash(f)
  }
  const month = (v: string) => {
    const f = { ...filters }
    if (f.since === v) { delete f.since; delete f.until } else { f.since = v; f.until = v }
    setHash(f)
  }
  const exportHref = (format: string) => withQuery('/v1/events', { ...filters, limit: PAGE, cursor, format })

  return (
    <div class="corpus-view">
      <form class="searchbar" onSubmit={(e) => { e.preventDefault(); const f = { ...filters }; if (q) f.q = q; else delete f.q; setHash(f) }}>
        <input type="search" id="corpus-search" placeholder='Search the stored articles: words, "a phrase", prefix*' value={q} onInput={(e) => setQ(e.currentTarget.value)} />
        <button type="submit" class="primary">Search</button>
        {Object.keys(filters).length > 0 && <button type="button" onClick={() => setHash({})}>Clear filters</button>}
        <span class="spacer" />
        <span class="muted">export this page:</span>
        <a class="export" id="export-csv" href={exportHref('csv')} download>CSV</a>
        <a class="export" href={exportHref('jsonl')} download>JSONL</a>
        <a class="export" href={exportHref('geojson')} download>GeoJSON</a>
      </form>
      {error && <div class="error" role="alert">{error}</div>}
      <div class="corpus">
        <aside class="facets" id="facets">
          {search ? (
            <>
              <FacetBox title="language" items={search.facets.lang} active={filters.lang} onPick={(v) => toggle('lang', v)} />
              <FacetBox title="event type" items={search.facets.type} active={filters.type} onPick={(v) => toggle('type', v)} />
              <FacetBox title="quad class" items={search.facets.quad.map((f) => ({ ...f, label: QUAD_NAMES[Number(f.value)] ?? 'none' }))} active={filters.quad} onPick={(v) => toggle('quad', v)} />
              <FacetBox title="actor" items={search.facets.actor} active={filters.actor} onPick={(v) => toggle('actor', v)} />
              <FacetBox title="country" items={search.facets.country} active={filters.country} onPick={(v) => toggle('country', v)} />
              <FacetBox title="modality" items={search.facets.modality} active={filters.modality} onPick={(v) => toggle('modality', v)} />
              <FacetBox title="month" items={search.facets.month} active={filters.since && filters.since === filters.until ? filters.since : undefined} onPick={month} />
            </>
          ) : <p class="muted">Loading facets…</p>}
        </aside>
        <section>
          {filters.q && search && (
            <>
              <h4 class="muted">{search.documents.length ? 'best matching articles' : 'no article matches'}</h4>
              <ul class="hits">
                {search.documents.map((d) => (
                  <li><a href={`#/doc/${encodeURIComponent(d.id)}`}>{d.title ?? d.id}</a> <span class="badge">{d.lang}</span> <span class="muted">{d.seen_date}</span>
                    {d.snippet && <div class="snippet">{highlight(d.snippet)}</div>}</li>
                ))}
              </ul>
            </>
          )}
          <div class="pager">
            <strong id="event-count">{search ? `${search.events} event${search.events === 1 ? '' : 's'}` : ''}</strong>
            <span class="spacer" />
            <button disabled={cursors.length <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>← previous</button>
            <span class="muted">page {cursors.length}</span>
            <button disabled={!next} onClick={() => next && setCursors([...cursors, next])}>next →</button>
          </div>
          <table class="events" id="event-table">
            <thead><tr><th>type</th><th>actor → recipient</th><th>when</th><th>where</th><th>modality</th><th>reports</th><th>evidence</th></tr></thead>
            <tbody>
              {rows.map((r) => {
                const first = r.report_rows?.[0]
                return (
                  <tr>
                    <td><span class={`badge type q${r.quad ?? 0}`}>{r.type}</span>{r.mode && <div class="muted">{r.mode}</div>}</td>
                    <td><b>{r.actor_names.join(', ') || '—'}</b> → <b>{r.recipient_names.join(', ') || '—'}</b></td>
                    <td>{when(r)}</td>
                    <td>{r.place_name ?? ''}</td>
                    <td><span class={`badge mod-${r.modality}`}>{r.modality}</span></td>
                    <td>{r.reports} <span class="muted">{r.langs}</span></td>
                    <td>{(r.report_rows ?? []).slice(0, 3).map((rep) => (
                      <div><a href={evidenceHref(rep)} title={`${rep.rule} · document ${rep.doc_id}`}>“{rep.trigger_text}”</a> <span class="muted">{rep.lang}</span></div>
                    ))}{!first && <span class="muted">—</span>}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
          {rows.length === 0 && <p class="muted">No events match. Ingest articles with <code>kronika ingest</code> or POST /v1/documents.</p>}
        </section>
      </div>
    </div>
  )
}

function FacetBox(p: { title: string; items: Facet[]; active: string | undefined; onPick: (v: string) => void }) {
  if (p.items.length === 0) return null
  return (
    <div class="facet">
      <h4>{p.title}</h4>
      {p.items.map((f) => (
        <label><input type="checkbox" checked={p.active === f.value} onChange={() => p.onPick(f.value)} />{f.label ?? f.value}<span class="count">{f.count}</span></label>
      ))}
    </div>
  )
}

/** FTS snippets mark matches with [ ]. */
function highlight(snippet: string) {
  return snippet.split(/(\[[^\]]*\])/).map((part) => part.startsWith('[') && part.endsWith(']') ? <mark>{part.slice(1, -1)}</mark> : part)
}
