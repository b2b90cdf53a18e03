/**
 * The compiled knowledge base (src/kb/compiled-index.ts): the alias index and the places written as text by the
 * build must find exactly what the index built from the entries finds, and a damaged file must not throw.
 * Every name and sentence here is made up for the test.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Gazetteer, tokenForms, type AliasEntry, type AliasIndex } from './gazetteer.js'
import { deserialiseIndex, indexStamp, placeResolver, placesStamp, serialiseIndex, serialisePlaces } from './compiled-index.js'
import type { KbEntry } from './types.js'
import { KronikaDocument } from '../document.js'
import { STAGES } from '../pipeline/stages.js'
import { getDefaultContext } from '../pipeline/extract.js'
import { loadPack, packList } from '../packs/language-pack.js'
import type { Token } from '../text/token.js'

const ENTRIES: KbEntry[] = [
  { id: 'actor:test-ana-mehmeti', name: 'Ana Mehmeti', type: 'PER', aliases: { '*': ['Ana Mehmeti'] } },
  { id: 'actor:test-council', name: 'Maritime Defence Council', type: 'ORG', aliases: { sq: ['Këshilli i Mbrojtjes Detare'], en: ['Maritime Defence Council', 'MDC'] } },
  { id: 'actor:test-uno', name: 'United Northern Organisation', type: 'ORG', aliases: { en: ['U.N.O.', 'United Northern Organisation'] } },
  { id: 'place:990000001', name: 'Vjosëgrad', type: 'LOC', country: 'ALB', population: 120000, coordinates: [19.5, 40.5], aliases: { '*': ['Vjosëgrad'] } },
  { id: 'place:990000002', name: 'Port Lirë', type: 'LOC', country: 'ALB', population: 30000, coordinates: [0, 41.25], aliases: { '*': ['Port Lirë'] } },
]

const SENTENCES: Record<string, string> = {
  sq: 'Ana Mehmeti tha se Këshilli i Mbrojtjes Detare do të mblidhet në Vjosëgrad. Këshillit të Mbrojtjes Detare i foli Ana Mehmeti nga Port Lirë.',
  en: 'Ana Mehmeti said the Maritime Defence Council (MDC) will meet in Vjosëgrad. The U.N.O. sent observers to Port Lirë, and the Mdc agreed.',
}

/** The tokens of a sentence, segmented and analysed as the pipeline does before recognising entities. */
function tokens(text: string, lang: string): { doc: KronikaDocument; toks: readonly Token[] } {
  const doc = new KronikaDocument({ text, lang })
  const ctx = getDefaultContext()
  for (const stage of STAGES) {
    stage.run(doc, ctx)
    if (stage.name === 'analyse') break
  }
  return { doc, toks: doc.tokens }
}

const summary = (g: Gazetteer, toks: readonly Token[], doc: KronikaDocument) =>
  g.match(toks, doc.pack).map((m) => ({ from: m.from, to: m.to, alias: m.alias, ids: m.entries.map((e) => e.id) }))

for (const lang of ['sq', 'en']) {
  test(`a compiled alias index finds what the index built from the entries finds (${lang})`, () => {
    const ctx = getDefaultContext()
    const pack = loadPack(lang, undefined, ctx.morphology)
    const built = new Gazetteer(ENTRIES.map((e) => ({ ...e })))
    const text = serialiseIndex(built.index(pack) as Map<string, AliasEntry[]>, lang, 'stamp-1')
    assert.equal(indexStamp(text, lang), 'stamp-1')
    assert.equal(indexStamp(text, lang === 'sq' ? 'en' : 'sq'), undefined)

    const compiled = new Gazetteer(ENTRIES.map((e) => ({ ...e })))
    compiled.compiledIndex = (l, byId) => (l === lang ? deserialiseIndex(text, byId) : undefined)
    const { doc, toks } = tokens(SENTENCES[lang]!, lang)
    const expected = summary(built, toks, doc)
    assert.ok(expected.some((m) => m.ids.includes('actor:test-ana-mehmeti')), 'the test sentence names Ana Mehmeti')
    assert.ok(expected.some((m) => m.ids.includes('place:990000001')), 'the test sentence names Vjosëgrad')
    assert.deepEqual(summary(compiled, toks, doc), expected)
    // an alias is one object for all its keys, and its entry is the gazetteer's
    const m = compiled.match(toks, doc.pack).find((x) => x.entries[0]!.id === 'place:990000001')!
    assert.equal(m.entries[0], compiled.get('place:990000001'))
  })
}

test('entries added at run time (--kb) are found on top of a compiled index', () => {
  const ctx = getDefaultContext()
  const pack = loadPack('en', undefined, ctx.morphology)
  const text = serialiseIndex(new Gazetteer(ENTRIES.map((e) => ({ ...e }))).index(pack) as Map<string, AliasEntry[]>, 'en', 's')
  const g = new Gazetteer(ENTRIES.map((e) => ({ ...e })))
  g.compiledIndex = (_l, byId) => deserialiseIndex(text, byId)
  g.add([{ id: 'actor:test-ana-ruci', name: 'Ana Ruci', type: 'PER', aliases: { en: ['Ana Ruci'] } }])
  const { doc, toks } = tokens('Ana Ruci met Ana Mehmeti in Vjosëgrad.', 'en')
  const ids = g.match(toks, doc.pack).flatMap((m) => m.entries.map((e) => e.id))
  assert.deepEqual(ids, ['actor:test-ana-ruci', 'actor:test-ana-mehmeti', 'place:990000001'])
})

