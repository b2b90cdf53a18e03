import { test } from 'node:test'
import assert from 'node:assert/strict'
import { extractDocument } from '../pipeline/extract.js'
import { isCueWord, roleOf } from './mentions.js'

const at = (text: string, lang: 'en' | 'sq', word: string) => {
  const doc = extractDocument({ text, lang })
  return { doc, i: doc.tokens.findIndex((t) => t.text === word) }
}

test('roleOf: the role a preposition before a phrase gives it, looking through "the town of" and not taking "up to" as "to"', () => {
  const a = at('Ministers met with Rivertown officials on Monday.', 'en', 'Rivertown')
  assert.equal(roleOf(a.doc, a.i, 0), 'counterpart')
  const b = at('Police said up to 300 marchers walked.', 'en', '300')
  assert.equal(roleOf(b.doc, b.i, 0), undefined)
  const c = at('Floods hit homes in the town of Alderby yesterday.', 'en', 'Alderby')
  assert.equal(roleOf(c.doc, c.i, 0), 'place')
  // a preposition before the clause's first token (the floor) is not looked at
  assert.equal(roleOf(a.doc, a.i, a.i), undefined)
})

test('roleOf: a genitive after a title is a modifier; isCueWord knows titles and organisation head words', () => {
  const a = at('Zëdhënësi i Kremlinit tha se takimi u shty.', 'sq', 'Kremlinit')
  assert.equal(isCueWord(a.doc, a.doc.tokens[0]!), true)
  assert.equal(roleOf(a.doc, a.i, 0), 'modifier')
  const b = at('The spokesman said the table was new.', 'en', 'spokesman')
  assert.equal(isCueWord(b.doc, b.doc.tokens[b.i]!), true)
  assert.equal(isCueWord(b.doc, b.doc.tokens.find((t) => t.text === 'table')!), false)
})
