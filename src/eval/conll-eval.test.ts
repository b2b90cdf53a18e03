/**
 * eval/conll.mjs on a small CoNLL-format file written for this test (no third-party data): gold spans from IOB2
 * tags, the text and token offsets it builds, and exact span+type scoring of Kronika's mentions.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const script = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'eval', 'conll.mjs')).href

const SAMPLE = [
  'RUGBY O 0', '- O 0', 'SMITH B-PER 0', 'LEADS O 0', 'WALES B-LOC 0', '. O 0', '',
  'CARDIFF B-LOC 0', '1996-08-30 O 0', '',
  'John B-PER 0', 'Smith I-PER 0', 'will O 0', 'captain O 0', 'Wales B-LOC 0', 'against O 0', 'the O 0', 'Acme B-ORG 0', 'Rugby I-ORG 0', 'Club I-ORG 0', 'in O 0', 'Cardiff B-LOC 0', '. O 0', '',
].join('\n') + '\n'

test('reads IOB2 sentences and their gold spans', async () => {
  const { readConll, goldSpans } = await import(script)
  const dir = mkdtempSync(join(tmpdir(), 'kronika-conll-'))
  writeFileSync(join(dir, 'dev.txt'), SAMPLE)
  const sentences = readConll(join(dir, 'dev.txt'))
  assert.equal(sentences.length, 3)
  assert.deepEqual(goldSpans(sentences[2].tags), [{ from: 0, to: 2, type: 'PER' }, { from: 4, to: 5, type: 'LOC' }, { from: 7, to: 10, type: 'ORG' }, { from: 11, to: 12, type: 'LOC' }])
})

test('one article from headline and dateline; token offsets index the text exactly', async () => {
  const { readConll, groupDocuments, layout } = await import(script)
  const dir = mkdtempSync(join(tmpdir(), 'kronika-conll-'))
  writeFileSync(join(dir, 'dev.txt'), SAMPLE)
  const docs = groupDocuments(readConll(join(dir, 'dev.txt')))
  assert.equal(docs.length, 1)
  const { text, spans } = layout(docs[0])
  docs[0].forEach((s: { tokens: string[] }, si: number) => s.tokens.forEach((t, ti) => assert.equal(text.slice(spans[si][ti].start, spans[si][ti].end), t)))
})

test('scores exact spans and types, and skips without data', async () => {
  const { evaluateConll } = await import(script)
  const dir = mkdtempSync(join(tmpdir(), 'kronika-conll-'))
  writeFileSync(join(dir, 'dev.txt'), SAMPLE)
  const r = await evaluateConll({ path: join(dir, 'dev.txt'), compromise: false })
  assert.equal(r.sentences, 3)
  assert.equal(r.kronika.types.PER.gold, 2)
  assert.equal(r.kronika.types.LOC.gold, 4)
  assert.equal(r.kronika.types.ORG.gold, 1)
  assert.ok(r.kronika.main.f1 >= 0.8, `F1 ${r.kronika.main.f1}`)
  assert.equal(await evaluateConll({ path: join(dir, 'absent.txt') }), null)
})
