// The article view: paste, upload or open a text; its facts highlighted in the original characters, the events in
// a side panel, and the evidence span and producing rule of whatever fact is clicked.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { DocumentRecord, Entity, Event as RecordEvent } from '../../../src/record/schema.ts'
import { extract, getDocument } from '../api.ts'
import { entityById, eventById, factsOf, pick, QUAD_NAMES, segments, type Fact, type FactKind } from '../facts.ts'
import { SAMPLES } from '../samples.ts'

const KINDS: Array<{ kind: FactKind; label: string }> = [
  { kind: 'entity', label: 'entities' }, { kind: 'time', label: 'times' }, { kind: 'quote', label: 'quotes' },
  { kind: 'amount', label: 'amounts' }, { kind: 'event', label: 'event triggers' }, { kind: 'cue', label: 'cues' },
]

type Tab = 'events' | 'entities' | 'times' | 'quotes' | 'amounts' | 'messages'

export function ArticleView(props: { docId?: string; at?: number }) {
  const [text, setText] = useState('')
  const [lang, setLang] = useState('')
  const [published, setPublished] = useState('')
  const [record, setRecord] = useState<DocumentRecord | undefined>()
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [selected, setSelected] = useState<string | undefined>()
  const [hidden, setHidden] = useState<Set<FactKind>>(new Set())
  const [tab, setTab] = useState<Tab>('events')
  const [editing, setEditing] = useState(true)
  const [openId, setOpenId] = useState(props.docId ?? '')

  useEffect(() => {
    if (!props.docId) return
    setBusy(true); setError('')
    getDocument(props.docId)
      .then((rec) => {
        setRecord(rec); setText(rec.text); setEditing(false)
        const at = props.at
        if (at !== undefined) {
          const ev = rec.events.find((e) => e.trigger.start <= at && at < Math.max(e.trigger.end, e.trigger.start + 1))
          setSelected(ev ? `ev:${ev.id}` : undefined)
        } else setSelected(undefined)
      })
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false))
  }, [props.docId, props.at])

  const run = async () => {
    if (!text.trim()) { setError('paste or upload an article first'); return }
    setBusy(true); setError('')
    try {
      const rec = await extract({ text, ...(lang ? { lang } : {}), ...(published ? { published } : {}) })
      setRecord(rec); setSelected(undefined); setEditing(false)
    } catch (e) { setError((e as Error).message) } finally { setBusy(false) }
  }

  const upload = (ev: { currentTarget: HTMLInputElement }) => {
    const file = ev.currentTarget.files?.[0]
    if (!file) return
    file.text().then((t: string) => {
      // a JSON article: take its text and date as the CLI would
      if (/^\s*[{[]/.test(t)) {
        try {
          const o = JSON.parse(t) as Record<string, unknown>
          const first = (Array.isArray(o) ? o[0] : o) as Record<string, unknown>
          const body = first.text ?? first.maintext
          if (typeof body === 'string') t = body
          const d = first.date_publish ?? first.published ?? first.date
          if (typeof d === 'string') setPublished(d.slice(0, 10))
          const l = first.language ?? first.lang
          if (typeof l === 'string') setLang(l)
        } catch { /* plain text after all */ }
      }
      const header = /^\s*date\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)[ \t]*\r?\n?[ \t]*/.exec(t)
      if (header) { setPublished(header[1]!); t = t.slice(header[0].length) }
      setText(t); setEditing(true)
    }).catch((e: Error) => setError(e.message))
  }

  return (
    <div class="article-view">
      {editing || !record ? (
        <section class="input-panel">
          <textarea id="article-text" placeholder="Paste a dated news article (Albanian or English)…" value={text}
            onInput={(e) => setText(e.currentTarget.value)} rows={10} />
          <div class="controls">
            <label>language <select id="article-lang" value={lang} onChange={(e) => setLang(e.currentTarget.value)}>
              <option value="">detect</option><option value="sq">Albanian (sq)</option><option value="en">English (en)</option>
            </select></label>
            <label>published <input id="article-published" type="date" value={published} onInput={(e) => setPublished(e.currentTarget.value)} /></label>
            <label class="file">upload <input type="file" accept=".txt,.json,.jsonl,text/plain,application/json" onChange={upload} /></label>
            <button id="extract-button" class="primary" disabled={busy} onClick={run}>{busy ? 'Extracting…' : 'Extract'}</button>
            {SAMPLES.map((s) => (
              <button class="link" onClick={() => { setText(s.text); setLang(s.lang); setPublished(s.published) }}>{s.label}</button>
            ))}
            <span class="spacer" />
            <form class="open-doc" onSubmit={(e) => { e.preventDefault(); if (openId.trim()) location.hash = `#/doc/${encodeURIComponent(openId.trim())}` }}>
              <input placeholder="stored document id" value={openId} onInput={(e) => setOpenId(e.currentTarget.value)} />
              <button type="submit">Open</button>
            </form>
          </div>
        </section>
      ) : (
        <div class="record-bar">
          <span class="badge">{record.lang} · {record.langDecision.method}{record.langDecision.score !== undefined ? ` ${record.langDecision.score}` : ''}</span>
          {record.published && <span class="badge">published {record.published.value} ({record.published.from})</span>}
          {record.source.title && <strong>{record.source.title}</strong>}
          <span class="muted">id {record.id}</span>
          <span class="spacer" />
          <button onClick={() => setEditing(true)}>New text</button>
        </div>
      )}
      {error && <div class="error" role="alert">{error}</div>}
      {record && <RecordView record={record} selected={selected} onSelect={setSelected} hidden={hidden} setHidden={setHidden} tab={tab} setTab={setTab} />}
    </div>
  )
}

