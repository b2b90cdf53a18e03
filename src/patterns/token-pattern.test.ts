import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { capture, compilePattern, findAll, matchAt, matchClass, requirements, RuleIndex, testRequirements, type Capture, type CompiledPattern, type PatternMatch, type WordClasses } from './token-pattern.js'
import { makeToken } from '../stages/segment.js'
import type { Token } from '../text/token.js'
import { forgetTokenKeys, formKey, keyGeneration, tokenKeys } from '../text/form-keys.js'

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
  assert.throws(() => compilePattern('of (the:name)? {cap}'), /capture name on a literal word/)
})

// --- the compiled matcher and the rule index against plain references (issue #6: same output, faster)

/** The interpreter the compiled matcher replaced, kept here as the reference: every path, in order, by closures. */
function referenceMatchAt(p: CompiledPattern, toks: readonly Token[], at: number, cls: WordClasses, limit = toks.length): PatternMatch | null {
  type El = CompiledPattern['elements'][number]
  let best: PatternMatch | null = null
  const caps: Capture[] = []
  const BUILT: Record<string, (t: Token) => boolean> = {
    digits: (t) => /^\d+$/.test(t.text), cap: (t) => t.shape === 'Xx' || t.shape === 'X', lower: (t) => t.isWord && t.shape === 'x', punct: (t) => !t.isWord,
  }
  const seq = (els: El[], k: number, pos: number, done: (pos: number) => void): void => {
    if (k === els.length) { done(pos); return }
    const el = els[k]!
    const next = (p2: number) => seq(els, k + 1, p2, done)
    const once = (pos0: number, cont: (p2: number) => void) => atom(el.node, pos0, cont)
    if (el.repeat) { const more = (p2: number) => { once(p2, more); next(p2) }; once(pos, more) } else once(pos, next)
    if (el.optional) next(pos)
  }
  const atom = (n: El['node'], pos: number, cont: (p2: number) => void): void => {
    if (pos >= limit) return
    const t = toks[pos]!
    switch (n.kind) {
      case 'word': if (t.norm === n.word) cont(pos + 1); return
      case 'lemma': if (t.norm === n.word || t.lemmas.includes(n.word)) cont(pos + 1); return
      case 'prefix': if (t.isWord && t.norm.startsWith(n.prefix)) cont(pos + 1); return
      case 'any': if (t.isWord) cont(pos + 1); return
      case 'regex': if (n.re.test(t.text)) { caps.push({ name: 're', from: pos, to: pos + 1, value: t.text }); cont(pos + 1); caps.pop() } return
      case 'alt': for (let k = 0; k < n.options.length; k++) { const w = n.firstWords[k]; if (w === undefined || w === t.norm) seq(n.options[k]!, 0, pos, cont) } return
      case 'class': {
        const b = BUILT[n.name]
        if (b) { if (b(t)) { caps.push({ name: n.as, from: pos, to: pos + 1, value: t.text }); cont(pos + 1); caps.pop() } return }
        for (const m of matchClass(cls.get(n.name)!, toks, pos, limit)) { caps.push({ name: n.as, from: pos, to: m.to, value: m.value }); cont(m.to); caps.pop() }
      }
    }
  }
  seq(p.elements, 0, at, (end) => { if (end > at && (!best || end > best.to)) best = { from: at, to: end, captures: caps.slice() } })
  return best
}

// a small vocabulary, so that random patterns and random sentences meet often
const WORDS = ['a', 'b', 'c', 'Kim', 'Jong', 'e', 'hënë', 'shkoi', '2023', ',', 'ABC']
const ATOMS = ['a', 'b', 'c', 'e', '~shkoj', 'sh*', '_', '{cap}', '{cap:name}', '{digits}', '{weekday}', '{weekday:day}', '/^[ab]$/', '(a|b c)', '(e hene|kim)', '(a|)', '(b|{cap} c)']
const PATTERN = fc.array(fc.tuple(fc.constantFrom(...ATOMS), fc.constantFrom('', '', '?', '+', '?+')), { minLength: 1, maxLength: 4 })
  // a repeat of what can match nothing never ends, in either matcher: pack patterns never write one
  .map((els) => els.map(([a, m]) => a + (a === '(a|)' ? m.replace('+', '') : m)).join(' '))
const SENTENCE = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 9 })

function sentenceTokens(words: readonly string[]): Token[] {
  const text = words.join(' ')
  const out: Token[] = []
  let at = 0
  words.forEach((w, i) => {
    const t = makeToken(text, at, at + w.length, i, 0, i ? ' ' : '')
    if (w === 'shkoi') t.lemmas = ['shkoj']
    out.push(t)
    at += w.length + 1
  })
  return out
}

