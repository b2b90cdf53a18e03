/**
 * Finds quotations by pairing quotation marks (“ ” „ “ « » " "), then their cue verb and speaker in the common
 * orders: `X tha: “…”`, `“…”, tha X`, `“…”, thuhet në njoftimin e X`, a partial quote after `X tha se …`,
 * `duke thënë …` (the speaker is the clause's subject) and `sipas X`. Reporting verbs are the pack's
 * `reporting-verb` class. A name or title in quotation marks (“Chosun Ilbo”) is not a quotation.
 */
import type { KronikaDocument } from '../document.js'
import type { Quote, TextSpan } from '../record/schema.js'
import type { Token } from '../text/token.js'
import { bareSubject, clauseSubject, mentionAt, mentionsIn, nearestAfter } from './mentions.js'
import { speakerIn } from './resolve-pronouns.js'
import { speakerPhrase } from './speaker-phrase.js'

// (typed text mixes straight and curly marks: “…" and "…” pair too)
// (and a quotation may open with a closing mark: ”… .” ― Jane Doe)
const PAIRS: Record<string, string[]> = { '“': ['”', '“', '"'], '„': ['“', '”'], '«': ['»'], '"': ['"', '”'], '”': ['”'], '‹': ['›'], '「': ['」'] }
const MAX_QUOTE = 5000
/** A dash that introduces the name under a quotation. */
const DASHES = /^\s*[―—–]/
const CUE_WINDOW = 4
/** The most words an apposition between a quotation's speaker and its cue may have (, a member of the panel,). */
const APPOSITION_MAX = 12
/** A markup tag with attributes (<tweet author="…" id="…">), and how long one may be. */
const MARKUP_TAG = /^<[A-Za-z][\w-]*(\s+[\w-]+\s*=\s*("[^"<>]*"|'[^'<>]*'|[^\s<>"']+))*\s*\/?>/
const MAX_TAG = 2000

interface Pair { open: number; close: number }

/** The characters pairing looks at: an opening mark, an apostrophe (two stand for a quotation mark) and a tag's '<'. */
const MARKS = new RegExp(`[<'${Object.keys(PAIRS).join('')}]`, 'g')

/** Where the next character pairing looks at stands, from `from` on (the text's length when there is none). */
function nextMark(text: string, from: number): number {
  MARKS.lastIndex = from
  return MARKS.exec(text)?.index ?? text.length
}

/** Pairs quotation marks in the text; a quote does not run past a blank line unless the next paragraph reopens it. */
export function pairQuotes(text: string): { pairs: Pair[]; unclosed: number[] } {
  const pairs: Pair[] = [], unclosed: number[] = []
  for (let i = nextMark(text, 0); i < text.length; i = nextMark(text, i + 1)) {
    const ch = text[i]!
    // a markup tag left in scraped text (<tweet author="…">): its attribute values are no quotations
    if (ch === '<') {
      const tag = MARKUP_TAG.exec(text.slice(i, i + MAX_TAG))
      if (tag) { i += tag[0].length - 1; continue }
    }
    // two apostrophes stand for a double quotation mark in some newswire text (''It is over,'' he said)
    if (ch === "'" && text[i + 1] === "'") {
      const close = closingApostrophes(text, i + 2)
      if (close < 0) { unclosed.push(i); i++; continue }
      pairs.push({ open: i + 1, close })
      i = close + 1
      continue
    }
    const closers = PAIRS[ch]
    if (!closers) continue
    if (ch === '"' && i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]!) && !/\s/.test(text[i + 1] ?? ' ')) continue // inch marks, odd usage
    let j = i + 1, found = -1
    const limit = Math.min(text.length, i + MAX_QUOTE)
    for (; j < limit; j++) {
      const c = text[j]!
      // (a curly quotation inside a straight one is nested: its closing mark does not close the straight one)
      if (ch === '"' && c === '“') {
        const inner = text.indexOf('”', j + 1)
        if (inner > 0 && inner < limit && !/\n\s*\n/.test(text.slice(j, inner))) { j = inner; continue }
      }
      if (closers.includes(c) && !(c === '“' && ch === '“')) { found = j; break }
      if (c === '\n' && /^\n\s*\n/.test(text.slice(j, j + 3)) || (c === '\n' && text[j + 1] === '\n')) {
        // a paragraph break: the quote continues only if the next paragraph opens with the same mark
        let k = j
        while (k < text.length && /\s/.test(text[k]!)) k++
        if (text[k] !== ch) break
        j = k
      }
    }
    if (found < 0) { unclosed.push(i); continue }
    pairs.push({ open: i, close: found })
    i = found
  }
  return { pairs, unclosed }
}

