/**
 * SIGKILL the ingest at five random points, resume each time, and compare with a clean run: the same rows in
 * every table and the same documents, reports and events (bench/kill-resume.mjs, on a small corpus for CI).
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'

test('an ingest killed five times and resumed ends exactly like a clean run', { timeout: 300_000 }, async () => {
  const { killResume } = await import(new URL('../../bench/kill-resume.mjs', import.meta.url).href) as {
    killResume(o: { count: number; kills: number; seed: number }): Promise<{ equal: boolean; killed: number; reingestUnchanged: boolean; expected: unknown; got: unknown }>
  }
  const res = await killResume({ count: 40, kills: 5, seed: 11 })
  assert.equal(res.killed, 5, 'every run was killed before it finished')
  assert.deepEqual(res.got, res.expected)
  assert.ok(res.equal)
  assert.ok(res.reingestUnchanged, 'ingesting the same corpus again changes nothing')
})
