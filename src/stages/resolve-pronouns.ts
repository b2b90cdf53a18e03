/**
 * Reads a personal pronoun as the entity it stands for, so that "he said" can name its speaker: he/she (ai/ajo)
 * → the last person mentioned before it that its gender allows, they/it (ata/ato) → the last organisation.
 * Gender comes from the pack's `female-given-names` list and `female-titles` class (Mrs., Ms.; zonja): a person
 * whose first given name or title is there is female; other persons fit he and, when no female person is in
 * reach, she. The pronoun words are the pack's `pronoun` class (value: male | female | group | thing).
 * An Albanian subject left unsaid (pro-drop: "Tha se …") has no token and is left to the speaker rules.
 * Resolutions go to `doc.pronouns`; a pronoun becomes a mention of its entity only when a quote or a statement uses
 * it as the speaker (`speakerIn`, `usePronoun`), so name-only consumers of mentions see no pronouns elsewhere.
 */
import type { KronikaDocument } from '../document.js'
import type { Entity } from '../record/schema.js'
import { mentionsIn, placedMentions, type PlacedMention } from './mentions.js'
import { firstAtOrAfter } from '../text/sorted.js'

/** How many sentences back a pronoun may look for its entity. */
const REACH = 3

export function resolvePronouns(doc: KronikaDocument): void {
  const { tokens, pack } = doc
  const pronouns = pack.classes.get('pronoun')
  if (!pronouns) return
  const female = pack.list('female-given-names'), femaleTitles = pack.classes.get('female-title')
  const byId = new Map(doc.entities.map((e) => [e.id, e]))
  const genderOf = new Map<string, 'female' | 'other'>()
  const isFemale = (m: PlacedMention): boolean => {
    const known = genderOf.get(m.entityId)
    if (known) return known === 'female'
    const e = byId.get(m.entityId)
    const first = (e?.name ?? '').split(/\s+/)[0]?.toLowerCase() ?? ''
    const titled = !!femaleTitles?.get(tokens[m.from - 1]?.norm ?? '')
    const f = titled || female.has(first) || female.has(tokens[m.from]!.norm)
    if (f) genderOf.set(m.entityId, 'female')
    return f
  }
  const all = placedMentions(doc)
  let next = 0
  const seen: PlacedMention[] = []
  for (let i = 0; i < tokens.length; i++) {
    while (next < all.length && all[next]!.to <= i) seen.push(all[next++]!)
    const kind = pronouns.get(tokens[i]!.norm)?.find((e) => e.tokens.length === 1)?.value
    if (!kind) continue
    const floor = doc.sentenceTokens[Math.max(0, tokens[i]!.sentence - REACH)]![0]
    const types: Entity['type'][] = kind === 'male' || kind === 'female' ? ['PER'] : ['ORG']
    let pick: PlacedMention | undefined
    for (let k = seen.length - 1; k >= 0 && seen[k]!.from >= floor; k--) {
      const m = seen[k]!
      if (!types.includes(m.type)) continue
      if (kind === 'male' && isFemale(m)) continue
      if (kind === 'female' && !isFemale(m)) { pick ??= m; continue }
      pick = m
      break
    }
    if (pick) doc.pronouns.set(i, { entityId: pick.entityId, rule: `${pack.code}.coref.pronoun-${kind}` })
  }
}

/** Token indices of the resolved pronouns among tokens [from, to), in text order. */
export function pronounsIn(doc: KronikaDocument, from: number, to: number): number[] {
  const out: number[] = []
  for (let i = from; i < to; i++) if (doc.pronouns.has(i)) out.push(i)
  return out
}

/** The entity the pronoun at token i stands for, recorded as a mention of it (the pronoun names a speaker). */
export function usePronoun(doc: KronikaDocument, i: number): string | undefined {
  const ref = doc.pronouns.get(i)
  if (!ref) return undefined
  const t = doc.tokens[i]!
  // ids are e1, e2, … in the order of doc.entities (link-entities), so the id says where to look first
  const at = Number(ref.entityId.slice(1)) - 1
  const entity = doc.entities[at]?.id === ref.entityId ? doc.entities[at] : doc.entities.find((e) => e.id === ref.entityId)
  if (entity) {
    // mentions are in text order: the pronoun goes in its place, once
    const { mentions } = entity
    const lo = firstAtOrAfter(mentions, (m) => m.start, t.start)
    if (mentions[lo]?.start !== t.start) mentions.splice(lo, 0, { start: t.start, end: t.end, text: t.text, rule: ref.rule })
  }
  return ref.entityId
}

/**
 * The speaker named among tokens [from, to): the last (or first) entity mention or resolved pronoun, whichever
 * stands there; a pronoun chosen is recorded as a mention of its entity.
 */
export function speakerIn(doc: KronikaDocument, from: number, to: number, last: boolean, types: Entity['type'][] = ['PER', 'ORG', 'LOC']): string | undefined {
  const mentions = mentionsIn(doc, from, to).filter((m) => types.includes(m.type))
  const m = last ? mentions[mentions.length - 1] : mentions[0]
  const pronouns = pronounsIn(doc, from, to)
  const p = last ? pronouns[pronouns.length - 1] : pronouns[0]
  if (p === undefined) return m?.entityId
  if (!m || (last ? p > m.from : p < m.from)) return usePronoun(doc, p)
  return m.entityId
}
