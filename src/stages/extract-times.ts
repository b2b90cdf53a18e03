/**
 * Finds time expressions with the pack's patterns (`patterns/times.tsv`: id, pattern, action) and normalises
 * them to TIMEX3 values against the publication date, never more precise than what is known: against a
 * month-precision date, "on Monday" is that month, not an invented day.
 *
 * Actions: `ref VALUE` · `relative-day` · `weekday` · `date` · `month` · `month-year` · `year` · `decade` ·
 * `relative UNIT N` (UNIT may be `$` for the captured {time-unit}) · `duration` · `ago` · `later` · `day-range` ·
 * `set [VALUE]` (every week, on Mondays, daily) · `part Q|H` (the third quarter, the first half of 2023) ·
 * `season [N]` (this summer, last winter) · `clock [HH:MM]` (10 p.m. Wednesday, noon).
 */
import type { KronikaDocument } from '../document.js'
import type { Precision, Time, TimexType } from '../record/schema.js'
import { capture, findAll, matchClass, type PatternMatch } from '../patterns/token-pattern.js'
import { readNumber } from '../text/numbers.js'

interface Anchor { year: number; month?: number; day?: number }

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

function anchorOf(doc: KronikaDocument): Anchor | undefined {
  const p = doc.published
  if (!p) return undefined
  const [y, m, d] = p.value.split('-').map(Number)
  return { year: y!, ...(m ? { month: m } : {}), ...(d ? { day: d } : {}) }
}

