/**
 * The curated actor knowledge base: people and organisations, kept as readable TSV files in kb/actors/
 * (format documented in kb/actors/README.md and docs/knowledge-base-actors.md).
 *
 * - `parseActorsTsv(text, file)` parses one TSV text and returns entries plus errors with file:line; it never throws.
 * - `readActors(path)` reads one `.tsv` file or every `.tsv` file of a folder (users' `--kb FILE`); it never throws,
 *   missing files and malformed rows come back as errors.
 * - `validateActors(entries)` runs the cross-entry checks (duplicate ids, role references, overlapping roles).
 * - `loadActors(dir?)` loads the built-in knowledge base (or `dir`) and throws one error listing every problem:
 *   the shipped data must be clean.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { KbEntry, KbRole } from './types.js'

/** The columns of an actor TSV file, in order. The header row must list exactly these. */
export const ACTOR_COLUMNS = [
  'id',
  'name',
  'type',
  'country',
  'sector',
  'wikidata',
  'aliases_en',
  'aliases_sq',
  'aliases_other',
  'roles',
  'stands_for',
] as const

/** Rows may leave out trailing empty columns (editors strip trailing tabs), but must have at least these many. */
export const MIN_COLUMNS = ACTOR_COLUMNS.indexOf('aliases_sq') + 1

export const ACTOR_TYPES = ['PER', 'ORG', 'MISC'] as const

/** PLOVER/CAMEO-style sectors accepted in the `sector` column. */
export const ACTOR_SECTORS = ['GOV', 'MIL', 'LEG', 'JUD', 'SPY', 'PTY', 'REB', 'IGO', 'NGO', 'MED', 'BUS', 'REL', 'COP'] as const

/** The prefix the loader puts before every id of this knowledge base. */
export const ACTOR_ID_PREFIX = 'actor:'

/** Where a parsed entry came from, for messages. */
export interface KbSource {
  file: string
  line: number
}

export interface KbIssue extends KbSource {
  message: string
}

export interface ActorParseResult {
  entries: KbEntry[]
  errors: KbIssue[]
}

const sources = new WeakMap<KbEntry, KbSource>()

/** The file and line an entry was parsed from, when it came from `parseActorsTsv`. */
export function sourceOf(entry: KbEntry): KbSource | undefined {
  return sources.get(entry)
}

/** `file:line: message`, the form every issue is printed in. */
export function formatIssue(issue: KbIssue): string {
  return `${issue.file}:${issue.line}: ${issue.message}`
}

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const ISO3_RE = /^[A-Z]{3}$/
const WIKIDATA_RE = /^Q[1-9][0-9]*$/
const LANG_RE = /^(?:[a-z]{2,3}|\*)$/
const ROLE_NAME_RE = /^[a-z]+(?:-[a-z]+)*$/
const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/
const STANDS_FOR_RE = /^country:[A-Z]{3}$/

/** Checks an ISO date at year, month or day precision; returns an error text or undefined. */
export function checkPartialDate(value: string): string | undefined {
  const m = DATE_RE.exec(value)
  if (!m) return `"${value}" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD`
  const year = Number(m[1])
  if (m[2] !== undefined) {
    const month = Number(m[2])
    if (month < 1 || month > 12) return `"${value}" has no month ${m[2]}`
    if (m[3] !== undefined) {
      const day = Number(m[3])
      const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
      if (day < 1 || day > days) return `"${value}" has no day ${m[3]}`
    }
  }
  return undefined
}

/** The first day a partial date can mean: `2008` → `2008-01-01`, `2008-05` → `2008-05-01`. */
export function dateStart(value: string): string {
  const [y, m = '01', d = '01'] = value.split('-')
  return `${y}-${m}-${d}`
}

