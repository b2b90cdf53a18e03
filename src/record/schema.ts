/**
 * The document record: the contract between extraction and everything downstream (store, API, UI, exports).
 * These zod schemas are the single source of truth: the TypeScript types are inferred from them and
 * docs/record.schema.json is generated from them by scripts/write-schema.mjs.
 *
 * Every span is half-open UTF-16 offsets [start, end) into `text`, and `text.slice(start, end)` equals the fact's
 * own `text`.
 */
import { z } from 'zod'

/** A rule id such as `sq.time.weekday-relative` or `core.quote.pairing`: names the rule that produced a fact. */
export const RuleId = z.string().regex(/^[a-z]{2,8}(\.[a-z0-9-]+)+$/, 'rule ids look like "sq.time.weekday-relative"')

export const Span = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
})

export const TextSpan = Span.extend({ text: z.string() })

export const Precision = z.enum(['decade', 'year', 'quarter', 'month', 'week', 'day', 'part-of-day', 'time'])

export const Published = z.object({
  value: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'an ISO 8601 date at year, month or day precision'),
  precision: z.enum(['year', 'month', 'day']),
  from: z.enum(['argument', 'metadata', 'first-line']).describe('where the publication date was found'),
})

export const Source = z.object({
  path: z.string().optional(),
  url: z.string().optional(),
  title: z.string().optional(),
  publisher: z.string().optional(),
  offset: z.number().int().nonnegative().optional().describe('where `text` starts in the file (after a metadata line)'),
})

export const LangDecision = z.object({
  method: z.enum(['declared', 'detected', 'fallback']),
  score: z.number().min(0).max(1).optional().describe('confidence of the detection, 0..1'),
})

export const Sentence = Span

export const EntityType = z.enum(['PER', 'ORG', 'LOC', 'MISC'])

/** PLOVER actor sector, e.g. GOV, MIL, REB, MED, IGO (see docs/record.md). */
export const Sector = z.string()

export const Mention = TextSpan.extend({ rule: RuleId })

export const Entity = z.object({
  id: z.string(),
  name: z.string().describe('canonical name (English for known referents)'),
  type: EntityType,
  country: z.string().regex(/^[A-Z]{3}$/).optional().describe('ISO 3166-1 alpha-3 of the state the entity is or belongs to; XKX for Kosovo'),
  countryRule: RuleId.optional().describe('the rule that gave the country when the words around the name gave it, not the knowledge base'),
  sector: Sector.optional(),
  ids: z.object({ wikidata: z.string().optional(), geonames: z.number().int().optional(), kb: z.string().optional() }).optional(),
  coordinates: z.tuple([z.number(), z.number()]).optional().describe('[longitude, latitude] for places'),
  linked: z.boolean().describe('true when resolved to a knowledge-base referent; false for a name kept from its cues alone'),
  linkReason: z.string().optional().describe('why this referent was chosen when the name could mean several'),
  rule: RuleId.describe('the rule that recognised or linked the entity'),
  mentions: z.array(Mention),
})

export const TimexType = z.enum(['DATE', 'TIME', 'DURATION', 'SET'])

export const Time = TextSpan.extend({
  value: z.string().describe('TIMEX3 value: 2023-09-11, 2023-09, 2023-W36, 2023-09-10TEV, P17M, FUTURE_REF…'),
  type: TimexType,
  precision: Precision.optional().describe('for DATE/TIME values, how precise the value is'),
  rule: RuleId,
})

export const Quote = TextSpan.extend({
  speaker: z.string().optional().describe('entity id of the speaker'),
  source: TextSpan.optional().describe('the words naming the speaker as written: a name, a pronoun or a description (officials, the spokesman)'),
  cue: TextSpan.optional().describe('the verb or phrase that introduces the quotation'),
  continues: Span.optional().describe('the quotation this one goes on from, interrupted by its cue (“…,” she said. “…”)'),
  rule: RuleId,
})

/** What someone said or holds, reported without quotation marks (X said that …, according to X, …). */
export const Statement = TextSpan.extend({
  speaker: z.string().optional().describe('entity id of who said it'),
  source: TextSpan.optional().describe('the words naming who said it as written: a name, a pronoun or a description (officials, the spokesman)'),
  parts: z.array(Span).optional().describe('a report split by its cue (…, she said, …): the pieces; start and end span them all'),
  cue: TextSpan.describe('the reporting verb or phrase'),
  rule: RuleId,
})

