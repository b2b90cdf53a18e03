/**
 * Finds reported speech that is not in quotation marks: `X said (that) …`, `…, X said.`, `according to X, …` and
 * `…, according to X`, with the pack's `reporting-verb`, `according-to` and `clause-marker` classes. The
 * extract-statements stage puts what it finds in the record's `statements[]`; evaluations may also run it directly.
 * Quotations already found are left to the quotes layer.
 */
import type { KronikaDocument } from '../document.js'
import type { Span, TextSpan } from '../record/schema.js'
import { matchClass, type WordClass } from '../patterns/token-pattern.js'
import type { Token } from '../text/token.js'
import { mentionAt, mentionsIn } from './mentions.js'
import { speakerIn } from './resolve-pronouns.js'
import { speakerPhrase } from './speaker-phrase.js'
import { classStarts } from './class-starts.js'

/** One report of what someone said or thinks, in indirect speech. */
export interface ReportedSpeech extends TextSpan {
  /** The entity that said it, when it is named. */
  speaker?: string
  /** The words naming who said it, as written (a name, a pronoun, a description: officials). */
  source?: TextSpan
  /** A report split by its cue (…, she said, …): the pieces; start and end span them all. */
  parts?: Span[]
  /** The reporting verb or phrase. */
  cue: TextSpan
  rule: string
}

/** A report with all its fields, in one order (the unsaid ones undefined): one shape for the code that reads reports. */
function reportOf(start: number, end: number, text: string, speaker: string | undefined, source: TextSpan | undefined, parts: Span[] | undefined, cue: TextSpan, rule: string): ReportedSpeech {
  return { start, end, text, speaker, source, parts, cue, rule }
}

interface Cue { at: number; to: number; kind: 'report' | 'attribution' | 'directive'; noun?: boolean }

/** Words a report's content may not be made of alone (a dangling "that", punctuation). */
const MIN_CONTENT_WORDS = 3
/** How far a reporting verb may stand from a sentence's end and still close it (…, Kurti said on Monday in Pristina). */
const TAIL = 8
/** How long the source phrase between a comma and a closing cue may be (…, the European Commission's spokesman said). */
const SOURCE_PHRASE = 8
/** How long a subject after a linking word may be for its cue to open a report of its own (…, but the mayor said …). */
const SUBJECT = 4
/** How long the words after a speech verb may be and still be only its setting, when they open with a preposition
 * or a clause marker (…, he said in a statement; …, she said on Monday): no report. */
const SETTING_ONLY = 4
/** How far "that" may stand after a speech verb when a phrase of setting comes first (told a rally in Dayton, Ohio, on Friday that). */
const SETTING_REACH = 16

