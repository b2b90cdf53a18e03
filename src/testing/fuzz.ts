/**
 * What must hold for any input, and generators of hostile inputs, shared by the property tests
 * (src/robustness.test.ts) and the long soak (bench/soak.mjs). Any input at all: extraction never throws, every
 * span slices back to its text, every entity an event or quote names exists, no stage fails, and the same input
 * always gives the same record.
 */
import fc from 'fast-check'
import { extractDocument } from '../pipeline/extract.js'
import type { DocumentInput, KronikaDocument } from '../document.js'
import { readInputs } from '../input/read-inputs.js'
import { allTextSpans } from './helpers.js'

/** The problems of one extracted document (empty when it is sound). */
export function recordProblems(doc: KronikaDocument): string[] {
  const problems: string[] = []
  const text = doc.text
  const inText = (s: { start: number; end: number }) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= text.length
  for (const s of allTextSpans(doc)) {
    if (!inText(s)) problems.push(`span [${s.start}, ${s.end}) outside the text (length ${text.length})`)
    else if (text.slice(s.start, s.end) !== s.text) problems.push(`span [${s.start}, ${s.end}) is ${JSON.stringify(text.slice(s.start, s.end))}, not ${JSON.stringify(s.text)}`)
  }
  const r = doc.toRecord()
  for (const s of r.sentences) if (!inText(s) || s.start === s.end) problems.push(`sentence [${s.start}, ${s.end}) is empty or outside the text`)
  for (const e of r.events) for (const s of [e.evidence, ...(e.reports ?? [])]) if (!inText(s)) problems.push(`event ${e.id} span [${s.start}, ${s.end}) outside the text`)
  for (const m of r.messages) if (m.start !== undefined && !inText({ start: m.start, end: m.end ?? m.start })) problems.push(`message "${m.reason}" points outside the text`)
  const ids = new Set(r.entities.map((e) => e.id))
  if (ids.size !== r.entities.length) problems.push('two entities share an id')
  const need = (id: string | undefined, what: string) => { if (id !== undefined && !ids.has(id)) problems.push(`${what} names entity ${id}, which does not exist`) }
  for (const e of r.events) {
    for (const id of e.actor) need(id, `event ${e.id} actor`)
    for (const id of e.recipient) need(id, `event ${e.id} recipient`)
    need(e.place, `event ${e.id} place`)
    for (const a of e.attribution) need(a.source, `event ${e.id} attribution`)
    if (e.time && !r.times[e.time.index]) problems.push(`event ${e.id} time index ${e.time.index} does not exist`)
  }
  for (const q of r.quotes) need(q.speaker, 'quote speaker')
  for (const m of r.messages) if (m.severity === 'error') problems.push(`error message: ${m.reason} [${m.rule}]`)
  return problems
}

/** Extracts twice and returns every problem: a throw, a broken record, or two different records for one input. */
export function extractionProblems(input: DocumentInput): string[] {
  let first: KronikaDocument, second: KronikaDocument
  try {
    first = extractDocument(input)
    second = extractDocument(input)
  } catch (err) {
    return [`extraction threw: ${(err as Error).stack ?? String(err)}`]
  }
  const problems = recordProblems(first)
  if (JSON.stringify(first.toRecord()) !== JSON.stringify(second.toRecord())) problems.push('the same input gave two different records')
  return problems
}

/** Reads bytes as the CLI does and checks every article read from them; reading itself must not throw. */
export function inputProblems(bytes: Uint8Array, opts: { lang?: string; published?: string } = {}): string[] {
  let items
  try {
    items = readInputs(bytes, 'fuzz', opts)
  } catch (err) {
    return [`readInputs threw: ${(err as Error).stack ?? String(err)}`]
  }
  const problems: string[] = []
  for (const item of items) {
    if (!item.input === !item.error) problems.push(`item ${item.origin} has ${item.input ? 'both an input and an error' : 'neither an input nor an error'}`)
    if (item.input) problems.push(...extractionProblems(item.input))
  }
  return problems
}

// --- generators -------------------------------------------------------------------------------------------------