function utc(y: number, m: number, d: number): Date { return new Date(Date.UTC(y, m - 1, d)) }
function isoDay(dt: Date): string { return `${dt.getUTCFullYear()}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}` }
function isoWeek(dt: Date): string {
  const t = new Date(dt.getTime())
  const day = (t.getUTCDay() + 6) % 7
  t.setUTCDate(t.getUTCDate() - day + 3)
  const firstThursday = new Date(Date.UTC(t.getUTCFullYear(), 0, 4))
  const week = 1 + Math.round(((t.getTime() - firstThursday.getTime()) / 86400000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7)
  return `${t.getUTCFullYear()}-W${pad(week)}`
}

/** A value at the anchor's own precision (what is honestly known when the expression is finer than the anchor). */
function anchorValue(a: Anchor): { value: string; precision: Precision } {
  if (a.day) return { value: `${a.year}-${pad(a.month!)}-${pad(a.day)}`, precision: 'day' }
  if (a.month) return { value: `${a.year}-${pad(a.month)}`, precision: 'month' }
  return { value: String(a.year), precision: 'year' }
}

const UNIT_CODES: Record<string, { timex: string; precision: Precision }> = {
  D: { timex: 'D', precision: 'day' }, W: { timex: 'W', precision: 'week' }, M: { timex: 'M', precision: 'month' },
  Y: { timex: 'Y', precision: 'year' }, DE: { timex: 'DE', precision: 'decade' }, H: { timex: 'H', precision: 'time' },
  MIN: { timex: 'M', precision: 'time' }, Q: { timex: 'Q', precision: 'quarter' }, CE: { timex: 'CE', precision: 'decade' },
}

/** Shifts the anchor by n units and formats at that unit's precision, or at the anchor's when it is coarser. */
function shift(a: Anchor, unit: string, n: number): { value: string; precision: Precision } {
  const need: Record<string, 'day' | 'month' | 'year'> = { D: 'day', W: 'day', M: 'month', Q: 'month', Y: 'year', DE: 'year' }
  const level = need[unit] ?? 'day'
  if (level === 'day' && !a.day) return anchorValue(a)
  if (level === 'month' && !a.month) return anchorValue(a)
  if (unit === 'D' || unit === 'W') {
    const dt = utc(a.year, a.month!, a.day!)
    dt.setUTCDate(dt.getUTCDate() + n * (unit === 'W' ? 7 : 1))
    return unit === 'W' ? { value: isoWeek(dt), precision: 'week' } : { value: isoDay(dt), precision: 'day' }
  }
  if (unit === 'M' || unit === 'Q') {
    const months = a.year * 12 + (a.month! - 1) + n * (unit === 'Q' ? 3 : 1)
    const y = Math.floor(months / 12), m = (months % 12) + 1
    return unit === 'Q' ? { value: `${y}-Q${Math.floor((m - 1) / 3) + 1}`, precision: 'quarter' } : { value: `${y}-${pad(m)}`, precision: 'month' }
  }
  if (unit === 'DE') return { value: String(Math.floor((a.year + 10 * n) / 10)), precision: 'decade' }
  return { value: String(a.year + n), precision: 'year' }
}

interface Resolved { value: string; type: TimexType; precision?: Precision }

function numberCapture(doc: KronikaDocument, m: PatternMatch, name: string): number | undefined {
  const c = capture(m, name)
  if (!c) return undefined
  if (/^\d+$/.test(c.value)) return Number(c.value)
  if (/^-?\d+(\.\d+)?$/.test(c.value)) return Number(c.value)
  const n = readNumber(doc.tokens, c.from, doc.pack, c.to)
  return n?.value
}

function resolve(doc: KronikaDocument, action: string[], m: PatternMatch, a: Anchor | undefined): Resolved | Resolved[] | undefined {
  const [verb, ...args] = action
  const unitOf = (u: string | undefined) => (u === '$' || u === undefined ? capture(m, 'time-unit')?.value : u)
  switch (verb) {
    case 'ref': return { value: args[0] ?? 'PRESENT_REF', type: 'DATE' }
    case 'relative-day': {
      // `relative-day [N] [PART]`: the offset and part of day come from the captures or the arguments (last night)
      const n = Number(capture(m, 'relative-day')?.value ?? args[0] ?? 0)
      const part = capture(m, 'part-of-day')?.value ?? args[1]
      if (!a) return { value: n === 0 ? 'PRESENT_REF' : n < 0 ? 'PAST_REF' : 'FUTURE_REF', type: 'DATE' }
      const r = shift(a, 'D', n)
      if (part && r.precision === 'day') return { value: `${r.value}T${part}`, type: 'TIME', precision: 'part-of-day' }
      return { ...r, type: 'DATE' }
    }
    case 'weekday': {
      const wd = Number(capture(m, 'weekday')?.value)
      const part = capture(m, 'part-of-day')?.value
      if (!a) return { value: 'XXXX-XX-XX', type: 'DATE' }
      if (!a.day) return { ...anchorValue(a), type: 'DATE' }
      const base = utc(a.year, a.month!, a.day)
      const today = ((base.getUTCDay() + 6) % 7) + 1
      let diff = wd - today
      const dir = args[0] ?? tenseOf(doc, m)
      if (dir === 'past') { if (diff > 0) diff -= 7 } else if (diff < 0) diff += 7
      base.setUTCDate(base.getUTCDate() + diff)
      return part ? { value: `${isoDay(base)}T${part}`, type: 'TIME', precision: 'part-of-day' } : { value: isoDay(base), type: 'DATE', precision: 'day' }
    }
    case 'date': {
      const day = numberCapture(doc, m, 'day'), month = Number(capture(m, 'month')?.value ?? capture(m, 're')?.value)
      let year = numberCapture(doc, m, 'year')
      if (!day || !month || month > 12) return undefined
      if (!year) { if (!a) return { value: `XXXX-${pad(month)}-${pad(day)}`, type: 'DATE', precision: 'day' }; year = yearOfMonth(doc, m, a, month, args[0]) }
      return { value: `${year}-${pad(month)}-${pad(day)}`, type: 'DATE', precision: 'day' }
    }
    case 'numeric-date': {
      const parts = doc.text.slice(doc.tokens[m.from]!.start, doc.tokens[m.to - 1]!.end).split(/\D+/).map(Number)
      const order = args[0] ?? 'dmy'
      const [day, month, year] = order === 'mdy' ? [parts[1], parts[0], parts[2]] : order === 'ymd' ? [parts[2], parts[1], parts[0]] : parts
      if (!day || !month || !year || month > 12 || day > 31) return undefined
      return { value: `${year}-${pad(month)}-${pad(day)}`, type: 'DATE', precision: 'day' }
    }
    case 'month-year': {
      const month = Number(capture(m, 'month')?.value), year = numberCapture(doc, m, 'year')
      if (!month || !year) return undefined
      return { value: `${year}-${pad(month)}`, type: 'DATE', precision: 'month' }
    }
    case 'month': {
      const month = Number(capture(m, 'month')?.value)
      if (!month) return undefined
      // `month [past|future|N]`: the direction, or the year offset (June last year: -1), when the words give it
      return { value: `${a ? yearOfMonth(doc, m, a, month, args[0]) : 'XXXX'}-${pad(month)}`, type: 'DATE', precision: 'month' }
    }
    case 'year': {
      const year = numberCapture(doc, m, 'year')
      return year ? { value: String(year), type: 'DATE', precision: 'year' } : undefined
    }
    case 'decade': {
      // a captured {year}, or the digits of a token like 1990s or '80s (two digits: the latest such decade not after the anchor)
      let year = numberCapture(doc, m, 'year')
      const digits = capture(m, 're')?.value.match(/\d+/)?.[0]
      if (!year && digits?.length === 4) year = Number(digits)
      else if (!year && digits?.length === 2) { const now = a?.year ?? 2000; year = 100 * Math.floor(now / 100) + Number(digits); if (year > now) year -= 100 }
      return year ? { value: String(Math.floor(year / 10)), type: 'DATE', precision: 'decade' } : undefined
    }
    case 'relative': {
      const unit = unitOf(args[0])
      const n = Number(args[1] ?? 0)
      if (!unit) return undefined
      if (!a) return { value: n < 0 ? 'PAST_REF' : n > 0 ? 'FUTURE_REF' : 'PRESENT_REF', type: 'DATE' }
      return { ...shift(a, unit, n), type: 'DATE' }
    }
    case 'duration': {
      const unit = unitOf(args[0])
      if (!unit) return undefined
      const n = args[1] === 'X' ? undefined : numberCapture(doc, m, 'n') ?? (args[1] ? Number(args[1]) : undefined)
      const code = UNIT_CODES[unit]?.timex ?? unit
      const time = unit === 'H' || unit === 'MIN'
      return { value: `P${time ? 'T' : ''}${n === undefined ? 'X' : n}${code}`, type: 'DURATION' }
    }
    case 'ago': case 'later': {
      const unit = unitOf(args[0])
      const n = numberCapture(doc, m, 'n') ?? 1
      if (!unit) return undefined
      // no anchor, or a vague count (several years ago): only the direction is known
      if (!a || capture(m, 'n')?.value === 'X') return { value: verb === 'ago' ? 'PAST_REF' : 'FUTURE_REF', type: 'DATE' }
      const r = shift(a, unit === 'W' ? 'D' : unit, (verb === 'ago' ? -1 : 1) * n * (unit === 'W' ? 7 : 1))
      return { ...r, type: 'DATE' }
    }
    case 'day-range': {
      const month = Number(capture(m, 'month')?.value)
      const d1 = numberCapture(doc, m, 'd1'), d2 = numberCapture(doc, m, 'd2')
      const year = numberCapture(doc, m, 'year') ?? a?.year
      if (!month || !d1 || !d2) return undefined
      const y = year ?? 'XXXX'
      return [
        { value: `${y}-${pad(month)}-${pad(d1)}`, type: 'DATE', precision: 'day' },
        { value: `${y}-${pad(month)}-${pad(d2)}`, type: 'DATE', precision: 'day' },
      ]
    }
    case 'set': {
      // a recurring time: the value given, or every {weekday} (XXXX-WXX-1), every {month} (XXXX-09), every N {time-unit}
      if (args[0]) return { value: args[0], type: 'SET' }
      const wd = capture(m, 'weekday')?.value, month = capture(m, 'month')?.value, unit = unitOf('$')
      const part = capture(m, 'part-of-day')?.value
      if (wd) return { value: `XXXX-WXX-${wd}${part ? `T${part}` : ''}`, type: 'SET' }
      if (month) return { value: `XXXX-${pad(Number(month))}`, type: 'SET' }
      if (!unit) return undefined
      const n = numberCapture(doc, m, 'n') ?? 1
      const time = unit === 'H' || unit === 'MIN'
      return { value: `P${time ? 'T' : ''}${n}${UNIT_CODES[unit]?.timex ?? unit}`, type: 'SET' }
    }
    case 'part': {
      // `part Q|H`: the {ordinal}'s quarter or half of the captured {year}, else of the anchor's year (Q3 also read from the token)
      const unit = args[0] ?? capture(m, 'year-part')?.value ?? 'Q'
      const n = Number(capture(m, 'ordinal')?.value ?? capture(m, 're')?.value.match(/\d/)?.[0])
      const max = unit === 'H' ? 2 : 4
      if (!n || n > max) return undefined
      const year = numberCapture(doc, m, 'year') ?? a?.year
      return { value: `${year ?? 'XXXX'}-${unit}${n}`, type: 'DATE', precision: unit === 'Q' ? 'quarter' : 'year' }
    }
    case 'clock': {
      // a time of day: {digits:hour}, {digits:minute} and an a.m./p.m. token (a /regex/ capture, which may hold the
      // digits too: 5pm), or the value given (noon); on the captured weekday or relative day, else the anchor's day
      const re = capture(m, 're')?.value ?? ''
      const glued = /^(\d{1,2})(?::(\d\d))?([ap])\.?m\.?$/i.exec(re)
      let hour = glued ? Number(glued[1]) : numberCapture(doc, m, 'hour')
      let minute = glued ? Number(glued[2] ?? 0) : numberCapture(doc, m, 'minute') ?? 0
      if (args[0]) [hour, minute] = args[0].split(':').map(Number) as [number, number]
      if (hour === undefined || hour > 24 || minute > 59) return undefined
      if (/^\d*:?\d*p/i.test(re) && hour < 12) hour += 12
      else if (/^\d*:?\d*a/i.test(re) && hour === 12) hour = 0
      const day = capture(m, 'weekday') ? resolve(doc, ['weekday'], m, a) : capture(m, 'relative-day') ? resolve(doc, ['relative-day'], m, a) : a ? { ...anchorValue(a), type: 'DATE' as const } : undefined
      if (!day || Array.isArray(day) || !/^\d{4}-\d{2}-\d{2}/.test(day.value)) return day
      return { value: `${day.value.slice(0, 10)}T${pad(hour)}:${pad(minute)}`, type: 'TIME', precision: 'time' }
    }
    case 'season': {
      // `season [N]`: the {season} of the captured {year}, else of the anchor's year shifted by N
      const cap = capture(m, 'season')
      const season = cap?.value
      if (!cap || !season) return undefined
      // a word that is a season only by a lesser lemma guess is not one: në veri (in the north) is no "verë" (summer)
      const tok = doc.tokens[cap.from]
      if (tok && !doc.pack.inClass('season', tok.norm) && !(tok.lemmas[0] && doc.pack.inClass('season', tok.lemmas[0]))) return undefined
      const year = numberCapture(doc, m, 'year') ?? (a ? a.year + Number(args[0] ?? 0) : undefined)
      return { value: `${year ?? 'XXXX'}-${season}`, type: 'DATE', precision: 'year' }
    }
    default:
      throw new Error(`${doc.pack.dir}/patterns/times.tsv: unknown time action "${verb}"`)
  }
}

/** A rule's action as words (`relative D -1` → relative, D, -1), split once per rule. */
const actions = new WeakMap<object, string[]>()
function actionOf(rule: { args: readonly string[] }): string[] {
  let action = actions.get(rule)
  if (!action) { action = rule.args.join(' ').split(/\s+/); actions.set(rule, action) }
  return action
}

export function extractTimes(doc: KronikaDocument): void {
  const rules = doc.pack.rules('times')
  if (!rules.length) return
  const a = anchorOf(doc)
  let warned = false
  // the end of token i's sentence (asked for every token, in order: the current sentence is kept)
  let sentenceFrom = 0, sentenceTo = -1
  const sentenceEnd = (i: number) => {
    if (i < sentenceFrom || i >= sentenceTo) [sentenceFrom, sentenceTo] = doc.sentenceOf(i)
    return sentenceTo
  }
  const matches = findAll(rules, doc.tokens, doc.pack.classes, sentenceEnd)
  for (const { rule, match } of matches) {
    const r = resolve(doc, actionOf(rule), match, a)
    if (!r) continue
    const list = Array.isArray(r) ? r : [r]
    // a leading preposition finds the expression but is not part of it (except before "ago"/"later" words)
    let from = match.from
    const preps = doc.pack.classes.get('time-preposition')
    const action = actionOf(rule)[0]
    if (preps && action !== 'ago' && action !== 'later') {
      for (;;) {
        const p = matchClass(preps, doc.tokens, from, match.to)[0]
        if (!p || p.to >= match.to) break
        from = p.to
      }
    }
    const start = doc.tokens[from]!.start, end = doc.tokens[match.to - 1]!.end
    for (const x of list) {
      if (!a && /X|REF/.test(x.value) && x.type !== 'DURATION' && !warned) {
        doc.message('no publication date: relative time expressions are not resolved to dates', 'core.time.no-anchor', 'info', { start, end })
        warned = true
      }
      const precision = x.precision ?? (x.type === 'DATE' ? precisionOf(x.value) : undefined)
      // (fields in the record's order, the precision only when known)
      const time = { start, end, text: doc.text.slice(start, end), value: x.value, type: x.type } as Time
      if (precision) time.precision = precision
      time.rule = rule.id
      doc.times.push(time)
    }
  }
}

/**
 * Whether a weekday refers forward or back: forward when its clause has a future or plan cue (the pack's
 * `modality-cue` class with value planned: do të, will), back otherwise (news mostly reports what happened).
 * The clause runs from the punctuation or `clause-marker` before the expression to the one after it, so a cue in
 * a quotation does not turn the day it was said on into a future one (“We will…,” he said Friday).
 */
function tenseOf(doc: KronikaDocument, m: PatternMatch, explicitPast = false): 'past' | 'future' | undefined {
  const cues = doc.pack.classes.get('modality-cue')
  if (!cues) return explicitPast ? undefined : 'past'
  const markers = doc.pack.classes.get('clause-marker')
  const [sFrom, sTo] = doc.sentenceOf(m.from)
  const boundary = (i: number) => /^[,;:–—()“”„«»"]$/.test(doc.tokens[i]!.text) || (!!markers && matchClass(markers, doc.tokens, i, sTo).length > 0)
  let from = m.from, to = m.to
  while (from > sFrom && !boundary(from - 1)) from--
  while (to < sTo && !boundary(to)) to++
  for (let i = from; i < to; i++) if (matchClass(cues, doc.tokens, i, to).some((c) => c.value === 'planned')) return 'future'
  if (!explicitPast) return 'past'
  // the past only when the clause says so: one of the pack's `past-markers` (was, were, had, did)
  const past = doc.pack.list('past-markers')
  for (let i = from; i < to; i++) if (past.has(doc.tokens[i]!.norm)) return 'past'
  return undefined
}

/**
 * The year of a month named without one: `past` or `future` when the words say so (last May, next March), or a
 * year offset (June last year: -1); else the anchor's year, unless its clause speaks of the future and the month
 * has passed (next year's) or of the past and the month is still to come (last year's: was issued on May 1 in a
 * March article); with no tense in the clause, a month more than half a year ahead is last year's (news reports
 * the past) and one nine or more months back is next year's (January in a November article).
 */
function yearOfMonth(doc: KronikaDocument, m: PatternMatch, a: Anchor, month: number, dir?: string): number {
  if (!a.month) return a.year
  if (dir === 'past') return month >= a.month ? a.year - 1 : a.year
  if (dir === 'future') return month <= a.month ? a.year + 1 : a.year
  if (dir && /^[+-]?\d+$/.test(dir)) return a.year + Number(dir)
  const diff = month - a.month
  const tense = diff !== 0 ? tenseOf(doc, m, true) : undefined
  if (diff < 0) return tense === 'future' || (tense !== 'past' && diff <= -9) ? a.year + 1 : a.year
  return tense === 'past' || (tense !== 'future' && diff > 6) ? a.year - 1 : a.year
}

/** Precision of a TIMEX3 date value by its shape. */
export function precisionOf(value: string): Precision | undefined {
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return 'part-of-day'
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'day'
  if (/^\d{4}-W\d{2}$/.test(value)) return 'week'
  if (/^\d{4}-\d{2}$/.test(value)) return 'month'
  if (/^\d{4}-Q\d$/.test(value)) return 'quarter'
  if (/^\d{4}$/.test(value)) return 'year'
  if (/^\d{3}$/.test(value)) return 'decade'
  return undefined
}
