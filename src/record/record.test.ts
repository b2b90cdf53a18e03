import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'
import { readInputs } from '../input/read-inputs.js'
import { extractDocument } from '../pipeline/extract.js'
import { allTextSpans, run } from '../testing/helpers.js'

const require = createRequire(import.meta.url)
const Ajv2020 = require('ajv/dist/2020.js') as new (o: object) => { compile: (s: object) => ((d: unknown) => boolean) & { errors?: unknown } }
const examplesDir = fileURLToPath(new URL('../../examples/', import.meta.url))
const schema = JSON.parse(readFileSync(new URL('../../docs/record.schema.json', import.meta.url), 'utf8')) as object
const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema)

const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.txt'))

test('every example article gives a record that validates against the published schema', () => {
  assert.ok(examples.length >= 2)
  for (const f of examples) {
    const [item] = readInputs(readFileSync(examplesDir + f), f)
    const rec = extractDocument(item!.input!).toRecord()
    assert.ok(validate(rec), `${f}: ${JSON.stringify(validate.errors)}`)
  }
})

test('every span of every example and test text slices back to its text', () => {
  const texts = examples.map((f) => readInputs(readFileSync(examplesDir + f), f)[0]!.input!)
  texts.push({ text: 'KCNA-së i tha Z. Kim: “Po, do të vij.” Më 12/09/2023 dy mijë e pesë ushtarë u tërhoqën.', lang: 'sq', published: '2023-09-14' })
  texts.push({ text: '😀 Ukrainë\u200d e\u0301 "a" „b“ «c» — 12,5 për qind', published: '2023' })
  for (const input of texts) {
    const doc = extractDocument(input)
    for (const s of allTextSpans(doc)) assert.equal(doc.text.slice(s.start, s.end), s.text)
    for (const s of doc.sentences) assert.ok(s.start < s.end && s.end <= doc.text.length)
  }
})

test('the record keeps the exact text and says how the language was decided', () => {
  const doc = run('  Rusia dhe Kina.  ', 'sq')
  assert.equal(doc.toRecord().text, '  Rusia dhe Kina.  ')
  assert.deepEqual(doc.langDecision, { method: 'declared' })
  const detected = extractDocument({ text: 'Presidenti tha se qeveria do të vendosë për këtë çështje të rëndësishme.' })
  assert.equal(detected.lang, 'sq')
  assert.equal(detected.langDecision.method, 'detected')
  const english = extractDocument({ text: 'The president said that the government will decide on this matter.' })
  assert.equal(english.lang, 'en')
})

test('an invalid publication date is a message, not a crash', () => {
  const doc = extractDocument({ text: 'Dje ra shi.', lang: 'sq', published: '2023-13-45' })
  assert.equal(doc.published, undefined)
  assert.ok(doc.messages.some((m) => m.rule === 'core.input.published-invalid'))
})

test('misuse throws a sentence that says how to fix it', () => {
  assert.throws(() => extractDocument({ text: undefined as unknown as string }), /needs \{ text: string \}/)
})