/** Words and phrases the packs react to (names, titles, cues, dates, amounts, quotation marks), in both languages. */
const NEWS = [
  'Kryeministri', 'Presidenti', 'Albin Kurti', 'Vladimir Putin', 'Rusia', 'Rusisë', 'Kosovës', 'Serbia', 'NATO', 'BE-së', 'KCNA-së',
  'tha', 'tha se', 'deklaroi:', 'sipas', 'takoi', 'u takua', 'akuzoi', 'sulmoi', 'do të', 'nuk', 'dje', 'sot', 'të hënën', 'më', 'mars',
  'javën e kaluar', 'milionë', 'euro', 'për qind', 'dhjetëra', 'mijëra', 'në', 'me', 'dhe', 'i', 'e', 'të', 'së',
  'President', 'Prime Minister', 'Joe Biden', 'Kosovo\'s', 'U.S.', 'U.N.', 'Washington', 'Amnesty International', 'the European Union',
  'said', 'said:', 'told', 'according to', 'met', 'will meet', 'accused', 'attacked', 'did not', 'would', 'on Monday', 'last week',
  'March 12, 2024', '12 March', 'yesterday', '5 p.m.', 'two years ago', 'the 1990s', 'Q3', 'million', 'dollars', '%', 'percent',
  'thousands of', 'in', 'of', 'the', 'and', 'by', '2024', '14', '1,200', '3.5', '10.000', '1990s', 'COVID-19', 'F-16',
  '“', '”', '„', '«', '»', '"', '\'', '‘', '’', '(', ')', '[', ']', '.', ',', ':', ';', '!', '?', '-', '–', '—', '…', '/', '&',
]

/** Hostile pieces: combining marks, joiners, bidirectional controls, RTL and CJK scripts, emoji, lone surrogates, odd spaces. */
const HOSTILE = [
  '\u0301', '\u0308', '\u0327\u0301\u0302', '\u200d', '\u200c', '\u200b', '\u2060', '\ufeff', '\u00ad', '\u202e', '\u202d', '\u200f', '\u061c',
  'שלום', 'مرحبا', 'السلام', 'Ελλάδα', 'Москва', '北京', '東京タワー', 'ภาษาไทย', '한국어', '👍', '👨‍👩‍👧', '🇦🇱', '🏳️‍🌈',
  '\ud800', '\udfff', '\udc00a', 'a\ud83d', '\ud83d\ude00\ud83d',
  '\u00a0', '\u2003', '\u3000', '\t', '\n', '\r\n', '\n\n', '\r', '\u2028', '\u2029', '\u0085', '\v', '\f', '\u0000', '\u0007',
  'ë', 'Ë', 'ç', 'ß', 'ǅ', 'ﬁ', 'İ', 'ı', 'ŉ', 'ΐ',
]

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NEWS) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 3, arbitrary: fc.constantFrom(' ', ' ', ' ', '  ', '\n') },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.nat(99999).map(String) },
)

/** Short texts of news words mixed with hostile Unicode. */
export const hostileText = fc.array(piece, { maxLength: 40 }).map((xs) => xs.join(''))

/** Any string, code unit by code unit (lone surrogates included). */
export const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 60 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 30 }),
)

const TAGS = ['p', 'div', 'b', 'i', 'a', 'span', 'script', 'blockquote', 'q', 'h1', 'li', 'ul', '!--', '![CDATA[']

/** HTML-ish markup around news words: tags, attributes with quotation marks, entities, comments, broken nesting. */
export const markup: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileText,
    fc.tuple(fc.constantFrom(...TAGS), fc.array(tie('node'), { maxLength: 4 }), fc.constantFrom('', ' class="x"', ' title=\'“a”\'', ' href="https://e.x/?a=1&b=2"'), fc.boolean())
      .map(([tag, kids, attr, close]) => `<${tag}${attr}>${kids.join('')}${close ? `</${tag}>` : ''}`),
    fc.constantFrom('&amp;', '&lt;', '&quot;', '&#8220;', '&nbsp;', '<br/>', '<', '>', '</p>', '<!-- x -->', ']]>'),
  ),
})).node

/** Deeply nested markup, brackets and quotation marks. */
export const deepNesting = fc.tuple(fc.integer({ min: 50, max: 1500 }), fc.constantFrom('<b>', '(', '“', '«', '[', '"', '<div class="a">'), hostileText)
  .map(([n, open, inner]) => open.repeat(n) + inner + ({ '<b>': '</b>', '(': ')', '“': '”', '«': '»', '[': ']', '"': '"', '<div class="a">': '</div>' } as Record<string, string>)[open]!.repeat(n))

