/**
 * When two reports can be the same event: the same PLOVER type (and mode, when both say), the same polarity,
 * arguments that agree role by role — a shared KB id or a shared country, names the KB does not know never
 * contradicting —, days that overlap and places that do not contradict.
 */
import type { RoleKeys } from './event-report.js'
import { overlaps, type DayInterval } from './time-interval.js'

export interface ClusterOptions {
  /** Days of tolerance on each side when comparing when events happened. */
  slackDays: number
  /** Types whose actor and recipient may be exchanged (A meets B = B meets A). */
  symmetricTypes: ReadonlySet<string>
}

export const CLUSTER: ClusterOptions = {
  slackDays: 1,
  symmetricTypes: new Set(['CONSULT', 'COOPERATE']),
}

/** What a report or an event offers for matching. */
export interface MatchView {
  type: string
  mode?: string | undefined
  negated: boolean
  actor: RoleKeys
  recipient: RoleKeys
  interval?: DayInterval | undefined
  place?: string | undefined
  placeCountry?: string | undefined
}

export type RoleAgreement = 'same' | 'unknown' | 'different'

function shares(a: Set<string>, b: Set<string>): number {
  let n = 0
  for (const x of a) if (b.has(x)) n++
  return n
}

/** Whether two argument lists name the same participants. */
export function roleAgreement(a: RoleKeys, b: RoleKeys): { agreement: RoleAgreement; shared: number } {
  const shared = shares(a.specific, b.specific) + shares(a.names, b.names)
  if (shared > 0) return { agreement: 'same', shared }
  if (a.specific.size > 0 && b.specific.size > 0) return { agreement: 'different', shared: 0 }
  return { agreement: 'unknown', shared: 0 }
}

/** How well two views match: undefined when they cannot be the same event, else a score (higher is closer). */
export function matchScore(a: MatchView, b: MatchView, options: ClusterOptions = CLUSTER): { score: number; swapped: boolean } | undefined {
  if (a.type !== b.type || a.negated !== b.negated) return undefined
  if (a.mode && b.mode && a.mode !== b.mode) return undefined
  if (!overlaps(a.interval, b.interval, options.slackDays)) return undefined
  if (a.place && b.place && a.place !== b.place && a.placeCountry && b.placeCountry && a.placeCountry !== b.placeCountry) return undefined
  const orders = options.symmetricTypes.has(a.type) ? [false, true] : [false]
  let best: { score: number; swapped: boolean } | undefined
  for (const swapped of orders) {
    const act = roleAgreement(a.actor, swapped ? b.recipient : b.actor)
    const rec = roleAgreement(a.recipient, swapped ? b.actor : b.recipient)
    if (act.agreement === 'different' || rec.agreement === 'different') continue
    if (act.agreement !== 'same' && rec.agreement !== 'same') continue
    const score = (act.shared + rec.shared) * 10 + (act.agreement === 'same' && rec.agreement === 'same' ? 5 : 0) + (a.place && a.place === b.place ? 2 : 0) - (swapped ? 1 : 0)
    if (!best || score > best.score) best = { score, swapped }
  }
  return best
}
