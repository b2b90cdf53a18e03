/**
 * A structural check of GeoJSON against RFC 7946: object types and their required members, positions of two or
 * three finite numbers within longitude/latitude bounds, LineStrings of two positions or more, closed linear rings
 * of four or more, bounding boxes of 2×n numbers, no `crs` member, ids that are strings or numbers. Returns the
 * problems found, each with its JSON path (none for valid GeoJSON).
 */
const GEOMETRIES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'])

type J = Record<string, unknown>
const isObj = (v: unknown): v is J => !!v && typeof v === 'object' && !Array.isArray(v)

function position(p: unknown, path: string, out: string[]): void {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3 || !p.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    out.push(`${path}: a position is an array of 2 or 3 finite numbers`); return
  }
  const [lon, lat] = p as number[]
  if (lon! < -180 || lon! > 180) out.push(`${path}: longitude ${lon} outside [-180, 180]`)
  if (lat! < -90 || lat! > 90) out.push(`${path}: latitude ${lat} outside [-90, 90]`)
}

function positions(a: unknown, path: string, out: string[], min: number): void {
  if (!Array.isArray(a)) { out.push(`${path}: expected an array of positions`); return }
  if (a.length < min) out.push(`${path}: needs at least ${min} positions`)
  a.forEach((p, i) => position(p, `${path}[${i}]`, out))
}

function ring(a: unknown, path: string, out: string[]): void {
  positions(a, path, out, 4)
  if (Array.isArray(a) && a.length >= 4 && JSON.stringify(a[0]) !== JSON.stringify(a[a.length - 1])) out.push(`${path}: a linear ring must be closed (first position = last)`)
}

function bbox(o: J, path: string, out: string[]): void {
  if (!('bbox' in o)) return
  const b = o.bbox
  if (!Array.isArray(b) || (b.length !== 4 && b.length !== 6) || !b.every((n) => typeof n === 'number' && Number.isFinite(n))) out.push(`${path}.bbox: 4 or 6 finite numbers`)
}

function common(o: J, path: string, out: string[]): void {
  if ('crs' in o) out.push(`${path}.crs: RFC 7946 removed the crs member (coordinates are always WGS 84)`)
  bbox(o, path, out)
}

function geometry(g: unknown, path: string, out: string[]): void {
  if (!isObj(g)) { out.push(`${path}: a geometry is an object`); return }
  common(g, path, out)
  const t = g.type
  if (typeof t !== 'string' || !GEOMETRIES.has(t)) { out.push(`${path}.type: "${String(t)}" is not a geometry type`); return }
  if (t === 'GeometryCollection') {
    if (!Array.isArray(g.geometries)) out.push(`${path}.geometries: required array`)
    else g.geometries.forEach((x, i) => geometry(x, `${path}.geometries[${i}]`, out))
    return
  }
  const c = g.coordinates
  const p = `${path}.coordinates`
  switch (t) {
    case 'Point': position(c, p, out); break
    case 'MultiPoint': positions(c, p, out, 0); break
    case 'LineString': positions(c, p, out, 2); break
    case 'MultiLineString': if (!Array.isArray(c)) out.push(`${p}: expected an array`); else c.forEach((l, i) => positions(l, `${p}[${i}]`, out, 2)); break
    case 'Polygon': if (!Array.isArray(c)) out.push(`${p}: expected an array of rings`); else c.forEach((r, i) => ring(r, `${p}[${i}]`, out)); break
    case 'MultiPolygon':
      if (!Array.isArray(c)) out.push(`${p}: expected an array of polygons`)
      else c.forEach((poly, i) => { if (!Array.isArray(poly)) out.push(`${p}[${i}]: expected an array of rings`); else poly.forEach((r, j) => ring(r, `${p}[${i}][${j}]`, out)) })
      break
  }
}

function feature(f: unknown, path: string, out: string[]): void {
  if (!isObj(f)) { out.push(`${path}: a feature is an object`); return }
  common(f, path, out)
  if (f.type !== 'Feature') out.push(`${path}.type: must be "Feature"`)
  if (!('geometry' in f)) out.push(`${path}.geometry: required (an object or null)`)
  else if (f.geometry !== null) geometry(f.geometry, `${path}.geometry`, out)
  if (!('properties' in f)) out.push(`${path}.properties: required (an object or null)`)
  else if (f.properties !== null && !isObj(f.properties)) out.push(`${path}.properties: an object or null`)
  if ('id' in f && typeof f.id !== 'string' && typeof f.id !== 'number') out.push(`${path}.id: a string or a number`)
}

/** Problems that keep a value from being RFC 7946 GeoJSON; empty when it is. */
export function checkGeoJson(value: unknown): string[] {
  const out: string[] = []
  if (!isObj(value)) return ['$: GeoJSON is a JSON object']
  if (value.type === 'FeatureCollection') {
    common(value, '$', out)
    if (!Array.isArray(value.features)) out.push('$.features: required array')
    else value.features.forEach((f, i) => feature(f, `$.features[${i}]`, out))
  } else if (value.type === 'Feature') feature(value, '$', out)
  else geometry(value, '$', out)
  return out
}
