/**
 * The HTTP API as a Hono app: every route is declared once (src/server/route.ts) and registered here, behind the
 * same middleware (request log, security headers, host check, body limit, write token) and the one error handler.
 * Tests call `app.request()` without a socket; `kronika serve` puts the app on @hono/node-server.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import type { PipelineContext } from '../pipeline/context.js'
import { getDefaultContext } from '../pipeline/extract.js'
import { loadActors } from '../kb/actors.js'
import { loadCountries } from '../kb/countries.js'
import type { KbEntry } from '../kb/types.js'
import { VERSION } from '../version.js'
import { component } from './components.js'
import { errorHandler, errorResponse, HttpError } from './errors.js'
import { createLogger, type Logger } from './log.js'
import { openApiDocument } from './openapi.js'
import { route, type Route } from './route.js'
import { Reconciler } from './reconcile.js'
import { extractRoute } from './routes/extract.js'
import { documentRoutes } from './routes/documents.js'
import { corpusRoutes } from './routes/corpus.js'
import type { Store } from '../store/database.js'
import { reconcileRoutes } from './routes/reconcile.js'
import { serveFile, UI_DIR, uiBuilt } from './static.js'
import { join } from 'node:path'

/** How writes are allowed: with this token, freely (a loopback server without one), or not at all. */
export type WriteAccess = { token: string } | 'open' | 'closed'

export interface Limits {
  /** Largest request body in bytes (default 2 MiB). */
  maxBodyBytes: number
  /** Most items one page may return (default 1000). */
  maxResults: number
}

export const DEFAULT_LIMITS: Limits = { maxBodyBytes: 2 * 1024 * 1024, maxResults: 1000 }

export interface AppOptions {
  /** The store the corpus endpoints read and `POST /v1/documents` writes; without one they answer 503. */
  store?: Store
  /** The pipeline context (default: the shipped packs and knowledge base, loaded on first use). */
  pipeline?: PipelineContext
  /** Users' own knowledge-base entries, offered by the reconciliation service too. */
  extraEntries?: KbEntry[]
  /** Write access (default 'closed'). */
  writes?: WriteAccess
  limits?: Partial<Limits>
  log?: Logger
  /** Host header values accepted (a loopback server accepts only loopback names, against DNS rebinding); all when absent. */
  allowedHosts?: string[]
  /** The built web UI's folder, or false for none (default: dist-ui/ of the package). */
  uiDir?: string | false
}

export interface KronikaApp {
  app: Hono
  routes: Route[]
  limits: Limits
}

const Health = component('Health', z.object({
  status: z.literal('ok'),
  version: z.string(),
  languages: z.array(z.string()),
  writes: z.enum(['token', 'open', 'closed']),
  store: z.object({ path: z.string(), documents: z.number().int(), events: z.number().int() }).optional(),
}))

function sameSecret(a: string, b: string): boolean {
  const h = (s: string) => createHash('sha256').update(s).digest()
  return timingSafeEqual(h(a), h(b))
}

/** Checks the write token of a request (and, when writes are open without one, that it is no cross-site form post). */
function requireWrite(writes: WriteAccess): MiddlewareHandler {
  return async (c, next) => {
    if (writes === 'closed') throw new HttpError(403, 'forbidden', 'writes are disabled on this server: start kronika serve with --token TOKEN (or KRONIKA_TOKEN) to allow them')
    if (writes === 'open') {
      // a loopback server without a token: a web page elsewhere must not post to it through the user's browser
      const origin = c.req.header('origin')
      if (origin && origin !== new URL(c.req.url).origin) throw new HttpError(403, 'forbidden', `cross-origin writes are refused (Origin: ${origin})`)
    } else {
      const auth = c.req.header('authorization') ?? ''
      const m = /^Bearer\s+(\S+)\s*$/i.exec(auth)
      if (!m) throw new HttpError(401, 'unauthorized', 'this endpoint needs the server token: send Authorization: Bearer TOKEN')
      if (!sameSecret(m[1]!, writes.token)) throw new HttpError(401, 'unauthorized', 'the token is wrong')
    }
    await next()
  }
}

function hostName(host: string): string {
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '')
}