function RecordView(p: {
  record: DocumentRecord; selected: string | undefined; onSelect: (k: string | undefined) => void
  hidden: Set<FactKind>; setHidden: (s: Set<FactKind>) => void; tab: Tab; setTab: (t: Tab) => void
}) {
  const { record } = p
  const facts = useMemo(() => factsOf(record), [record])
  const byKey = useMemo(() => new Map(facts.map((f) => [f.key, f])), [facts])
  const visible = useMemo(() => facts.filter((f) => !p.hidden.has(f.kind)), [facts, p.hidden])
  const segs = useMemo(() => segments(record.text, visible), [record.text, visible])
  const entities = useMemo(() => entityById(record), [record])
  const events = useMemo(() => eventById(record), [record])
  const textRef = useRef<HTMLDivElement>(null)
  const fact = p.selected ? byKey.get(p.selected) : undefined
  const marks = useMemo(() => selectionMarks(record, fact, facts), [record, fact, facts])

  useEffect(() => {
    const el = textRef.current?.querySelector('.sel')
    if (el && 'scrollIntoView' in el) el.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
  }, [p.selected])

  const counts = new Map<FactKind, number>()
  for (const f of facts) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1)
  const toggle = (k: FactKind) => { const s = new Set(p.hidden); if (s.has(k)) s.delete(k); else s.add(k); p.setHidden(s) }
  const select = (key: string) => p.onSelect(key)

  return (
    <div class="record">
      <div class="text-col">
        <div class="legend">
          {KINDS.map(({ kind, label }) => (
            <label class={`legend-item k-${kind}`}>
              <input type="checkbox" checked={!p.hidden.has(kind)} onChange={() => toggle(kind)} />
              <span class="swatch" /> {label} <span class="count">{counts.get(kind) ?? 0}</span>
            </label>
          ))}
        </div>
        <div class="doc-text" ref={textRef} id="doc-text">
          {segs.map((s) => {
            const piece = record.text.slice(s.start, s.end)
            const m = marks(s.start, s.end)
            if (s.facts.length === 0) return m ? <span class={m}>{piece}</span> : piece
            const cls = ['seg', ...new Set(s.facts.map((f) => `k-${f.kind}${f.entityType ? ` e-${f.entityType}` : ''}`))]
            if (m) cls.push(m)
            const top = pick(s.facts)!
            return (
              <span class={cls.join(' ')} data-s={s.start} data-kind={top.kind} title={`${top.label} · ${top.rule}`}
                onClick={(e) => { e.stopPropagation(); select(top.key) }}>{piece}</span>
            )
          })}
        </div>
        {record.messages.length > 0 && <p class="muted">{record.messages.length} message(s) from the pipeline — see the Messages tab.</p>}
      </div>
      <aside class="side-col">
        {fact ? <Evidence record={record} fact={fact} entities={entities} events={events} onSelect={select} onClose={() => p.onSelect(undefined)} />
          : <div class="evidence empty">Click any highlighted word — or an event below — to see its evidence span and the rule that produced it.</div>}
        <div class="tabs">
          {(['events', 'entities', 'times', 'quotes', 'amounts', 'messages'] as Tab[]).map((t) => (
            <button class={p.tab === t ? 'tab active' : 'tab'} onClick={() => p.setTab(t)}>{t} <span class="count">{tabCount(record, t)}</span></button>
          ))}
        </div>
        <div class="tab-body">
          {p.tab === 'events' && <EventList record={record} entities={entities} selected={p.selected} onSelect={select} />}
          {p.tab === 'entities' && (
            <ul class="fact-list" id="entity-list">
              {record.entities.map((e) => (
                <li class={p.selected?.startsWith(`m:${e.id}:`) ? 'active' : ''} onClick={() => select(`m:${e.id}:0`)}>
                  <span class={`badge e-${e.type}`}>{e.type}</span> {e.name} {e.country && <span class="muted">{e.country}</span>}
                  {!e.linked && <span class="badge unlinked">unlinked</span>} <span class="count">×{e.mentions.length}</span>
                </li>
              ))}
            </ul>
          )}
          {p.tab === 'times' && (
            <ul class="fact-list">{record.times.map((t, i) => <li onClick={() => select(`t:${i}`)}><q>{t.text}</q> → <code>{t.value}</code> <span class="muted">{t.type}</span></li>)}</ul>
          )}
          {p.tab === 'quotes' && (
            <ul class="fact-list">{record.quotes.map((q, i) => <li onClick={() => select(`q:${i}`)}><q>{clip(q.text, 90)}</q> {q.speaker && <span>— {entities.get(q.speaker)?.name ?? q.speaker}</span>}</li>)}</ul>
          )}
          {p.tab === 'amounts' && (
            <ul class="fact-list">{record.amounts.map((a, i) => <li onClick={() => select(`a:${i}`)}><q>{a.text}</q> = {a.value}{a.unit ? ` ${a.unit}` : ''} {a.object && <span class="muted">{a.object}</span>}</li>)}</ul>
          )}
          {p.tab === 'messages' && (
            <ul class="fact-list">{record.messages.map((m) => <li><span class={`badge sev-${m.severity}`}>{m.severity}</span> {m.reason} <code>{m.rule}</code></li>)}</ul>
          )}
        </div>
      </aside>
    </div>
  )
}