const CLOSERS = /^[.!?;:…]+$/
const QUOTE_MARKS = /^[“”„«»"‘’']$/
/** The marks that may end a sentence inside a closing quotation mark. */
const SENTENCE_STOPS = '.!?…'

export function findReportedSpeech(doc: KronikaDocument): ReportedSpeech[] {
  const { tokens, pack } = doc
  const nouns = pack.classes.get('reporting-noun'), settings = pack.classes.get('speech-setting'), settingOpeners = pack.list('setting-prepositions')
  const reporting = pack.classes.get('reporting-verb'), attributing = pack.classes.get('attribution-verb'), according = pack.classes.get('according-to'), markers = pack.classes.get('clause-marker')
  if (!reporting) return []
  const numbers = pack.classes.get('number'), stanceNouns = pack.classes.get('stance-noun'), evidential = pack.classes.get('evidential-verb'), passiveCue = pack.classes.get('passive-cue')
  // which of the classes may match at each token (a bit each, in this order): matchClass is asked only where one may
  const starts = classStarts(pack, 'reported-speech', [reporting, attributing, according, markers, nouns, settings, numbers, stanceNouns, evidential, passiveCue], tokens)
  const REPORTING = 1, ATTRIBUTING = 2, ACCORDING = 4, MARKER = 8, NOUN = 16, SETTING = 32, NUMBER = 64, STANCE = 128, EVIDENTIAL = 256, PASSIVE_CUE = 512
  const matchAt = (bit: number, cls: WordClass | undefined, i: number, limit: number) => (starts[i]! & bit ? longestMatch(cls, tokens, i, limit) : undefined)
  const out: ReportedSpeech[] = []
  const span = (from: number, to: number): TextSpan => ({ start: tokens[from]!.start, end: tokens[to - 1]!.end, text: doc.text.slice(tokens[from]!.start, tokens[to - 1]!.end) })
  const words = (from: number, to: number) => {
    let n = 0
    for (let k = from; k < to; k++) if (tokens[k]!.isWord) n++
    return n
  }
  const isMarker = (i: number, to: number) => (starts[i]! & MARKER) !== 0 && matchClass(markers!, tokens, i, to).length > 0
  const speakerAt = (from: number, to: number, last = true) => speakerIn(doc, from, to, last)
  const inQuote = (from: number, to: number) => {
    const start = tokens[from]!.start, end = tokens[to - 1]!.end
    return doc.quotes.some((q) => q.start <= start + 1 && q.end >= end - 1)
  }
  const push = (from: number, to: number, cue: { at: number; to: number }, who: () => string | undefined, rule: string, source?: TextSpan, minWords = MIN_CONTENT_WORDS) => {
    while (from < to && !tokens[from]!.isWord && !QUOTE_MARKS.test(tokens[from]!.text)) from++
    while (to > from && (CLOSERS.test(tokens[to - 1]!.text) || tokens[to - 1]!.text === ',')) to--
    if (words(from, to) < minWords || inQuote(from, to)) return false
    const speaker = who()
    const start = tokens[from]!.start
    let end = tokens[to - 1]!.end
    // a quotation closing the content keeps its full stop inside the marks (… a “strongman approach.”)
    const closing = SENTENCE_STOPS.includes(doc.text[end] ?? '\n') ? /^[.!?…]+["”’']+/.exec(doc.text.slice(end, end + 4)) : null
    if (closing) end += closing[0].length
    out.push(reportOf(start, end, doc.text.slice(start, end), speaker || undefined, source, undefined, span(cue.at, cue.to), `${pack.code}.statement.${rule}`))
    return true
  }

  // the headline: the first line, often in title case (Clinton Hid Health Problems, Former Doctor Says)
  const titleEnd = doc.text.search(/\n|$/)
  // a cue after a determiner or before a linker is a noun (the reports of …, the swing states of Ohio)
  const determiners = pack.list('determiners'), linkers = pack.list('object-linkers')
  const complementizers = pack.list('complementizers'), gerunds = new Set([...pack.list('gerund-markers'), ...pack.list('gerund-cues')]), coordinatorClass = pack.classes.get('coordinator')
  // what opens a source phrase after its cue: a name or a determiner (…, said the mayor)
  // (also a title or a number: …, said Mr. Barrett; …, said one source)
  const isSourceStart = (i: number) => !!tokens[i] && (mentionsIn(doc, i, i + 8)[0]?.from === i || determiners.has(tokens[i]!.norm) ||
    pack.list('abbreviations').has(tokens[i]!.norm) || pack.inClass('person-title', tokens[i]!.norm) || ((starts[i]! & NUMBER) !== 0 && matchClass(numbers!, tokens, i, i + 1).length > 0))
  // a cue inside a quotation (“… I think we will win”) is part of the quoted words
  let insideQuote: Uint8Array | undefined
  const quoted = (i: number) => (insideQuote ??= tokensInsideQuotes(doc))[i] === 1
  const isInverted = (from: number, to: number) => {
    if (!isSourceStart(from)) return false
    const phrase = speakerPhrase(doc, from, to, 'after')
    if (!phrase) return false
    const [, end] = doc.tokenRange(phrase)
    const next = tokens[end]
    // (a description, not a name, may go on with a preposition: said one source in the room)
    const description = !mentionAt(doc, from)
    return !next || end >= to || next.text === ',' || CLOSERS.test(next.text) || (description && pack.inClass('role-preposition', next.norm))
  }
  const linking = (w: string) => coordinators.has(w) || w === 'but'
  const coordinators = { has: (w: string) => !!coordinatorClass?.get(w)?.some((e) => e.tokens.length === 1) }
  // a subject pronoun, also contracted (he's, they're)
  const subjectPronouns = pack.list('subject-pronouns')
  const subjectPronoun = (i: number) => {
    const norm = tokens[i]?.norm
    if (norm === undefined) return false
    const apostrophe = norm.indexOf("'")
    return subjectPronouns.has(apostrophe < 0 ? norm : norm.slice(0, apostrophe))
  }
  // words that open a clause before the main one besides the clause markers (As prices rose, …; With X saying …, …)
  const subordinators = pack.list('opening-subordinators')
  const possessives = pack.list('possessive-determiners')
  const objectPronouns = pack.list('object-pronouns')
  const infinitive = pack.list('infinitive-markers'), passives = pack.list('passive-markers')
  // a cue after an auxiliary of the passive is no source's (the plan was criticised, he was told)
  // (not a progressive form: he is demanding …, they were calling for …)
  const progressive = [...pack.list('progressive-endings')]
  const passive = (at: number) => passives.has(tokens[at - 1]?.norm ?? '') && !progressive.some((e) => tokens[at]!.norm.endsWith(e))
  // … or part of a name when written with a capital inside a sentence (the United States, Fox News Sunday)
  const nounUse = (at: number, to: number) => determiners.has(tokens[at - 1]?.norm ?? '') || linkers.has(tokens[to]?.norm ?? '') ||
    (at > 0 && tokens[at - 1]!.sentence === tokens[at]!.sentence && tokens[at - 1]!.isWord && /^\p{Lu}/u.test(tokens[at]!.text) && tokens[at]!.start >= titleEnd)
  // "that" right after an attribution verb is a determiner when a single common noun follows it and then a
  // preposition, a coordinator or punctuation (rejected that argument in a ruling; turned down that offer and left)
  const demonstrative = (c: Cue, k: number) => {
    const noun = tokens[k + 1], after = tokens[k + 2]
    if (c.kind === 'report' || !noun?.isWord || /^\p{Lu}/u.test(noun.text) || subjectPronoun(k + 1) || determiners.has(noun.norm) || objectPronouns.has(noun.norm)) return false
    return !after || !after.isWord || coordinators.has(after.norm) || pack.inClass('role-preposition', after.norm) || settingOpeners.has(after.norm)
  }
  // an auxiliary or a modal: a likely main verb after a noun phrase (… of the Fed was …, … of the deal will …)
  const auxiliaries = pack.list('auxiliaries'), verbMarkers = pack.list('verb-markers'), relatives = pack.list('relative-pronouns')
  const mainVerb = (k: number) => (auxiliaries.has(tokens[k]!.norm) || verbMarkers.has(tokens[k]!.norm)) && !infinitive.has(tokens[k]!.norm) && !pack.inClass('negator', tokens[k]!.norm)
  // a participle after a comma goes on for the clause's subject, not the object (…, focusing on …; not …, including …)
  const ingPrepositions = pack.list('ing-prepositions')
  const participle = (k: number) => !!tokens[k] && progressive.some((e) => tokens[k]!.norm.endsWith(e)) && !ingPrepositions.has(tokens[k]!.norm)
  // a preposition opening a phrase that names where the words were set down (in early-morning tweets, in an on-air diatribe)
  const media = pack.list('speech-media')
  const medium = (k: number) => {
    if (tokens[k]!.norm !== 'in' && tokens[k]!.norm !== 'on') return false
    // (hyphenated words are several tokens: in early-morning tweets; a medium inside one is no medium: post-debate)
    for (let j = k + 1; j < Math.min(tokens.length, k + 7) && (tokens[j]!.isWord || tokens[j]!.text === '-'); j++) {
      const next = tokens[j + 1]
      if (media.has(tokens[j]!.norm) && next?.text !== '-' && tokens[j - 1]!.text !== '-') return !media.has(next?.norm ?? '') && !linkers.has(next?.norm ?? '')
    }
    return false
  }
  // a word that opens a noun phrase: a determiner, a possessive, an object pronoun, a name or a number
  const functionWords = pack.list('function-words')
  const nounPhraseStart = (k: number) => {
    const t = tokens[k]
    if (!t) return false
    return determiners.has(t.norm) || possessives.has(t.norm) || objectPronouns.has(t.norm) || subjectPronoun(k) || (/^\p{Lu}/u.test(t.text) && !functionWords.has(t.norm)) || ((starts[k]! & NUMBER) !== 0 && matchClass(numbers!, tokens, k, k + 1).length > 0)
  }
  const indefinites = pack.list('indefinite-articles')
  const afterComma = (k: number) => !!tokens[k] && (pack.inClass('role-preposition', tokens[k]!.norm) || pack.inClass('time-preposition', tokens[k]!.norm) || settingOpeners.has(tokens[k]!.norm))
  // a transcript's turn: a paragraph opening with a name in capitals and a colon (PENCE: Well, look …)
  let paragraphStart = true
  for (const [sFrom, sTo] of doc.sentenceTokens) {
    const opensParagraph = paragraphStart
    // (a line break after the sentence: the next one opens a paragraph or a line of its own)
    paragraphStart = doc.text.slice(tokens[sTo - 1]!.end, tokens[sTo]?.start ?? doc.text.length).includes('\n')
    reportsOf(sFrom, sTo, opensParagraph)
  }

  /**
   * The reports of one sentence [sFrom, sTo), pushed onto `out`. (A function of its own rather than the loop's body:
   * the optimising compiler then compiles it apart from the whole finder.)
   */
  function reportsOf(sFrom: number, sTo: number, opensParagraph: boolean): void {
    if (opensParagraph) {
      const first = QUOTE_MARKS.test(tokens[sFrom]!.text) ? sFrom + 1 : sFrom
      let k = first
      // (in the headline, a source in capitals or capitalised: Pence: Flowers Won't Be at Debate)
      const headline = tokens[sFrom]!.start < titleEnd
      while (k < sTo && k - first < 4 && tokens[k]!.isWord && (tokens[k]!.shape === 'X' || (headline && /^\p{Lu}/u.test(tokens[k]!.text)))) k++
      if (k > first && tokens[k]?.text === ':') {
        let end = sTo
        // the turn runs to the end of its paragraph
        for (let s = tokens[sTo - 1]!.sentence + 1; s < doc.sentenceTokens.length; s++) {
          const [a, b] = doc.sentenceTokens[s]!
          if (/\n/.test(doc.text.slice(tokens[a - 1]!.end, tokens[a]!.start))) break
          end = b
        }
        push(k + 1, end, { at: first, to: k + 1 }, () => speakerAt(first, k, false), tokens.slice(first, k).every((t) => t.shape === 'X') ? 'transcript-turn' : 'headline-colon', speakerPhrase(doc, first, k, 'before'))
        return
      }
    }
    const cues: Cue[] = []
    for (let i = sFrom; i < sTo; i++) {
      const r = matchAt(REPORTING, reporting, i, sTo), a = r ? undefined : matchAt(ATTRIBUTING, attributing, i, sTo)
      const m = r ?? a
      if (m && !nounUse(i, m.to) && !passive(i) && !quoted(i)) cues.push({ at: i, to: m.to, kind: r ? 'report' : m.value === 'directive' ? 'directive' : 'attribution' })
      if (m) { i = m.to - 1; continue }
      // a stance noun with its preposition, owned by a source (his support for …; not after an article: the support for …)
      const n = matchAt(STANCE, stanceNouns, i, sTo)
      if (n && !(determiners.has(tokens[i - 1]?.norm ?? '') && !possessives.has(tokens[i - 1]!.norm)) && !quoted(i)) { cues.push({ at: i, to: n.to, kind: 'attribution', noun: true }); i = n.to - 1 }
    }
    // "according to X, …" / "…, according to X"
    let done = false
    if (according) {
      for (let i = sFrom; i < sTo && !done; i++) {
        if (!(starts[i]! & ACCORDING)) continue
        const m = matchClass(according, tokens, i, sTo)[0]
        if (!m) continue
        let comma = m.to
        while (comma < sTo && tokens[comma]!.text !== ',') comma++
        const speaker = () => speakerAt(m.to, comma, false)
        if (i === sFrom && comma < sTo) push(comma + 1, sTo, { at: i, to: m.to }, speaker, 'according-to-before', speakerPhrase(doc, m.to, comma, 'after'))
        else if (i > sFrom && tokens[i - 1]!.text === ',') push(sFrom, i - 1, { at: i, to: m.to }, speaker, 'according-to-after', speakerPhrase(doc, m.to, sTo, 'after'))
        else continue
        done = true
      }
    }
    // "X's claim that …", "the warning by X that …": a reporting noun and "that" open the content
    if (!done && nouns) {
      for (let i = sFrom + 1; i < sTo - 1 && !done; i++) {
        if (!(starts[i]! & NOUN)) continue
        const m = matchClass(nouns, tokens, i, sTo)[0]
        if (!m || !complementizers.has(tokens[m.to]?.norm ?? '')) continue
        let from = i
        while (from > sFrom && tokens[from - 1]!.isWord && i - from < SUBJECT && !linking(tokens[from - 1]!.norm) && !isMarker(from - 1, i)) from--
        let to = sTo
        for (let k = m.to + 2; k < sTo; k++) if (/^[;:(—–]$/.test(tokens[k]!.text)) { to = k; break }
        done = push(m.to + 1, to, { at: i, to: m.to }, () => speakerAt(from, i), 'noun-that', speakerPhrase(doc, from, i, 'before'))
      }
      if (done) return
    }
    if (done || !cues.length) return
    let coveredTo = sFrom
    // "…, X said (on Monday)." — the last cue closes the sentence and a comma opens its source phrase
    const last = cues[cues.length - 1]!
    // "…, X said, …" — a cue between commas inside the sentence: the content is the sentence around it
    const inner = cues.find((c) => c.kind === 'report' && tokens[c.to]?.text === ',' && words(c.to, sTo) >= MIN_CONTENT_WORDS)
    if (inner) {
      let comma = inner.at - 1
      while (comma > sFrom && tokens[comma]!.text !== ',' && inner.at - comma <= SOURCE_PHRASE + 1) comma--
      // (a quotation on either side of the cue is the quotes layer's: ''…,'' Mr. X said, not even …; I laughed and said, "…")
      let first = sFrom
      while (first < comma && !tokens[first]!.isWord) first++
      const quotedSide = (first > sFrom && inQuote(first, comma)) || QUOTE_MARKS.test(tokens[inner.to + 1]?.text ?? '')
      if (comma > sFrom && tokens[comma]!.text === ',' && words(comma + 1, inner.at) > 0 && !isMarker(comma + 1, inner.at) && !quotedSide) {
        const before = out.length
        // (the words before the cue may be short when those after it are not: The museum, she said, would …)
        push(sFrom, comma, inner, () => speakerAt(comma + 1, inner.at), 'cue-inside', speakerPhrase(doc, comma + 1, inner.at, 'before'), 1)
        const r = out[before]
        if (r) {
          let from = inner.to + 1
          while (from < sTo && !tokens[from]!.isWord) from++
          let to = sTo
          while (to > from && CLOSERS.test(tokens[to - 1]!.text)) to--
          if (to > from) {
            const second = span(from, to)
            out[before] = reportOf(r.start, second.end, doc.text.slice(r.start, second.end), r.speaker, r.source, [{ start: r.start, end: r.end }, { start: second.start, end: second.end }], r.cue, r.rule)
          }
          return
        }
      }
    }
    // (also "…, said X, a senior official with …": a cue right after the comma puts its source after it)
    // (a comma right before the cue closes either an apposition — Anna Berg, the port director, said … — or
    // the content of an inverted cue, whose source then stands alone before a comma or the sentence's end)
    // (a cue followed by "that" or a colon opens its content instead: … Mr. Smith said that …)
    // (… or a subject pronoun: Speaking in Ohio, Trump says he will win)
    // (… or a comma and a quotation: I laughed and said, "…")
    const opens = complementizers.has(tokens[last.to]?.norm ?? '') || tokens[last.to]?.text === ':' || subjectPronoun(last.to) ||
      (tokens[last.to]?.text === ',' && QUOTE_MARKS.test(tokens[last.to + 1]?.text ?? ''))
    // (… and not when the words before the comma only set the scene — If they fail, …; During the tour, … — and a
    // clause follows the cue: During the tour, the guide said the reef was dying)
    let intro = sFrom
    while (intro < sTo && (linking(tokens[intro]!.norm) || !tokens[intro]!.isWord)) intro++
    const scene = (isMarker(intro, sTo) || subordinators.has(tokens[intro]!.norm) || pack.inClass('role-preposition', tokens[intro]!.norm) || pack.inClass('time-preposition', tokens[intro]!.norm)) &&
      words(last.to, sTo) >= MIN_CONTENT_WORDS && !settingOpeners.has(tokens[last.to]?.norm ?? '')
    // (a gerund after a comma goes on for the sentence's subject: …, citing a threat to safety)
    const closing = last.kind === 'report' && !(gerunds.has(tokens[last.at]!.norm) && tokens[last.at - 1]?.text === ',')
    if (closing && !opens && !scene && (tokens[last.at - 1]?.text === ',' ? isInverted(last.to, sTo) : words(last.to, sTo) <= TAIL)) {
      let comma = last.at - 1
      while (comma > sFrom && tokens[comma]!.text !== ',' && last.at - comma <= SOURCE_PHRASE + 1) comma--
      if (comma > sFrom && tokens[comma]!.text === ',' && !isMarker(comma + 1, last.at)) {
        const speaker = () => speakerAt(comma + 1, last.at) ?? speakerAt(last.to, sTo, false)
        push(sFrom, comma, last, speaker, 'cue-after', speakerPhrase(doc, comma + 1, last.at, 'before') ?? speakerPhrase(doc, last.to, sTo, 'after'))
        return
      }
    }
    // "X said (to Y) (that) …": every cue with a subject before it, a gerund (…, saying …) or a second verb of the
    // same subject (… and said …) opens content that runs to the next such cue or the sentence's end
    let lastSpeaker: string | undefined, lastSource: TextSpan | undefined
    let lastSubject: { from: number; to: number } | undefined
    for (let n = 0; n < cues.length; n++) {
      const c = cues[n]!
      if (c.at < coveredTo) continue
      const prev = tokens[c.at - 1]
      const gerund = gerunds.has(tokens[c.at]!.norm) && (prev?.text === ',' || prev?.text === '—')
      const coordinated = !!prev && coordinators.has(prev.norm) && lastSubject !== undefined
      let clauseFrom = c.at
      while (clauseFrom > sFrom && !/^[,;:(—–]$/.test(tokens[clauseFrom - 1]!.text)) clauseFrom--
      // an apposition between the subject and its verb (Phil Lovas, the state's campaign chairman, said …)
      if (clauseFrom === c.at && prev?.text === ',' && !gerund) clauseFrom = Math.max(sFrom, coveredTo)
      if (!gerund && !coordinated && words(clauseFrom, c.at) === 0) continue
      // the content starts after "that" or a colon within a few words (said on Monday that, told reporters that);
      // after an attribution verb only right after it (called for dresses that showed … is no "that" clause)
      let from = c.to
      // (not when a clause of its own starts right after the cue: says he's satisfied that …)
      // (further, across commas, after a phrase of setting: told a rally in Dayton, Ohio, on Friday that …)
      const set = c.kind === 'report' && !!tokens[c.to] && (settingOpeners.has(tokens[c.to]!.norm) || pack.inClass('role-preposition', tokens[c.to]!.norm) || pack.inClass('time-preposition', tokens[c.to]!.norm))
      for (let k = c.to; k < Math.min(sTo, c.to + (set ? SETTING_REACH : 7)) && !subjectPronoun(c.to); k++) {
        // ("that" before punctuation is a pronoun: said the test could change that.)
        if (tokens[k]!.text === ':' || (complementizers.has(tokens[k]!.norm) && (tokens[k + 1]?.isWord || QUOTE_MARKS.test(tokens[k + 1]?.text ?? '')) && (c.kind === 'report' || k === c.to) && !demonstrative(c, k))) { from = k + 1; break }
        // a directive's content is the infinitive after its object (urged Congress to act)
        if (c.kind === 'directive' && infinitive.has(tokens[k]!.norm)) { from = k; break }
        if (!tokens[k]!.isWord && !(set && tokens[k]!.text === ',')) break
      }
      // the content stops before the next cue that goes on for the same subject (…, adding that …; … and said …)
      let to = sTo
      // an attribution verb's object ends at the first clause boundary (criticised Trump for his taxes, saying …;
      // not a comma inside a list: Ohio, Florida and Nevada) or at the setting that follows it (attacked the mayor
      // in a series of tweets, … during the debate); a restrictive relative clause (no comma before it) is part of
      // the object (mentioned the cases in which she defended …, backed the bill that would …)
      if (c.kind !== 'report' && from === c.to) {
        const boundary = (k: number) => /^[;:(—–]$/.test(tokens[k]!.text) ||
          (tokens[k]!.text === ',' && (isMarker(k + 1, sTo) || gerunds.has(tokens[k + 1]?.norm ?? '') || participle(k + 1) || afterComma(k + 1) || indefinites.has(tokens[k + 1]?.norm ?? ''))) ||
          (isMarker(k, sTo) && !complementizers.has(tokens[k]!.norm) && !relatives.has(tokens[k]!.norm)) || ((starts[k]! & SETTING) !== 0 && matchClass(settings!, tokens, k, sTo).length > 0) || medium(k) ||
          // (a noun's object ends where the main clause's verb starts: his criticism of the Fed was …, will …)
          // (not inside a relative clause of that object: … about a seat that could decide …)
          (!!c.noun && mainVerb(k) && !tokens.slice(from, k).some((t) => relatives.has(t.norm) || complementizers.has(t.norm)))
        for (let k = from + 1; k < to; k++) if (boundary(k)) { to = k; break }
      }
      // (a semicolon ends what was said: … would raise $1 trillion; another centre puts it at …)
      for (let k = from + 1; k < to; k++) if (tokens[k]!.text === ';') { to = k; break }
      // (after a speech verb, a relative clause closing a noun-phrase object is the writer's, not what was said:
      // acknowledged the scale of the flood, which makes her an outlier; not one followed by more of the sentence:
      // said the plan, which …, would …)
      if (from === c.to && c.kind === 'report') {
        for (let k = from + 1; k < to; k++) if (tokens[k]!.text === ',' && relatives.has(tokens[k + 1]?.norm ?? '') && !tokens.slice(k + 2, to).some((t) => t.text === ',')) { to = k; break }
      }
      // (an attribution verb's object ends where a clause of purpose or time opens: agreed to release the funds so
      // the council could …; welcomed the plan as they left)
      if (c.kind !== 'report' && from === c.to) {
        const opensClause = (k: number) => subjectPronoun(k) || determiners.has(tokens[k]?.norm ?? '') || /^\p{Lu}/u.test(tokens[k]?.text ?? '')
        for (let k = from + 1; k < to; k++) if ((tokens[k]!.norm === 'so' && opensClause(k + 1)) || (tokens[k]!.norm === 'as' && subjectPronoun(k + 1))) { to = k; break }
      }
      // (a cue in a clause that opens the sentence — As Trump said X, Clinton … — stops at the comma before the
      // main clause's subject: a capitalised word, a subject pronoun or a determiner)
      if (isMarker(sFrom, sTo) || subordinators.has(tokens[sFrom]!.norm)) {
        for (let k = from + 1; k < to; k++) if (tokens[k]!.text === ',' && (/^\p{Lu}/u.test(tokens[k + 1]?.text ?? '') || subjectPronoun(k + 1) || determiners.has(tokens[k + 1]?.norm ?? ''))) { to = k; break }
      }
      for (const d of cues.slice(n + 1)) {
        const before = tokens[d.at - 1]
        if (gerunds.has(tokens[d.at]!.norm) && before?.text === ',') { to = d.at - 1; break }
        if (before && coordinators.has(before.norm)) { to = tokens[d.at - 2]?.text === ',' ? d.at - 2 : d.at - 1; break }
        // … but he said …: a new subject after a linking word opens a report of its own
        let k = d.at - 1
        while (k > from && tokens[k]!.isWord && d.at - k <= SUBJECT && !linking(tokens[k]!.norm)) k--
        // (not when the words before the cue end in an object: … and let them know …)
        if (objectPronouns.has(tokens[d.at - 1]!.norm)) continue
        // (after a bare comma only a speech verb does: … the two towns, allowing people to see …; if …, the firm could
        // threaten … go on with the content)
        const opensOwn = linking(tokens[k]!.norm) || tokens[k]!.text === ';' || (tokens[k]!.text === ',' && d.kind === 'report')
        // (nor one that goes on with "that": … because …, and that he might decide …)
        if (complementizers.has(tokens[k + 1]?.norm ?? '')) continue
        if (k > from && k < d.at - 1 && opensOwn) { to = tokens[k - 1]?.text === ',' ? k - 1 : k; break }
      }
      // what follows the cue directly and opens with a preposition of setting is not what was said (said at a
      // rally on Monday, reported by the Post)
      if (from === c.to && settingOpeners.has(tokens[from]?.norm ?? '')) continue
      // (nor a short phrase of setting alone: said in a statement; said on Monday; said when she left)
      if (c.kind === 'report' && from === c.to && words(from, to) <= SETTING_ONLY && !!tokens[from] && (pack.inClass('role-preposition', tokens[from]!.norm) || pack.inClass('time-preposition', tokens[from]!.norm) || (isMarker(from, sTo) && !complementizers.has(tokens[from]!.norm)))) continue
      const subject = { from: clauseFrom, to: c.at }, previous = lastSpeaker
      const speaker = () => (lastSpeaker = gerund ? speakerAt(sFrom, subject.to, false) : coordinated && words(subject.from, subject.to - 1) === 0 ? previous : speakerAt(subject.from, subject.to))
      const rule = c.noun ? 'stance-noun' : gerund ? 'gerund' : coordinated ? 'coordinated-cue' : from === c.to ? 'cue-before' : 'cue-before-that'
      const source = gerund ? undefined : coordinated && words(clauseFrom, c.at - 1) === 0 ? lastSource : speakerPhrase(doc, clauseFrom, c.at, 'before')
      lastSpeaker = undefined
      lastSource = source
      // (an attribution verb's object may be short when it is a noun phrase: criticised it, attacked Machado, made the pick;
      // a directive's infinitive: urged them to act; a speech verb's noun-phrase object of two words: condemned the raid)
      if (!push(from, to, c, speaker, rule, source, c.kind !== 'report' && from === c.to && nounPhraseStart(from) ? 1 : c.kind === 'directive' && infinitive.has(tokens[from]!.norm) ? 2 : from === c.to && nounPhraseStart(from) && !subjectPronoun(from) ? 2 : MIN_CONTENT_WORDS)) continue
      lastSubject = { from: clauseFrom, to: c.at }
      coveredTo = to
    }
  }
  // "X was criticised by Y", "X's views were echoed by Y": a passive cue with its agent reports on its subject
  for (const [sFrom, sTo] of doc.sentenceTokens) {
    for (let i = sFrom + 1; i < sTo; i++) {
      if (!passive(i)) continue
      // (the longest cue of the three classes; the first class's on a tie)
      let m: { to: number } | undefined
      for (const c of [matchAt(REPORTING, reporting, i, sTo), matchAt(ATTRIBUTING, attributing, i, sTo), matchAt(PASSIVE_CUE, passiveCue, i, sTo)]) if (c && (!m || c.to > m.to)) m = c
      if (!m || quoted(i) || tokens[m.to]?.norm !== 'by' || !isSourceStart(m.to + 1)) continue
      // the subject: back from the auxiliary (and an adverb before the participle: was first reported by) to the clause's start
      let aux = i - 1
      while (aux > sFrom && !passives.has(tokens[aux]!.norm)) aux--
      let from = aux
      while (from > sFrom && !/^[,;:(—–―]$/.test(tokens[from - 1]!.text) && !linking(tokens[from - 1]!.norm) && !(isMarker(from - 1, aux) && !relatives.has(tokens[from - 1]!.norm))) from--
      // (tolerating auxiliaries before the passive one: has been, have often been)
      while (aux > from && (auxiliaries.has(tokens[aux - 1]!.norm) || passives.has(tokens[aux - 1]!.norm))) aux--
      const a = tokens[from]!.start, b = tokens[aux - 1]?.end ?? a
      if (aux <= from || out.some((r) => r.start < b && a < r.end)) continue
      push(from, aux, { at: i, to: m.to + 1 }, () => speakerAt(m.to + 1, sTo, false), 'passive-by', speakerPhrase(doc, m.to + 1, sTo, 'after'), 1)
      i = m.to
    }
  }
  // "X seems to …", "X is expected to …", "it appears that …": a view the writer reports without naming whose it is;
  // the content is the whole clause, its subject included (after "it … that", what follows "that")
  if (evidential) {
    for (const [sFrom, sTo] of doc.sentenceTokens) {
      for (let i = sFrom + 1; i < sTo; i++) {
        const m = matchAt(EVIDENTIAL, evidential, i, sTo)
        if (!m || quoted(i)) continue
        const next = tokens[m.to]?.norm ?? ''
        // the clause: back to a punctuation mark, a linking word or a clause marker (which seems to …), on to the next
        // mark that ends a clause (a semicolon, a bracket, a comma before a linking word or a clause marker)
        let from = i
        while (from > sFrom && !/^[,;:(—–―]$/.test(tokens[from - 1]!.text) && !linking(tokens[from - 1]!.norm) && !(isMarker(from - 1, i) && !relatives.has(tokens[from - 1]!.norm))) from--
        let to = m.to
        while (to < sTo && !/^[;(—–―]$/.test(tokens[to]!.text) && !(tokens[to]!.text === ',' && (linking(tokens[to + 1]?.norm ?? '') || isMarker(to + 1, sTo)))) to++
        const it = i - from === 1 && tokens[from]!.norm === 'it'
        let start: number
        if (it && complementizers.has(next)) start = m.to + 1
        else if (!it && infinitive.has(next) && words(from, i) > 0) start = from
        else continue
        const a = tokens[start]!.start, b = tokens[to - 1]!.end
        if (out.some((r) => r.start < b && a < r.end) || doc.quotes.some((q) => q.start < b && a < q.end)) continue
        push(start, to, { at: i, to: m.to }, () => undefined, 'evidential')
        i = to
      }
    }
  }
  return out
}

/** The longest match of a word class at token `at` (the first of the longest), or undefined. */
function longestMatch(cls: WordClass | undefined, tokens: readonly Token[], at: number, limit: number): { to: number; value: string } | undefined {
  if (!cls) return undefined
  const all = matchClass(cls, tokens, at, limit)
  let best = all[0]
  for (let k = 1; k < all.length; k++) if (all[k]!.to > best!.to) best = all[k]
  return best
}

/** 1 for each token that lies wholly inside one of the document's quotations (found once per document, not per cue). */
function tokensInsideQuotes(doc: KronikaDocument): Uint8Array {
  const inside = new Uint8Array(doc.tokens.length)
  for (const q of doc.quotes) { const [from, to] = doc.tokenRange(q); inside.fill(1, from, to) }
  return inside
}
