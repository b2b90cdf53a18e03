/**
 * The Albanian seed article and an English report of the same facts cluster into shared events, each reported by
 * both documents in two languages. Reads the seed from ../shared/eval (never copied); skips when it is absent.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openStore } from '../store/database.js'
import { ingest } from '../ingest/ingest.js'
import { queryEvents } from '../store/read-store.js'

const seed = fileURLToPath(new URL('../../../shared/eval/seed/000_85336b7b8d9995f7.txt', import.meta.url))
const english = fileURLToPath(new URL('../../examples/en-kim-visit.txt', import.meta.url))

test('the Albanian seed and an English report of it share events, two reports each in two languages', { skip: !existsSync(seed) ? 'needs ../shared/eval/seed' : !existsSync(english) ? 'needs examples/en-kim-visit.txt' : false }, async () => {
  const store = openStore(join(mkdtempSync(join(tmpdir(), 'kronika-xl-')), 'k.db'))
  try {
    const r = await ingest(store, [seed, english])
    assert.equal(r.ok, 2, JSON.stringify(r.items))
    const shared = queryEvents(store.db, { minReports: 2 })
    for (const e of shared) {
      assert.equal(e.reports, 2)
      assert.equal(e.languages, 2)
      assert.equal(e.langs, 'en,sq')
    }
    const has = (type: string, actor: string, recipient: string) =>
      shared.some((e) => e.type === type && e.actor.includes(actor) && e.recipient.includes(recipient))
    assert.ok(has('CONSULT', 'actor:kim-jong-un', 'actor:vladimir-putin'), 'Kim meets Putin')
    assert.ok(has('CONSULT', 'actor:kim-jong-un', 'country:RUS'), 'Kim visits Russia')
    assert.ok(has('ASSAULT', 'country:RUS', 'country:UKR'), 'Russia attacked Ukraine')
    assert.ok(shared.length >= 3, `${shared.length} shared events`)
  } finally { store.close() }
})
