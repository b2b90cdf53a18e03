import { test } from 'node:test'
import assert from 'node:assert/strict'
import { firstAtOrAfter } from './sorted.js'

test('firstAtOrAfter finds the first item at or after a position, the end when none', () => {
  const spans = [{ start: 0 }, { start: 4 }, { start: 4 }, { start: 9 }]
  const start = (s: { start: number }) => s.start
  assert.deepEqual([-1, 0, 1, 4, 5, 9, 10].map((at) => firstAtOrAfter(spans, start, at)), [0, 0, 1, 1, 3, 3, 4])
  assert.equal(firstAtOrAfter([], start, 3), 0)
})
