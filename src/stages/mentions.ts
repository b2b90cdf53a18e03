/**
 * Helpers shared by the stages that look for a fact's participants: where the entity mentions are, and which
 * one is the nearest before or after a token, the subject of a sentence, or the owner of a reporting cue.
 */
import type { KronikaDocument } from '../document.js'
import type { Entity } from '../record/schema.js'
import type { Token } from '../text/token.js'
import { matchClass, type WordClass } from '../patterns/token-pattern.js'
import { firstAtOrAfter } from '../text/sorted.js'

export interface PlacedMention {
  entityId: string
  type: Entity['type']
  from: number
  to: number
}

const cache = new WeakMap<KronikaDocument, PlacedMention[]>()

/** Every linked mention with its token range, in text order (outermost first when nested). */
export function placedMentions(doc: KronikaDocument): PlacedMention[] {
  let out = cache.get(doc)
  if (out) return out
  const types = new Map(doc.entities.map((e) => [e.id, e.type]))
  const all = doc.candidates.map((c, i) => ({ entityId: doc.candidateEntity[i]!, type: types.get(doc.candidateEntity[i]!) ?? c.type, from: c.tokenFrom, to: c.tokenTo }))
    .sort((a, b) => a.from - b.from || b.to - a.to)
  // a mention nested in a larger one (a place inside an organisation's name) is not a participant of its own
  out = []
  let reach = -1
  for (const m of all) {
    if (m.to <= reach) continue
    out.push(m)
    reach = Math.max(reach, m.to)
  }
  cache.set(doc, out)
  return out
}

const fromOf = (m: PlacedMention) => m.from

/** Mentions inside the token range [from, to) (binary search over the sorted mentions). */
export function mentionsIn(doc: KronikaDocument, from: number, to: number): PlacedMention[] {
  const all = placedMentions(doc)
  const lo = firstAtOrAfter(all, fromOf, from)
  const out: PlacedMention[] = []
  for (let i = lo; i < all.length && all[i]!.from < to; i++) if (all[i]!.to <= to) out.push(all[i]!)
  return out
}

/** The mention covering token i, if any. */
export function mentionAt(doc: KronikaDocument, i: number): PlacedMention | undefined {
  const all = placedMentions(doc)
  let lo = 0, hi = all.length
  while (lo < hi) { const mid = (lo + hi) >> 1; if (all[mid]!.from <= i) lo = mid + 1; else hi = mid }
  const m = all[lo - 1]
  return m && m.to > i ? m : undefined
}

const RANK: Record<Entity['type'], number> = { PER: 0, ORG: 1, LOC: 2, MISC: 3 }

/** The mention nearest before token `at` within [from, at), or undefined. */
export function nearestBefore(doc: KronikaDocument, at: number, from: number, types: Entity['type'][] = ['PER', 'ORG', 'LOC']): PlacedMention | undefined {
  const list = mentionsIn(doc, from, at).filter((m) => types.includes(m.type))
  return list[list.length - 1]
}

/** The mention nearest after token `at` within [at, to). */
export function nearestAfter(doc: KronikaDocument, at: number, to: number, types: Entity['type'][] = ['PER', 'ORG', 'LOC']): PlacedMention | undefined {
  return mentionsIn(doc, at, to).find((m) => types.includes(m.type))
}

/**
 * The role a preposition gives a mention starting at token `from` (the pack's `role-preposition` class:
 * counterpart, target, beneficiary, agent, place, other; `through` for a phrase looked through), `modifier` for a genitive after a title or an
 * organisation word (Zëdhënësi i Kremlinit), or undefined for a bare noun phrase (a subject or an object).
 */
export function roleOf(doc: KronikaDocument, from: number, floor: number): string | undefined {
  const { tokens, pack } = doc
  const prev = tokens[from - 1], prev2 = tokens[from - 2]
  if (prev && prev2 && pack.inClass('article', prev.norm) && isCueWord(doc, prev2)) return 'modifier'
  const roles = pack.classes.get('role-preposition')
  if (!roles) return undefined
  let stop = Math.max(floor, from - 3)
  for (let k = from - 1; k >= stop; k--) {
    // a word written as a clause marker opens a clause, not a phrase, even when a lemma of it is a preposition (sq
    // pasi, "after": pasi Egjipti ndërhyu — Egypt is the subject, not governed by pas)
    if (markerNotPreposition(doc, tokens[k]!)) break
    const r = matchClass(roles, tokens, k, from)[0]
    // a form valued `through` names the place itself (the town of): the role is the preposition's before it
    if (r?.value === 'through') { stop = Math.max(floor, k - 3); continue }
    // a form valued `none` is not a preposition though it starts like one (at least three soldiers, up to 100
    // protesters: the form may start a word or two before the preposition it holds): no role
    if (r && (noneOver(roles, tokens, k, 1, from) || noneOver(roles, tokens, k, 2, from))) return undefined
    if (r) return r.value === 'none' ? undefined : r.value
    if (!tokens[k]!.isWord && tokens[k]!.text !== '-') break
  }
  return undefined
}

/** A token whose own form is a one-word clause marker and no one-word role preposition (only a lemma of it may be one). */
function markerNotPreposition(doc: KronikaDocument, t: Token): boolean {
  return doc.pack.inClass('clause-marker', t.norm) && !doc.pack.oneWordForms('role-preposition').has(t.norm)
}

/** Whether a form valued `none` starting d tokens before token k (and before `limit`) covers it. */
function noneOver(roles: WordClass, tokens: readonly Token[], k: number, d: number, limit: number): boolean {
  if (k - d < 0) return false
  const forms = matchClass(roles, tokens, k - d, limit)
  for (let q = 0; q < forms.length; q++) if (forms[q]!.value === 'none' && forms[q]!.to > k) return true
  return false
}

const CUE_CLASSES = ['person-title', 'org-head']

/** A title or organisation head word (Zëdhënësi, Ministria, spokesman). */
export function isCueWord(doc: KronikaDocument, t: Token): boolean {
  const pack = doc.pack, lemmas = t.lemmas
  for (const c of CUE_CLASSES) {
    if (pack.inClass(c, t.norm)) return true
    for (let l = 0; l < lemmas.length; l++) if (pack.inClass(c, lemmas[l]!)) return true
  }
  return false
}

/** The first mention in [from, to) not governed by a preposition: the clause's subject, as a first guess. */
export function bareSubject(doc: KronikaDocument, from: number, to: number): PlacedMention | undefined {
  return mentionsIn(doc, from, to).find((m) => m.type !== 'MISC' && roleOf(doc, m.from, from) === undefined)
}

/** The subject of a clause as a first guess: its first person, else its first organisation, else its first place. */
export function clauseSubject(doc: KronikaDocument, from: number, to: number): PlacedMention | undefined {
  const list = mentionsIn(doc, from, to).filter((m) => m.type !== 'MISC')
  return list.sort((a, b) => RANK[a.type] - RANK[b.type] || a.from - b.from)[0]
}
