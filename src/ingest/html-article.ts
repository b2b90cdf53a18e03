/**
 * The article inside a web page: its main text through Mozilla's Readability on a linkedom DOM (paragraphs kept
 * as blank-line-separated blocks), title, site name, declared language and publication date. A page with no
 * readable text is reported with a reason, never thrown.
 */
import { parseHTML } from 'linkedom'
import { Readability } from '@mozilla/readability'
import { publishedDate, type FoundDate } from './published-date.js'

export interface HtmlArticle {
  text?: string
  title?: string
  publisher?: string
  /** The page's `<html lang>` (a hint, see language-id.ts). */
  lang?: string
  published?: FoundDate
  error?: string
}

const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'TR', 'TABLE',
  'FIGURE', 'FIGCAPTION', 'HEADER', 'FOOTER', 'ASIDE', 'DL', 'DT', 'DD', 'HR', 'MAIN', 'NAV', 'FORM'])
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'SELECT'])

interface NodeLike { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<NodeLike> }

/** Plain text of a DOM subtree: block elements become paragraphs, whitespace inside them is collapsed. */
export function blockText(root: NodeLike): string {
  const blocks: string[] = []
  let current = ''
  const flush = () => { const t = current.replace(/[ \t\r\n\u00a0]+/g, ' ').trim(); if (t) blocks.push(t); current = '' }
  const walk = (node: NodeLike) => {
    if (node.nodeType === 3) { current += node.textContent ?? ''; return }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return
    const name = node.nodeName.toUpperCase()
    if (SKIP.has(name)) return
    if (name === 'BR') { current += '\n'; return }
    const block = BLOCK.has(name)
    if (block) flush()
    for (const child of Array.from(node.childNodes)) walk(child)
    if (block) flush()
  }
  walk(root)
  flush()
  return blocks.join('\n\n')
}

/** Reads the article of an HTML page. */
export function htmlArticle(html: string, url?: string): HtmlArticle {
  if (!/\S/.test(html)) return { error: 'no article text found in the HTML page (it is empty)' }
  try {
    return readArticle(html, url)
  } catch (err) {
    return { error: `HTML could not be read (${(err as Error).message})` }
  }
}

function readArticle(html: string, url?: string): HtmlArticle {
  let document: ReturnType<typeof parseHTML>['document']
  try {
    document = parseHTML(html).document
  } catch (err) {
    return { error: `HTML could not be parsed (${(err as Error).message})` }
  }
  const lang = document.documentElement?.getAttribute('lang')?.trim().toLowerCase().split(/[-_]/)[0] || undefined
  const published = publishedDate(document as never, url)
  const siteName = document.querySelector('meta[property="og:site_name"]')?.getAttribute('content')?.trim() || undefined
  let title: string | undefined, text = '', publisher = siteName
  try {
    const parsed = new Readability(document as never, { charThreshold: 200 }).parse()
    if (parsed?.content) {
      text = blockText(parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`).document.body as never)
      title = parsed.title?.trim() || undefined
      publisher = parsed.siteName?.trim() || publisher
    }
  } catch {
    // Readability gave up on this page: fall back to the body's text below
  }
  if (!text.trim()) {
    const fresh = parseHTML(html).document
    title ??= fresh.querySelector?.('title')?.textContent?.trim() || undefined
    text = fresh.body ? blockText(fresh.body as never) : fresh.documentElement ? blockText(fresh.documentElement as never) : ''
  }
  if (!text.trim()) return { error: 'no article text found in the HTML page' }
  return { text, ...(title ? { title } : {}), ...(publisher ? { publisher } : {}), ...(lang ? { lang } : {}), ...(published ? { published } : {}) }
}
