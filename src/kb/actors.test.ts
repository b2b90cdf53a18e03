/**
 * Validation of the curated actor knowledge base (kb/actors/) and of the TSV parser's error messages.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import {
  ACTOR_COLUMNS,
  ACTOR_ID_PREFIX,
  ACTOR_SECTORS,
  ambiguousAliasesFile,
  checkPartialDate,
  dateStart,
  defaultActorsDir,
  describeRole,
  formatIssue,
  loadActors,
  normaliseAlias,
  parseActorsTsv,
  parseAmbiguousAliases,
  readActors,
  rolesOverlap,
  sourceOf,
  validateActors,
} from './actors.js'
import type { KbEntry } from './types.js'

const require = createRequire(import.meta.url)
const countries = require('i18n-iso-countries') as { getAlpha3Codes(): Record<string, string> }
const ISO3 = new Set([...Object.keys(countries.getAlpha3Codes()), 'XKX'])

const dir = defaultActorsDir()
const loaded = readActors(dir)
const entries = loaded.entries
const byId = new Map(entries.map((e) => [e.id, e]))

const where = (e: KbEntry): string => {
  const s = sourceOf(e)
  return s ? `${s.file}:${s.line}` : e.id
}

test('the built-in actor files parse without errors', () => {
  assert.deepEqual(loaded.errors.map(formatIssue), [])
  assert.doesNotThrow(() => loadActors())
})

test('the knowledge base holds at least 1,500 actors', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.tsv'))
  const perFile = files.map((f) => `${f}: ${entries.filter((e) => sourceOf(e)?.file.endsWith(f)).length}`)
  const withWikidata = entries.filter((e) => e.wikidata).length
  console.log(`actor KB: ${entries.length} entries (${withWikidata} with Wikidata ids)\n  ${perFile.join('\n  ')}`)
  assert.ok(entries.length >= 1500, `only ${entries.length} entries`)
})

test('ids are unique and namespaced', () => {
  assert.equal(byId.size, entries.length)
  for (const e of entries) assert.ok(e.id.startsWith(ACTOR_ID_PREFIX), e.id)
})

/** Groups that act across borders and have no single home state. */
const TRANSNATIONAL = new Set(['actor:islamic-state', 'actor:al-qaeda'])

const stateless = (e: KbEntry): boolean =>
  e.sector === 'IGO' || TRANSNATIONAL.has(e.id) || (sourceOf(e)?.file.endsWith('international-organisations.tsv') ?? false)

test('every entry has a type, a sector, a country (but international organisations) and Albanian aliases', () => {
  const problems: string[] = []
  for (const e of entries) {
    if (!['PER', 'ORG', 'MISC'].includes(e.type)) problems.push(`${where(e)}: type ${e.type}`)
    if (!e.sector || !(ACTOR_SECTORS as readonly string[]).includes(e.sector)) problems.push(`${where(e)}: sector ${e.sector}`)
    if (!stateless(e) && !e.country) problems.push(`${where(e)}: no country`)
    if (e.country && !ISO3.has(e.country)) problems.push(`${where(e)}: ${e.country} is not an ISO 3166-1 alpha-3 code`)
    if (!e.aliases.sq?.length) problems.push(`${where(e)}: no aliases_sq`)
    if (e.standsFor && !ISO3.has(e.standsFor.slice('country:'.length))) problems.push(`${where(e)}: stands for ${e.standsFor}`)
    if (e.type === 'PER' && !e.roles?.length) problems.push(`${where(e)}: a person without roles`)
  }
  assert.deepEqual(problems, [])
})

test('role dates parse, roles point at known countries or actors, and do not overlap', () => {
  const problems: string[] = []
  for (const e of entries) {
    for (const r of e.roles ?? []) {
      for (const d of [r.from, r.to]) if (d !== undefined && checkPartialDate(d)) problems.push(`${where(e)}: ${checkPartialDate(d)}`)
      if (r.from && r.to && dateStart(r.to) < dateStart(r.from)) problems.push(`${where(e)}: ${describeRole(r)} ends before it starts`)
      if (r.from && dateStart(r.from) > '2026-12-31') problems.push(`${where(e)}: ${describeRole(r)} starts in the future`)
      if (r.of.startsWith(ACTOR_ID_PREFIX) ? !byId.has(r.of) : !ISO3.has(r.of)) problems.push(`${where(e)}: ${describeRole(r)} unknown OF`)
    }
  }
  for (const i of validateActors(entries)) problems.push(formatIssue(i))
  assert.deepEqual(problems, [])
})

