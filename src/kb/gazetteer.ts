/**
 * Finds knowledge-base names in tokenised text, in any inflected form. Aliases and text tokens are both compared
 * through their folded form and their lemmas (from the language pack), and linking articles (Albanian i/e/të/së)
 * match each other, so "Koresë së Veriut" finds the alias "Kore e Veriut" without listing every case form.
 * One index is built per language, lazily, and matching is one hash lookup per token candidate.
 */
import type { KbEntry } from './types.js'
import type { LanguagePack } from '../packs/language-pack.js'
import { tokeniseForm } from '../packs/language-pack.js'
import type { Token } from '../text/token.js'
import { fold } from '../text/fold.js'

export interface AliasEntry {
  /** Each alias token's acceptable normal forms ('@' for a linking article). */
  tokens: string[][]
  entry: KbEntry
  alias: string
  /** The alias is written in capitals (an acronym): only capitals match it. */
  acronym: boolean
}

/** The alias index of a language, by the normal forms of an alias's first word: a Map, or the compiled index. */
export interface AliasIndex {
  get(key: string): AliasEntry[] | undefined
  set(key: string, list: AliasEntry[]): unknown
}

export interface GazetteerMatch {
  from: number
  to: number
  entries: KbEntry[]
  alias: string
}

const ARTICLE = '@'
const ALIAS_WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu
const DOTTED = /^(?:\p{L}\.)+\p{L}$/u
const SPLIT_WORD = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu

/** A per-language index of the knowledge base's names. */
export class Gazetteer {
  readonly entries: KbEntry[]
  private readonly byId = new Map<string, KbEntry>()
  private readonly indexes = new Map<string, AliasIndex>()

  constructor(entries: KbEntry[]) {
    this.entries = entries
    for (const e of entries) this.byId.set(e.id, e)
  }

  /** Makes entries not loaded up front (the compiled places) when they are first asked for. */
  lazyEntry: ((id: string) => KbEntry | undefined) | undefined

  get(id: string): KbEntry | undefined {
    const hit = this.byId.get(id)
    if (hit || !this.lazyEntry) return hit
    const made = this.lazyEntry(id)
    if (made) this.byId.set(id, made)
    return made
  }

  /** Adds entries (a user's --kb file); indexes are rebuilt on next use. */
  add(entries: KbEntry[]): void {
    for (const e of entries) { this.entries.push(e); this.byId.set(e.id, e); this.added.push(e) }
    this.indexes.clear()
    this.adjectiveIndexes.clear()
  }

  /** The aliases an entry is known by in a language: its own, the language-independent ones, and for people and organisations the English ones. */
  aliasesFor(e: KbEntry, lang: string): string[] {
    const out = new Set<string>([...(e.aliases[lang] ?? []), ...(e.aliases['*'] ?? [])])
    if (lang !== 'en' && e.type !== 'LOC') for (const a of e.aliases.en ?? []) out.add(a)
    if (lang === 'en') out.add(e.name)
    return [...out]
  }

  private readonly adjectiveIndexes = new Map<string, Map<string, KbEntry>>()

  /** The country a nationality adjective or demonym names (rus, ruse, amerikanë → Russia, United States), if the token is one. */
  nationality(t: Token, pack: LanguagePack): KbEntry | undefined {
    let index = this.adjectiveIndexes.get(pack.code)
    if (!index) {
      index = new Map()
      for (const e of this.entries) {
        for (const a of e.adjectives?.[pack.code] ?? []) {
          const key = tokeniseForm(a).join(' ')
          if (!index.has(key)) index.set(key, e)
        }
      }
      this.adjectiveIndexes.set(pack.code, index)
    }
    if (!t.isWord) return undefined
    for (const f of tokenForms(t)) { const hit = index.get(f); if (hit) return hit }
    return undefined
  }

  /** A nationality adjective of two words or one starting at token i (South Korean, West Indian, Russian), and where it ends. */
  nationalityAt(tokens: readonly Token[], i: number, pack: LanguagePack): { entry: KbEntry; to: number } | undefined {
    const t = tokens[i], u = tokens[i + 1]
    if (!t?.isWord) return undefined
    const one = this.nationality(t, pack)
    const index = this.adjectiveIndexes.get(pack.code)
    if (index && u?.isWord && u.pre === ' ') {
      for (const f of tokenForms(t)) for (const g of tokenForms(u)) { const hit = index.get(`${f} ${g}`); if (hit) return { entry: hit, to: i + 2 } }
    }
    return one ? { entry: one, to: i + 1 } : undefined
  }

  /** A compiled index of a language, when the build made one for exactly these entries (src/kb/compiled-index.ts). */
  compiledIndex: ((lang: string, byId: (id: string) => KbEntry | undefined) => AliasIndex | undefined) | undefined
  /** The entries as loaded with all their aliases, when `entries` were loaded without them (from the compiled KB). */
  fullEntries: (() => KbEntry[]) | undefined
  private readonly added: KbEntry[] = []