test('a damaged compiled index is refused or finds nothing, without throwing', () => {
  const pack = loadPack('en', undefined, getDefaultContext().morphology)
  const text = serialiseIndex(new Gazetteer(ENTRIES.map((e) => ({ ...e }))).index(pack) as Map<string, AliasEntry[]>, 'en', 's')
  const none = () => undefined
  assert.equal(deserialiseIndex('', none), undefined)
  assert.equal(deserialiseIndex('not an index\nat all\n', none), undefined)
  assert.equal(deserialiseIndex(text.replace(/\t\d{10}\n/, '\t9999999999\n'), none), undefined, 'key section beyond the end')
  assert.equal(deserialiseIndex(text.replace(/\t\d{10}\n/, '\t0000000050\n'), none), undefined, 'key section not at a line')
  for (const cut of [0.3, 0.5, 0.7, 0.99].map((f) => Math.floor(text.length * f))) {
    const index = deserialiseIndex(text.slice(0, cut), none)
    assert.doesNotThrow(() => { for (const k of ['ana', 'mdc', 'vjosegrad', 'zzz', '']) index?.get(k) })
  }
  // offsets that point anywhere: nothing is made of them
  const index = deserialiseIndex(text.replace(/^(ana\t)[\d,]+$/m, '$11,2,99999999,abc'), none)!
  assert.deepEqual(index.get('ana'), [])
  assert.equal(index.get('nothing'), undefined)
  // the alias that exists is made, with its entry standing in when the knowledge base lacks it
  assert.deepEqual(deserialiseIndex(text, none)!.get('ana')!.map((a) => [a.alias, a.entry.id]), [['Ana Mehmeti', 'actor:test-ana-mehmeti']])
})

test('places written as text come back as the same entries, one by one', () => {
  const places: KbEntry[] = [
    ...ENTRIES.filter((e) => e.id.startsWith('place:')),
    { id: 'place:990000003', name: 'Qendra e Re', type: 'LOC', country: 'XKX', admin1: '07', standsFor: 'country:XKX', wikidata: 'Q1', aliases: {} },
    { id: 'place:region-test-coast', name: 'Test Coast', type: 'LOC', aliases: {} },
  ]
  const text = serialisePlaces(places, 'stamp-2')
  assert.equal(placesStamp(text), 'stamp-2')
  let reads = 0
  const resolve = placeResolver(() => { reads++; return text })
  assert.equal(reads, 0, 'the file is read on the first lookup only')
  assert.deepEqual(resolve('place:990000002'), { id: 'place:990000002', name: 'Port Lirë', type: 'LOC', aliases: {}, country: 'ALB', geonames: 990000002, coordinates: [0, 41.25], population: 30000 })
  assert.deepEqual(resolve('place:990000003'), { id: 'place:990000003', name: 'Qendra e Re', type: 'LOC', aliases: {}, country: 'XKX', geonames: 990000003, admin1: '07', standsFor: 'country:XKX', wikidata: 'Q1' })
  assert.deepEqual(resolve('place:region-test-coast'), { id: 'place:region-test-coast', name: 'Test Coast', type: 'LOC', aliases: {} })
  assert.equal(resolve('place:990000001'), resolve('place:990000001'), 'an entry is made once')
  assert.equal(resolve('place:1'), undefined)
  assert.equal(reads, 1)
  const damaged = placeResolver(() => 'kronika-places 1\ts\t1\nplace:5\tBroken\n')
  assert.equal(damaged('place:5'), undefined)
  assert.equal(placeResolver(() => '')('place:5'), undefined)
})

test("a token's lookup forms are its folded text and folded lemmas, shared by tokens with the same lemma list", () => {
  const lemmas = ['Tiranë']
  const a = { fold: 'tiranes', lemmas } as unknown as Token
  const b = { fold: 'tiranes', lemmas } as unknown as Token
  const c = { fold: 'tirana', lemmas } as unknown as Token
  assert.deepEqual(tokenForms(a), ['tiranes', 'tirane'])
  assert.equal(tokenForms(b), tokenForms(a))
  assert.deepEqual(tokenForms(c), ['tirana', 'tirane'])
  assert.deepEqual(tokenForms({ fold: 'dhe', lemmas: [] } as unknown as Token), ['dhe'])
})

test('language detection reads the same lists as the loaded packs', () => {
  const ctx = getDefaultContext()
  for (const lang of ctx.languages) {
    for (const list of ['detection', 'detection-letters']) {
      // another spelling of the root, so the list is read from its file and not taken from the loaded pack
      const alone = packList(lang, list, ctx.packsDir + '/')
      assert.deepEqual([...alone].sort(), [...loadPack(lang, ctx.packsDir, ctx.morphology).list(list)].sort(), `${lang} ${list}`)
    }
    assert.ok(packList(lang, 'detection', ctx.packsDir).size > 10)
  }
})

test('the source stamp follows pack data but not the pack docs or test rows', async () => {
  const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const { join } = await import('node:path')
  const { sourceStamp } = await import('./compiled-index.js')
  const stampOf = (files: Record<string, string>): string => {
    const root = mkdtempSync(join(tmpdir(), 'kronika-stamp-'))
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true })
      writeFileSync(join(root, path), text)
    }
    return sourceStamp(root, 'xx')
  }
  const base = { 'packs/xx/words/title.tsv': 'minister\n', 'packs/xx/README.md': 'one', 'packs/xx/tests/events.tsv': 'a\n' }
  const same = stampOf(base)
  assert.equal(stampOf({ ...base, 'packs/xx/README.md': 'two', 'packs/xx/tests/events.tsv': 'b\n' }), same)
  assert.notEqual(stampOf({ ...base, 'packs/xx/words/title.tsv': 'president\n' }), same)
})
