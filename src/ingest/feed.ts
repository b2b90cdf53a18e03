/**
 * Reads an RSS 2.0, RSS 1.0 (RDF) or Atom feed into its items: link, title, publication date and any full content
 * it carries. Invalid XML and XML that is no feed come back as a reason.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { isoDate } from './published-date.js'

export interface FeedItem {
  link?: string
  title?: string
  /** ISO date (YYYY-MM-DD). */
  published?: string
  /** Full text or HTML the feed carries for the item (content:encoded, Atom content), if any. */
  content?: string
  summary?: string
}

export interface Feed {
  kind?: 'rss' | 'atom' | 'rdf'
  title?: string
  items: FeedItem[]
  error?: string
}

type Node = Record<string, unknown>

function list(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined
  if (typeof v === 'number') return String(v)
  if (v && typeof v === 'object') {
    const o = v as Node
    if (typeof o['#text'] === 'string' || typeof o['#text'] === 'number') return String(o['#text']).trim() || undefined
  }
  return undefined
}

function absolute(link: string | undefined, base: string | undefined): string | undefined {
  if (!link) return undefined
  try { return new URL(link, base).href } catch { return link }
}

function atomLink(v: unknown): string | undefined {
  const links = list(v).map((l) => (typeof l === 'string' ? { '@_href': l } : (l as Node)))
  const alt = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? links[0]
  return alt ? text(alt['@_href']) : undefined
}

/** Parses a feed; `base` resolves relative item links. */
export function parseFeed(xml: string, base?: string): Feed {
  const valid = XMLValidator.validate(xml)
  if (valid !== true) return { items: [], error: `invalid feed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})` }
  let doc: Node
  try {
    doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', processEntities: true, htmlEntities: true, cdataPropName: false as never }).parse(xml) as Node
  } catch (err) {
    return { items: [], error: `invalid feed XML: ${(err as Error).message}` }
  }
  const rss = doc.rss as Node | undefined
  if (rss) {
    const channel = (list(rss.channel)[0] ?? {}) as Node
    const items = list(channel.item).map((raw): FeedItem => {
      const i = raw as Node
      const link = absolute(text(i.link) ?? (text(i.guid) && /^https?:/.test(text(i.guid)!) ? text(i.guid) : undefined), base)
      const published = isoDate(text(i.pubDate) ?? text(i['dc:date']))
      const content = text(i['content:encoded']), summary = text(i.description)
      return { ...(link ? { link } : {}), ...(text(i.title) ? { title: text(i.title)! } : {}), ...(published ? { published } : {}), ...(content ? { content } : {}), ...(summary ? { summary } : {}) }
    })
    return { kind: 'rss', ...(text(channel.title) ? { title: text(channel.title)! } : {}), items }
  }
  const feed = doc.feed as Node | undefined
  if (feed) {
    const items = list(feed.entry).map((raw): FeedItem => {
      const e = raw as Node
      const link = absolute(atomLink(e.link), base)
      const published = isoDate(text(e.published) ?? text(e.updated))
      const content = text(e.content), summary = text(e.summary)
      return { ...(link ? { link } : {}), ...(text(e.title) ? { title: text(e.title)! } : {}), ...(published ? { published } : {}), ...(content ? { content } : {}), ...(summary ? { summary } : {}) }
    })
    return { kind: 'atom', ...(text(feed.title) ? { title: text(feed.title)! } : {}), items }
  }
  const rdf = doc['rdf:RDF'] as Node | undefined
  if (rdf) {
    const items = list(rdf.item).map((raw): FeedItem => {
      const i = raw as Node
      const link = absolute(text(i.link), base)
      const published = isoDate(text(i['dc:date']))
      const summary = text(i.description)
      return { ...(link ? { link } : {}), ...(text(i.title) ? { title: text(i.title)! } : {}), ...(published ? { published } : {}), ...(summary ? { summary } : {}) }
    })
    return { kind: 'rdf', items }
  }
  return { items: [], error: 'XML that is not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root)' }
}
