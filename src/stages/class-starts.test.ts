import { test } from 'node:test'
import assert from 'node:assert/strict'
import { run } from '../testing/helpers.js'
import { matchClass } from '../patterns/token-pattern.js'
import { classStarts } from './class-starts.js'

const CLASSES = ['reporting-verb', 'attribution-verb', 'according-to', 'clause-marker', 'number', 'no-such-class']

/** Every token's bits agree with matchClass: a bit is set exactly where the class matches a form or lemma there. */
function check(text: string, lang: 'en' | 'sq') {
  const doc = run(text, lang)
  const classes = CLASSES.map((name) => doc.pack.classes.get(name))
  // twice: the second call reads the cached forms
  for (let pass = 0; pass < 2; pass++) {
    const starts = classStarts(doc.pack, 'class-starts.test', classes, doc.tokens)
    assert.equal(starts.length, doc.tokens.length)
    doc.tokens.forEach((t, i) => {
      classes.forEach((cls, k) => {
        const set = (starts[i]! & (1 << k)) !== 0
        const matches = cls ? matchClass(cls, doc.tokens, i).length > 0 : false
        // a set bit may still fail on the words after it (a multi-word entry); a clear bit never matches
        if (!set) assert.equal(matches, false, `${CLASSES[k]} at "${t.text}"`)
        if (matches) assert.equal(set, true, `${CLASSES[k]} at "${t.text}"`)
      })
    })
  }
  return { doc, starts: classStarts(doc.pack, 'class-starts.test', classes, doc.tokens) }
}

test('classStarts: English bits agree with matchClass, inflected forms included', () => {
  const { doc, starts } = check('The minister said on Monday that three ports, according to officials, were closed; she says they criticised it because talks stalled.', 'en')
  const at = (w: string) => starts[doc.tokens.findIndex((t) => t.text === w)]!
  assert.ok(at('said') & 1, 'said is a reporting verb')
  assert.ok(at('says') & 1, 'says is a reporting verb')
  assert.ok(at('according') & 4, 'according opens according to')
  assert.equal(at('ports'), 0)
})

test('classStarts: Albanian bits agree with matchClass', () => {
  check('Ministri tha të hënën se tre porte ishin mbyllur, sipas zyrtarëve, sepse bisedimet kishin ngecur.', 'sq')
})

test('classStarts: other classes under the same key start the cache again', () => {
  const doc = run('The mayor said the bridge was closed.', 'en')
  const reporting = doc.pack.classes.get('reporting-verb')
  const said = doc.tokens.findIndex((t) => t.text === 'said')
  assert.equal(classStarts(doc.pack, 'class-starts.test.key', [reporting], doc.tokens)[said], 1)
  assert.equal(classStarts(doc.pack, 'class-starts.test.key', [undefined, reporting], doc.tokens)[said], 2)
})

test('classStarts: a token longer than any kept form still gets its bits', () => {
  const long = 'x'.repeat(70)
  const doc = run(`The mayor said ${long} was the word.`, 'en')
  const classes = [doc.pack.classes.get('reporting-verb')]
  const starts = classStarts(doc.pack, 'class-starts.test.long', classes, doc.tokens)
  assert.equal(starts[doc.tokens.findIndex((t) => t.text === 'said')], 1)
  assert.equal(starts[doc.tokens.findIndex((t) => t.text === long)], 0)
})