function splitList(value: string, sep: string): string[] {
  return value
    .split(sep)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

function pushUnique(list: string[], values: string[]): void {
  for (const v of values) if (!list.includes(v)) list.push(v)
}

/** Parses one role item `role@OF:FROM..TO` (dates optional: `role@OF`, `role@OF:FROM..`, `role@OF:..TO`). */
export function parseRole(item: string): KbRole | string {
  const at = item.indexOf('@')
  if (at < 0) return `role "${item}" has no "@": write role@OF:FROM..TO`
  const role = item.slice(0, at)
  if (!ROLE_NAME_RE.test(role)) return `role "${item}": "${role}" is not a kebab-case role name`
  const rest = item.slice(at + 1)
  const colon = rest.indexOf(':')
  const of = colon < 0 ? rest : rest.slice(0, colon)
  let ofId: string
  if (ISO3_RE.test(of)) ofId = of
  else if (ID_RE.test(of)) ofId = ACTOR_ID_PREFIX + of
  else if (of.startsWith(ACTOR_ID_PREFIX) && ID_RE.test(of.slice(ACTOR_ID_PREFIX.length))) ofId = of
  else return `role "${item}": "${of}" is neither an ISO 3166-1 alpha-3 code nor an actor id`
  const out: KbRole = { role, of: ofId }
  if (colon < 0) return out
  const span = rest.slice(colon + 1)
  const dots = span.indexOf('..')
  if (dots < 0) return `role "${item}": dates must read FROM..TO (either side may be empty)`
  const from = span.slice(0, dots)
  const to = span.slice(dots + 2)
  for (const d of [from, to]) {
    if (d === '') continue
    const bad = checkPartialDate(d)
    if (bad) return `role "${item}": ${bad}`
  }
  if (from !== '') out.from = from
  if (to !== '') out.to = to
  if (from !== '' && to !== '' && dateStart(to) < dateStart(from)) return `role "${item}" ends before it starts`
  return out
}

/**
 * Parses the text of one actor TSV file. Blank lines and lines starting with `#` are skipped; the first other line
 * must be the header. Bad rows are reported and left out; the rest are returned.
 */
export function parseActorsTsv(text: string, file = '<input>'): ActorParseResult {
  const entries: KbEntry[] = []
  const errors: KbIssue[] = []
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  let sawHeader = false
  lines.forEach((raw, index) => {
    const line = index + 1
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return
    const cells = raw.split('\t')
    if (!sawHeader) {
      sawHeader = true
      const header = cells.map((c) => c.trim())
      if (header.join('\t') !== ACTOR_COLUMNS.join('\t')) {
        errors.push({ file, line, message: `the first row must be the header: ${ACTOR_COLUMNS.join(' <TAB> ')}` })
        if (header[0] === 'id') return
        // No header at all: carry on and read this line as data.
      } else return
    }
    const issue = (message: string): void => {
      errors.push({ file, line, message })
    }
    if (cells.length < MIN_COLUMNS || cells.length > ACTOR_COLUMNS.length) {
      issue(
        `expected ${ACTOR_COLUMNS.length} tab-separated columns (trailing empty ones may be left out, at least ${MIN_COLUMNS}), found ${cells.length}`,
      )
      return
    }
    const [id = '', name = '', type = '', country = '', sector = '', wikidata = '', en = '', sq = '', other = '', roles = '', standsFor = ''] =
      cells.map((c) => c.trim())
    const before = errors.length
    if (!ID_RE.test(id)) issue(`id "${id}" must be a kebab-case slug (a-z, 0-9, single hyphens)`)
    if (name === '') issue('name is empty')
    if (!(ACTOR_TYPES as readonly string[]).includes(type)) issue(`type "${type}" is not one of ${ACTOR_TYPES.join(', ')}`)
    if (country !== '' && !ISO3_RE.test(country)) issue(`country "${country}" is not an ISO 3166-1 alpha-3 code (three capitals, XKX for Kosovo)`)
    if (sector !== '' && !(ACTOR_SECTORS as readonly string[]).includes(sector)) issue(`sector "${sector}" is not one of ${ACTOR_SECTORS.join(', ')}`)
    if (wikidata !== '' && !WIKIDATA_RE.test(wikidata)) issue(`wikidata "${wikidata}" is not a Wikidata item id such as Q7747`)
    const aliases: Record<string, string[]> = {}
    const add = (lang: string, forms: string[]): void => {
      if (forms.length === 0) return
      pushUnique((aliases[lang] ??= []), forms)
    }
    add('en', name === '' ? [] : [name])
    add('en', splitList(en, '|'))
    add('sq', splitList(sq, '|'))
    for (const item of splitList(other, '|')) {
      const colon = item.indexOf(':')
      const lang = colon < 0 ? '' : item.slice(0, colon).trim()
      const form = colon < 0 ? '' : item.slice(colon + 1).trim()
      if (!LANG_RE.test(lang) || form === '') issue(`aliases_other item "${item}" must read lang:form, e.g. de:Vereinte Nationen`)
      else add(lang, [form])
    }
    const parsedRoles: KbRole[] = []
    for (const item of splitList(roles, ';')) {
      const r = parseRole(item)
      if (typeof r === 'string') issue(r)
      else parsedRoles.push(r)
    }
    if (standsFor !== '' && !STANDS_FOR_RE.test(standsFor)) issue(`stands_for "${standsFor}" must read country:XXX`)
    if (errors.length > before) return
    const entry: KbEntry = { id: ACTOR_ID_PREFIX + id, name, type: type as KbEntry['type'], aliases }
    if (country !== '') entry.country = country
    if (sector !== '') entry.sector = sector
    if (wikidata !== '') entry.wikidata = wikidata
    if (standsFor !== '') entry.standsFor = standsFor
    if (parsedRoles.length > 0) entry.roles = parsedRoles
    sources.set(entry, { file, line })
    entries.push(entry)
  })
  if (!sawHeader) errors.push({ file, line: 1, message: 'the file has no header row and no entries' })
  return { entries, errors }
}

/**
 * Cross-entry checks: duplicate ids, role references to actors that do not exist, and overlapping roles of the
 * same kind at the same place for one actor. `known` lists ids defined elsewhere (e.g. the built-in KB when checking
 * a user's file). Issues point at the entry's file:line when known.
 */
export function validateActors(entries: readonly KbEntry[], known: Iterable<string> = []): KbIssue[] {
  const issues: KbIssue[] = []
  const where = (e: KbEntry): KbSource => sourceOf(e) ?? { file: '<entries>', line: 0 }
  const seen = new Map<string, KbEntry>()
  for (const e of entries) {
    const first = seen.get(e.id)
    if (first) {
      const f = where(first)
      issues.push({ ...where(e), message: `duplicate id "${e.id}" (first defined at ${f.file}:${f.line})` })
    } else seen.set(e.id, e)
  }
  const ids = new Set<string>([...seen.keys(), ...known])
  for (const e of entries) {
    const roles = e.roles ?? []
    for (const r of roles) {
      if (r.of.startsWith(ACTOR_ID_PREFIX) && !ids.has(r.of)) {
        issues.push({ ...where(e), message: `role ${r.role}@${r.of} refers to an actor that is not in the knowledge base` })
      }
    }
    for (let i = 0; i < roles.length; i++) {
      for (let j = i + 1; j < roles.length; j++) {
        const a = roles[i]!
        const b = roles[j]!
        if (a.role !== b.role || a.of !== b.of) continue
        if (rolesOverlap(a, b)) {
          issues.push({ ...where(e), message: `roles ${describeRole(a)} and ${describeRole(b)} overlap` })
        }
      }
    }
  }
  return issues
}

/** Half-open intervals from the first day each partial date can mean; an open end runs on forever. */
export function rolesOverlap(a: KbRole, b: KbRole): boolean {
  const aFrom = a.from ? dateStart(a.from) : '0000-00-00'
  const bFrom = b.from ? dateStart(b.from) : '0000-00-00'
  const aTo = a.to ? dateStart(a.to) : '9999-99-99'
  const bTo = b.to ? dateStart(b.to) : '9999-99-99'
  return aFrom < bTo && bFrom < aTo
}

export function describeRole(r: KbRole): string {
  const of = r.of.startsWith(ACTOR_ID_PREFIX) ? r.of.slice(ACTOR_ID_PREFIX.length) : r.of
  return `${r.role}@${of}:${r.from ?? ''}..${r.to ?? ''}`
}

/**
 * Reads one actor TSV file, or every `*.tsv` file of a folder (sorted by name), and runs `validateActors` over the
 * result. Never throws: unreadable paths and malformed rows come back in `errors`.
 */
export function readActors(path: string, known: Iterable<string> = []): ActorParseResult {
  const entries: KbEntry[] = []
  const errors: KbIssue[] = []
  let files: string[]
  try {
    files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((f) => f.endsWith('.tsv'))
          .sort()
          .map((f) => join(path, f))
      : [path]
  } catch (err) {
    return { entries, errors: [{ file: path, line: 0, message: `cannot read: ${(err as Error).message}` }] }
  }
  for (const file of files) {
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (err) {
      errors.push({ file, line: 0, message: `cannot read: ${(err as Error).message}` })
      continue
    }
    const r = parseActorsTsv(text, file)
    entries.push(...r.entries)
    errors.push(...r.errors)
  }
  errors.push(...validateActors(entries, known))
  return { entries, errors }
}

/** The built-in actor folder, kb/actors/ at the package root (works from src/ and from dist/). */
export function defaultActorsDir(): string {
  return fileURLToPath(new URL('../../kb/actors/', import.meta.url))
}

/** The file listing aliases that knowingly name more than one actor (e.g. "Kim"). */
export function ambiguousAliasesFile(dir = defaultActorsDir()): string {
  return join(dir, 'ambiguous-aliases.txt')
}

/**
 * Loads the actors of `dir` (default: the built-in kb/actors/), or of a single `.tsv` file. Throws one error that
 * lists every problem as file:line: use `readActors` to get the problems as data instead.
 */
export function loadActors(dir: string = defaultActorsDir()): KbEntry[] {
  const { entries, errors } = readActors(dir)
  if (errors.length > 0) {
    const shown = errors.slice(0, 50).map(formatIssue).join('\n')
    const more = errors.length > 50 ? `\n… and ${errors.length - 50} more` : ''
    throw new Error(`${basename(dir) || dir}: ${errors.length} problem(s) in the actor knowledge base:\n${shown}${more}`)
  }
  return entries
}

/**
 * Reads the ambiguous-alias list: one alias a line, `#` comments. An optional language prefix `sq:` limits the
 * line to that language's aliases. Returns keys `lang\u0000normalised-alias` (lang `*` for every language).
 */
export function parseAmbiguousAliases(text: string): Set<string> {
  const out = new Set<string>()
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim()
    if (line === '') continue
    const m = /^([a-z]{2,3}):(.+)$/.exec(line)
    if (m) out.add(`${m[1]}\u0000${normaliseAlias(m[2]!)}`)
    else out.add(`*\u0000${normaliseAlias(line)}`)
  }
  return out
}

/** How aliases are compared for ambiguity: NFC, lower-cased, inner whitespace collapsed. Diacritics are kept. */
export function normaliseAlias(alias: string): string {
  return alias.normalize('NFC').toLocaleLowerCase('und').replace(/\s+/g, ' ').trim()
}