  /** The alias index of a language: compiled at build time when available, otherwise built now. */
  index(pack: LanguagePack): AliasIndex {
    const hit = this.indexes.get(pack.code)
    if (hit) return hit
    let index = this.compiledIndex?.(pack.code, (id) => this.get(id))
    if (!index) {
      index = new Map<string, AliasEntry[]>()
      this.indexEntries(index, this.fullEntries ? this.fullEntries().filter((e) => !this.added.includes(e)) : this.entries.filter((e) => !this.added.includes(e)), pack)
    }
    if (this.added.length) this.indexEntries(index, this.added, pack)
    this.indexes.set(pack.code, index)
    return index
  }

  /** Adds the aliases of these entries to an index. */
  indexEntries(index: AliasIndex, entries: readonly KbEntry[], pack: LanguagePack): void {
    const lemmaCache = new Map<string, string[]>()
    const forms = (word: string): string[] => {
      let f = lemmaCache.get(word)
      if (!f) { f = normalForms(word, pack); lemmaCache.set(word, f) }
      return f
    }
    // only the pack language's own aliases may be written in an inflected form (Kremlini, Shtetet e Bashkuara) and
    // need lemmas; other names are indexed as written (the text's inflected forms reach them through their lemmas)
    const asWritten = (word: string): string[] => [tokeniseForm(word)[0] ?? fold(word)]
    for (const full of entries) {
      const entry = this.get(full.id) ?? full
      const own = new Set(full.aliases[pack.code] ?? [])
      for (const alias of this.aliasesFor(full, pack.code)) {
        if (!placeAliasUsable(full, alias)) continue
        const wordForms = own.has(alias) ? forms : asWritten
        // an abbreviation's inner full stops stay in its word, as the segmenter keeps them (U.S. → "u.s" "."); a
        // hyphenated name is also indexed as the segmenter may split it (Nagorno-Karabakh → "nagorno" "-" "karabakh")
        const dotted = /\p{L}\.\p{L}/u.test(alias)
        const variants: Array<[string[], string[]]> = [[
          dotted ? fold(alias).match(ALIAS_WORD) ?? [] : tokeniseForm(alias),
          alias.match(dotted ? ALIAS_WORD : /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu) ?? [],
        ]]
        if (/\p{L}-\p{L}/u.test(alias)) variants.push([fold(alias).match(SPLIT_WORD) ?? [], alias.match(SPLIT_WORD) ?? []])
        for (const [toks, raw] of variants) {
          if (toks.length === 0) continue
          const tokens = toks.map((t, i) => (pack.inClass('article', pack.normalise(raw[i] ?? t)) && i > 0 ? [ARTICLE] : wordForms(raw[i] ?? t)))
          const acronym = /^[\p{Lu}\p{N}.&-]{2,}$/u.test(alias) && /\p{Lu}.*\p{Lu}/u.test(alias)
          const item: AliasEntry = { tokens, entry, alias, acronym }
          for (const key of tokens[0]!) {
            const list = index.get(key)
            if (list) list.push(item); else index.set(key, [item])
          }
        }
      }
    }
  }

  /**
   * Longest non-overlapping matches in a token range; a match starts on a capitalised token (names are written
   * with a capital) and an acronym alias matches only text in capitals.
   */
  private formsFor: readonly Token[] | undefined
  private formsPack: LanguagePack | undefined
  private formsByToken: Array<string[] | undefined> = []

  match(tokens: readonly Token[], pack: LanguagePack, from = 0, to = tokens.length): GazetteerMatch[] {
    const index = this.index(pack)
    const out: GazetteerMatch[] = []
    // a name's possessive ending (Germany's) and an abbreviation's dots (U.N) do not hide it
    const possessive = [...pack.list('possessive-endings')]
    // the forms of each token, kept for the document's other sentences (match is called once per sentence)
    if (this.formsFor !== tokens || this.formsPack !== pack) { this.formsFor = tokens; this.formsPack = pack; this.formsByToken = new Array<string[] | undefined>(tokens.length) }
    const known = this.formsByToken
    const formsOf = (tk: Token): string[] => {
      let all = known[tk.index]
      if (all !== undefined && tokens[tk.index] === tk) return all
      const forms = tokenForms(tk)
      const extra: string[] = []
      if (DOTTED.test(tk.fold)) extra.push(tk.fold.replace(/\./g, ''))
      for (const p of possessive) if (tk.fold.length > p.length && tk.fold.endsWith(p)) extra.push(tk.fold.slice(0, -p.length))
      all = extra.length ? [...forms, ...extra] : forms
      if (tokens[tk.index] === tk) known[tk.index] = all
      return all
    }
    for (let i = from; i < to;) {
      const t = tokens[i]!
      let best: { to: number; items: AliasEntry[] } | null = null
      if (t.isWord && (t.shape === 'Xx' || t.shape === 'X')) {
        const keys = formsOf(t)
        // an alias indexed under several of the token's forms is tried once
        const seen = keys.length > 1 ? new Set<AliasEntry>() : undefined
        for (const key of keys) {
          const items = index.get(key)
          if (items === undefined) continue
          // a long list (The …, Ministry of …) is narrowed to the aliases whose second word the next token can be
          const tried = items.length > LONG_LIST ? narrowed(items, i + 1 < to ? formsOf(tokens[i + 1]!) : undefined) : undefined
          const n = tried ? tried.length : items.length
          for (let p = 0; p < n; p++) {
            const item = tried ? items[tried[p]!]! : items[p]!
            if (seen) { if (seen.has(item)) continue; seen.add(item) }
            if (item.acronym && t.shape !== 'X') continue
            const end = i + item.tokens.length
            if (end > to) continue
            let ok = true
            for (let k = 1; ok && k < item.tokens.length; k++) {
              const tk = tokens[i + k]!
              const want = item.tokens[k]!
              if (want[0] === ARTICLE) ok = pack.inClass('article', tk.norm)
              else ok = sharesOne(formsOf(tk), want)
            }
            if (!ok) continue
            if (!best || end > best.to) best = { to: end, items: [item] }
            else if (end === best.to) best.items.push(item)
          }
        }
      }
      if (best) {
        // the full stop the segmenter split from an abbreviation belongs to it (U.N + .)
        const last = tokens[best.to - 1]!, dot = tokens[best.to]
        if (best.to < to && DOTTED.test(last.fold) && dot?.text === '.' && dot.pre === '') best.to++
        const entries = [...new Set(best.items.map((x) => x.entry))]
        out.push({ from: i, to: best.to, entries, alias: best.items[0]!.alias })
        i = best.to
      } else i++
    }
    return out
  }
}

