/** `kronika eval`: a blind gold folder (one holding a `BLIND` file) prints its summary and withholds its error lists. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const bin = fileURLToPath(new URL('../../bin/kronika.js', import.meta.url))
const kronika = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' })

/** A one-article gold folder whose gold names an entity the text does not contain, so there is a miss to list. */
function goldFolder(blind: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-eval-'))
  writeFileSync(join(dir, 'a.txt'), 'Ministers meet in Oslo\n\nThe foreign ministers of Norway and Chile met in Oslo on Monday.\n')
  writeFileSync(join(dir, 'a.gold.json'), JSON.stringify({
    id: 'a', lang: 'en', published: '2025-02-05',
    entities: [{ name: 'Oslo', type: 'LOC' }, { name: 'Atlantis Council', type: 'ORG' }],
    events: [], times: [], quotes: [], amounts: [],
  }))
  if (blind) writeFileSync(join(dir, 'BLIND'), 'a blind set\n')
  return dir
}

test('an open gold folder lists what was missed', () => {
  const r = kronika(['eval', '--gold', goldFolder(false)])
  assert.equal(r.status, 0, r.stderr)
  assert.match(r.stdout, /entities missed: Atlantis Council/)
})

test('a blind gold folder prints the summary only, in text and in JSON', () => {
  const dir = goldFolder(true)
  const r = kronika(['eval', '--gold', dir])
  assert.equal(r.status, 0, r.stderr)
  assert.match(r.stdout, /^entities +\d/m)
  assert.doesNotMatch(r.stdout, /missed:|spurious:|Atlantis/)
  assert.match(r.stdout, /error lists withheld/)
  const json = JSON.parse(kronika(['eval', '--gold', dir, '--json']).stdout) as { blind: boolean; missed: Record<string, string[]>; layers: { entities: { gold: number } } }
  assert.equal(json.blind, true)
  assert.deepEqual(json.missed.entities, [])
  assert.equal(json.layers.entities.gold, 2)
})

test('--show-errors prints a blind folder\'s error lists on purpose', () => {
  const r = kronika(['eval', '--gold', goldFolder(true), '--show-errors'])
  assert.match(r.stdout, /entities missed: Atlantis Council/)
})
