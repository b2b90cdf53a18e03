/** Golden tests of the built CLI: `kronika extract` on good and bad inputs. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const bin = fileURLToPath(new URL('../../bin/kronika.js', import.meta.url))
const example = fileURLToPath(new URL('../../examples/sq-bisedimet.txt', import.meta.url))
const kronika = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 })

test('one input with --format json prints one record object', () => {
  const r = kronika(['extract', example, '--format', 'json'])
  assert.equal(r.status, 0, r.stderr)
  const rec = JSON.parse(r.stdout) as { published: { value: string; precision: string }; lang: string; source: { offset: number } }
  assert.deepEqual([rec.published.value, rec.published.precision, rec.lang], ['2024-03-14', 'day', 'sq'])
  assert.ok(rec.source.offset > 0)
})

test('bad inputs are each reported with a reason and the others are still processed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-'))
  const empty = join(dir, 'empty.txt'), binary = join(dir, 'image.png'), latin = join(dir, 'latin2.txt'), huge = join(dir, 'huge.txt'), lines = join(dir, 'batch.jsonl')
  writeFileSync(empty, '')
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))
  writeFileSync(latin, Buffer.from('Tiran\xeb, k\xebt\xeb jav\xeb', 'latin1'))
  writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 'Fjali. '))
  writeFileSync(lines, '{"id":"a1","text":"Kryeministri vizitoi Shkodrën dje.","date_publish":"2024-03-14","url":"https://example.test/a1"}\n{"id": "a2", "text": \n{"id":"a3","text":"The minister visited Paris on Monday.","language":"en"}\n')
  const r = kronika(['extract', empty, binary, latin, huge, lines, example])
  assert.equal(r.status, 1)
  const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; source: { url?: string } })
  assert.deepEqual(records.map((x) => x.id).slice(0, 2), ['a1', 'a3'])
  assert.equal(records.length, 3)
  assert.equal(records[0]!.source.url, 'https://example.test/a1')
  assert.match(r.stderr, /empty\.txt: empty input/)
  assert.match(r.stderr, /image\.png: binary data/)
  assert.match(r.stderr, /latin2\.txt: not valid UTF-8/)
  assert.match(r.stderr, /huge\.txt: input is 50\.0 MB, over the 20 MB limit/)
  assert.match(r.stderr, /batch\.jsonl:2: line is not JSON/)
  assert.match(r.stderr, /5 of 8 input\(s\) could not be processed/)
})

test('standard input, a declared language and --explain', () => {
  const r = kronika(['extract', '-', '--lang', 'sq', '--published', '2024-03-14', '--explain'], 'Ministri Edi Rama tha dje: “Do të vazhdojmë.”')
  assert.equal(r.status, 0, r.stderr)
  assert.match(r.stdout, /lang=sq \(declared\)/)
  assert.match(r.stdout, /"dje" = 2024-03-13 .*← sq\.time\.relative-day/)
  assert.match(r.stdout, /Edi Rama/)
})

test('wrong usage exits 2 with the usage text', () => {
  const r = kronika(['extract', example, '--format', 'xml'])
  assert.equal(r.status, 2)
  assert.match(r.stderr, /--format must be json or jsonl/)
  assert.equal(kronika(['nonsense']).status, 2)
})

test('--jobs 2 writes the same records in the same order as one thread, and reports the same bad inputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-'))
  const lines = join(dir, 'batch.jsonl')
  const docs = [
    { id: 'j1', text: 'Ministri i Jashtëm vizitoi Beogradin të hënën.', language: 'sq', date_publish: '2026-11-20' },
    { id: 'j2', text: 'The foreign minister met her Serbian counterpart in Tirana on Monday.', language: 'en', date_publish: '2026-11-20' },
    { id: 'j3', text: 'Kryeministri tha se qeveria do të ndihmojë fermerët.', language: 'sq', date_publish: '2026-11-21' },
    { id: 'j4', text: 'Police said two people were arrested after the protest.', language: 'en', date_publish: '2026-11-22' },
  ]
  writeFileSync(lines, docs.map((d) => JSON.stringify(d)).join('\n') + '\n{"id": "broken"\n')
  const one = kronika(['extract', lines, example]), two = kronika(['extract', lines, example, '--jobs', '2'])
  assert.equal(two.status, 1)
  assert.equal(two.stdout, one.stdout)
  assert.deepEqual(two.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id).slice(0, 4), ['j1', 'j2', 'j3', 'j4'])
  assert.match(two.stderr, /batch\.jsonl:5: line is not JSON/)
  assert.match(two.stderr, /1 of 6 input\(s\) could not be processed/)
  assert.equal(kronika(['extract', example, '--jobs', '0']).status, 2)
})

test('--jobs 2 gives the worker threads the --kb entries too', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-'))
  const kb = join(dir, 'mine.tsv'), lines = join(dir, 'batch.jsonl')
  writeFileSync(kb, 'id\tname\ttype\tcountry\tsector\twikidata\taliases_en\taliases_sq\taliases_other\troles\tstands_for\nzorra-veld\tZorra Veld\tPER\tNLD\tGOV\t\tVeld\tVeld\t\t\t\n')
  writeFileSync(lines, ['Zorra Veld met the minister on Monday.', 'Veld said the talks went well.'].map((text, i) => JSON.stringify({ id: `k${i}`, text, language: 'en', date_publish: '2026-11-20' })).join('\n') + '\n')
  const r = kronika(['extract', lines, '--kb', kb, '--jobs', '2'])
  assert.equal(r.status, 0, r.stderr)
  const kbIds = r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { entities: Array<{ ids?: { kb?: string } }> }).entities.map((e) => e.ids?.kb))
  assert.deepEqual(kbIds, [['actor:zorra-veld'], ['actor:zorra-veld']])
})
