/**
 * Property tests: whatever the input — any Unicode, markup, JSON Lines, enormous tokens, deep nesting, empty or
 * blank text, any declared language — extraction does not throw, every span slices back to its text, every entity
 * an event or quote names exists, no stage fails, and the same input gives the same record. About 11,000 generated
 * cases, small ones mostly; the seed is fixed so CI is repeatable (FUZZ_SEED=n to explore others, and
 * `node bench/soak.mjs --runs 100000` for a long run).
 */
import { test } from 'node:test'
import fc from 'fast-check'
import { anyString, deepNesting, documentInput, enormous, extractionProblems, hostileText, inputProblems, jsonInput, markup, recordProblems, textFile, utf8 } from './testing/fuzz.js'
import { extractDocument } from './pipeline/extract.js'

const seed = Number(process.env.FUZZ_SEED ?? 20240314)
const check = (problems: string[]) => { if (problems.length) throw new Error(problems.join('\n')) }
const params = (numRuns: number) => ({ numRuns, seed })

test('news words mixed with hostile Unicode (combining marks, joiners, RTL, emoji, lone surrogates)', () => {
  fc.assert(fc.property(documentInput(hostileText), (input) => check(extractionProblems(input))), params(3000))
})

test('any string, code unit by code unit', () => {
  fc.assert(fc.property(documentInput(anyString), (input) => check(extractionProblems(input))), params(2000))
})

test('HTML-ish markup', () => {
  fc.assert(fc.property(documentInput(markup), (input) => check(extractionProblems(input))), params(1500))
})

test('deeply nested markup, brackets and quotation marks', () => {
  fc.assert(fc.property(documentInput(deepNesting), (input) => check(extractionProblems(input))), params(40))
})

test('enormous tokens and lines', () => {
  // once each (they are large); the repeated-run property is covered by the small inputs
  fc.assert(fc.property(documentInput(enormous), (input) => {
    let doc
    try { doc = extractDocument(input) } catch (err) { throw new Error(`extraction threw: ${(err as Error).stack}`) }
    check(recordProblems(doc))
  }), params(10))
})

test('JSON, JSON arrays and JSON Lines through readInputs', () => {
  fc.assert(fc.property(jsonInput, fc.constantFrom(undefined, 'sq', 'en', 'xx'), (json, lang) => check(inputProblems(utf8(json), lang ? { lang } : {}))), params(1500))
})

test('text files through readInputs (BOM, date line, any text)', () => {
  fc.assert(fc.property(textFile, fc.constantFrom(undefined, '2024-03-14', 'nonsense'), (text, published) => check(inputProblems(utf8(text), published ? { published } : {}))), params(1500))
})

test('arbitrary bytes through readInputs', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => check(inputProblems(bytes))), params(1000))
})

test('empty and whitespace-only texts in every language', () => {
  for (const text of ['', ' ', '\n', '\r\n\r\n', '\t \u00a0\u2003\u3000', '\u200b', '\ufeff', '\u2028\u2029'])
    for (const lang of [undefined, 'sq', 'en', 'xx']) check(extractionProblems({ text, ...(lang ? { lang } : {}) }))
})