/**
 * Short names of small places collide with words and initials (Un, Ur, Bar): a place alias needs three letters,
 * and one of three or four letters needs a large population or to be a capital.
 */
export function placeAliasUsable(e: KbEntry, alias: string): boolean {
  if (!e.id.startsWith('place:')) return true
  const letters = alias.replace(/[^\p{L}]/gu, '').length
  if (letters < 3) return false
  if (letters <= 4) return Boolean(e.standsFor) || (e.population ?? 0) >= 100_000
  return true
}

/**
 * The forms a text token can be looked up by: its folded text and its lemmas (shared, never to be changed). They
 * are cached per folded text (bounded), not per token: a cache per token held about 25 MB for a 1 MB article.
 */
export function tokenForms(t: Token): string[] {
  // a function of the folded text and the lemmas: kept per folded text, checked against the lemmas
  const hit = formsCache.get(t.fold)
  if (hit && (hit.lemmas === t.lemmas || sameStrings(hit.lemmas, t.lemmas))) return hit.forms
  const forms = [t.fold]
  for (const l of t.lemmas) { const f = fold(l); if (!forms.includes(f)) forms.push(f) }
  if (formsCache.size >= 100_000) formsCache.clear()
  formsCache.set(t.fold, { lemmas: t.lemmas, forms })
  return forms
}
const formsCache = new Map<string, { lemmas: readonly string[]; forms: string[] }>()

/** Alias lists longer than this are grouped by their aliases' second word (see `narrowed`). */
const LONG_LIST = 24

/** The aliases of one list by second word: positions of those of one word or with an article second, and of the others by each form their second word can take. */
interface BySecondWord { size: number; open: number[]; bySecond: Map<string, number[]> }
const bySecondWord = new WeakMap<AliasEntry[], BySecondWord>()

/**
 * Positions in `items` (ascending, so aliases are tried in their order) of the aliases that can match when the
 * token after the first has these forms (undefined: no token after it in range, so only one-word aliases can).
 * The others would fail on their second word.
 */
function narrowed(items: AliasEntry[], next: readonly string[] | undefined): number[] {
  let g = bySecondWord.get(items)
  if (!g || g.size !== items.length) {
    g = { size: items.length, open: [], bySecond: new Map() }
    items.forEach((item, p) => {
      const second = item.tokens[1]
      if (!second || second[0] === ARTICLE) { g!.open.push(p); return }
      for (const f of new Set(second)) { const l = g!.bySecond.get(f); if (l) l.push(p); else g!.bySecond.set(f, [p]) }
    })
    bySecondWord.set(items, g)
  }
  if (!next) return g.open
  let out: number[] | undefined
  for (const f of next) {
    const l = g.bySecond.get(f)
    if (l) out = out ? [...out, ...l] : l
  }
  if (!out) return g.open
  const all = [...new Set([...g.open, ...out])]
  return all.sort((a, b) => a - b)
}

/** True when the two lists share a string. */
function sharesOne(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < a.length; i++) if (b.includes(a[i]!)) return true
  return false
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** The forms an alias word is indexed by: folded, and its lemmas as the pack analyses a proper name. */
export function normalForms(word: string, pack: LanguagePack): string[] {
  const folded = tokeniseForm(word)[0] ?? ''
  const out = new Set([folded])
  for (const l of pack.morphology.lemmas(word, 'PROPN')) out.add(tokeniseForm(l)[0] ?? folded)
  return [...out]
}
