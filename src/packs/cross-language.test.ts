/**
 * The same facts in two languages give the same events: examples/en-kim-visit.txt is an English article written
 * for this test that reports what the Albanian seed article (../shared/eval/seed, read in place) reports. For
 * each gold event of the seed that the Albanian extraction finds, the English extraction must find it too, with
 * the same type, actors, recipients (compared as gold entities or as states, the way the gold scorer compares
 * them) and modality. Skipped when ../shared/eval is absent.
 */
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readInputs } from '../input/read-inputs.js'
import { extractDocument } from '../pipeline/extract.js'
import { normaliseName, type GoldDocument, type GoldEvent } from '../eval/score-gold.js'
import type { DocumentRecord, Event } from '../record/schema.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const seedDir = join(process.env.KRONIKA_SHARED_EVAL ?? join(root, '..', 'shared', 'eval'), 'seed')
const twinPath = join(root, 'examples', 'en-kim-visit.txt')
const goldFile = existsSync(seedDir) ? readdirSync(seedDir).find((f) => f.endsWith('.gold.json')) : undefined

function extractFile(path: string, lang: string): DocumentRecord {
  const [item] = readInputs(readFileSync(path), path, { lang })
  if (!item?.input) throw new Error(`${path}: ${item?.error ?? 'no input'}`)
  return extractDocument(item.input).toRecord()
}

const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x])

/**
 * The record's events for the gold events, one to one in gold order as the gold scorer pairs them: the first
 * event of a gold type whose actors and recipients name the same entities or the same states.
 */
function pairEvents(gold: GoldDocument, rec: DocumentRecord): Map<GoldEvent, Event> {
  const entities = list(gold.entities)
  const keysOfGold = (names: string[]) => new Set(names.flatMap((n) => { const e = entities.find((x) => x.name === n); return [`entity:${normaliseName(n)}`, ...(e?.country ? [`state:${e.country}`] : [])] }))
  const keysOfRecord = (ids: string[]) => new Set(ids.flatMap((id) => {
    const e = rec.entities.find((x) => x.id === id)
    if (!e) return []
    const forms = new Set([e.name, ...e.mentions.map((m) => m.text)].map(normaliseName))
    const named = entities.filter((x) => [x.name, ...list(x.aliases)].some((n) => forms.has(normaliseName(n)))).map((x) => `entity:${normaliseName(x.name)}`)
    return [...named, ...(e.country ? [`state:${e.country}`] : [])]
  }))
  const agree = (a: Set<string>, b: Set<string>) => [...b].some((k) => a.has(k))
  const used = new Set<Event>(), out = new Map<GoldEvent, Event>()
  for (const g of list(gold.events)) {
    const e = rec.events.find((e) => !used.has(e) && list(g.type).includes(e.type) && agree(keysOfRecord(e.actor), keysOfGold(list(g.actor))) &&
      (list(g.recipient).length === 0 || agree(keysOfRecord(e.recipient), keysOfGold(list(g.recipient)))))
    if (e) { used.add(e); out.set(g, e) }
  }
  return out
}

describe('cross-language: the English twin of the seed article', { skip: goldFile ? false : `${seedDir} not found` }, () => {
  if (!goldFile) return
  const gold = JSON.parse(readFileSync(join(seedDir, goldFile), 'utf8')) as GoldDocument
  const seed = extractFile(join(seedDir, gold.text_file ?? goldFile.replace(/\.gold\.json$/, '.txt')), gold.lang ?? 'sq')
  const twin = extractFile(twinPath, 'en')
  const seedPairs = pairEvents(gold, seed), twinPairs = pairEvents(gold, twin)

  test('the twin is English and dated like the seed', () => {
    assert.equal(twin.lang, 'en')
    assert.equal(twin.published?.value, seed.published?.value)
  })

  for (const g of list(gold.events).filter((x) => !x.optional)) {
    const name = `${list(g.type).join('|')} ${list(g.actor).join('+')} → ${list(g.recipient).join('+')} (${g.modality ?? '?'})`
    const inSeed = seedPairs.get(g)
    test(name, { skip: inSeed ? false : 'the Albanian extraction does not find it' }, () => {
      const inTwin = twinPairs.get(g)
      assert.ok(inTwin, `no matching English event; found ${JSON.stringify(twin.events.map((e) => `${e.type} "${e.trigger.text}"`))}`)
      assert.equal(inTwin.modality, inSeed!.modality, `modality of "${inTwin.trigger.text}"`)
    })
  }
})
