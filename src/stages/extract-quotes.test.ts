import { test } from 'node:test'
import assert from 'node:assert/strict'
import { run } from '../testing/helpers.js'
import { pairQuotes } from './extract-quotes.js'

test("two apostrophes pair as a double quotation mark, across paragraphs that reopen with them", () => {
  const text = "''The first part.\n\n''The second part,'' she said."
  const { pairs } = pairQuotes(text)
  assert.equal(pairs.length, 1)
  assert.equal(text.slice(pairs[0]!.open + 1, pairs[0]!.close), "The first part.\n\n''The second part,")
})

test('a quotation interrupted by its cue goes on in the next quotation of the paragraph (continues)', () => {
  const doc = run('“The bridge is safe,” Maria Kowalska said on Friday. “It will reopen next week.”', 'en')
  const [a, b] = doc.quotes
  assert.equal(a?.text, 'The bridge is safe')
  assert.equal(b?.text, 'It will reopen next week.')
  assert.equal(b?.rule, 'en.quote.continued')
  assert.deepEqual(b?.continues, { start: a!.start, end: a!.end })
  assert.equal(doc.entity(b!.speaker!)?.name, 'Maria Kowalska')
})

test('a quotation signed with a dash and a name', () => {
  const doc = run('”I voted for the first time this year.” ― Maria Kowalska\n\nThe next reader wrote in Spanish.', 'en')
  const [q] = doc.quotes
  assert.equal(q?.text, 'I voted for the first time this year.')
  assert.equal(q?.rule, 'en.quote.dash-name')
  assert.equal(q?.source?.text, 'Maria Kowalska')
})

test('a pronoun speaker: he/she read as the last person of that gender named before', () => {
  const doc = run('Maria Kowalska met Olaf Scholz in Berlin. “We agreed on the pipeline,” she said.', 'en')
  const [q] = doc.quotes
  assert.equal(doc.entity(q!.speaker!)?.name, 'Maria Kowalska')
  assert.equal(q?.source?.text, 'she')
  const he = run('Maria Kowalska met Olaf Scholz in Berlin. “We agreed on the pipeline,” he said.', 'en')
  assert.equal(he.entity(he.quotes[0]!.speaker!)?.name, 'Olaf Scholz')
})

test('a description as the source of a quotation when no entity is named', () => {
  const doc = run('“The situation is calm,” the spokesman said.', 'en')
  assert.equal(doc.quotes[0]?.speaker, undefined)
  assert.equal(doc.quotes[0]?.source?.text, 'the spokesman')
})

test('a transcript in quotation marks is left to its turns', () => {
  const doc = run('"HOST: Will you attend the debate?\n\n"GUEST: I will be there on Monday night.', 'en')
  assert.deepEqual(doc.quotes, [])
  assert.deepEqual(doc.statements.map((s) => [s.text, s.rule]), [
    ['Will you attend the debate', 'en.statement.transcript-turn'],
    ['I will be there on Monday night', 'en.statement.transcript-turn'],
  ])
})

test('a quotation right before another whose cue follows it is the same speaker\'s', () => {
  const doc = run('“Why did the bridge fall?” “Nobody has told us anything yet,” Maria Kowalska said.', 'en')
  const [a, b] = doc.quotes
  assert.equal(a?.rule, 'en.quote.continued')
  assert.equal(doc.entity(a!.speaker!)?.name, 'Maria Kowalska')
  assert.deepEqual(b?.continues, { start: a!.start, end: a!.end })
})

test('a quotation ending its sentence takes its cue from a short sentence after it', () => {
  const doc = run('“Why did the bridge fall?” Maria Kowalska said. “Nobody has told us anything.”', 'en')
  const [a, b] = doc.quotes
  assert.equal(a?.rule, 'en.quote.cue-after')
  assert.equal(doc.entity(a!.speaker!)?.name, 'Maria Kowalska')
  assert.equal(b?.rule, 'en.quote.continued')
})

test('pairQuotes reads only the marks: tags, apostrophes, inch marks and every kind of quotation mark', () => {
  const text = `A 5"-pipe, <a title="not a quote">the “first” one</a>, it's «second», ''third'' and "fourth “inner” still".\n\n„fifth“ and ‹sixth› and 「seventh」 and “open`
  const { pairs, unclosed } = pairQuotes(text)
  const quoted = pairs.map((p) => text.slice(p.open + 1, p.close))
  assert.deepEqual(quoted, ['first', 'second', 'third', 'fourth “inner” still', 'fifth', 'sixth', 'seventh'])
  assert.deepEqual(unclosed, [text.lastIndexOf('“')])
})