function tabCount(r: DocumentRecord, t: Tab): number {
  return t === 'events' ? r.events.length : t === 'entities' ? r.entities.length : t === 'times' ? r.times.length : t === 'quotes' ? r.quotes.length : t === 'amounts' ? r.amounts.length : r.messages.length
}

/** Classes for the selected fact's spans: the fact itself, an event's evidence sentence and its arguments. */
function selectionMarks(record: DocumentRecord, fact: Fact | undefined, facts: Fact[]): (start: number, end: number) => string {
  if (!fact) return () => ''
  const sel: Array<[number, number]> = []
  const arg: Array<[number, number]> = []
  let evidence: [number, number] | undefined
  if (fact.kind === 'entity' && fact.owner) {
    for (const f of facts) if (f.kind === 'entity' && f.owner === fact.owner) sel.push([f.start, f.end])
  } else sel.push([fact.start, fact.end])
  const ev = fact.kind === 'event' || (fact.kind === 'cue' && fact.role !== 'quote') ? record.events.find((e) => e.id === fact.owner) : undefined
  if (ev) {
    evidence = [ev.evidence.start, ev.evidence.end]
    sel.push([ev.trigger.start, ev.trigger.end])
    const ids = new Set([...ev.actor, ...ev.recipient, ...(ev.place ? [ev.place] : [])])
    for (const f of facts) if (f.kind === 'entity' && f.owner && ids.has(f.owner) && f.start >= ev.evidence.start && f.end <= ev.evidence.end) arg.push([f.start, f.end])
    if (ev.time) { const t = record.times[ev.time.index]; if (t) arg.push([t.start, t.end]) }
    for (const r of ev.reports ?? []) arg.push([r.start, r.end])
  }
  const inside = (list: Array<[number, number]>, s: number, e: number) => list.some(([a, b]) => s >= a && e <= b)
  return (s, e) => {
    const out: string[] = []
    if (inside(sel, s, e)) out.push('sel')
    else if (inside(arg, s, e)) out.push('arg')
    if (evidence && s >= evidence[0] && e <= evidence[1]) out.push('evid')
    return out.join(' ')
  }
}

function names(ids: string[], entities: Map<string, Entity>): string {
  return ids.map((id) => entities.get(id)?.name ?? id).join(', ') || '—'
}