/** Where the two apostrophes closing a quotation opened at `from` stand, or -1 (a paragraph break ends the search unless the next paragraph reopens it). */
function closingApostrophes(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_QUOTE)
  for (let j = from; j < limit; j++) {
    if (text[j] === "'" && text[j + 1] === "'") return j
    if (text[j] === '\n' && text[j + 1] === '\n') {
      let k = j
      while (k < text.length && /\s/.test(text[k]!)) k++
      if (!text.startsWith("''", k)) return -1
      j = k + 1
    }
  }
  return -1
}

export function extractQuotes(doc: KronikaDocument): void {
  const { text, tokens, pack } = doc
  const { pairs, unclosed } = pairQuotes(text)
  for (const u of unclosed) doc.message('quotation mark without a closing mark', 'core.quote.unclosed', 'info', { start: u, end: u + 1 })
  const isCue = (i: number) => {
    const t = tokens[i]
    return !!t && (pack.inClass('reporting-verb', t.norm) || t.lemmas.some((l) => pack.inClass('reporting-verb', l)))
  }
  const gerunds = pack.list('gerund-markers')
  const titleNouns = pack.list('title-nouns')
  const according = pack.classes.get('according-to')
  for (const p of pairs) {
    let start = p.open + 1, end = p.close
    while (start < end && /\s/.test(text[start]!)) start++
    // (a comma just inside the closing mark belongs to the sentence around the quote: “We will not allow it,” he said)
    while (end > start && /[\s,]/.test(text[end - 1]!)) end--
    if (end <= start) continue
    const content = text.slice(start, end)
    const words = content.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []
    // a name or title in quotation marks
    if (words.length > 0 && words.length <= 5 && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || pack.inClass('article', w.toLowerCase()))) continue
    if (words.length === 0) continue
    // a transcript set in quotation marks ("WALLACE: …): its turns are reported speech of their own
    if (/^\p{Lu}{2,}(\s\p{Lu}{2,}){0,2}:/u.test(content)) continue
    const [openTok] = doc.tokenRange({ start: p.open, end: p.open + 1 })
    // a title after a noun that names works (romani “…”, the newspaper “…”)
    const before = tokens[openTok - 1]
    if (before && words.length <= 8 && (titleNouns.has(before.norm) || before.lemmas.some((l) => titleNouns.has(l)))) continue
    const [closeTok] = doc.tokenRange({ start: p.close, end: p.close + 1 })
    const [sFrom, sTo] = doc.sentenceOf(openTok)
    let [, closeSentenceEnd] = doc.sentenceOf(closeTok)
    // a quotation that ends its sentence (“…?”) may take its cue from the short sentence after it (Clinton said.)
    if (closeTok + 1 >= closeSentenceEnd && closeSentenceEnd < tokens.length && !/\n/.test(text.slice(p.close, tokens[closeSentenceEnd]!.start))) {
      const [, nextEnd] = doc.sentenceOf(closeSentenceEnd)
      if (nextEnd - closeSentenceEnd <= CUE_WINDOW + 2) closeSentenceEnd = nextEnd
    }
    let cue: number | undefined, speaker: string | undefined, source: TextSpan | undefined, rule = `${pack.code}.quote.no-speaker`
    // (a cue joined to what went before — … and said, … dhe tha — goes on for the sentence's subject)
    const joined = (k: number) => k > 0 && pack.inClass('coordinator', tokens[k - 1]!.norm)
    // 1. cue right after the closing mark: ”, tha X / ”, thuhet në njoftimin e X; further on only across words that
    // end in the speaker's name (," army spokesman Jane Doe said; ," Turkish Defence Minister Jane Doe told reporters)
    const named = (k: number) => tokens.slice(closeTok + 1, k).every((t) => t.isWord) && ['PER', 'ORG'].includes(mentionAt(doc, k - 1)?.type ?? '')
    for (let k = closeTok + 1; k <= closeTok + CUE_WINDOW + 4 && k < closeSentenceEnd; k++) {
      if (isCue(k) && (k <= closeTok + CUE_WINDOW || named(k))) {
        cue = k
        const after = nearestAfter(doc, k + 1, closeSentenceEnd)
        // a name or pronoun between the closing mark and the cue is the speaker (”, Kurti said in Pristina; ”, he said),
        // else the one after it (”, said Kurti)
        const who = joined(k) && k > closeTok + 1 ? clauseSubject(doc, sFrom, openTok)?.entityId : speakerIn(doc, closeTok + 1, k, true) ?? (after && after.from <= k + 2 ? after.entityId : undefined) ?? speakerIn(doc, k + 1, Math.min(k + 2, closeSentenceEnd), false) ?? after?.entityId ?? clauseSubject(doc, sFrom, openTok)?.entityId
        if (who) { speaker = who; rule = `${pack.code}.quote.cue-after` }
        const org = who ? undefined : spokesmanOf(doc, closeTok + 1, k) ?? spokesmanOf(doc, k + 1, Math.min(k + 4, closeSentenceEnd))
        if (org) { speaker = org; rule = `${pack.code}.quote.spokesman-organisation` }
        source = speakerPhrase(doc, closeTok + 1, k, 'before') ?? speakerPhrase(doc, k + 1, closeSentenceEnd, 'after')
        break
      }
    }
    // 1b. a name, an apposition between commas, then the cue: ,” Jane Doe, a member of the panel, said / ”, Jane Doe,
    // anëtare e panelit, tha (the apposition holds words only, at most APPOSITION_MAX of them)
    if (cue === undefined) {
      const at = tokens[closeTok + 1]?.text === ',' ? closeTok + 2 : closeTok + 1
      const nameAt = mentionAt(doc, at)
      if (nameAt && nameAt.from === at && (nameAt.type === 'PER' || nameAt.type === 'ORG') && tokens[nameAt.to]?.text === ',') {
        for (let k = nameAt.to + 1; k < closeSentenceEnd && k <= nameAt.to + 1 + APPOSITION_MAX; k++) {
          const t = tokens[k]!
          if (t.text === ',') {
            if (k > nameAt.to + 1 && isCue(k + 1)) {
              cue = k + 1
              speaker = nameAt.entityId
              source = { start: tokens[nameAt.from]!.start, end: tokens[nameAt.to - 1]!.end, text: text.slice(tokens[nameAt.from]!.start, tokens[nameAt.to - 1]!.end) }
              rule = `${pack.code}.quote.cue-after-apposition`
            }
            break
          }
          if (!t.isWord && !/^[-’'.]$/.test(t.text)) break
        }
      }
    }
    // 2. cue before the opening mark in the same sentence: X tha: “…” / X tha se … “…” / duke thënë “…”
    if (cue === undefined) {
      for (let k = openTok - 1; k >= sFrom; k--) {
        if (!isCue(k)) continue
        cue = k
        // a gerund: the pack's particle before the cue (duke thënë) or the cue's own form (saying)
        const gerund = (k > sFrom && gerunds.has(tokens[k - 1]!.norm)) || gerunds.has(tokens[k]!.norm)
        const who = gerund || joined(k) ? (bareSubject(doc, sFrom, k) ?? clauseSubject(doc, sFrom, k))?.entityId ?? speakerIn(doc, sFrom, k, false) : speakerIn(doc, sFrom, k, true) ?? nearestAfter(doc, k + 1, openTok)?.entityId
        if (!gerund) {
          let clauseFrom = k
          while (clauseFrom > sFrom && !/^[,;:(—–“"]$/.test(tokens[clauseFrom - 1]!.text)) clauseFrom--
          source = speakerPhrase(doc, clauseFrom, k, 'before')
        }
        if (!gerund) {
          let clauseFrom = k
          while (clauseFrom > sFrom && !/^[,;:(—–“"]$/.test(tokens[clauseFrom - 1]!.text)) clauseFrom--
          source = speakerPhrase(doc, clauseFrom, k, 'before')
        }
        if (who) { speaker = who; rule = gerund ? `${pack.code}.quote.gerund-subject` : openTok - k <= CUE_WINDOW ? `${pack.code}.quote.cue-before` : `${pack.code}.quote.partial-after-cue` }
        break
      }
    }
    // 2b. a dash and a name after the closing mark, as under a collected quotation (”… .” ― Jane Doe)
    if (cue === undefined && DASHES.test(doc.text.slice(p.close + 1, p.close + 4)) && tokens[closeTok + 1] && /^[―—–]$/.test(tokens[closeTok + 1]!.text)) {
      const who = nearestAfter(doc, closeTok + 2, Math.min(closeTok + 3, tokens.length), ['PER', 'ORG'])
      const named = closeTok + 2 < tokens.length ? speakerPhrase(doc, closeTok + 2, Math.min(closeTok + 8, doc.sentenceOf(closeTok + 2)[1]), 'after') : undefined
      if (named && /^\p{Lu}/u.test(named.text)) {
        source = named
        if (who) speaker = who.entityId
        rule = `${pack.code}.quote.dash-name`
      }
    }
    // 3. "sipas X" / "according to X" in the sentence
    if (!speaker && according) {
      for (let k = sFrom; k < sTo; k++) {
        const hit = according.get(tokens[k]!.norm)?.find((e) => e.tokens.every((w, n) => tokens[k + n]?.norm === w))
        if (!hit) continue
        const who = nearestAfter(doc, k + hit.tokens.length, sTo)
        if (who) { speaker = who.entityId; rule = `${pack.code}.quote.according-to` }
        break
      }
    }
    const cueTok = cue !== undefined ? tokens[cue] : undefined
    const cueSpan: TextSpan | undefined = cueTok ? { start: cueTok.start, end: cueTok.end, text: cueTok.text } : undefined
    // (every field present in record order, the unsaid ones undefined and left out of the JSON: one shape for the
    // code that reads quotations; `continues` is filled below)
    const quote: Quote = { start, end, text: content, speaker: speaker || undefined, source, cue: cueSpan, rule, continues: undefined }
    doc.quotes.push(quote)
  }
  joinContinuations(doc)
}

/**
 * The organisation a spokesman speaks for, named by a common noun beside the title (zëdhënësi i policisë, a police
 * spokesman): the latest organisation named up to three sentences before with a word of the same lemma
 * (Policia e Shtetit, the National Police). Only when [from, to) holds a title and no name.
 */
function spokesmanOf(doc: KronikaDocument, from: number, to: number): string | undefined {
  const { tokens } = doc
  const span = tokens.slice(from, to)
  const title = (t: Token) => [t.norm, ...t.lemmas].some((l) => doc.pack.inClass('person-title', l))
  if (!span.length || !span.every((t) => t.isWord) || !span.some(title) || mentionsIn(doc, from, to).length) return undefined
  const functionWords = doc.pack.list('function-words')
  const nouns = span.filter((t) => t.shape === 'x' && !title(t) && !functionWords.has(t.norm) && !doc.pack.inClass('article', t.norm))
  if (!nouns.length) return undefined
  const floor = doc.sentenceTokens[Math.max(0, tokens[from]!.sentence - 3)]![0]
  const same = (a: Token, b: Token) => a.norm === b.norm || a.lemmas.some((l) => b.lemmas.includes(l))
  const orgs = mentionsIn(doc, floor, from).filter((m) => m.type === 'ORG').reverse()
  return orgs.find((m) => tokens.slice(m.from, m.to).some((x) => nouns.some((n) => same(x, n))))?.entityId
}

/** How long the cue clause between two pieces of one quotation may be (“…,” the senator said on Monday. “…”). */
const CONTINUATION_GAP = 400

/** A piece of a quotation takes the speaker, source and cue of the other piece, and the rule of continued quotations. */
function take(q: Quote, from: Quote, rule: string): void {
  if (from.speaker) q.speaker = from.speaker
  if (from.source) q.source = from.source
  q.cue = from.cue
  q.rule = rule
}

/**
 * A quotation interrupted by its cue and speaker goes on in the next quotation of the same paragraph
 * (“We are ready,” she said. “The talks can start.”): the second piece records the span it `continues` and, when it
 * names no speaker of its own, takes the first piece's speaker, source and cue.
 */
function joinContinuations(doc: KronikaDocument): void {
  let prev: Quote | undefined
  for (const q of doc.quotes) {
    const gap = prev ? doc.text.slice(prev.end, q.start) : ''
    const cueBetween = prev?.cue && prev.cue.start >= prev.end && prev.cue.end <= q.start
    if (prev && cueBetween && (!q.cue || q.cue.start === prev.cue!.start) && gap.length <= CONTINUATION_GAP && !/\n/.test(gap) && /[.,:;]\s*(''|["“„«‹'‘])?\s*$/u.test(gap)) {
      q.continues = { start: prev.start, end: prev.end }
      if (!q.speaker && !q.source) {
        take(q, prev, `${doc.pack.code}.quote.continued`)
      }
    } else if (prev && !prev.cue && q.cue && q.cue.start >= q.end && !/[\p{L}\p{N}\n]/u.test(gap)) {
      // a quotation right before another whose cue follows it (“…?” “…,” she said): the same speaker's
      q.continues = { start: prev.start, end: prev.end }
      take(prev, q, `${doc.pack.code}.quote.continued`)
    }
    prev = q
  }
}
