import { test } from 'node:test'
import assert from 'node:assert/strict'
import { matchScore, type MatchView } from './compatible.js'
import { intersect, intervalOf, isoDay, overlaps } from './time-interval.js'

const keys = (...k: string[]) => ({ specific: new Set(k.filter((x) => !x.startsWith('nm:'))), names: new Set(k.filter((x) => x.startsWith('nm:'))) })
const view = (over: Partial<MatchView>): MatchView => ({ type: 'CONSULT', negated: false, actor: keys(), recipient: keys(), ...over })

test('TIMEX values become day intervals', () => {
  const d = intervalOf('2023-09-11')!
  assert.equal(isoDay(d.start), '2023-09-11')
  const m = intervalOf('2023-09')!
  assert.deepEqual([isoDay(m.start), isoDay(m.end)], ['2023-09-01', '2023-09-30'])
  const w = intervalOf('2023-W37')!
  assert.deepEqual([isoDay(w.start), isoDay(w.end)], ['2023-09-11', '2023-09-17'])
  assert.equal(intervalOf('PRESENT_REF'), undefined)
  assert.equal(intervalOf('P3Y'), undefined)
  assert.ok(overlaps(intervalOf('2023-09'), intervalOf('2023-09-11')))
  assert.ok(!overlaps(intervalOf('2023-09-11'), intervalOf('2023-09-14'), 1))
  assert.ok(overlaps(intervalOf('2023-09-11'), intervalOf('2023-09-12'), 1))
  assert.deepEqual(intersect(intervalOf('2023-09'), intervalOf('2023-09-11')), intervalOf('2023-09-11'))
})

test('same actors by KB id or by country match; different countries do not', () => {
  const kim = keys('kb:actor:kim-jong-un', 'cc:PRK'), prk = keys('kb:country:PRK', 'cc:PRK')
  const putin = keys('kb:actor:vladimir-putin', 'cc:RUS'), rus = keys('kb:country:RUS', 'cc:RUS'), chn = keys('kb:country:CHN', 'cc:CHN')
  assert.ok(matchScore(view({ actor: kim, recipient: putin }), view({ actor: prk, recipient: rus })))
  assert.equal(matchScore(view({ actor: kim, recipient: putin }), view({ actor: kim, recipient: chn })), undefined)
  // the exact ids score higher than the country alone
  assert.ok(matchScore(view({ actor: kim, recipient: putin }), view({ actor: kim, recipient: putin }))!.score > matchScore(view({ actor: kim, recipient: putin }), view({ actor: prk, recipient: rus }))!.score)
})

test('type, mode, polarity, time and place must agree; symmetric types may swap roles', () => {
  const a = keys('kb:actor:a', 'cc:ALB'), b = keys('kb:actor:b', 'cc:SRB')
  const base = view({ actor: a, recipient: b, interval: intervalOf('2024-03-18') })
  assert.equal(matchScore(base, { ...base, type: 'ACCUSE' }), undefined)
  assert.equal(matchScore({ ...base, mode: 'visit' }, { ...base, mode: 'meet' }), undefined)
  assert.ok(matchScore({ ...base, mode: 'visit' }, base))
  assert.equal(matchScore(base, { ...base, negated: true }), undefined)
  assert.equal(matchScore(base, { ...base, interval: intervalOf('2024-04-02') }), undefined)
  assert.equal(matchScore({ ...base, place: 'place:1', placeCountry: 'BEL' }, { ...base, place: 'place:2', placeCountry: 'FRA' }), undefined)
  const swapped = matchScore(base, { ...base, actor: b, recipient: a })
  assert.equal(swapped?.swapped, true)
  assert.equal(matchScore({ ...base, type: 'ACCUSE' }, { ...base, type: 'ACCUSE', actor: b, recipient: a }), undefined)
})

test('an unknown name never contradicts, but something must match', () => {
  const kim = keys('kb:actor:kim-jong-un', 'cc:PRK'), rus = keys('kb:country:RUS', 'cc:RUS')
  assert.ok(matchScore(view({ actor: keys('nm:korean'), recipient: rus }), view({ actor: kim, recipient: rus })))
  assert.ok(matchScore(view({ actor: kim }), view({ actor: kim, recipient: rus })))
  assert.equal(matchScore(view({ actor: keys('nm:korean') }), view({ actor: kim, recipient: rus })), undefined)
})
