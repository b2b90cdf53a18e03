/**
 * Polite, guarded HTTP(S) fetching: robots.txt is obeyed (its Crawl-delay too), requests to one host are spaced
 * by a minimum interval, every request has a timeout and a size cap, redirects are followed up to a limit (a loop
 * is named as one), and private or loopback addresses are refused unless allowed — checked on the address actually
 * connected to, so a name that resolves to one is refused as well. Failures come back as reasons, never thrown.
 */
import http from 'node:http'
import https from 'node:https'
import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { isIP } from 'node:net'
import zlib from 'node:zlib'
import { createRequire } from 'node:module'
import { privateAddressReason } from './address-policy.js'
import { VERSION } from '../version.js'

export interface FetchOptions {
  /** Allow loopback and private addresses (tests, intranets). */
  allowPrivate: boolean
  /** Per request, milliseconds. */
  timeoutMs: number
  /** Largest body accepted, bytes (after decompression). */
  maxBytes: number
  maxRedirects: number
  /** Minimum milliseconds between two requests to the same host. */
  hostDelayMs: number
  /** Obey robots.txt. */
  robots: boolean
  userAgent: string
}

export const FETCH_DEFAULTS: FetchOptions = {
  allowPrivate: false, timeoutMs: 15_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5, hostDelayMs: 1000, robots: true,
  userAgent: `kronika/${VERSION}`,
}

export interface Fetched {
  /** The URL finally read, after redirects. */
  url: string
  status: number
  contentType: string
  body: Buffer
}

export type FetchResult = { ok: true; page: Fetched } | { ok: false; error: string }

interface Robot { isAllowed(url: string, ua?: string): boolean | undefined; getCrawlDelay(ua?: string): number | undefined }

