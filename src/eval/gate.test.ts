import { test } from 'node:test'
import assert from 'node:assert/strict'
import { compareWithBaseline } from './gate.js'

const baseline = { seed: { 'entities.f1': 0.9, 'events.f1': 0.6 } }

test('the gate passes when figures hold or rise, and names the rises', () => {
  const r = compareWithBaseline({ seed: { 'entities.f1': 0.895, 'events.f1': 0.7 } }, baseline)
  assert.equal(r.ok, true)
  assert.deepEqual(r.rises, ['seed.events.f1: 0.700 > baseline 0.600'])
})

test('the gate fails when a figure drops by more than 0.01', () => {
  const r = compareWithBaseline({ seed: { 'entities.f1': 0.88, 'events.f1': 0.6 } }, baseline)
  assert.equal(r.ok, false)
  assert.deepEqual(r.drops, ['seed.entities.f1: 0.880 < baseline 0.900'])
})

test('a metric that disappears fails; a suite whose data is absent is skipped', () => {
  assert.equal(compareWithBaseline({ seed: { 'entities.f1': 0.9 } }, baseline).ok, false)
  const r = compareWithBaseline({}, baseline)
  assert.equal(r.ok, true)
  assert.deepEqual(r.missing, ['seed'])
})