function EventList(p: { record: DocumentRecord; entities: Map<string, Entity>; selected: string | undefined; onSelect: (k: string) => void }) {
  if (p.record.events.length === 0) return <p class="muted">No events found.</p>
  return (
    <ul class="event-list" id="event-list">
      {p.record.events.map((ev) => (
        <li class={p.selected === `ev:${ev.id}` ? 'event-row active' : 'event-row'} data-event={ev.id} onClick={() => p.onSelect(`ev:${ev.id}`)}>
          <div>
            <span class={`badge type q${ev.quad ?? 0}`}>{ev.type}</span>{' '}
            <span class="actors">{names(ev.actor, p.entities)}</span> → <span class="actors">{names(ev.recipient, p.entities)}</span>
          </div>
          <div class="badges">
            <span class={`badge mod-${ev.modality}`}>{ev.modality}</span>
            {ev.attribution.map((a) => <span class={`badge stance-${a.stance}`}>{a.stance} · {p.entities.get(a.source)?.name ?? a.source}</span>)}
            {ev.time && <span class="badge time">{ev.time.value}</span>}
            <q class="trigger">{ev.trigger.text}</q>
          </div>
        </li>
      ))}
    </ul>
  )
}

function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s
}

/** The text around a span, with the span itself marked. */
function Context(p: { text: string; start: number; end: number; from?: number; to?: number }) {
  const from = p.from ?? Math.max(0, p.text.lastIndexOf('\n', p.start - 1) + 1, p.start - 160)
  const to = p.to ?? Math.min(p.text.length, p.end + 160)
  return (
    <blockquote class="context">
      {from > 0 && '…'}{p.text.slice(from, p.start)}<mark>{p.text.slice(p.start, p.end)}</mark>{p.text.slice(p.end, to)}{to < p.text.length && '…'}
    </blockquote>
  )
}

function Rule(p: { rule: string; label?: string }) {
  return <div class="rule-line"><span class="muted">{p.label ?? 'rule'}</span> <code class="rule">{p.rule}</code></div>
}

