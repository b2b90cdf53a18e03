/**
 * Finds the names in the text: knowledge-base names in any inflected form (gazetteer), names introduced by the
 * pack's cues (titles, organisation head words; `patterns/entities.tsv`), acronyms defined in parentheses, and
 * other capitalised names, which are kept as unlinked entities typed by their cues rather than dropped.
 * Nationality adjectives are recorded as attributes (Presidentin rus Vladimir Putin → country RUS).
 */
import type { KronikaDocument, MentionCandidate } from '../document.js'
import type { PipelineContext } from '../pipeline/context.js'
import { capture, matchAt } from '../patterns/token-pattern.js'
import type { Token } from '../text/token.js'
import type { KbEntry } from '../kb/types.js'
import { tokenForms } from '../kb/gazetteer.js'

const OPEN_QUOTES = new Set(['“', '"', '«', '„', '‘', "'", '‹', '「'])

/** Folded lemma key of a token range, used to group mentions of an unlinked name (Peskovit, Peskovi → peskov). */
export function nameKey(tokens: readonly Token[], from: number, to: number): string {
  const parts: string[] = []
  for (let i = from; i < to; i++) {
    const t = tokens[i]!
    if (!t.isWord) continue
    parts.push(t.lemmas[0] ?? t.fold)
  }
  return parts.join(' ')
}

function candidate(doc: KronikaDocument, from: number, to: number, type: MentionCandidate['type'], rule: string, refs: KbEntry[]): MentionCandidate {
  const start = doc.tokens[from]!.start, end = doc.tokens[to - 1]!.end
  return { start, end, text: doc.text.slice(start, end), tokenFrom: from, tokenTo: to, type, rule, refs, key: nameKey(doc.tokens, from, to) }
}

const inside = (a: MentionCandidate, b: MentionCandidate) => a.start >= b.start && a.end <= b.end
const overlaps = (a: MentionCandidate, b: MentionCandidate) => a.start < b.end && b.start < a.end

