import { test } from 'node:test'
import assert from 'node:assert/strict'
import { run } from '../testing/helpers.js'
import { verifySpans } from './verify-spans.js'

test('verify-spans keeps spans that slice back to their text and removes the others with a message', () => {
  const doc = run('The mayor said on Monday that the new bridge would open in May.', 'en')
  const text = doc.text
  const at = (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length, text: w })
  const good = at('the new bridge would open in May')
  doc.statements = [
    { ...good, cue: at('said'), rule: 'test.good' },
    { ...good, text: 'the new bridge would open in June', rule: 'test.other-text', cue: at('said') },
    { ...good, end: good.end + 1, rule: 'test.longer', cue: at('said') },
    { ...good, start: text.length - 2, end: text.length + 5, rule: 'test.past-the-end', cue: at('said') },
    { ...good, rule: 'test.bad-cue', cue: { ...at('said'), text: 'says' } },
    { ...good, start: 3, end: 2, text: '', rule: 'test.reversed', cue: at('said') },
  ]
  const before = doc.messages.length
  verifySpans(doc)
  assert.deepEqual(doc.statements.map((s) => s.rule), ['test.good'])
  assert.equal(doc.messages.length - before, 5)
  assert.ok(doc.messages.slice(before).every((m) => m.rule === 'core.span.mismatch' && m.severity === 'error'))
})
