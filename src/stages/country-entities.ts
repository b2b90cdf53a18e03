/**
 * Finds or adds the entity of a state, for event arguments and sources that name it only through a nationality
 * adjective (zyrtarët amerikanë) or a place that acts for it (Moska, the Kremlin).
 */
import type { AdjectiveMention, KronikaDocument } from '../document.js'
import type { PipelineContext } from '../pipeline/context.js'

const byKb = new WeakMap<KronikaDocument, Map<string, string>>()
function remember(doc: KronikaDocument, kbId: string, id: string): void {
  let m = byKb.get(doc)
  if (!m) { m = new Map(); byKb.set(doc, m) }
  m.set(kbId, id)
}

/** The id of the document's entity for the country (ISO3), adding one if needed; undefined if the KB lacks it. */
export function entityForCountry(doc: KronikaDocument, ctx: PipelineContext, iso3: string, adjective?: AdjectiveMention): string | undefined {
  const kbId = `country:${iso3}`
  const known = byKb.get(doc)?.get(kbId)
  if (known) return known
  const existing = doc.entities.find((e) => e.ids?.kb === kbId)
  if (existing) { remember(doc, kbId, existing.id); return existing.id }
  const entry = ctx.gazetteer.get(kbId)
  if (!entry) return undefined
  const id = `e${doc.entities.length + 1}`
  remember(doc, kbId, id)
  const lang = doc.pack.code
  doc.entities.push({
    id, name: entry.name, type: 'LOC', country: iso3, ...(entry.sector ? { sector: entry.sector } : {}),
    ids: { kb: kbId, ...(entry.wikidata ? { wikidata: entry.wikidata } : {}) },
    ...(entry.coordinates ? { coordinates: entry.coordinates } : {}),
    linked: true,
    rule: adjective ? `${lang}.entity.nationality-adjective` : 'core.entity.stands-for',
    mentions: adjective ? [{ start: adjective.start, end: adjective.end, text: doc.text.slice(adjective.start, adjective.end), rule: `${lang}.entity.nationality-adjective` }] : [],
  })
  return id
}