test('compiled patterns match exactly as the step-by-step interpreter: the same longest match and the same captures', () => {
  fc.assert(fc.property(PATTERN, SENTENCE, fc.nat(), fc.nat(), (source, words, a, b) => {
    const p = compilePattern(source)
    const toks = sentenceTokens(words)
    const at = toks.length ? a % (toks.length + 1) : 0
    const limit = at + (toks.length - at ? b % (toks.length - at + 1) : 0)
    assert.deepEqual(matchAt(p, toks, at, classes, limit), referenceMatchAt(p, toks, at, classes, limit), `${source} at ${at} in "${words.join(' ')}"`)
  }), { numRuns: 4000, seed: 11 })
})

test('findAll, which skips the rules a sentence lacks the words for, finds what trying every rule at every token finds', () => {
  const naive = (rules: Array<{ pattern: CompiledPattern }>, toks: Token[], end: (i: number) => number) => {
    const out: Array<[number, number, number]> = []
    for (let i = 0; i < toks.length;) {
      let best: [number, number, number] | null = null
      rules.forEach((r, k) => { const m = matchAt(r.pattern, toks, i, classes, end(i)); if (m && (!best || m.to > best[1])) best = [m.from, m.to, k] })
      if (best) { out.push(best); i = best[1] } else i++
    }
    return out
  }
  fc.assert(fc.property(fc.array(PATTERN, { minLength: 1, maxLength: 6 }), fc.array(SENTENCE, { minLength: 1, maxLength: 3 }), (sources, sentences) => {
    const rules = sources.map((s) => ({ pattern: compilePattern(s) }))
    // sentences one after another; a match never crosses a sentence end
    const toks: Token[] = []
    const ends: number[] = []
    for (const words of sentences) { for (const t of sentenceTokens(words)) toks.push({ ...t, index: toks.length }); ends.push(toks.length) }
    const end = (i: number) => ends.find((e) => e > i) ?? toks.length
    const found = findAll(rules, toks, classes, end).map((f) => [f.match.from, f.match.to, rules.indexOf(f.rule)])
    assert.deepEqual(found, naive(rules, toks, end))
  }), { numRuns: 1500, seed: 12 })
})

test('the forms a pattern needs: one set per element that must match, none for optional or open elements', () => {
  const keys = (source: string) => requirements(compilePattern(source), classes).map((s) => [...s].sort())
  assert.deepEqual(keys('{cap} (beat|lost to) {cap}'), [['beat', 'lost']])
  assert.deepEqual(keys('(the)? {weekday} ~shkoj'), [['e', 'henen'], ['shkoj']])
  assert.deepEqual(keys('sulm* _ {digits} /^x$/ (a|{cap})'), [])
  assert.deepEqual(keys('{nope} a'), [['a']])
})

test('a rule index skips a rule in a sentence without one of its needed words, and keeps it where the word is a lemma', () => {
  const rule = { pattern: compilePattern('{cap} ~shkoj') }
  const index = new RuleIndex([rule], classes)
  const toks = sentenceTokens(['Kim', 'shkoi', 'a', 'Kim', 'b'])
  index.scope(toks, 0, 2)
  assert.equal(index.possibleHere(rule), true)
  index.scope(toks, 2, 5)
  assert.equal(index.possibleHere(rule), false)
})

test('matchClass answers nothing with an empty list, and finds one-word forms through lemmas', () => {
  const weekday = classes.get('weekday')!
  assert.deepEqual(matchClass(weekday, tokens('nesër'), 0), [])
  const t = tokens('hënës')
  t[0]!.lemmas = ['henen']
  assert.deepEqual(matchClass(weekday, t, 0), [{ to: 1, value: '1' }])
  assert.deepEqual(matchClass(weekday, tokens('e hënë'), 0, 1), [])
})

test('the built-in number classes accept exactly what their regular expressions describe', () => {
  const reference: Record<string, RegExp> = { digits: /^\d+$/, year: /^(1[89]|20)\d\d$/, day: /^(0?[1-9]|[12]\d|3[01])$/, 'month-number': /^(0?[1-9]|1[0-2])$/ }
  const texts = ['0', '00', '000', '0000', '12a', 'a1', '1.5', '3,2', '١٢', '²', '-1', '', 'May']
  for (let n = 0; n < 10000; n++) texts.push(String(n), String(n).padStart(2, '0'), String(n).padStart(4, '0'))
  for (const [name, re] of Object.entries(reference)) {
    const p = compilePattern(`{${name}}`)
    for (const text of texts) {
      const t = tokens(text)
      const one = t.length === 1
      assert.equal(one && matchAt(p, t, 0, classes) !== null, one && re.test(text), `{${name}} on "${text}"`)
    }
  }
})