test('every alias resolves to exactly its entry, or is a documented shared alias', () => {
  const shared = parseAmbiguousAliases(readFileSync(ambiguousAliasesFile(dir), 'utf8'))
  const index = new Map<string, Set<string>>()
  for (const e of entries) {
    for (const [lang, forms] of Object.entries(e.aliases)) {
      for (const f of forms) {
        const key = `${lang}\u0000${normaliseAlias(f)}`
        let ids = index.get(key)
        if (!ids) index.set(key, (ids = new Set()))
        ids.add(e.id)
      }
    }
  }
  const undocumented: string[] = []
  const sharedSeen = new Set<string>()
  for (const [key, ids] of index) {
    if (ids.size < 2) continue
    const [lang, alias] = key.split('\u0000') as [string, string]
    const star = `*\u0000${alias}`
    if (shared.has(key)) sharedSeen.add(key)
    else if (shared.has(star)) sharedSeen.add(star)
    else undocumented.push(`${lang}:${alias} → ${[...ids].join(', ')}`)
  }
  assert.deepEqual(undocumented, [], 'aliases naming several actors must be listed in kb/actors/ambiguous-aliases.txt')
  const stale = [...shared].filter((k) => !sharedSeen.has(k)).map((k) => k.replace('\u0000', ':'))
  assert.deepEqual(stale, [], 'ambiguous-aliases.txt lists aliases that are no longer shared')
  for (const e of entries) for (const forms of Object.values(e.aliases)) for (const f of forms) assert.equal(f, f.trim(), `${where(e)}: "${f}"`)
})

test('well-known actors are there with the expected shape', () => {
  const putin = byId.get('actor:vladimir-putin')
  assert.ok(putin)
  assert.equal(putin.wikidata, 'Q7747')
  assert.equal(putin.country, 'RUS')
  assert.ok(putin.roles?.some((r) => r.role === 'head-of-state' && r.of === 'RUS' && r.from?.startsWith('2012') && !r.to))
  const kim = byId.get('actor:kim-jong-un')
  assert.ok(kim?.aliases.en?.includes('Kim'))
  assert.equal(kim?.country, 'PRK')
  assert.ok(byId.get('actor:dmitry-peskov')?.roles?.some((r) => r.role === 'spokesperson'))
  assert.ok(byId.get('actor:united-nations')?.aliases.sq?.includes('OKB'))
  assert.ok(byId.get('actor:kcna')?.aliases.en?.includes('KCNA'))
  assert.equal(byId.get('actor:edi-rama')?.country, 'ALB')
  assert.equal(byId.get('actor:albin-kurti')?.country, 'XKX')
  for (const id of ['actor:nato', 'actor:european-union', 'actor:hamas', 'actor:reuters', 'actor:aleksandar-vucic', 'actor:xi-jinping']) {
    assert.ok(byId.has(id), id)
  }
})