export const Amount = TextSpan.extend({
  value: z.number(),
  approx: z.boolean(),
  min: z.number().optional(),
  max: z.number().optional(),
  unit: z.string().optional().describe('percent, a currency code, …'),
  object: z.string().optional().describe('what is counted, as written'),
  rule: RuleId,
})

export const Modality = z.enum(['asserted', 'planned', 'hypothetical', 'negated'])
export const Stance = z.enum(['claims', 'confirms', 'denies', 'unconfirmed'])

export const Attribution = z.object({
  source: z.string().describe('entity id of who the text says reports or claims the event'),
  stance: Stance,
  cue: TextSpan.optional(),
  rule: RuleId,
})

export const PloverType = z.enum([
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
])

export const Event = z.object({
  id: z.string(),
  type: PloverType,
  mode: z.string().optional(),
  cameo: z.string().optional(),
  quad: z.number().int().min(1).max(4).optional().describe('1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict'),
  actor: z.array(z.string()).describe('entity ids'),
  recipient: z.array(z.string()).describe('entity ids'),
  place: z.string().optional().describe('entity id of a place'),
  time: z.object({ index: z.number().int().nonnegative().describe('index into times[]'), value: z.string() }).optional(),
  modality: Modality,
  attribution: z.array(Attribution),
  trigger: TextSpan,
  evidence: Span,
  rule: RuleId.describe('the trigger rule'),
  argumentRules: z.array(RuleId).optional().describe('the rules that assigned actor and recipient'),
  modalityCue: TextSpan.optional().describe('the words that set the modality'),
  reports: z.array(Span).optional().describe('further places in the text that report the same event (merged mentions)'),
  confidence: z.number().min(0).max(1),
})

export const Severity = z.enum(['info', 'warning', 'error'])

export const Message = z.object({
  reason: z.string(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
  rule: RuleId,
  severity: Severity,
})

export const DocumentRecord = z.object({
  id: z.string().describe('the input id when given, otherwise a content hash'),
  kronika: z.object({ version: z.string(), record: z.literal(1) }).describe('what produced the record, and the record format version'),
  text: z.string().describe('the exact text all offsets index; never altered'),
  lang: z.string().describe('ISO 639-1 code of the language the text was read as'),
  langDecision: LangDecision,
  published: Published.optional(),
  source: Source,
  sentences: z.array(Sentence),
  entities: z.array(Entity),
  times: z.array(Time),
  quotes: z.array(Quote),
  statements: z.array(Statement).describe('reported speech without quotation marks'),
  amounts: z.array(Amount),
  events: z.array(Event),
  messages: z.array(Message),
})

export type Span = z.infer<typeof Span>
export type TextSpan = z.infer<typeof TextSpan>
export type Published = z.infer<typeof Published>
export type Source = z.infer<typeof Source>
export type LangDecision = z.infer<typeof LangDecision>
export type EntityType = z.infer<typeof EntityType>
export type Mention = z.infer<typeof Mention>
export type Entity = z.infer<typeof Entity>
export type TimexType = z.infer<typeof TimexType>
export type Precision = z.infer<typeof Precision>
export type Time = z.infer<typeof Time>
export type Quote = z.infer<typeof Quote>
export type Statement = z.infer<typeof Statement>
export type Amount = z.infer<typeof Amount>
export type Modality = z.infer<typeof Modality>
export type Stance = z.infer<typeof Stance>
export type Attribution = z.infer<typeof Attribution>
export type PloverType = z.infer<typeof PloverType>
export type Event = z.infer<typeof Event>
export type Severity = z.infer<typeof Severity>
export type Message = z.infer<typeof Message>
export type DocumentRecord = z.infer<typeof DocumentRecord>

/** The JSON Schema (draft 2020-12) of the document record, generated from the zod schema above. */
export function recordJsonSchema(): object {
  return z.toJSONSchema(DocumentRecord, { target: 'draft-2020-12' })
}