test('a rule index skips a rule needing a number in a sentence without one (and never for capitals, which are everywhere)', () => {
  assert.equal(testRequirements(compilePattern('(in|since)? -? {year}')).length, 1)
  assert.equal(testRequirements(compilePattern('{cap} {lower} {digits}? /^x$/ sulm*')).length, 2)
  const rule = { pattern: compilePattern('(in|since)? {year}') }
  const index = new RuleIndex([rule], classes)
  const toks = sentenceTokens(['in', 'spring', 'in', '2019'])
  index.scope(toks, 0, 2)
  assert.equal(index.possibleHere(rule), false)
  index.scope(toks, 2, 4)
  assert.equal(index.possibleHere(rule), true)
})

test('matchClass remembers the words that start no form, and forgets when a form number comes back with other forms or lemmas', () => {
  const cls: WordClasses = new Map([['c', new Map([
    ['a', [{ tokens: ['a', 'b'], value: 'ab' }, { tokens: ['a'], value: 'a' }]],
    ['b', [{ tokens: ['b', 'c'], value: 'bc' }]],
    ['c', [{ tokens: ['c'], value: 'c' }]],
  ])]])
  const reference = (toks: Token[], at: number, limit: number) => {
    const t = toks[at]!, out: Array<{ to: number; value: string }> = []
    for (const e of cls.get('c')!.get(t.norm) ?? []) if (at + e.tokens.length <= limit && e.tokens.every((w, k) => k === 0 || toks[at + k]!.norm === w)) out.push({ to: at + e.tokens.length, value: e.value })
    if (out.length) return out
    for (const l of t.lemmas) { const e = cls.get('c')!.get(l)?.find((x) => x.tokens.length === 1); if (e) return [{ to: at + 1, value: e.value }] }
    return []
  }
  // tokens whose form numbers collide (as those of two packs' segmenters can), with and without lemmas
  const word = fc.record({ norm: fc.constantFrom('a', 'b', 'c', 'd'), form: fc.integer({ min: 0, max: 3 }), lemmas: fc.constantFrom(0, 1, 2) })
  const lemmaArrays: string[][] = [[], ['c'], ['d', 'a']]
  fc.assert(fc.property(fc.array(fc.array(word, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (sentences) => {
    for (const words of sentences) {
      const toks = words.map((w, i) => ({ ...makeToken('x', 0, 1, i, 0, ''), norm: w.norm, form: 1000 + w.form, lemmas: lemmaArrays[w.lemmas]! }))
      for (let at = 0; at < toks.length; at++) for (const limit of [at + 1, toks.length]) {
        assert.deepEqual(matchClass(cls.get('c')!, toks, at, limit), reference(toks, at, limit))
      }
    }
  }), { numRuns: 2000, seed: 21 })
})

// --- rules starting with a repeated built-in class ({cap}+) are tried once per run of such tokens (issue #6)

/** Every match of every rule at every token of each sentence, by the index's shared runs and by plain `matchAt`. */
function bothWays(rules: Array<{ pattern: CompiledPattern }>, sentences: Token[][], cls: WordClasses, order: (n: number) => number[] = (n) => [...Array(n).keys()]) {
  const toks: Token[] = []
  const bounds: Array<[number, number]> = []
  for (const words of sentences) { const from = toks.length; for (const t of words) toks.push({ ...t, index: toks.length }); bounds.push([from, toks.length]) }
  const index = new RuleIndex(rules, cls)
  const shared: unknown[] = [], plain: unknown[] = []
  for (const [from, to] of bounds) {
    index.scope(toks, from, to)
    for (const k of order(to - from)) {
      const i = from + k
      // the rules possible at the token, as the scope's shared lists give them and one by one
      shared.push([...index.possibleIdsAt(toks, i)])
      plain.push(index.candidateIdsAt(toks, i).filter((id) => index.possible(id)))
      rules.forEach((r, id) => {
        shared.push([i, id, index.matchAt(id, toks, i, to)])
        plain.push([i, id, matchAt(r.pattern, toks, i, cls, to)])
      })
    }
  }
  return { shared, plain }
}

const orgClasses: WordClasses = new Map([
  ['org-word', new Map([['bank', [{ tokens: ['bank'], value: 'bank' }]], ['party', [{ tokens: ['party'], value: 'party' }]], ['front', [{ tokens: ['front'], value: 'front' }]]])],
])

test('a {cap}+ rule tried once per run of capitals gives the matches and captures of trying it at every capital', () => {
  const rules = ['{cap:name}+ {org-word:name}', '{cap:name}+ {org-word:name} of (the)? {cap:name}+', '{cap:name}+ (beat|lost to) {cap}', '{cap:name}+ {digits} ,? {cap}+ {digits}', '{cap}+']
    .map((source) => ({ pattern: compilePattern(source) }))
  const sentences = [
    'The Northern Farmers Bank of the Lakes opened a branch in Alder Creek .',
    'Rivertown beat Stonefield Rovers on Sunday , and Hill Park lost to Oakvale .',
    'Greyhaven 3 , Port Emery 1 .',
    'Workers Party Front leader spoke .',
  ].map((s) => sentenceTokens(s.split(' ')))
  const { shared, plain } = bothWays(rules, sentences, orgClasses)
  assert.deepEqual(shared, plain)
  // the run is shared: from Northern, the repeat stops before Bank and the rest takes "Bank of the Lakes"
  const index = new RuleIndex(rules, orgClasses)
  const toks = sentences[0]!
  index.scope(toks, 0, toks.length)
  const m = index.matchAt(1, toks, 1, toks.length)!
  assert.deepEqual([m.from, m.to, capture(m, 'name')?.from, capture(m, 'name')?.to], [1, 7, 1, 7])
  assert.deepEqual(m.captures.map((c) => c.value), ['Northern', 'Farmers', 'bank', 'Lakes'])
  assert.equal(index.matchAt(0, toks, 9, toks.length), null)
  // a start that is not a capital, or a limit other than the scope's, gives the plain answer
  assert.equal(index.matchAt(0, toks, 5, toks.length), null)
  assert.deepEqual(index.matchAt(0, toks, 1, 3), matchAt(rules[0]!.pattern, toks, 1, orgClasses, 3))
})

test('property: shared runs of {cap}+, {digits}+ and other repeated built-in classes match as plain matchAt, in any order of starts', () => {
  const FIRST = ['{cap}+', '{cap:name}+', '{digits}+', '{upper:u}+', '{lower}+', '{punct}+']
  const RULE = fc.tuple(fc.constantFrom(...FIRST), fc.array(fc.tuple(fc.constantFrom(...ATOMS), fc.constantFrom('', '', '?', '+', '?+')), { minLength: 0, maxLength: 3 }))
    .map(([first, els]) => [first, ...els.map(([a, m]) => a + (a === '(a|)' ? m.replace('+', '') : m))].join(' '))
  const RULES = fc.array(fc.oneof(RULE, PATTERN), { minLength: 1, maxLength: 5 })
  const CAPS_SENTENCE = fc.array(fc.constantFrom(...WORDS, 'Kim', 'Jong', 'ABC', 'Un', '7'), { minLength: 0, maxLength: 9 })
  fc.assert(fc.property(RULES, fc.array(CAPS_SENTENCE, { minLength: 1, maxLength: 3 }), fc.boolean(), (sources, sentences, backwards) => {
    const rules = sources.map((s) => ({ pattern: compilePattern(s) }))
    const { shared, plain } = bothWays(rules, sentences.map(sentenceTokens), classes, backwards ? (n) => [...Array(n).keys()].reverse() : undefined)
    assert.deepEqual(shared, plain, sources.join(' ; '))
  }), { numRuns: 3000, seed: 31 })
})

test('a rule index answers the same before and after the form keys start a new generation', () => {
  const rule = { pattern: compilePattern('{cap} ~shkoj') }
  const other = { pattern: compilePattern('b c') }
  const index = new RuleIndex([rule, other], classes)
  const toks = sentenceTokens(['Kim', 'shkoi', 'b', 'c'])
  const answers = () => {
    index.scope(toks, 0, 4)
    return [toks.map((_, i) => [...index.possibleIdsAt(toks, i)]), toks.map((t) => index.candidateIds(t))]
  }
  const before = answers()
  index.scope(toks, 0, 4)
  const generation = keyGeneration()
  for (let n = 0; keyGeneration() === generation; n++) formKey(makeToken(`x${n}`, 0, `x${n}`.length, 0, 0, ''))
  // asked within the scope found before the new generation, then in a new scope
  assert.deepEqual(toks.map((_, i) => [...index.possibleIdsAt(toks, i)]), before[0])
  assert.deepEqual(answers(), before)
})

test('matchClass answers the same on the current document, whose answers it remembers by form key, as on another array', () => {
  const weekday = classes.get('weekday')!
  const doc = sentenceTokens(['e', 'hënë', 'a', 'hënës', 'hënës', 'e', 'b', 'hënë'])
  const other = [...doc]
  const answers = (ts: readonly Token[]) => ts.map((_, i) => matchClass(weekday, ts, i))
  tokenKeys(doc)
  const plain = answers(other)
  // asked twice: the second time the negative answers come from memory
  assert.deepEqual(answers(doc), plain)
  assert.deepEqual(answers(doc), plain)
  // a form given a lemma (the analyse stage) gets a new key: its answer is found again, not remembered
  doc[3]!.lemmas = doc[4]!.lemmas = ['henen']
  forgetTokenKeys(doc)
  tokenKeys(doc)
  const withLemma = answers([...doc])
  assert.deepEqual(withLemma[3], [{ to: 4, value: '1' }])
  assert.deepEqual(answers(doc), withLemma)
})