/** Inputs with enormous tokens or lines (up to about 100 KB, so a run stays quick). */
export const enormous = fc.oneof(
  fc.tuple(fc.constantFrom('a', 'Ë', '1', '.', '-', '“', 'ab', '\u0301', '👍', ' ', '\n'), fc.integer({ min: 1000, max: 50_000 })).map(([s, n]) => s.repeat(n)),
  fc.tuple(hostileText, fc.integer({ min: 100, max: 2000 })).map(([s, n]) => (s || 'x').repeat(n).slice(0, 100_000)),
  fc.tuple(fc.constantFrom('Presidenti Albin Kurti tha “', 'The President said "', 'Rusia Rusia Rusia ', 'U.S. U.N. ', '12 mars 2024 ', 'Kim Jong Un '), fc.integer({ min: 200, max: 3000 })).map(([s, n]) => s.repeat(n)),
)

/** The language a caller declares: a pack's, one without a pack, nonsense, or none. */
export const declaredLang = fc.constantFrom(undefined, undefined, 'sq', 'en', 'fr', 'xx', '', 'EN', 'sq-AL')

/** A publication date: valid at each precision, invalid, or none. */
export const publishedDate = fc.oneof(
  fc.constantFrom(undefined, '2024-03-14', '2024-03', '2024', '2023-02-29', '2024-13-01', 'yesterday', '0000-00-00', '2024-03-14T10:00:00Z', '9999-12-31', '1900-01-01'),
  fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
)

/** A document input around a text. */
export const documentInput = (text: fc.Arbitrary<string>) => fc.record({ text, lang: declaredLang, published: publishedDate })
  .map(({ text, lang, published }): DocumentInput => ({ text, ...(lang !== undefined ? { lang } : {}), ...(published !== undefined ? { published } : {}) }))

const jsonValue = fc.oneof(hostileText, anyString, fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }))

/** JSON Lines (or a JSON array or object) of article-like objects, with broken lines, blank lines and odd fields among them. */
export const jsonInput = fc.tuple(
  fc.array(fc.oneof(
    { weight: 5, arbitrary: fc.record({ text: fc.oneof(hostileText, markup, anyString), title: jsonValue, date_publish: fc.oneof(publishedDate, jsonValue), language: fc.oneof(declaredLang, jsonValue), id: fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), url: jsonValue }, { requiredKeys: [] }).map((o) => JSON.stringify(o)) },
    { weight: 1, arbitrary: fc.record({ maintext: hostileText, date: publishedDate }, { requiredKeys: [] }).map((o) => JSON.stringify(o)) },
    { weight: 1, arbitrary: fc.constantFrom('', '   ', '{', '{"text": "a"', '[]', '[1,2]', 'null', '"text"', '{"text": 5}', '{"text": ""}', '{"text": "   "}', '\u0000') },
    { weight: 1, arbitrary: anyString },
  ), { minLength: 1, maxLength: 5 }),
  fc.constantFrom('jsonl', 'jsonl-crlf', 'array', 'object'),
).map(([lines, shape]) => {
  if (shape === 'array') return `[${lines.filter((l) => { try { JSON.parse(l); return true } catch { return false } }).join(',')}]`
  if (shape === 'object') return lines.find((l) => l.startsWith('{') && (() => { try { JSON.parse(l); return true } catch { return false } })()) ?? '{}'
  return lines.join(shape === 'jsonl-crlf' ? '\r\n' : '\n')
})

/** Text files as the CLI reads them: optional BOM and ` date` line, then any text. */
export const textFile = fc.tuple(fc.constantFrom('', '\ufeff'), fc.constantFrom('', 'date 2024-03-14\n', ' date 2024-03 ', 'date 2024\r\n', 'date 2024-99-99\n', 'date \n'), fc.oneof(hostileText, markup, anyString))
  .map(([bom, header, body]) => bom + header + body)

/** UTF-8 bytes of a string (lone surrogates become U+FFFD, as any writer of a file would make them). */
export const utf8 = (s: string) => new TextEncoder().encode(s)
