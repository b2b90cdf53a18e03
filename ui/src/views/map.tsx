// Where the events happened (maplibre-gl): country shapes from world-atlas drawn from local data, no tiles and
// no network; one circle per event place, sized by its reports, coloured by quad class.
import { useEffect, useRef, useState } from 'preact/hooks'
import * as maplibregl from 'maplibre-gl'
import 'maplibre-gl/dist/maplibre-gl.css'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import { feature } from 'topojson-client'
import type { Topology, GeometryCollection } from 'topojson-specification'
import countries from 'world-atlas/countries-110m.json'
import { getJson, withQuery } from '../api.ts'
import { evidenceHref, type EventRow } from '../corpus-api.ts'

maplibregl.setWorkerUrl(workerUrl)

interface Geo { type: 'FeatureCollection'; features: Array<{ type: 'Feature'; geometry: { type: 'Point'; coordinates: [number, number] }; properties: Record<string, unknown> }> }

export function MapView() {
  const box = useRef<HTMLDivElement>(null)
  const [count, setCount] = useState<{ events: number; places: number } | undefined>()
  const [error, setError] = useState('')
  const [picked, setPicked] = useState<EventRow | undefined>()

  useEffect(() => {
    const el = box.current
    if (!el) return
    const land = feature(countries as unknown as Topology, (countries as unknown as Topology).objects.countries as GeometryCollection)
    const map = new maplibregl.Map({
      container: el,
      style: {
        version: 8,
        sources: { countries: { type: 'geojson', data: land as never } },
        layers: [
          { id: 'sea', type: 'background', paint: { 'background-color': '#d6e6f2' } },
          { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': '#f4f1ea', 'fill-outline-color': '#a8a29e' } },
          { id: 'borders', type: 'line', source: 'countries', paint: { 'line-color': '#a8a29e', 'line-width': 0.6 } },
        ],
      },
      center: [20, 42], zoom: 3, attributionControl: false, fadeDuration: 0,
    })
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }))
    let alive = true
    getJson<Geo>(withQuery('/v1/events', { format: 'geojson', limit: 1000, reports: 1 }))
      .then((geo) => {
        if (!alive) return
        setCount({ events: geo.features.length, places: new Set(geo.features.map((f) => f.geometry.coordinates.join(','))).size })
        const add = () => {
          map.addSource('events', { type: 'geojson', data: geo as never })
          map.addLayer({
            id: 'events', type: 'circle', source: 'events',
            paint: {
              'circle-radius': ['+', 5, ['*', 3, ['sqrt', ['get', 'reports']]]],
              'circle-color': ['match', ['get', 'quad'], 1, '#2563eb', 2, '#059669', 3, '#d97706', 4, '#dc2626', '#6b7280'],
              'circle-opacity': 0.75, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1,
            },
          })
          if (geo.features.length) {
            const b = new maplibregl.LngLatBounds()
            for (const f of geo.features) b.extend(f.geometry.coordinates)
            map.fitBounds(b, { padding: 80, maxZoom: 6, duration: 0 })
          }
          map.on('click', 'events', (e: maplibregl.MapLayerMouseEvent) => {
            const f = e.features?.[0]
            if (!f) return
            const p = f.properties as Record<string, unknown>
            const parse = (v: unknown) => (typeof v === 'string' && v.startsWith('[') ? JSON.parse(v) : v)
            setPicked({ ...(p as unknown as EventRow), actor_names: parse(p.actor_names), recipient_names: parse(p.recipient_names), report_rows: parse(p.report_rows) })
          })
          map.on('mouseenter', 'events', () => { map.getCanvas().style.cursor = 'pointer' })
          map.on('mouseleave', 'events', () => { map.getCanvas().style.cursor = '' })
          el.dataset.ready = 'true'
        }
        if (map.isStyleLoaded()) add(); else map.once('load', add)
      })
      .catch((e: Error) => setError(e.message))
    return () => { alive = false; map.remove() }
  }, [])

  return (
    <div class="chart-panel">
      <div class="chart-controls">
        <span class="muted" id="map-summary">{count === undefined ? 'loading events…' : `${count.events} events with a known place, at ${count.places} places`}</span>
        <span class="legend-item"><span class="swatch" style="background:#2563eb" /> verbal coop.</span>
        <span class="legend-item"><span class="swatch" style="background:#059669" /> material coop.</span>
        <span class="legend-item"><span class="swatch" style="background:#d97706" /> verbal conflict</span>
        <span class="legend-item"><span class="swatch" style="background:#dc2626" /> material conflict</span>
      </div>
      {error && <div class="error">{error}</div>}
      <div ref={box} id="map-canvas" />
      {picked && (
        <div class="evidence">
          <span class={`badge type q${picked.quad ?? 0}`}>{picked.type}</span> <b>{picked.actor_names?.join(', ') || '—'}</b> → <b>{picked.recipient_names?.join(', ') || '—'}</b>
          {' '}in {picked.place_name} · {picked.date_start ?? picked.first_seen} · {picked.reports} report(s){' '}
          {picked.report_rows?.map((r) => <a href={evidenceHref(r)}>“{r.trigger_text}”</a>)}
        </div>
      )}
    </div>
  )
}
