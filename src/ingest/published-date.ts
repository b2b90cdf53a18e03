/**
 * Finds when a web page was published: JSON-LD (`datePublished`), then meta tags (article:published_time and its
 * common variants), then a `<time datetime>` element, then a date in the URL (/2023/09/11/, 2023-09-11). Returns
 * the ISO date (day precision, or month when the URL gives only /2023/09/) and where it was found.
 */
export interface FoundDate {
  value: string
  from: 'json-ld' | 'meta' | 'time' | 'url'
}

/** The parts of a DOM this needs (linkedom's document). */
interface DocLike {
  querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null; textContent: string | null }>
}

const META_NAMES = [
  'article:published_time', 'og:published_time', 'article:published', 'datepublished', 'pubdate', 'publishdate', 'publish-date',
  'publication_date', 'date', 'dc.date.issued', 'dc.date', 'dcterms.created', 'dcterms.date', 'sailthru.date', 'parsely-pub-date', 'cxenseparse:recs:publishtime',
]

/** An ISO date (YYYY-MM-DD) from a date-time string written by machines, or undefined. */
export function isoDate(value: string | undefined | null): string | undefined {
  if (!value) return undefined
  const v = value.trim()
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v)
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!)
  const t = Date.parse(v)
  if (!Number.isNaN(t) && /\d{4}/.test(v)) return new Date(t).toISOString().slice(0, 10)
  return undefined
}

function valid(y: number, mo: number, d: number): string | undefined {
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCDate() !== d) return undefined
  return date.toISOString().slice(0, 10)
}

function jsonLdDates(node: unknown, out: string[]): void {
  if (Array.isArray(node)) { for (const n of node) jsonLdDates(n, out); return }
  if (!node || typeof node !== 'object') return
  const o = node as Record<string, unknown>
  if (typeof o.datePublished === 'string') out.push(o.datePublished)
  if (o['@graph']) jsonLdDates(o['@graph'], out)
  if (o.mainEntity) jsonLdDates(o.mainEntity, out)
}

/** A date written in a URL path: /2023/09/11/, /2023-09-11-, /20230911/. */
export function dateFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined
  let path: string
  try { path = new URL(url).pathname } catch { return undefined }
  let m = /(?:^|\/)((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/_.-]|$)/.exec(path)
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!)
  m = /(?:^|\/)((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.-]|$)/.exec(path)
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!)
  m = /(?:^|\/)((?:19|20)\d{2})\/(\d{2})\//.exec(path)
  if (m && +m[2]! >= 1 && +m[2]! <= 12) return `${m[1]}-${m[2]}`
  return undefined
}

/** The publication date of a page, or undefined. */
export function publishedDate(document: DocLike, url?: string): FoundDate | undefined {
  const ld: string[] = []
  for (const s of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try { jsonLdDates(JSON.parse(s.textContent ?? ''), ld) } catch { /* a broken JSON-LD block says nothing */ }
  }
  for (const v of ld) { const d = isoDate(v); if (d) return { value: d, from: 'json-ld' } }
  const metas = Array.from(document.querySelectorAll('meta'))
  for (const name of META_NAMES) {
    for (const m of metas) {
      const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').toLowerCase()
      if (key !== name) continue
      const d = isoDate(m.getAttribute('content'))
      if (d) return { value: d, from: 'meta' }
    }
  }
  for (const t of Array.from(document.querySelectorAll('time[datetime]'))) {
    const d = isoDate(t.getAttribute('datetime'))
    if (d) return { value: d, from: 'time' }
  }
  const fromUrl = dateFromUrl(url)
  return fromUrl ? { value: fromUrl, from: 'url' } : undefined
}
