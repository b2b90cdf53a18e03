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
import { FormMemo } from '../text/form-memo.js'
import { sameStrings } from '../text/form-keys.js'

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
    this.facts.clear()
    this.lastTable = undefined
  }

  /** The aliases an entry is known by in a language: its own, the language-independent ones, and for people and organisations the English ones. */
  aliasesFor(e: KbEntry, lang: string): string[] {
    const out = new Set<string>([...(e.aliases[lang] ?? []), ...(e.aliases['*'] ?? [])])
    if (lang !== 'en' && e.type !== 'LOC') for (const a of e.aliases.en ?? []) out.add(a)
    if (lang === 'en') out.add(e.name)
    return [...out]
  }

  private readonly adjectiveIndexes = new Map<string, { index: Map<string, KbEntry>; firstWords: Set<string> }>()

  /** The nationality adjectives of a language by their normal forms, and the first words of those of two words. */
  private adjectiveIndex(pack: LanguagePack): { index: Map<string, KbEntry>; firstWords: Set<string> } {
    let made = this.adjectiveIndexes.get(pack.code)
    if (!made) {
      const index = new Map<string, KbEntry>(), firstWords = new Set<string>()
      for (const e of this.entries) {
        for (const a of e.adjectives?.[pack.code] ?? []) {
          const words = tokeniseForm(a)
          const key = words.join(' ')
          if (!index.has(key)) index.set(key, e)
          if (words.length === 2) firstWords.add(words[0]!)
        }
      }
      made = { index, firstWords }
      this.adjectiveIndexes.set(pack.code, made)
    }
    return made
  }

  /** The country a nationality adjective or demonym names (rus, ruse, amerikanë → Russia, United States), if the token is one. */
  nationality(t: Token, pack: LanguagePack): KbEntry | undefined {
    if (!t.isWord) return undefined
    const f = this.factsOf(t, pack)
    if (f.nationality === undefined) {
      const { index } = this.adjectiveIndex(pack)
      f.nationality = null
      for (const form of f.forms) { const hit = index.get(form); if (hit) { f.nationality = hit; break } }
    }
    return f.nationality ?? undefined
  }

  /** A nationality adjective of two words or one starting at token i (South Korean, West Indian, Russian), and where it ends. */
  nationalityAt(tokens: readonly Token[], i: number, pack: LanguagePack): { entry: KbEntry; to: number } | undefined {
    const t = tokens[i], u = tokens[i + 1]
    if (!t?.isWord) return undefined
    const one = this.nationality(t, pack)
    if (u?.isWord && u.pre === ' ') {
      // most words start no adjective of two words: no pair is looked up for them
      const f = this.factsOf(t, pack)
      const { index, firstWords } = this.adjectiveIndex(pack)
      f.startsPair ??= f.forms.some((form) => firstWords.has(form))
      if (f.startsPair) {
        const second = this.factsOf(u, pack).forms
        for (const a of f.forms) for (const b of second) { const hit = index.get(`${a} ${b}`); if (hit) return { entry: hit, to: i + 2 } }
      }
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

  /** What is known of each word form per pack (`FormFacts`), by the token's form number. */
  private readonly facts = new Map<LanguagePack, FormMemo<FormFacts>>()

  /** The facts of a token's form: its lookup forms, the keys it matches alias words by, its nationality. */
  private factsOf(t: Token, pack: LanguagePack): FormFacts {
    if (pack === this.lastPack && this.lastTable) return this.lastTable.get(t)
    let table = this.facts.get(pack)
    if (!table) { table = formTable([...pack.list('possessive-endings')]); this.facts.set(pack, table) }
    this.lastPack = pack
    this.lastTable = table
    return table.get(t)
  }
  private lastPack: LanguagePack | undefined
  private lastTable: FormMemo<FormFacts> | undefined

  /**
   * Longest non-overlapping matches in a token range; a match starts on a capitalised token (names are written
   * with a capital) and an acronym alias matches only text in capitals. The aliases of a first word are walked as
   * a tree by the forms of the words after it (`AliasTree`), so only those the text can continue are tried.
   */
  match(tokens: readonly Token[], pack: LanguagePack, from = 0, to = tokens.length): GazetteerMatch[] {
    const index = this.index(pack)
    const out: GazetteerMatch[] = []
    // a name's possessive ending (Germany's) and an abbreviation's dots (U.N) do not hide it
    const keysAt = (k: number): string[] => this.factsOf(tokens[k]!, pack).keys
    const articleAt = (k: number): boolean => pack.inClass('article', tokens[k]!.norm)
    for (let i = from; i < to;) {
      const t = tokens[i]!
      let bestTo = -1
      let best: AliasEntry[] | undefined
      // the tree node all of `best` ends at, when they are its aliases (its referents are then kept on it)
      let bestNode: TreeNode | undefined
      if (t.isWord && (t.shape === 'Xx' || t.shape === 'X')) {
        // the alias lists of the token's forms, in their order, found once per form
        const f = this.factsOf(t, pack)
        const lists = f.lists ??= listsOf(index, f.keys)
        for (let q = 0; q < lists.length; q++) {
          const { items, tree } = lists[q]!
          const found = tree.longest(items, i, to, t.shape === 'X', keysAt, articleAt)
          if (!found) continue
          // an alias indexed under several of the token's forms counts once, under the first form that has it (if
          // the longest of this form's aliases were all found before, its shorter ones cannot be the longest)
          if (q > 0) {
            const fresh = found.items.filter((x) => !lists.slice(0, q).some((l) => l.tree.members.has(x)))
            if (fresh.length < found.items.length) { found.items = fresh; found.node = undefined }
          }
          if (!found.items.length) continue
          if (found.to > bestTo) { bestTo = found.to; best = found.items; bestNode = found.node }
          else if (found.to === bestTo) { best = [...best!, ...found.items]; bestNode = undefined }
        }
      }
      if (best) {
        // the full stop the segmenter split from an abbreviation belongs to it (U.N + .)
        const last = tokens[bestTo - 1]!, dot = tokens[bestTo]
        if (bestTo < to && DOTTED.test(last.fold) && dot?.text === '.' && dot.pre === '') bestTo++
        // (shared by every match of the same aliases: read only)
        const entries = bestNode ? (bestNode.entries ??= referents(best)) : referents(best)
        out.push({ from: i, to: bestTo, entries, alias: best[0]!.alias })
        i = bestTo
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

/** Finds the longest aliases of one index list from a token (see `AliasTree.longest`). */
interface AliasMatcher {
  readonly members: Set<AliasEntry>
  longest(items: readonly AliasEntry[], i: number, to: number, capitals: boolean, keysAt: (k: number) => string[], articleAt: (k: number) => boolean): { to: number; items: AliasEntry[]; node?: TreeNode | undefined } | undefined
}

/** Lists this long or shorter are checked alias by alias. */
const SHORT_LIST = 8

/** A short list, checked alias by alias in its order. */
class ShortList implements AliasMatcher {
  constructor(private readonly list: readonly AliasEntry[]) {}

  get members(): Set<AliasEntry> {
    return new Set(this.list)
  }

  longest(items: readonly AliasEntry[], i: number, to: number, capitals: boolean, keysAt: (k: number) => string[], articleAt: (k: number) => boolean): { to: number; items: AliasEntry[] } | undefined {
    let bestTo = -1
    let best: AliasEntry[] | undefined
    for (const item of items) {
      if (item.acronym && !capitals) continue
      const end = i + item.tokens.length
      if (end > to || end < bestTo) continue
      let ok = true
      for (let k = 1; ok && k < item.tokens.length; k++) {
        const want = item.tokens[k]!
        ok = want[0] === ARTICLE ? articleAt(i + k) : sharesOne(keysAt(i + k), want)
      }
      if (!ok) continue
      if (end > bestTo) { bestTo = end; best = [item] }
      else best!.push(item)
    }
    return best && { to: bestTo, items: best }
  }
}

/** A node of an alias tree: the aliases (positions in their list) ending at this word, and the words that may follow. */
interface TreeNode {
  ends: number[] | undefined
  /** Some alias ending here is not an acronym (matches text not in capitals). */
  plain: boolean
  /** Some alias ending here is an acronym (matches only capitals). */
  acronyms: boolean
  next: Map<string, TreeNode> | undefined
  article: TreeNode | undefined
  /** The aliases of `ends`, made when first found. */
  items: AliasEntry[] | undefined
  /** The referents of `items`, made when first needed. */
  entries: KbEntry[] | undefined
  /** A list of this node alone, made when first needed. */
  alone: TreeNode[] | undefined
}
const node = (): TreeNode => ({ ends: undefined, plain: false, acronyms: false, next: undefined, article: undefined, items: undefined, entries: undefined, alone: undefined })

/**
 * The aliases of one index list (those sharing a first word) as a tree over their later words: a node's children
 * are keyed by each normal form the next alias word can take, and a linking article has a child of its own. A text
 * is walked through it word by word, so an alias is tried only as far as the text follows it (about 700 alias
 * checks per English article and 2,000 per Albanian one before, mostly of lists like The …, Ministry of …,
 * Ministria e …).
 */
class AliasTree implements AliasMatcher {
  readonly size: number
  private readonly root = node()
  private memberSet: Set<AliasEntry> | undefined

  constructor(private readonly list: readonly AliasEntry[]) {
    const items = list
    this.size = items.length
    items.forEach((item, p) => {
      let at = [this.root]
      for (let k = 1; k < item.tokens.length; k++) {
        const want = item.tokens[k]!
        const next: TreeNode[] = []
        for (const n of at) {
          if (want[0] === ARTICLE) { next.push(n.article ??= node()); continue }
          n.next ??= new Map()
          for (const f of new Set(want)) {
            let c = n.next.get(f)
            if (!c) { c = node(); n.next.set(f, c) }
            next.push(c)
          }
        }
        at = next
      }
      for (const n of at) { (n.ends ??= []).push(p); if (item.acronym) n.acronyms = true; else n.plain = true }
    })
  }

  /** The aliases of the list, as a set. */
  get members(): Set<AliasEntry> {
    return (this.memberSet ??= new Set(this.list))
  }

  /**
   * The aliases of `items` (this tree's list) that match longest from token i (before `to`): where they end and
   * which they are, in their list order; undefined when none does. `capitals`: the first token is in capitals
   * (acronym aliases need it). `keysAt(k)`: the forms token k matches alias words by; `articleAt(k)`: it is a
   * linking article.
   */
  longest(items: readonly AliasEntry[], i: number, to: number, capitals: boolean, keysAt: (k: number) => string[], articleAt: (k: number) => boolean): { to: number; items: AliasEntry[]; node?: TreeNode | undefined } | undefined {
    // the nodes the text has reached (a node's own one-node list when there is one: no array is made per step)
    let frontier: TreeNode[] = (this.root.alone ??= [this.root])
    let bestTo = -1
    let bestNodes: TreeNode[] | undefined
    for (let k = i + 1; ; k++) {
      // the aliases ending before token k
      for (let q = 0; q < frontier.length; q++) { const n = frontier[q]!; if (n.ends && (capitals || n.plain)) { bestTo = k; bestNodes = frontier; break } }
      if (k >= to) break
      let single: TreeNode | undefined
      let several: TreeNode[] | undefined
      let keys: string[] | undefined
      for (let q = 0; q < frontier.length; q++) {
        const n = frontier[q]!
        if (n.next) {
          keys ??= keysAt(k)
          for (let r = 0; r < keys.length; r++) {
            const c = n.next.get(keys[r]!)
            if (c) { if (several) several.push(c); else if (single) several = [single, c]; else single = c }
          }
        }
        if (n.article && articleAt(k)) { const c = n.article; if (several) several.push(c); else if (single) several = [single, c]; else single = c }
      }
      if (several) frontier = several
      else if (single) frontier = (single.alone ??= [single])
      else break
    }
    if (!bestNodes) return undefined
    const only = bestNodes.length === 1 ? bestNodes[0]! : undefined
    // one node, every alias of it usable: its aliases, made once
    if (only && (capitals || !only.acronyms)) return { to: bestTo, items: (only.items ??= only.ends!.map((p) => items[p]!)), node: only }
    const at: number[] = []
    for (const n of bestNodes) for (const p of n.ends ?? []) if (capitals || !items[p]!.acronym) at.push(p)
    if (!only) at.sort((x, y) => x - y)
    const out: AliasEntry[] = []
    for (let q = 0; q < at.length; q++) if (q === 0 || at[q] !== at[q - 1]) out.push(items[at[q]!]!)
    return { to: bestTo, items: out }
  }

}

const trees = new WeakMap<readonly AliasEntry[], AliasTree>()

/** The entries of these aliases, each once, in their order. */
function referents(items: readonly AliasEntry[]): KbEntry[] {
  if (items.length === 1) return [items[0]!.entry]
  return [...new Set(items.map((x) => x.entry))]
}

/** The alias lists an index has for these keys, in their order, with their trees. */
function listsOf(index: AliasIndex, keys: readonly string[]): Array<{ items: AliasEntry[]; tree: AliasMatcher }> {
  const out: Array<{ items: AliasEntry[]; tree: AliasMatcher }> = []
  for (const key of keys) { const items = index.get(key); if (items) out.push({ items, tree: aliasTree(items) }) }
  return out
}

/**
 * The matcher of an index list: a short list (most first words start one or two aliases) is checked alias by alias,
 * which needs no memory of its own; a longer one gets its tree, made when the list is first matched (and again if
 * aliases were added to it).
 */
function aliasTree(items: readonly AliasEntry[]): AliasMatcher {
  if (items.length <= SHORT_LIST) return new ShortList(items)
  let tree = trees.get(items)
  if (!tree || tree.size !== items.length) { tree = new AliasTree(items); trees.set(items, tree) }
  return tree
}

/** What matching needs of a word form, found once per form and pack. */
interface FormFacts {
  /** `tokenForms`. */
  forms: string[]
  /** The forms alias words are matched by: `forms`, and the word without an abbreviation's dots or a possessive ending. */
  keys: string[]
  /** The country the form names as a nationality adjective (null: none; undefined: not asked yet). */
  nationality?: KbEntry | null
  /** The alias lists its keys find in the index, with their trees (undefined: not asked yet). */
  lists?: Array<{ items: AliasEntry[]; tree: AliasMatcher }>
  /** One of its forms starts a two-word nationality adjective (undefined: not asked yet). */
  startsPair?: boolean
}

/** The facts of each word form for one pack. */
function formTable(possessive: readonly string[]): FormMemo<FormFacts> {
  return new FormMemo((t) => {
    const forms = tokenForms(t)
    const extra: string[] = []
    if (DOTTED.test(t.fold)) extra.push(t.fold.replace(/\./g, ''))
    for (const p of possessive) if (t.fold.length > p.length && t.fold.endsWith(p)) extra.push(t.fold.slice(0, -p.length))
    return { forms, keys: extra.length ? [...forms, ...extra] : forms }
  })
}

/** True when the two lists share a string. */
function sharesOne(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < a.length; i++) if (b.includes(a[i]!)) return true
  return false
}

/** The forms an alias word is indexed by: folded, and its lemmas as the pack analyses a proper name. */
export function normalForms(word: string, pack: LanguagePack): string[] {
  const folded = tokeniseForm(word)[0] ?? ''
  const out = new Set([folded])
  for (const l of pack.morphology.lemmas(word, 'PROPN')) out.add(tokeniseForm(l)[0] ?? folded)
  return [...out]
}