// robots-parser is CommonJS and its typings declare no callable default: load it the CommonJS way
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, contents: string) => Robot

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export class Fetcher {
  readonly options: FetchOptions
  private nextSlot = new Map<string, number>()
  private robots = new Map<string, Promise<{ robot?: Robot; error?: string }>>()

  constructor(options: Partial<FetchOptions> = {}) {
    this.options = { ...FETCH_DEFAULTS, ...options }
  }

  /** Fetches a URL, following redirects; the result says why when it could not. */
  async fetch(url: string): Promise<FetchResult> {
    const seen = new Set<string>()
    let current: URL
    try { current = new URL(url) } catch { return { ok: false, error: `not a URL: ${url}` } }
    for (let hop = 0; ; hop++) {
      if (current.protocol !== 'http:' && current.protocol !== 'https:') return { ok: false, error: `unsupported URL scheme ${current.protocol} (only http and https)` }
      if (seen.has(current.href)) return { ok: false, error: `redirect loop: ${current.href} was already visited` }
      seen.add(current.href)
      if (this.options.robots) {
        const verdict = await this.robotsAllow(current)
        if (verdict) return { ok: false, error: verdict }
      }
      await this.waitTurn(current)
      const res = await this.request(current)
      if ('error' in res) return { ok: false, error: res.error }
      if ([301, 302, 303, 307, 308].includes(res.status)) {
        if (!res.location) return { ok: false, error: `HTTP ${res.status} redirect without a Location header` }
        if (hop + 1 > this.options.maxRedirects) return { ok: false, error: `too many redirects (more than ${this.options.maxRedirects})` }
        try { current = new URL(res.location, current) } catch { return { ok: false, error: `bad redirect Location: ${res.location}` } }
        continue
      }
      if (res.status < 200 || res.status > 299) return { ok: false, error: `HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}` }
      return { ok: true, page: { url: current.href, status: res.status, contentType: res.contentType, body: res.body } }
    }
  }

  /** Why robots.txt forbids this URL, or undefined when it does not. */
  private async robotsAllow(url: URL): Promise<string | undefined> {
    const origin = url.origin
    let entry = this.robots.get(origin)
    if (!entry) {
      entry = (async () => {
        const robotsUrl = new URL('/robots.txt', origin)
        await this.waitTurn(robotsUrl)
        const res = await this.request(robotsUrl)
        if ('error' in res) return {} // unreachable: the page request will say why
        if (res.status >= 500) return { error: `robots.txt answered HTTP ${res.status}; not fetching from ${url.host} until it answers` }
        if (res.status < 200 || res.status > 299) return {} // none (4xx, or a redirect we do not chase for robots.txt): everything allowed
        return { robot: robotsParser(robotsUrl.href, res.body.toString('utf8')) }
      })()
      this.robots.set(origin, entry)
    }
    const { robot, error } = await entry
    if (error) return error
    if (robot && robot.isAllowed(url.href, this.options.userAgent) === false) return `disallowed by ${origin}/robots.txt`
    return undefined
  }

  /** Waits until this host may be asked again (the interval, or robots.txt's Crawl-delay when longer). */
  private async waitTurn(url: URL): Promise<void> {
    const host = url.host
    let delay = this.options.hostDelayMs
    const robot = this.robots.get(url.origin)
    if (robot && !url.pathname.endsWith('/robots.txt')) {
      const crawl = (await robot).robot?.getCrawlDelay(this.options.userAgent)
      if (crawl && crawl > 0) delay = Math.max(delay, Math.min(crawl, 60) * 1000)
    }
    const now = Date.now()
    const slot = Math.max(now, this.nextSlot.get(host) ?? 0)
    this.nextSlot.set(host, slot + delay)
    if (slot > now) await sleep(slot - now)
  }

  /** One request, no redirects followed. */
  private request(url: URL): Promise<{ status: number; statusText: string; contentType: string; location?: string; body: Buffer } | { error: string }> {
    const o = this.options
    const host = url.hostname.replace(/^\[|\]$/g, '')
    if (isIP(host) && !o.allowPrivate) {
      const why = privateAddressReason(host)
      if (why) return Promise.resolve({ error: `refused: ${why} (use --allow-private to allow)` })
    }
    const lookup = (hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
      dnsLookup(hostname, { all: true }, (err, addresses: LookupAddress[]) => {
        if (err) return callback(err)
        const allowed = o.allowPrivate ? addresses : addresses.filter((a) => !privateAddressReason(a.address))
        if (allowed.length === 0) {
          const e = new Error(`refused: ${hostname} resolves to ${addresses.map((a) => a.address).join(', ')}, ${privateAddressReason(addresses[0]!.address) ?? 'not public'} (use --allow-private to allow)`) as NodeJS.ErrnoException
          e.code = 'EPRIVATE'
          return callback(e)
        }
        if (options?.all) callback(null, allowed)
        else callback(null, allowed[0]!.address, allowed[0]!.family)
      })
    }
    return new Promise((resolve) => {
      let settled = false
      const done = (v: Parameters<typeof resolve>[0]) => { if (!settled) { settled = true; clearTimeout(timer); resolve(v) } }
      const mod = url.protocol === 'https:' ? https : http
      const req = mod.request(url, {
        method: 'GET', lookup: lookup as never,
        headers: {
          'user-agent': o.userAgent, 'accept-encoding': 'gzip, deflate, br',
          accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,application/json;q=0.9,text/plain;q=0.8,*/*;q=0.5',
        },
      }, (res) => {
        const status = res.statusCode ?? 0
        const location = res.headers.location
        const contentType = String(res.headers['content-type'] ?? '')
        if (status >= 300 && status < 400) { res.resume(); return done({ status, statusText: res.statusMessage ?? '', contentType, ...(location ? { location } : {}), body: Buffer.alloc(0) }) }
        const declared = Number(res.headers['content-length'])
        if (Number.isFinite(declared) && declared > o.maxBytes) { req.destroy(); return done({ error: `response is ${declared} bytes, over the ${o.maxBytes}-byte limit` }) }
        const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase()
        let stream: NodeJS.ReadableStream = res
        if (encoding === 'gzip' || encoding === 'x-gzip') stream = res.pipe(zlib.createGunzip())
        else if (encoding === 'deflate') stream = res.pipe(zlib.createInflate())
        else if (encoding === 'br') stream = res.pipe(zlib.createBrotliDecompress())
        const chunks: Buffer[] = []
        let size = 0
        stream.on('data', (c: Buffer) => {
          size += c.length
          if (size > o.maxBytes) { req.destroy(); done({ error: `response is over the ${o.maxBytes}-byte limit` }); return }
          chunks.push(c)
        })
        stream.on('error', (err: Error) => done({ error: `could not read the response: ${err.message}` }))
        stream.on('end', () => done({ status, statusText: res.statusMessage ?? '', contentType, body: Buffer.concat(chunks) }))
      })
      const timer = setTimeout(() => { req.destroy(); done({ error: `timed out after ${o.timeoutMs} ms` }) }, o.timeoutMs)
      req.on('error', (err: NodeJS.ErrnoException) => {
        const code = err.code
        const msg = code === 'EPRIVATE' ? err.message
          : code === 'ECONNREFUSED' ? `unreachable: connection refused by ${url.host}`
          : code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? `unreachable: host ${url.hostname} not found`
          : code === 'ECONNRESET' ? `connection reset by ${url.host}`
          : `unreachable: ${err.message}`
        done({ error: msg })
      })
      req.end()
    })
  }
}
