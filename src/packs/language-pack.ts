/**
 * A language pack is a folder of data, `packs/<code>/`: word lists and patterns, one concept per file (see
 * packs/README.md). This module reads a pack folder into the typed object the stages use; nothing here knows any
 * particular language.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fold, lower } from '../text/fold.js'
import { compilePattern, type CompiledPattern, type WordClass, type WordClasses } from '../patterns/token-pattern.js'

/** Word analysis a pack offers; a pack without a morphology folder gets the identity. */
export interface Morphology {
  lemma(word: string, pos?: string): string
  lemmas(word: string, pos?: string): string[]
  nameForms(name: string): string[]
}

/** One row of a pattern file: `id<TAB>pattern<TAB>action…`. */
export interface PatternRule {
  /** Full rule id, `<lang>.<layer>.<id>`. */
  id: string
  pattern: CompiledPattern
  /** The remaining columns (what the stage does with a match). */
  args: string[]
}

export interface PackManifest {
  code: string
  name: string
  /** Locale used for CLDR month and weekday names (Intl). */
  cldrLocale: string
  /** Locale for Intl.Segmenter. */
  segmenterLocale?: string
  /** Decimal mark of numbers written in digits. */
  decimal?: string
  /** Compare words with their diacritics (Albanian: të is not te, së is not se). */
  keepDiacritics?: boolean
  /** The language drops subject pronouns (Albanian: "tha se do të vijë"): a clause without a subject takes one from context. */
  dropsSubjects?: boolean
}

export interface LanguagePack {
  code: string
  name: string
  dir: string
  manifest: PackManifest
  /** Word classes (`words/<class>.tsv`), including CLDR month and weekday names. */
  classes: WordClasses
  /** Rows of `patterns/<layer>.tsv`, by layer. */
  patterns: Map<string, PatternRule[]>
  /** Plain lists (`lists/<name>.txt`), folded. */
  lists: Map<string, Set<string>>
  morphology: Morphology
  /** The normal form words of this language are compared in (see Token.norm). */
  normalise: (s: string) => string
  /** True when the folded word is a form of the class. */
  inClass(cls: string, folded: string): boolean
  /** The value of a single-token form of the class, if it is one. */
  classValue(cls: string, folded: string): string | undefined
  /**
   * The single-token forms of the class with their values (the first such entry's), for code that asks of many
   * tokens: one map lookup per question. Read only.
   */
  oneWordForms(cls: string): ReadonlyMap<string, string>
  list(name: string): Set<string>
  rules(layer: string): PatternRule[]
}

/** Root folder of the shipped packs (the package's `packs/`). */
export const PACKS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'packs')

const identityMorphology: Morphology = {
  lemma: (w) => w,
  lemmas: (w) => [w],
  nameForms: (n) => [n],
}

/** Lines of a data file without comments and blank lines. */
export function dataLines(path: string): string[] {
  return readFileSync(path, 'utf8').split(/\r?\n/).map((l) => l.replace(/(^|\s)#.*$/, '').trimEnd()).filter((l) => l.trim() !== '')
}

function addForm(cls: WordClass, form: string, value: string, normalise: (s: string) => string): void {
  const tokens = tokeniseForm(form, normalise)
  if (tokens.length === 0) return
  const key = tokens[0]!
  const list = cls.get(key) ?? []
  if (!list.some((e) => e.tokens.join(' ') === tokens.join(' ') && e.value === value)) list.push({ tokens, value })
  list.sort((a, b) => b.tokens.length - a.tokens.length)
  cls.set(key, list)
}

/** Splits a lexicon form into folded tokens the way the segmenter would (words and single punctuation marks). */
export function tokeniseForm(form: string, normalise: (s: string) => string = fold): string[] {
  return normalise(form).match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu) ?? []
}

function cldrClasses(locale: string, articles: Set<string>, normalise: (s: string) => string): { month: Map<string, string>; weekday: Map<string, string> } {
  const month = new Map<string, string>(), weekday = new Map<string, string>()
  const add = (map: Map<string, string>, name: string, value: number) => {
    const clean = name.replace(/\.$/, '').trim()
    if (!clean) return
    map.set(clean, String(value))
    const parts = clean.split(/\s+/)
    if (parts.length > 1 && articles.has(normalise(parts[0]!))) map.set(parts.slice(1).join(' '), String(value))
  }
  for (const width of ['long', 'short'] as const) {
    // one formatter per shape, reused for every date (making a formatter is the costly part, at start-up)
    const monthAlone = new Intl.DateTimeFormat(locale, { month: width, timeZone: 'UTC' })
    const monthInDate = new Intl.DateTimeFormat(locale, { month: width, day: 'numeric', timeZone: 'UTC' })
    const weekdayAlone = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' })
    for (let m = 0; m < 12; m++) {
      const d = new Date(Date.UTC(2021, m, 15))
      add(month, monthAlone.format(d), m + 1)
      const inDate = monthInDate.formatToParts(d).find((p) => p.type === 'month')
      if (inDate) add(month, inDate.value, m + 1)
    }
    for (let w = 0; w < 7; w++) {
      // 2021-03-01 was a Monday: ISO weekday 1..7
      const d = new Date(Date.UTC(2021, 2, 1 + w))
      add(weekday, weekdayAlone.format(d), w + 1)
    }
  }
  // one-letter or two-letter abbreviations collide with common words; keep forms of 3+ letters
  for (const map of [month, weekday]) for (const k of [...map.keys()]) if (fold(k).replace(/[^\p{L}]/gu, '').length < 3) map.delete(k)
  return { month, weekday }
}

const cache = new Map<string, LanguagePack>()

/** `entities` → `entity`, `times` → `time`: the layer name inside a rule id. */
function singular(layer: string): string {
  return layer.endsWith('ies') ? layer.slice(0, -3) + 'y' : layer.replace(/s$/, '')
}

/** Languages that have a pack folder. */
export function availablePacks(root = PACKS_DIR): string[] {
  return readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'pack.json'))).map((d) => d.name).sort()
}