/** Builds the app. Nothing is loaded until a request needs it (the pipeline, the reconciliation index). */
export function createApp(options: AppOptions = {}): KronikaApp {
  const log = options.log ?? createLogger()
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits }
  const writes = options.writes ?? 'closed'
  const uiDir = options.uiDir === undefined ? UI_DIR : options.uiDir
  let pipeline = options.pipeline
  const ctx = () => (pipeline ??= options.extraEntries?.length ? getDefaultContext({ extraEntries: options.extraEntries }) : getDefaultContext())
  let reconciler: Reconciler | undefined
  const kb = () => (reconciler ??= new Reconciler([...loadCountries(), ...loadActors(), ...(options.extraEntries ?? [])]))

  const store = (): Store => {
    if (!options.store) throw new HttpError(503, 'unavailable', 'this server has no store: start it with kronika serve --db PATH')
    return options.store
  }
  const storeStats = () => {
    if (!options.store) return undefined
    const db = options.store.db
    return { path: options.store.path, documents: db.prepare('SELECT COUNT(*) FROM documents').pluck().get() as number, events: db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number }
  }

  const routes: Route[] = [
    route({
      method: 'get', path: '/v1/health', operationId: 'health', tag: 'service', summary: 'Whether the server is up, and what it serves',
      responses: { 200: { description: 'ok', content: { 'application/json': Health } } },
    }, (c) => {
      const stats = storeStats()
      return c.json({ status: 'ok' as const, version: VERSION, languages: ctx().languages, writes: writes === 'open' || writes === 'closed' ? writes : 'token' as const, ...(stats ? { store: stats } : {}) })
    }),
    extractRoute(ctx),
    ...documentRoutes(store, ctx),
    ...corpusRoutes(store, () => limits.maxResults),
    ...reconcileRoutes(kb),
  ]

  const app = new Hono()
  app.onError(errorHandler(log))

  // request log: one JSON line per request
  app.use('*', async (c, next) => {
    const t0 = performance.now()
    const id = c.req.header('x-request-id')?.slice(0, 64) || randomUUID()
    c.header('X-Request-Id', id)
    await next()
    const status = c.res.status
    const fields = { id, method: c.req.method, path: c.req.path, status, ms: Math.round((performance.now() - t0) * 10) / 10 }
    if (status >= 500) log.error('request', fields); else if (status >= 400) log.warn('request', fields); else log.info('request', fields)
  })

  app.use('*', async (c, next) => {
    if (options.allowedHosts) {
      const host = hostName(c.req.header('host') ?? new URL(c.req.url).host)
      if (!options.allowedHosts.includes(host)) throw new HttpError(403, 'forbidden', `host "${host}" is not served here; use ${options.allowedHosts[0]}`)
    }
    await next()
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Referrer-Policy', 'no-referrer')
    if (!c.res.headers.has('X-Frame-Options')) c.header('X-Frame-Options', 'DENY')
  })

  // the reconciliation service is read-only and meant to be called from other origins (OpenRefine in a browser)
  app.use('/v1/reconcile/*', cors({ origin: '*', allowMethods: ['GET', 'POST'] }))
  app.use('/v1/reconcile', cors({ origin: '*', allowMethods: ['GET', 'POST'] }))

  const limit = bodyLimit({
    maxSize: limits.maxBodyBytes,
    onError: () => { throw new HttpError(413, 'payload_too_large', `the body is over the ${limits.maxBodyBytes} byte limit of this server (kronika serve --max-body BYTES)`) },
  })

  for (const r of routes) {
    const chain: MiddlewareHandler[] = []
    if (r.spec.method === 'post') chain.push(limit)
    if (r.spec.auth) chain.push(requireWrite(writes))
    app.on([r.spec.method.toUpperCase()], [r.spec.path], ...chain, (c: Context) => r.handle(c))
  }

  let openapi: object | undefined
  app.get('/openapi.json', (c) => c.json(openapi ??= openApiDocument(routes)))
  app.get('/docs', (c) => c.redirect('/docs/'))
  app.get('/docs/*', (c) => {
    if (!uiDir) throw new HttpError(404, 'not_found', 'this server has no web UI')
    const path = c.req.path.slice('/docs'.length)
    return serveFile(c, join(uiDir, 'swagger'), path === '/' ? '/index.html' : path) ?? notFound(c)
  })

  const notFound = (c: Context): Response => {
    const allowed = routes.filter((r) => matches(r.spec.path, c.req.path)).map((r) => r.spec.method.toUpperCase())
    if (allowed.length) {
      c.header('Allow', [...new Set(allowed)].join(', '))
      return errorResponse(c, new HttpError(405, 'method_not_allowed', `${c.req.method} is not allowed on ${c.req.path}; use ${[...new Set(allowed)].join(' or ')}`))
    }
    return errorResponse(c, new HttpError(404, 'not_found', `no such endpoint: ${c.req.method} ${c.req.path} (see /openapi.json)`))
  }

  // the web UI: its files, and index.html for the page itself
  app.get('*', (c) => {
    if (!uiDir || c.req.path.startsWith('/v1/')) return notFound(c)
    const path = c.req.path === '/' ? '/index.html' : c.req.path
    // the page loads only its own files and talks only to this server
    if (path === '/index.html') c.header('Content-Security-Policy', UI_CSP)
    const hit = serveFile(c, uiDir, path)
    if (hit) return hit
    if (path === '/index.html') return c.text(uiBuilt(uiDir) ? 'not found' : 'the web UI is not built: run npm run build', 404)
    return notFound(c)
  })
  app.notFound(notFound)

  return { app, routes, limits }
}

const UI_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

/** Whether a Hono path pattern (`/v1/documents/:id`) matches a request path. */
function matches(pattern: string, path: string): boolean {
  const re = new RegExp('^' + pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z_]+/g, '[^/]+') + '/?$')
  return re.test(path)
}