test('parse errors name the file and line, and bad rows do not throw', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'kronika-actors-'))
  try {
    const file = join(tmp, 'mine.tsv')
    const ok = ['ok-person', 'Ok Person', 'PER', 'ALB', 'GOV', 'Q1', 'Person', 'Personi', '', 'minister@ALB:2020..2022', '']
    const rows = [
      '# my own actors',
      ACTOR_COLUMNS.join('\t'),
      ok.join('\t'),
      'too\tfew\tcolumns',
      ['Bad Id', 'X', 'PER', 'ALB', 'GOV', '', '', 'x', '', '', ''].join('\t'),
      ['bad-type', 'X', 'PERSON', 'ALB', 'GOV', '', '', 'x', '', '', ''].join('\t'),
      ['bad-country', 'X', 'PER', 'Albania', 'GOV', '', '', 'x', '', '', ''].join('\t'),
      ['bad-role', 'X', 'PER', 'ALB', 'GOV', '', '', 'x', '', 'president ALB 2020', ''].join('\t'),
      ['bad-date', 'X', 'PER', 'ALB', 'GOV', '', '', 'x', '', 'minister@ALB:2020-13..', ''].join('\t'),
      ['ok-person', 'Again', 'PER', 'ALB', 'GOV', '', '', 'x', '', '', ''].join('\t'),
      ['overlap', 'X', 'PER', 'ALB', 'GOV', '', '', 'x', '', 'minister@ALB:2010..2015;minister@ALB:2014..', ''].join('\t'),
      ['bad-ref', 'X', 'PER', 'ALB', 'PTY', '', '', 'x', '', 'leader@no-such-party:2010..', ''].join('\t'),
      ['trailing', 'Trailing Tabs Stripped', 'ORG', 'ALB', 'GOV', '', 'TTS', 'TTS'].join('\t'),
    ]
    writeFileSync(file, rows.join('\n') + '\n')
    let result: ReturnType<typeof readActors> | undefined
    assert.doesNotThrow(() => {
      result = readActors(file)
    })
    const messages = result!.errors.map(formatIssue)
    const expect = (line: number, fragment: RegExp): void => {
      assert.ok(
        messages.some((m) => m.startsWith(`${file}:${line}: `) && fragment.test(m)),
        `no error at line ${line} matching ${fragment}; got:\n${messages.join('\n')}`,
      )
    }
    expect(4, /expected 11 tab-separated columns.*found 3/)
    expect(5, /id "Bad Id" must be a kebab-case slug/)
    expect(6, /type "PERSON" is not one of PER, ORG, MISC/)
    expect(7, /country "Albania" is not an ISO 3166-1 alpha-3 code/)
    expect(8, /role "president ALB 2020" has no "@"/)
    expect(9, /has no month 13/)
    expect(10, /duplicate id "actor:ok-person" \(first defined at .*mine\.tsv:3\)/)
    expect(11, /overlap/)
    expect(12, /not in the knowledge base/)
    assert.equal(messages.length, 9, messages.join('\n'))
    const names = result!.entries.map((e) => e.id)
    assert.deepEqual(names, ['actor:ok-person', 'actor:ok-person', 'actor:overlap', 'actor:bad-ref', 'actor:trailing'])
    const first = result!.entries[0]!
    assert.deepEqual(first.aliases, { en: ['Ok Person', 'Person'], sq: ['Personi'] })
    assert.deepEqual(first.roles, [{ role: 'minister', of: 'ALB', from: '2020', to: '2022' }])
    // A user's file may refer to actors defined elsewhere (e.g. the built-in KB).
    assert.equal(readActors(file, ['actor:no-such-party']).errors.length, 8)
    // loadActors throws one error listing the problems; a missing file is an error, not a crash of readActors.
    assert.throws(() => loadActors(file), /9 problem\(s\)/)
    assert.match(formatIssue(readActors(join(tmp, 'missing.tsv')).errors[0]!), /missing\.tsv:0: cannot read/)
    // A file without the header says so.
    const noHeader = parseActorsTsv(ok.join('\t'), 'x.tsv')
    assert.match(formatIssue(noHeader.errors[0]!), /^x\.tsv:1: the first row must be the header/)
    assert.equal(noHeader.entries.length, 1)
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
})

test('role intervals: touching ends do not overlap, partial dates start at their first day', () => {
  assert.equal(rolesOverlap({ role: 'x', of: 'RUS', from: '2000-05', to: '2008-05' }, { role: 'x', of: 'RUS', from: '2008-05' }), false)
  assert.equal(rolesOverlap({ role: 'x', of: 'RUS', from: '2000', to: '2009' }, { role: 'x', of: 'RUS', from: '2008-05' }), true)
  assert.equal(rolesOverlap({ role: 'x', of: 'RUS', from: '2000' }, { role: 'x', of: 'RUS', from: '1990', to: '1995' }), false)
  assert.equal(checkPartialDate('2024-02-30'), '"2024-02-30" has no day 30')
  assert.equal(checkPartialDate('2024-02-29'), undefined)
})
