import { test } from 'node:test'
import assert from 'node:assert/strict'
import { run } from '../testing/helpers.js'
import { findReportedSpeech } from './reported-speech.js'

const reports = (text: string) => {
  const doc = run(text, 'en')
  return findReportedSpeech(doc).map((r) => ({ text: r.text, speaker: r.speaker ? doc.entity(r.speaker)?.name : undefined, cue: r.cue.text, rule: r.rule }))
}

test('X said that …: the content follows the cue and "that"', () => {
  const [r] = reports('Albin Kurti said on Monday that the border would remain open.')
  assert.equal(r?.text, 'the border would remain open')
  assert.equal(r?.speaker, 'Albin Kurti')
  assert.equal(r?.rule, 'en.statement.cue-before-that')
})

test('…, X said: the content runs from the sentence start to the comma', () => {
  const [r] = reports('The talks will resume next week in Brussels, Josep Borrell said on Friday.')
  assert.equal(r?.text, 'The talks will resume next week in Brussels')
  assert.equal(r?.speaker, 'Josep Borrell')
  assert.equal(r?.rule, 'en.statement.cue-after')
})

test('according to X, …', () => {
  const [r] = reports('According to Dmitry Peskov, the two leaders will meet in Vladivostok.')
  assert.equal(r?.text, 'the two leaders will meet in Vladivostok')
  assert.equal(r?.speaker, 'Dmitry Peskov')
})

test('quoted words are left to the quotes layer; a reporting noun is not a cue', () => {
  assert.deepEqual(reports('“We will not allow violence,” Kurti said.'), [])
  assert.deepEqual(reports('The reports of shelling in the swing states of the east were false.'), [])
})

test('a transcript turn: NAME: … to the end of the paragraph', () => {
  const [r] = reports('PUTIN: The talks were useful. We will meet again.\n\nThe meeting ended at noon.')
  assert.equal(r?.text, 'The talks were useful. We will meet again')
  assert.equal(r?.rule, 'en.statement.transcript-turn')
})
