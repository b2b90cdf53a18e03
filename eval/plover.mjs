#!/usr/bin/env node
// PLOVER gold-standard records (openeventdata/PLOVER GSR, dev subset): how well the English pack codes one
// sentence's event. Each record's `text` is extracted as English; our best event (the first in the sentence: news
// sentences put the main clause first) is compared with the record's `event` and with the country codes of its
// `source` (actor) and `target` (recipient) actors.
//
// Labels: the records use PLOVER 0.5b1 names, mapped to today's: DEMAND → REQUEST, DISAPPROVE → ACCUSE
// (disapprove), INVESTIGATE → ACCUSE (investigate), FIGHT → ASSAULT. PLOVER codes a stated intention as its own
// category: an intended cooperative act (will visit, promised to help) is AGREE and an intended hostile one
// (will withdraw its peacekeepers unless…, would blockade) is THREATEN, as CAMEO's "express intent" codes 03x
// and 13x do. Kronika keeps the act's own type with modality `planned`, so the headline type accuracy maps
// planned events of quad 1–2 to AGREE and of quad 4 (and PROTEST) to THREATEN; the raw accuracy is reported too.
// Countries: an actor counts as right when one of our event's actor entities has a country (or an IGO/NGO
// sector) among the record's codes; records without codes for that side are left out of its accuracy.
// The data is third-party and read in place from ../shared/eval/plover-gsr (never copied into the repo); without
// it the script prints "skipped" and exits 0.
//
// usage: node eval/plover.mjs [--json] [--errors N] [--data FILE]
// Needs the compiled engine: npm run build.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const sharedEval = process.env.KRONIKA_SHARED_EVAL ?? join(root, '..', 'shared', 'eval')
/** Where the records are expected. */
export const PLOVER_DEV = join(sharedEval, 'plover-gsr', 'dev.jsonl')

/** PLOVER 0.5b1 category names and their current equivalents. */
export const OLD_LABELS = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', FIGHT: 'ASSAULT' }
const QUAD = {
  AGREE: 1, CONSULT: 1, SUPPORT: 1, CONCEDE: 1, COOPERATE: 2, AID: 2, RETREAT: 2,
  REQUEST: 3, ACCUSE: 3, REJECT: 3, THREATEN: 3, PROTEST: 3, SANCTION: 4, MOBILIZE: 4, COERCE: 4, ASSAULT: 4,
}
/** Sectors that CAMEO writes in place of a country code. */
const SECTOR_CODES = new Set(['IGO', 'NGO', 'MNC', 'IMG'])

/** The PLOVER category a coder would give our event: an announced act is an intention (AGREE, THREATEN). */
export function ploverType(event) {
  if (event.modality !== 'planned') return event.type
  if (QUAD[event.type] <= 2) return 'AGREE'
  if (QUAD[event.type] === 4 || event.type === 'PROTEST') return 'THREATEN'
  return event.type
}

/** The codes an entity answers to: its country and, for international bodies, its sector. */
function codesOf(entity) {
  const out = new Set()
  if (entity?.country) out.add(entity.country)
  if (entity?.sector && SECTOR_CODES.has(entity.sector)) out.add(entity.sector)
  return out
}

const goldCodes = (side) => (Array.isArray(side) ? side.map((a) => (a && typeof a === 'object' ? a.code : undefined)).filter((c) => typeof c === 'string' && /^[A-Z]{3}$/.test(c)) : [])
const ratio = (a, b) => (b ? a / b : 0)
const round = (x) => Math.round(x * 1000) / 1000

/** The event we would code for the sentence: the first one (the main clause comes first in news sentences). */
export function bestEvent(events) {
  return [...events].sort((a, b) => a.trigger.start - b.trigger.start)[0]
}

