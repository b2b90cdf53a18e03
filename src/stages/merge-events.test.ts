/**
 * Within-document event coreference (merge-events.ts): an agreement about supplies told in passing and the supplies
 * told later in full with their source are one event; different recipients, modalities or dates keep events apart.
 * The sentences are written for these tests.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { run } from '../testing/helpers.js'
import type { KronikaDocument } from '../document.js'

const names = (doc: KronikaDocument, ids: string[]) => ids.map((id) => doc.entity(id)?.name).sort()
const typesOf = (doc: KronikaDocument) => doc.events.map((e) => e.type)

test('sq: a possible deal on supplies and the supplies told later with their source are one event', () => {
  const text = 'Erdoğan do të vizitojë Libinë, ku pritet një marrëveshje e mundshme për furnizimin me dronë për Tripolin. ' +
    'Sipas zyrtarëve italianë, Libia mund të sigurojë furnizime të reja nga Turqia me dronë luftarakë.'
  const doc = run(text)
  assert.deepEqual(typesOf(doc), ['CONSULT', 'AGREE'])
  const deal = doc.events[1]!
  assert.equal(deal.trigger.text, 'marrëveshje', 'the first mention keeps its trigger')
  assert.equal(deal.modality, 'hypothetical')
  assert.deepEqual(names(doc, deal.attribution.map((a) => a.source)), ['Italy'], 'the sources of the later mention are joined')
  assert.deepEqual((deal.reports ?? []).map((r) => text.slice(r.start, r.end)), ['furnizime'], 'the later mention is listed')
})

test('sq: a deal on supplies to one state and supplies to another are two events', () => {
  const doc = run('Gjermania mund të arrijë një marrëveshje për furnizimin me tanke për Ukrainën. Gjermania mund të dërgojë furnizime me municione për Poloninë.')
  assert.deepEqual(typesOf(doc), ['AGREE', 'AID'])
  assert.deepEqual(names(doc, doc.events[1]!.recipient), ['Poland'])
})

test('sq: a possible deal and supplies told as done are two events', () => {
  const doc = run('Hungaria dhe Serbia mund të arrijnë një marrëveshje për furnizimin me gaz. Hungaria nisi furnizimet me gaz për Serbinë në janar.')
  assert.deepEqual(typesOf(doc), ['AGREE', 'AID'])
  assert.deepEqual(doc.events.map((e) => e.modality), ['hypothetical', 'asserted'])
})

test('sq: two attacks by the same state on different dates are two events', () => {
  const doc = run('Rusia sulmoi Kievin më 3 mars. Rusia sulmoi Kievin më 10 mars.')
  assert.deepEqual(doc.events.map((e) => e.time?.value), ['2024-03-03', '2024-03-10'])
})

test('sq, en: a meeting told as done and a possible meeting are two events', () => {
  for (const [text, lang] of [['Rama u takua me Vuçiçin në Bruksel. Rama mund të takohet sërish me Vuçiçin.', 'sq'], ['Rama met Vučić in Brussels. Rama may meet Vučić again.', 'en']] as const) {
    const doc = run(text, lang)
    assert.deepEqual(doc.events.map((e) => `${e.type} ${e.modality}`), ['CONSULT asserted', 'CONSULT hypothetical'], text)
  }
})

test('sq: a request for supplies and the supplies told later are two events', () => {
  const doc = run('Ukraina mund të kërkojë furnizime me municione nga Polonia. Polonia mund të dërgojë municione në Ukrainë.')
  assert.deepEqual(typesOf(doc), ['REQUEST', 'AID'])
})

test('en: a possible deal on supplies and the supplies told later with their source are one event', () => {
  const text = 'The visit raised fears of a possible deal on supplies of weapons to Moscow. ' +
    'According to US officials, Russia could secure further supplies of shells from North Korea.'
  const doc = run(text, 'en')
  const deals = doc.events.filter((e) => e.type === 'AGREE' || e.type === 'AID')
  assert.equal(deals.length, 1)
  assert.equal(deals[0]!.trigger.text, 'deal')
  assert.deepEqual(names(doc, deals[0]!.actor), ['North Korea'])
  assert.deepEqual(names(doc, deals[0]!.recipient), ['Russia'])
  assert.deepEqual(names(doc, deals[0]!.attribution.map((a) => a.source)), ['United States'])
})

test('the event record keeps exporting: every merged mention is a span of the text', () => {
  const doc = run('Vuçiç dhe Orbán mund të arrijnë një marrëveshje për furnizimin me gaz për Serbinë. Sipas zyrtarëve austriakë, Hungaria mund të sigurojë furnizime të reja me gaz për Serbinë.')
  const record = doc.toRecord()
  assert.equal(record.events.length, 1)
  assert.deepEqual((record.events[0]!.reports ?? []).map((r) => record.text.slice(r.start, r.end)), ['furnizime'])
  assert.deepEqual(record.events[0]!.attribution.map((a) => doc.entity(a.source)?.name), ['Austria'])
})

test('en, sq: a headline in the present tense and the body\'s planned act are one event, with the body\'s modality', () => {
  const en = run('Poland sends more troops to Estonia\n\nWARSAW, May 3 – Poland will deploy about 600 additional soldiers to Estonia by June, the ministry said.', 'en')
  assert.deepEqual(typesOf(en), ['MOBILIZE'])
  assert.equal(en.events[0]!.modality, 'planned')
  assert.equal(en.events[0]!.reports?.length, 1)
  const sq = run('Polonia dërgon trupa në Estoni\n\nVARSHAVË, 3 maj – Polonia do të dërgojë rreth 600 ushtarë shtesë në Estoni deri në qershor.')
  assert.deepEqual(typesOf(sq), ['MOBILIZE'])
  assert.equal(sq.events[0]!.modality, 'planned')
})

test('en: a first line ending in a full stop is no headline: a done and a planned act stay two events', () => {
  const doc = run('Poland sent more troops to Estonia.\n\nPoland will deploy about 600 additional soldiers to Estonia by June.', 'en')
  assert.deepEqual(typesOf(doc), ['MOBILIZE', 'MOBILIZE'])
})

test('en: a headline joined by the body\'s act told as fact keeps that modality; a later plan of the same type is another event', () => {
  const doc = run('Norway recognises Palestine\n\nOSLO, May 3 – Norway recognised the State of Palestine on Wednesday. Norway would open an embassy in Ramallah next year.', 'en')
  assert.deepEqual(typesOf(doc), ['SUPPORT', 'SUPPORT'])
  assert.deepEqual(doc.events.map((e) => e.modality), ['asserted', 'planned'])
})

test('en, sq: a repeated report joins the first, and the events kept are numbered in text order with the id first', () => {
  for (const [text, lang] of [
    ['Russia attacked Kyiv on 3 March. Russia attacked Kyiv on 3 March, officials said. Ukraine condemned the attack by Russia.', 'en'],
    ['Rusia sulmoi Kievin më 3 mars. Rusia sulmoi Kievin më 3 mars, thanë zyrtarët. Ukraina dënoi sulmin e Rusisë.', 'sq'],
  ] as const) {
    const doc = run(text, lang)
    assert.deepEqual(doc.events.map((e) => `${e.id} ${e.type} ${(e.reports ?? []).length}`), ['v1 ASSAULT 1', 'v2 ACCUSE 0'], text)
    for (const e of doc.events) assert.equal(Object.keys(e)[0], 'id', 'the id stays the record\'s first key')
  }
})