export function recogniseEntities(doc: KronikaDocument, ctx: PipelineContext): void {
  const { tokens, pack } = doc
  const lang = pack.code
  const gaz = ctx.gazetteer
  const kb: MentionCandidate[] = []
  const cued: MentionCandidate[] = []

  // 1. knowledge-base names, sentence by sentence
  for (const [from, to] of doc.sentenceTokens) {
    for (const m of gaz.match(tokens, pack, from, to)) {
      // a town's name that is also a given name, followed by another capitalised word or after a title, is a person's
      const onlyPlaces = m.entries.every((e) => e.id.startsWith('place:'))
      const next = tokens[m.to], prev = tokens[m.from - 1]
      if (onlyPlaces && ((next && m.to < to && next.shape === 'Xx' && next.pre === ' ') || (prev && (pack.inClass('person-title', prev.norm) || prev.lemmas.some((l) => pack.inClass('person-title', l)))))) continue
      const types = new Set(m.entries.map((e) => e.type))
      const type = types.size === 1 ? m.entries[0]!.type : (m.entries.find((e) => e.type === 'PER') ?? m.entries[0]!).type
      kb.push(candidate(doc, m.from, m.to, type, `${lang}.entity.kb-alias`, m.entries))
    }
  }

  // 2. names introduced by cues (patterns/entities.tsv: id, pattern, type); the name is the `name` capture
  const rules = pack.rules('entities')
  if (rules.length) {
    for (const [from, to] of doc.sentenceTokens) {
      for (let i = from; i < to; i++) {
        for (const rule of rules) {
          const m = matchAt(rule.pattern, tokens, i, pack.classes, to)
          if (!m) continue
          const name = capture(m, 'name') ?? { from: m.from, to: m.to }
          if (name.to <= name.from) continue
          const type = (rule.args[0] ?? 'MISC') as MentionCandidate['type']
          cued.push(candidate(doc, name.from, name.to, type, rule.id, []))
        }
      }
    }
  }

  // 3. a KB or cued name followed by an acronym in parentheses defines it for this document
  const defined = new Map<string, MentionCandidate>()
  for (const c of [...kb, ...cued]) {
    const open = tokens[c.tokenTo], acro = tokens[c.tokenTo + 1], close = tokens[c.tokenTo + 2]
    if (open?.text === '(' && close?.text === ')' && acro && acro.shape === 'X' && /^\p{Lu}{2,8}$/u.test(acro.text)) {
      defined.set(acro.fold, c)
    }
  }

  // keep cued names that are not a KB name already; an organisation name may contain a place (Zyra e … Koresë së Jugut)
  const all: MentionCandidate[] = [...kb]
  for (const c of cued.sort((a, b) => (b.end - b.start) - (a.end - a.start))) {
    const clash = all.some((k) => overlaps(k, c) && !(c.type === 'ORG' && inside(k, c) && k.type === 'LOC') && !(inside(k, c) && k.refs.length === 0))
    if (!clash) all.push(c)
  }

  // 4. acronyms defined in the document, in any form (KCNA, KCNA-së)
  if (defined.size) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!
      if (t.shape !== 'X') continue
      const def = tokenForms(t).map((f) => defined.get(f)).find(Boolean)
      if (!def) continue
      const c = candidate(doc, i, i + 1, def.type, `${lang}.entity.acronym-defined`, def.refs)
      c.key = def.key
      if (!all.some((k) => overlaps(k, c))) all.push(c)
    }
  }

  // 5. other capitalised names: kept, typed by what precedes them
  const titles = pack.classes.get('person-title')
  const given = pack.list('given-names')
  const notNames = pack.list('not-names')
  const taken = new Uint8Array(tokens.length)
  for (const c of all) for (let i = c.tokenFrom; i < c.tokenTo; i++) taken[i] = 1
  const isCue = (t: Token) => pack.inClass('person-title', t.norm) || pack.inClass('org-head', t.norm) || t.lemmas.some((l) => pack.inClass('person-title', l) || pack.inClass('org-head', l))
  const nameLike = (t: Token) => t.isWord && (t.shape === 'Xx' || t.shape === 'X') && !notNames.has(t.norm) && !t.lemmas.some((l) => notNames.has(l)) && !isCue(t) && !gaz.nationality(t, pack)
  for (const [from, to] of doc.sentenceTokens) {
    for (let i = from; i < to; i++) {
      if (taken[i] || !nameLike(tokens[i]!)) continue
      let j = i + 1
      while (j < to && !taken[j] && nameLike(tokens[j]!) && tokens[j]!.pre !== '' && !/\n/.test(tokens[j]!.pre)) j++
      const afterQuote = i > from && OPEN_QUOTES.has(tokens[i - 1]!.text)
      const sentenceInitial = i === from || (afterQuote && i - 1 === from)
      const single = j - i === 1
      const first = tokens[i]!
      if (sentenceInitial && single && !given.has(first.norm)) { i = j - 1; continue }
      if (single && first.shape === 'Xx' && first.text.length < 2) { i = j - 1; continue }
      const prev = tokens[i - 1]
      const afterTitle = prev && isCue(prev) && pack.inClass('person-title', prev.norm) || (prev?.lemmas.some((l) => pack.inClass('person-title', l)) ?? false)
      const type: MentionCandidate['type'] = afterTitle || given.has(first.norm) ? 'PER' : 'MISC'
      const rule = afterTitle ? `${lang}.entity.after-title` : given.has(first.norm) ? `${lang}.entity.given-name` : `${lang}.entity.capitalised`
      if (type === 'MISC' && single && (sentenceInitial || first.shape === 'Xx' && !/\d|-/.test(first.text))) { i = j - 1; continue }
      all.push(candidate(doc, i, j, type, rule, []))
      i = j - 1
    }
  }
  void titles

  // nationality adjectives next to a name give it a country
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (t.shape !== 'x') continue
    const country = gaz.nationality(t, pack)
    if (!country?.country) continue
    doc.adjectives.push({ start: t.start, end: t.end, tokenIndex: i, country: country.country })
  }
  for (const c of all) {
    const near = doc.adjectives.find((a) => a.tokenIndex === c.tokenFrom - 1 || a.tokenIndex === c.tokenFrom - 2 && tokens[c.tokenFrom - 1]?.isWord === false)
    if (near) c.country = near.country
  }

  doc.candidates = all.sort((a, b) => a.start - b.start || b.end - a.end)
}