/** Evaluates every record of the file; returns the figures and the per-record results. */
export async function evaluatePlover(file = PLOVER_DEV) {
  const { extractDocument } = await import(pathToFileURL(join(root, 'dist', 'pipeline', 'extract.js')).href)
  const records = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l))
  let found = 0, typeOk = 0, rawOk = 0, actorN = 0, actorOk = 0, recipientN = 0, recipientOk = 0
  const results = []
  for (const r of records) {
    const gold = OLD_LABELS[r.event] ?? r.event
    const doc = extractDocument({ text: r.text, lang: 'en' })
    const ev = bestEvent(doc.events)
    const codes = (ids) => { const s = new Set(); for (const id of ids ?? []) for (const c of codesOf(doc.entity(id))) s.add(c); return s }
    const ours = ev ? ploverType(ev) : undefined
    const actor = codes(ev?.actor), recipient = codes(ev?.recipient)
    const gs = goldCodes(r.source), gt = goldCodes(r.target)
    const actorHit = gs.length ? gs.some((c) => actor.has(c)) : undefined
    const recipientHit = gt.length ? gt.some((c) => recipient.has(c)) : undefined
    if (ev) found++
    if (ours === gold) typeOk++
    if (ev?.type === gold) rawOk++
    if (actorHit !== undefined) { actorN++; if (actorHit) actorOk++ }
    if (recipientHit !== undefined) { recipientN++; if (recipientHit) recipientOk++ }
    results.push({ id: r.id, text: r.text, gold, ours, raw: ev?.type, trigger: ev?.trigger.text, rule: ev?.rule, modality: ev?.modality,
      goldActor: gs, goldRecipient: gt, actor: [...actor], recipient: [...recipient], actorHit, recipientHit,
      names: { actor: (ev?.actor ?? []).map((id) => doc.entity(id)?.name), recipient: (ev?.recipient ?? []).map((id) => doc.entity(id)?.name) } })
  }
  const figures = {
    'plover.type_acc': round(ratio(typeOk, records.length)), 'plover.type_acc_raw': round(ratio(rawOk, records.length)),
    'plover.actor_country_acc': round(ratio(actorOk, actorN)), 'plover.recipient_country_acc': round(ratio(recipientOk, recipientN)),
    'plover.event_found': round(ratio(found, records.length)),
  }
  return { records: records.length, actorN, recipientN, figures, results }
}

async function main() {
  const args = process.argv.slice(2)
  const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback }
  const file = opt('--data', PLOVER_DEV)
  if (!existsSync(file)) {
    console.log(args.includes('--json') ? JSON.stringify({ skipped: true, reason: `${file} not found` }) : `plover: skipped (${file} not found)`)
    return
  }
  const res = await evaluatePlover(file)
  const f = res.figures
  if (args.includes('--json')) { console.log(JSON.stringify({ records: res.records, actorN: res.actorN, recipientN: res.recipientN, ...f }, null, 2)); return }
  console.log(`PLOVER GSR: ${res.records} records; an event found for ${(100 * f['plover.event_found']).toFixed(1)}%`)
  console.log(`type accuracy ${f['plover.type_acc'].toFixed(3)} (target >= 0.80; without the intention mapping ${f['plover.type_acc_raw'].toFixed(3)})`)
  console.log(`actor country accuracy ${f['plover.actor_country_acc'].toFixed(3)} over ${res.actorN} records (target >= 0.75)`)
  console.log(`recipient country accuracy ${f['plover.recipient_country_acc'].toFixed(3)} over ${res.recipientN} records (target >= 0.75)`)
  const n = Number(opt('--errors', 20))
  const bad = res.results.filter((x) => x.ours !== x.gold || x.actorHit === false || x.recipientHit === false)
  for (const x of bad.slice(0, n)) {
    const mark = (ok) => (ok === undefined ? ' ' : ok ? '+' : '-')
    console.log(`\n${x.ours === x.gold ? '+' : '-'}type ${x.gold} ours ${x.ours ?? '∅'}${x.raw && x.raw !== x.ours ? ` (${x.raw} ${x.modality})` : ''} "${x.trigger ?? ''}" [${x.rule ?? ''}]  ${mark(x.actorHit)}actor ${x.goldActor.join('+') || '∅'} ours ${x.actor.join('+') || '∅'} (${x.names.actor.join('+')})  ${mark(x.recipientHit)}recipient ${x.goldRecipient.join('+') || '∅'} ours ${x.recipient.join('+') || '∅'} (${x.names.recipient.join('+')})`)
    console.log(`   ${x.text}`)
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
