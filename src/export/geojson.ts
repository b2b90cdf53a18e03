/**
 * GeoJSON (RFC 7946): a FeatureCollection with one Point feature per clustered event whose place has coordinates
 * ([longitude, latitude], WGS 84), its counts and arguments as properties. Events without a located place are
 * left out and counted.
 */
import type { Db } from '../store/database.js'
import { queryEvents, type Filters } from '../store/read-store.js'

export interface FeatureCollection {
  type: 'FeatureCollection'
  features: Array<{ type: 'Feature'; id: number; geometry: { type: 'Point'; coordinates: [number, number] }; properties: Record<string, unknown> }>
}

/** The located events as a FeatureCollection, and how many had no coordinates. */
export function eventsGeoJson(db: Db, filters: Filters = {}): { collection: FeatureCollection; unlocated: number } {
  const events = queryEvents(db, filters, 'time')
  const features: FeatureCollection['features'] = []
  let unlocated = 0
  for (const e of events) {
    if (e.lon === null || e.lat === null || !Number.isFinite(e.lon) || !Number.isFinite(e.lat)) { unlocated++; continue }
    features.push({
      type: 'Feature', id: e.id,
      geometry: { type: 'Point', coordinates: [+e.lon.toFixed(6), +e.lat.toFixed(6)] },
      properties: {
        event: e.id, type: e.type, mode: e.mode, cameo: e.cameo, quad: e.quad, modality: e.modality,
        actor: e.actor, actorNames: e.actor_names, recipient: e.recipient, recipientNames: e.recipient_names,
        place: e.place, placeName: e.place_name, placeCountry: e.place_country, dateStart: e.date_start, dateEnd: e.date_end,
        firstSeen: e.first_seen, lastSeen: e.last_seen, mentions: e.mentions, reports: e.reports, stories: e.stories,
        sources: e.sources, languages: e.langs ? e.langs.split(',') : [],
      },
    })
  }
  return { collection: { type: 'FeatureCollection', features }, unlocated }
}
