/**
 * The document that travels through the pipeline: the exact text, what is known about it, and the facts and
 * messages each stage adds. `toRecord()` turns it into the published record (src/record/schema.ts).
 */
import { createHash } from 'node:crypto'
import type { Amount, DocumentRecord, Entity, Event, LangDecision, Message, PloverType, Published, Quote, Severity, Source, Span, Statement, Time } from './record/schema.js'
import type { Token } from './text/token.js'
import type { LanguagePack } from './packs/language-pack.js'
import type { KbEntry } from './kb/types.js'
import { VERSION } from './version.js'
import { firstAtOrAfter } from './text/sorted.js'

/** What a caller knows about one article before extraction. */
export interface DocumentInput {
  text: string
  id?: string
  /** ISO 639-1 code; a declared language always wins over detection. */
  lang?: string
  /** ISO 8601 date at year, month or day precision. */
  published?: string
  publishedFrom?: Published['from']
  source?: Source
}

/** A name found in the text before linking: where it is, what it seems to be, and the referent if the KB knows it. */
export interface MentionCandidate {
  start: number
  end: number
  text: string
  /** Token range [tokenFrom, tokenTo). */
  tokenFrom: number
  tokenTo: number
  type: Entity['type']
  rule: string
  /** Knowledge-base referents the surface form can name (several when ambiguous). */
  refs: KbEntry[]
  /** Normalised key used to group unlinked names (folded lemma form). */
  key: string
  /** Country from a nationality adjective next to the name (Presidentin rus Vladimir Putin → RUS). */
  country?: string
}

/** A nationality adjective seen in the text: an attribute, not a named mention. */
export interface AdjectiveMention {
  start: number
  end: number
  tokenIndex: number
  country: string
}

const tokenStart = (t: Token) => t.start

export class KronikaDocument {
  readonly text: string
  readonly id: string
  readonly source: Source
  published: Published | undefined
  lang = 'und'
  langDecision: LangDecision = { method: 'fallback' }
  /** The language pack in use; set by the language stage. */
  pack!: LanguagePack
  sentences: Span[] = []
  tokens: Token[] = []
  /** Per sentence, the index of its first token and one past its last. */
  sentenceTokens: Array<[number, number]> = []
  candidates: MentionCandidate[] = []
  adjectives: AdjectiveMention[] = []
  entities: Entity[] = []
  /** Entity id of the entity each candidate was linked to (same order as `candidates`). */
  candidateEntity: string[] = []
  /** Pronouns read as references to an entity: token index → entity id (src/stages/resolve-pronouns.ts). */
  pronouns = new Map<number, { entityId: string; rule: string }>()
  times: Time[] = []
  quotes: Quote[] = []
  statements: Statement[] = []
  amounts: Amount[] = []
  events: Event[] = []
  /**
   * Events told by a noun whose actor the sentence leaves unsaid ("the meeting", "the visit"): they are read as
   * further reports of the latest event of their type; the value says whether one is kept when there is none
   * (only when it names a participant of its own).
   */
  anaphoricEvents = new Map<Event, boolean>()
  /**
   * The type of the nominal trigger an event took as its content (an agreement on supplies, marrëveshje për
   * furnizimin: AID): merge-events joins it with a later report of that act.
   */
  eventContent = new Map<Event, PloverType>()
  messages: Message[] = []

  constructor(input: DocumentInput) {
    if (typeof input?.text !== 'string') throw new TypeError('KronikaDocument needs { text: string }: pass the article text, not a path or buffer')
    this.text = input.text
    this.id = input.id ?? contentId(input.text)
    this.source = input.source ?? {}
    this.published = input.published ? parsePublished(input.published, input.publishedFrom ?? 'argument') : undefined
    if (input.published && !this.published) this.message(`publication date "${input.published}" is not an ISO 8601 date; relative times are left unresolved`, 'core.input.published-invalid', 'warning')
    if (input.lang) { this.lang = input.lang; this.langDecision = { method: 'declared' } }
  }

  /** Records a content problem; processing goes on. */
  message(reason: string, rule: string, severity: Severity = 'warning', span?: Span): void {
    this.messages.push({ reason, rule, severity, ...(span ? { start: span.start, end: span.end } : {}) })
  }

  /** The exact text of a span. */
  slice(s: Span): string {
    return this.text.slice(s.start, s.end)
  }

  /** Token range of the sentence holding token i. */
  sentenceOf(tokenIndex: number): [number, number] {
    const t = this.tokens[tokenIndex]
    return t ? this.sentenceTokens[t.sentence] ?? [0, this.tokens.length] : [0, this.tokens.length]
  }

  /** Token index range [from, to) of the tokens inside a span (binary search). */
  tokenRange(s: Span): [number, number] {
    const toks = this.tokens
    const lo = firstAtOrAfter(toks, tokenStart, s.start)
    let to = lo
    while (to < toks.length && toks[to]!.end <= s.end) to++
    return [lo, to]
  }

  private entityIndex = new Map<string, Entity>()
  private entityIndexed: Entity[] | undefined

  /** The entity with this id (indexed; the index follows changes to `entities`). */
  entity(id: string): Entity | undefined {
    if (this.entityIndexed !== this.entities || this.entityIndex.size !== this.entities.length) {
      this.entityIndex = new Map(this.entities.map((e) => [e.id, e]))
      this.entityIndexed = this.entities
    }
    return this.entityIndex.get(id)
  }

  toRecord(): DocumentRecord {
    return {
      id: this.id,
      kronika: { version: VERSION, record: 1 },
      text: this.text,
      lang: this.lang,
      langDecision: this.langDecision,
      ...(this.published ? { published: this.published } : {}),
      source: this.source,
      sentences: this.sentences,
      entities: this.entities,
      times: this.times,
      quotes: this.quotes,
      statements: this.statements,
      amounts: this.amounts,
      events: this.events,
      messages: this.messages,
    }
  }
}

/** A short content hash, used as the id of a document that came without one. */
export function contentId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16)
}

/** Parses `2023`, `2023-09`, `2023-09-11` (or a full timestamp, cut to its day); undefined when not a valid date. */
export function parsePublished(value: string, from: Published['from']): Published | undefined {
  const m = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.+\-Z]*)?\s*$/.exec(value)
  if (!m) return undefined
  const [, y, mo, d] = m
  if (mo && (+mo < 1 || +mo > 12)) return undefined
  if (d) {
    const date = new Date(Date.UTC(+y!, +mo! - 1, +d))
    if (date.getUTCDate() !== +d) return undefined
    return { value: `${y}-${mo}-${d}`, precision: 'day', from }
  }
  if (mo) return { value: `${y}-${mo}`, precision: 'month', from }
  return { value: y!, precision: 'year', from }
}
