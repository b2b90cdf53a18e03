/**
 * The contract every language pack runs: the sentences in packs/<code>/tests/*.tsv (written by the team) must give
 * the facts listed next to them. One subtest per sentence, named by pack, file and line.
 */
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { availablePacks, PACKS_DIR } from './language-pack.js'
import { extractDocument } from '../pipeline/extract.js'
import type { KronikaDocument } from '../document.js'

interface Row { line: number; cells: string[] }

function rows(file: string): Row[] {
  if (!existsSync(file)) return []
  return readFileSync(file, 'utf8').split('\n').map((l, i) => ({ line: i + 1, cells: l.split('\t') })).filter((r) => r.cells[0] && !r.cells[0].startsWith('#') && r.cells.length > 1)
}

const none = (s: string | undefined) => s === undefined || s === '-' || s === ''

function nameOf(doc: KronikaDocument, id: string | undefined): string | undefined {
  return id ? doc.entity(id)?.name : undefined
}

for (const code of availablePacks()) {
  const dir = join(PACKS_DIR, code, 'tests')
  const run = (text: string, published = '2024-03-14') => extractDocument({ text, lang: code, published })

  describe(`${code} pack: times`, () => {
    for (const { line, cells: [published, sentence, span, value] } of rows(join(dir, 'times.tsv'))) {
      test(`times.tsv:${line} ${sentence}`, () => {
        const doc = run(sentence!, published)
        if (none(span)) { assert.deepEqual(doc.times.map((t) => t.text), []); return }
        const hit = doc.times.find((t) => t.text === span)
        assert.ok(hit, `expected "${span}", found ${JSON.stringify(doc.times.map((t) => t.text))}`)
        assert.equal(hit.value, value)
      })
    }
  })

  describe(`${code} pack: amounts`, () => {
    for (const { line, cells: [sentence, span, value, approx, object] } of rows(join(dir, 'amounts.tsv'))) {
      test(`amounts.tsv:${line} ${sentence}`, () => {
        const doc = run(sentence!)
        if (none(span)) { assert.deepEqual(doc.amounts.map((a) => a.text), []); return }
        const hit = doc.amounts.find((a) => a.text === span)
        assert.ok(hit, `expected "${span}", found ${JSON.stringify(doc.amounts.map((a) => a.text))}`)
        assert.equal(hit.value, Number(value))
        assert.equal(hit.approx, approx === 'y')
        assert.equal(hit.object, none(object) ? undefined : object)
      })
    }
  })

  describe(`${code} pack: quotes`, () => {
    for (const { line, cells: [sentence, content, speaker] } of rows(join(dir, 'quotes.tsv'))) {
      test(`quotes.tsv:${line} ${sentence}`, () => {
        const doc = run(sentence!)
        if (none(content)) { assert.deepEqual(doc.quotes.map((q) => q.text), []); return }
        const hit = doc.quotes.find((q) => q.text === content)
        assert.ok(hit, `expected "${content}", found ${JSON.stringify(doc.quotes.map((q) => q.text))}`)
        assert.equal(nameOf(doc, hit.speaker), none(speaker) ? undefined : speaker)
      })
    }
  })

  describe(`${code} pack: statements`, () => {
    for (const { line, cells: [sentence, content, source] } of rows(join(dir, 'statements.tsv'))) {
      test(`statements.tsv:${line} ${sentence}`, () => {
        const doc = run(sentence!)
        const texts = doc.statements.map((s) => (s.parts ? s.parts.map((p) => doc.text.slice(p.start, p.end)).join(' | ') : s.text))
        if (none(content)) { assert.deepEqual(texts, []); return }
        const hit = doc.statements[texts.indexOf(content!)]
        assert.ok(hit, `expected "${content}", found ${JSON.stringify(texts)}`)
        assert.equal(hit.source?.text, none(source) ? undefined : source)
      })
    }
  })

  describe(`${code} pack: entities`, () => {
    for (const { line, cells: [sentence, mention, type, name, country] } of rows(join(dir, 'entities.tsv'))) {
      test(`entities.tsv:${line} ${sentence}`, () => {
        const doc = run(sentence!)
        const found = doc.entities.find((e) => e.mentions.some((m) => m.text === mention))
        if (none(type)) { assert.equal(found, undefined, `"${mention}" should not be an entity`); return }
        assert.ok(found, `expected an entity mentioned as "${mention}", found ${JSON.stringify(doc.entities.map((e) => e.mentions.map((m) => m.text)))}`)
        assert.equal(found.type, type)
        if (!none(name)) assert.equal(found.name, name)
        if (!none(country)) assert.equal(found.country, country)
      })
    }
  })

  describe(`${code} pack: events`, () => {
    for (const { line, cells: [sentence, type, actor, recipient, modality, source] } of rows(join(dir, 'events.tsv'))) {
      test(`events.tsv:${line} ${sentence}`, () => {
        const doc = run(sentence!)
        if (none(type)) { assert.deepEqual(doc.events.map((e) => e.type), []); return }
        const hit = doc.events.find((e) => e.type === type)
        assert.ok(hit, `expected a ${type} event, found ${JSON.stringify(doc.events.map((e) => e.type))}`)
        const names = (ids: string[]) => ids.map((id) => nameOf(doc, id)).sort().join(' + ') || '-'
        assert.equal(names(hit.actor), actor)
        assert.equal(names(hit.recipient), recipient)
        assert.equal(hit.modality, modality)
        if (!none(source)) assert.ok(hit.attribution.some((a) => nameOf(doc, a.source) === source), `expected attribution to ${source}, found ${JSON.stringify(hit.attribution.map((a) => nameOf(doc, a.source)))}`)
      })
    }
  })
}