function Evidence(p: { record: DocumentRecord; fact: Fact; entities: Map<string, Entity>; events: Map<string, RecordEvent>; onSelect: (k: string) => void; onClose: () => void }) {
  const { record, fact, entities } = p
  const entityLink = (id: string) => {
    const e = entities.get(id)
    return <button class="link" onClick={() => p.onSelect(`m:${id}:0`)}>{e?.name ?? id}</button>
  }
  let body = null
  if (fact.kind === 'entity' && fact.owner) {
    const e = entities.get(fact.owner)!
    body = (
      <>
        <dl>
          <dt>name</dt><dd>{e.name} <span class={`badge e-${e.type}`}>{e.type}</span> {e.linked ? <span class="badge linked">linked</span> : <span class="badge unlinked">unlinked</span>}</dd>
          {e.country && <><dt>country</dt><dd>{e.country}</dd></>}
          {e.sector && <><dt>sector</dt><dd>{e.sector}</dd></>}
          {e.ids?.kb && <><dt>knowledge base</dt><dd><a href={`/v1/kb/${encodeURIComponent(e.ids.kb)}`} target="_blank"><code>{e.ids.kb}</code></a></dd></>}
          {e.ids?.wikidata && <><dt>wikidata</dt><dd><code>{e.ids.wikidata}</code></dd></>}
          {e.ids?.geonames && <><dt>geonames</dt><dd><code>{e.ids.geonames}</code></dd></>}
          {e.coordinates && <><dt>coordinates</dt><dd>{e.coordinates[1].toFixed(3)}, {e.coordinates[0].toFixed(3)}</dd></>}
          {e.linkReason && <><dt>why this referent</dt><dd>{e.linkReason}</dd></>}
        </dl>
        <Rule rule={e.rule} label="entity rule" />
        <div class="sub">mentions</div>
        <ul class="mentions">
          {e.mentions.map((m, i) => (
            <li class={fact.key === `m:${e.id}:${i}` ? 'active' : ''} onClick={() => p.onSelect(`m:${e.id}:${i}`)}>
              <q>{m.text}</q> <span class="muted">[{m.start}, {m.end})</span> <code class="rule">{m.rule}</code>
            </li>
          ))}
        </ul>
      </>
    )
  } else if (fact.kind === 'time') {
    const t = record.times[Number(fact.key.slice(2))]!
    body = <dl><dt>value</dt><dd><code>{t.value}</code></dd><dt>type</dt><dd>{t.type}{t.precision ? ` · ${t.precision}` : ''}</dd>{record.published && <><dt>resolved against</dt><dd>published {record.published.value}</dd></>}</dl>
  } else if (fact.kind === 'amount') {
    const a = record.amounts[Number(fact.key.slice(2))]!
    body = <dl><dt>value</dt><dd>{a.approx ? '≈ ' : ''}{a.value}{a.unit ? ` ${a.unit}` : ''}</dd>{(a.min !== undefined || a.max !== undefined) && <><dt>range</dt><dd>{a.min ?? '…'} – {a.max ?? '…'}</dd></>}{a.object && <><dt>counts</dt><dd>{a.object}</dd></>}</dl>
  } else if (fact.kind === 'quote' || fact.role === 'quote') {
    const q = record.quotes[Number((fact.owner ?? fact.key).split(':')[1])]!
    body = <dl><dt>speaker</dt><dd>{q.speaker ? entityLink(q.speaker) : '—'}</dd>{q.cue && <><dt>cue</dt><dd><q>{q.cue.text}</q> <span class="muted">[{q.cue.start}, {q.cue.end})</span></dd></>}<dt>quotation</dt><dd><q>{clip(q.text, 300)}</q></dd></dl>
  }
  const ev = fact.kind === 'event' || (fact.kind === 'cue' && fact.role !== 'quote') ? p.events.get(fact.owner!) : undefined
  if (ev) {
    const t = ev.time ? record.times[ev.time.index] : undefined
    body = (
      <>
        <dl>
          <dt>type</dt><dd><span class={`badge type q${ev.quad ?? 0}`}>{ev.type}</span>{ev.mode && ` · ${ev.mode}`}{ev.quad && <span class="muted"> · {QUAD_NAMES[ev.quad]}</span>}{ev.cameo && <span class="muted"> · CAMEO {ev.cameo}</span>}</dd>
          <dt>actor → recipient</dt><dd>{ev.actor.length ? ev.actor.map(entityLink) : '—'} → {ev.recipient.length ? ev.recipient.map(entityLink) : '—'}</dd>
          {ev.place && <><dt>place</dt><dd>{entityLink(ev.place)}</dd></>}
          {ev.time && <><dt>time</dt><dd><code>{ev.time.value}</code> {t && <q>{t.text}</q>}</dd></>}
          <dt>modality</dt><dd><span class={`badge mod-${ev.modality}`}>{ev.modality}</span> {ev.modalityCue && <>cue <q>{ev.modalityCue.text}</q> <span class="muted">[{ev.modalityCue.start}, {ev.modalityCue.end})</span></>}</dd>
          <dt>attribution</dt>
          <dd>{ev.attribution.length === 0 ? <span class="muted">the article's own voice</span> : ev.attribution.map((a) => (
            <div class="attribution"><span class={`badge stance-${a.stance}`}>{a.stance}</span> {entityLink(a.source)} {a.cue && <q>{a.cue.text}</q>} <code class="rule">{a.rule}</code></div>
          ))}</dd>
          <dt>confidence</dt><dd>{ev.confidence.toFixed(2)}</dd>
        </dl>
        <Rule rule={ev.rule} label="trigger rule" />
        {ev.argumentRules?.length ? <div class="rule-line"><span class="muted">argument rules</span> {ev.argumentRules.map((r) => <code class="rule">{r}</code>)}</div> : null}
        <div class="sub">evidence [{ev.evidence.start}, {ev.evidence.end})</div>
        <Context text={record.text} start={ev.trigger.start} end={ev.trigger.end} from={ev.evidence.start} to={ev.evidence.end} />
        {ev.reports?.length ? <div class="sub">further reports: {ev.reports.map((r) => <q class="report">{record.text.slice(r.start, r.end)}</q>)}</div> : null}
      </>
    )
  }
  return (
    <div class="evidence" id="evidence">
      <div class="evidence-head">
        <span class={`badge k-${fact.kind}`}>{fact.kind === 'cue' ? `${fact.role} cue` : fact.kind}</span>
        <strong>{fact.label}</strong>
        <span class="spacer" />
        <button class="link" onClick={p.onClose} aria-label="close">×</button>
      </div>
      <div class="span-line"><q class="span-text">{fact.text}</q> <span class="muted">characters [{fact.start}, {fact.end})</span></div>
      <Rule rule={fact.rule} />
      {fact.kind !== 'event' && <Context text={record.text} start={fact.start} end={fact.end} />}
      {body}
    </div>
  )
}
