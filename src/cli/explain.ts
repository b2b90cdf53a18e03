/** `--explain`: every fact of a record with the words that support it and the rule that produced it. */
import type { DocumentRecord } from '../record/schema.js'

const q = (s: string) => JSON.stringify(s.length > 80 ? s.slice(0, 77) + '…' : s)

export function explainRecord(rec: DocumentRecord, origin: string): string {
  const name = (id: string | undefined) => (id ? rec.entities.find((e) => e.id === id)?.name ?? id : '?')
  const out: string[] = []
  out.push(`# ${origin}  lang=${rec.lang} (${rec.langDecision.method}${rec.langDecision.score !== undefined ? ' ' + rec.langDecision.score : ''})  published=${rec.published ? `${rec.published.value} (${rec.published.precision}, from ${rec.published.from})` : 'unknown'}`)
  out.push(`## entities (${rec.entities.length})`)
  for (const e of rec.entities) {
    out.push(`${e.id} ${e.type} ${e.name}${e.country ? ' [' + e.country + ']' : ''}${e.ids?.kb ? ' <' + e.ids.kb + '>' : ' (unlinked)'}  ← ${e.rule}`)
    for (const m of e.mentions) out.push(`    ${m.start}-${m.end} ${q(m.text)}  ← ${m.rule}`)
  }
  out.push(`## times (${rec.times.length})`)
  for (const t of rec.times) out.push(`${t.start}-${t.end} ${q(t.text)} = ${t.value} (${t.type}${t.precision ? ', ' + t.precision : ''})  ← ${t.rule}`)
  out.push(`## amounts (${rec.amounts.length})`)
  for (const a of rec.amounts) out.push(`${a.start}-${a.end} ${q(a.text)} = ${a.approx ? '~' : ''}${a.value}${a.unit ? ' ' + a.unit : ''}${a.object ? ' of ' + q(a.object) : ''}  ← ${a.rule}`)
  out.push(`## quotes (${rec.quotes.length})`)
  for (const x of rec.quotes) out.push(`${x.start}-${x.end} ${q(x.text)} — ${x.speaker ? name(x.speaker) : 'speaker unknown'}${x.cue ? ' (cue ' + q(x.cue.text) + ')' : ''}  ← ${x.rule}`)
  out.push(`## statements (${rec.statements.length})`)
  for (const x of rec.statements) out.push(`${x.start}-${x.end} ${q(x.text)} — ${x.speaker ? name(x.speaker) : 'speaker unknown'} (cue ${q(x.cue.text)})  ← ${x.rule}`)
  out.push(`## events (${rec.events.length})`)
  for (const v of rec.events) {
    out.push(`${v.id} ${v.type}${v.mode ? '/' + v.mode : ''} ${v.actor.map(name).join('+') || '?'} → ${v.recipient.map(name).join('+') || '?'}  ${v.modality}${v.modalityCue ? ' (' + q(v.modalityCue.text) + ')' : ''}${v.time ? ' @' + v.time.value : ''}  trigger ${q(v.trigger.text)}  ← ${v.rule}${v.argumentRules?.length ? ', ' + v.argumentRules.join(', ') : ''}`)
    for (const a of v.attribution) out.push(`    according to ${name(a.source)} (${a.stance}${a.cue ? ', ' + q(a.cue.text) : ''})  ← ${a.rule}`)
  }
  if (rec.messages.length) {
    out.push(`## messages (${rec.messages.length})`)
    for (const m of rec.messages) out.push(`${m.severity}: ${m.reason}  ← ${m.rule}`)
  }
  return out.join('\n')
}