/**
 * One plain list of a pack (`lists/<name>.txt`, folded as `loadPack` folds it), read without loading the whole
 * pack: language detection needs only these, so a document does not pay for the packs of the other languages.
 */
export function packList(code: string, name: string, root = PACKS_DIR): Set<string> {
  const loaded = cache.get(`${root}\u0000${code}`)
  if (loaded) return loaded.list(name)
  const key = `${root}\u0000${code}\u0000${name}`
  let list = listCache.get(key)
  if (!list) {
    const dir = join(root, code)
    const manifest = JSON.parse(readFileSync(join(dir, 'pack.json'), 'utf8')) as PackManifest
    const normalise = manifest.keepDiacritics ? lower : fold
    const path = join(dir, 'lists', `${name}.txt`)
    list = existsSync(path) ? new Set(dataLines(path).map((l) => normalise(l.trim()))) : new Set<string>()
    listCache.set(key, list)
  }
  return list
}
const listCache = new Map<string, Set<string>>()

/**
 * Loads a pack folder (cached). Throws when the folder or its data is malformed: that is a mistake in the
 * package, not in a user's document.
 */
export function loadPack(code: string, root = PACKS_DIR, morphology?: (dir: string) => Morphology): LanguagePack {
  const key = `${root}\u0000${code}`
  const hit = cache.get(key)
  if (hit) return hit
  const dir = join(root, code)
  const manifestPath = join(dir, 'pack.json')
  if (!existsSync(manifestPath)) throw new Error(`no language pack "${code}": expected ${manifestPath}; available: ${availablePacks(root).join(', ')}`)
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as PackManifest
  const normalise = manifest.keepDiacritics ? lower : fold

  const classes: WordClasses = new Map()
  const wordsDir = join(dir, 'words')
  if (existsSync(wordsDir)) {
    for (const f of readdirSync(wordsDir).filter((f) => f.endsWith('.tsv')).sort()) {
      const cls: WordClass = new Map()
      for (const line of dataLines(join(wordsDir, f))) {
        const [form, value] = line.split('\t')
        addForm(cls, form!.trim(), (value ?? form!).trim(), normalise)
      }
      classes.set(f.slice(0, -4), cls)
    }
  }
  const articles = new Set([...(classes.get('article')?.keys() ?? [])])
  const cldr = cldrClasses(manifest.cldrLocale, articles, normalise)
  for (const [name, forms] of Object.entries(cldr)) {
    const cls = classes.get(name) ?? new Map()
    for (const [form, value] of forms) addForm(cls, form, value, normalise)
    classes.set(name, cls)
  }

  const lists = new Map<string, Set<string>>()
  const listsDir = join(dir, 'lists')
  if (existsSync(listsDir)) {
    for (const f of readdirSync(listsDir).filter((f) => f.endsWith('.txt')).sort()) {
      lists.set(f.slice(0, -4), new Set(dataLines(join(listsDir, f)).map((l) => normalise(l.trim()))))
    }
  }

  const patterns = new Map<string, PatternRule[]>()
  const patternsDir = join(dir, 'patterns')
  if (existsSync(patternsDir)) {
    for (const f of readdirSync(patternsDir).filter((f) => f.endsWith('.tsv')).sort()) {
      const layer = f.slice(0, -4)
      const rows: PatternRule[] = []
      for (const line of dataLines(join(patternsDir, f))) {
        const [id, pattern, ...args] = line.split('\t').map((c) => c.trim())
        if (!id || !pattern) throw new Error(`${join(patternsDir, f)}: a row needs an id and a pattern: "${line}"`)
        rows.push({ id: `${code}.${singular(layer)}.${id}`, pattern: compilePattern(pattern, normalise), args })
      }
      patterns.set(layer, rows)
    }
  }

  const morph = morphology && existsSync(join(dir, 'morphology')) ? morphology(dir) : identityMorphology
  // made on first use per class (the classes are complete by now and never change)
  const oneWord = new Map<string, Map<string, string>>()
  const oneWordForms = (name: string): Map<string, string> => {
    let forms = oneWord.get(name)
    if (!forms) {
      forms = new Map()
      for (const [key, entries] of classes.get(name) ?? []) {
        const e = entries.find((x) => x.tokens.length === 1)
        if (e) forms.set(key, e.value)
      }
      oneWord.set(name, forms)
    }
    return forms
  }
  const pack: LanguagePack = {
    code, name: manifest.name, dir, manifest, classes, patterns, lists, morphology: morph, normalise,
    inClass: (cls, folded) => oneWordForms(cls).has(folded),
    classValue: (cls, folded) => oneWordForms(cls).get(folded),
    oneWordForms,
    list: (name) => lists.get(name) ?? new Set(),
    rules: (layer) => patterns.get(layer) ?? [],
  }
  cache.set(key, pack)
  return pack
}
