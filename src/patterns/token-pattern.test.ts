import { test } from 'node:test'
import assert from 'node:assert/strict'
import { capture, compilePattern, findAll, matchAt, type WordClasses } from './token-pattern.js'
import { makeToken } from '../stages/segment.js'
import type { Token } from '../text/token.js'

function tokens(text: string): Token[] {
  const out: Token[] = []
  for (const m of text.matchAll(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)) out.push(makeToken(text, m.index!, m.index! + m[0].length, out.length, 0, ''))
  return out
}

const classes: WordClasses = new Map([
  ['weekday', new Map([['henen', [{ tokens: ['henen'], value: '1' }]], ['e', [{ tokens: ['e', 'hene'], value: '1' }]]])],
])

test('a literal matches case- and diacritic-insensitively', () => {
  const t = tokens('Të Hënën erdhi')
  assert.deepEqual(matchAt(compilePattern('te {weekday}'), t, 0, classes), { from: 0, to: 2, captures: [{ name: 'weekday', from: 1, to: 2, value: '1' }] })
})

test('optional elements and alternatives of sequences', () => {
  const p = compilePattern('(në|gjatë)? (ditët në vazhdim|ditët e ardhshme)')
  assert.equal(matchAt(p, tokens('ditët në vazhdim'), 0, classes)?.to, 3)
  assert.equal(matchAt(p, tokens('gjatë ditët e ardhshme'), 0, classes)?.to, 4)
  assert.equal(matchAt(p, tokens('ditët pa fund'), 0, classes), null)
})

test('a class form of several tokens, and the longest match wins', () => {
  const p = compilePattern('{weekday}')
  assert.equal(matchAt(p, tokens('e hënë mbrëma'), 0, classes)?.to, 2)
})

test('prefix, any-word, repeat and built-in classes', () => {
  assert.equal(matchAt(compilePattern('sulm*'), tokens('sulmuan'), 0, classes)?.to, 1)
  assert.equal(matchAt(compilePattern('_ {digits}'), tokens('viti 2023'), 0, classes)?.to, 2)
  const m = matchAt(compilePattern('zoti {cap:name}+'), tokens('zoti Kim Jong Un tha'), 0, classes)!
  assert.equal(m.to, 4)
  assert.deepEqual(capture(m, 'name'), { name: 'name', from: 1, to: 4, value: 'Kim Jong Un' })
  assert.equal(matchAt(compilePattern('{year}'), tokens('1066'), 0, classes), null)
  assert.equal(matchAt(compilePattern('{year}'), tokens('2022'), 0, classes)?.to, 1)
})

test('a regular expression token', () => {
  assert.equal(matchAt(compilePattern('/^\\d{1,2}$/ maj'), tokens('3 maj'), 0, classes)?.to, 2)
})

test('findAll scans left to right without overlaps', () => {
  const found = findAll([{ pattern: compilePattern('a b') }, { pattern: compilePattern('b c') }], tokens('a b c b c'), classes, () => 5)
  assert.deepEqual(found.map((f) => [f.match.from, f.match.to]), [[0, 2], [3, 5]])
})

test('a malformed pattern or an unknown class is a programming error with a clear message', () => {
  assert.throws(() => compilePattern('(a|b'), /missing \)/)
  assert.throws(() => matchAt(compilePattern('{nope}'), tokens('x'), 0, classes), /unknown word class \{nope\}/)
})
