/**
 * `kronika serve`: the HTTP API, the web UI and the API documentation on one local server. Loopback by default;
 * writes need the token (--token or KRONIKA_TOKEN) and are never open on a server bound beyond loopback.
 * Logs are JSON lines on stderr.
 */
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { openStore, storePath, StoreError, type Store } from '../store/database.js'
import { readUserKb } from '../kb/load-kb.js'
import { getDefaultContext } from '../pipeline/extract.js'
import type { KbEntry } from '../kb/types.js'
import { DEFAULT_LIMITS } from '../server/app.js'
import { createLogger, type LogLevel } from '../server/log.js'
import { isLoopback, startServer, writeAccess } from '../server/serve.js'
import { uiBuilt } from '../server/static.js'
import { UsageError } from './main.js'

function whole(name: string, value: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER, min = 1): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} takes a whole number from ${min} to ${max}, not "${value}"`)
  return n
}

export async function serveCommand(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: {
      db: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' }, port: { type: 'string' }, token: { type: 'string' },
      'max-body': { type: 'string' }, 'max-results': { type: 'string' }, kb: { type: 'string', multiple: true, default: [] },
      'log-level': { type: 'string', default: 'info' },
    },
  })
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}" (serve takes options only)`)
  const port = whole('port', values.port, 8787, 65535, 0)
  const token = values.token ?? (env.KRONIKA_TOKEN || undefined)
  if (token !== undefined && token.length < 16) throw new UsageError('the token must have at least 16 characters (e.g. from `openssl rand -hex 24`)')
  const level = values['log-level'] as LogLevel
  if (!['debug', 'info', 'warn', 'error'].includes(level)) throw new UsageError('--log-level takes debug, info, warn or error')
  const host = values.host!
  const log = createLogger({ level })
  const limits = {
    maxBodyBytes: whole('max-body', values['max-body'], DEFAULT_LIMITS.maxBodyBytes),
    maxResults: whole('max-results', values['max-results'], DEFAULT_LIMITS.maxResults, 100_000),
  }

  const extraEntries: KbEntry[] = []
  for (const file of values.kb ?? []) {
    const { entries, errors } = readUserKb(file, getDefaultContext().gazetteer.entries.map((e) => e.id))
    if (errors.length) { for (const e of errors) process.stderr.write(`kronika: --kb ${e}\n`); return 1 }
    extraEntries.push(...entries)
  }

  // the store: written by POST /v1/documents when writes are allowed, else only read (and then it must exist)
  const path = storePath(values.db, env)
  const writable = writeAccess(host, token) !== 'closed'
  let store: Store | undefined
  try {
    if (writable || existsSync(path)) store = openStore(path, { readonly: !writable })
    else log.warn('no store: the corpus endpoints answer 503', { path })
  } catch (err) {
    if (err instanceof StoreError) { process.stderr.write(`kronika: ${err.message}\n`); return 1 }
    throw err
  }

  const server = await startServer({ host, port, ...(token ? { token } : {}), log, limits, ...(store ? { store } : {}), ...(extraEntries.length ? { extraEntries } : {}) })
    .catch((err: NodeJS.ErrnoException) => {
      store?.close()
      if (err.code === 'EADDRINUSE') throw new UsageError(`port ${port} on ${host} is in use: choose another with --port N`)
      if (err.code === 'EADDRNOTAVAIL') throw new UsageError(`cannot bind ${host}: not an address of this machine`)
      throw err
    })
  log.info('listening', {
    url: server.url, ui: uiBuilt() ? `${server.url}/` : 'not built (npm run build)', docs: `${server.url}/docs/`, openapi: `${server.url}/openapi.json`,
    store: store?.path ?? null, writes: typeof server.writes === 'object' ? 'token' : server.writes, loopback: isLoopback(host),
  })
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => { log.info('stopping', { signal }); resolve() }
    process.once('SIGINT', () => stop('SIGINT'))
    process.once('SIGTERM', () => stop('SIGTERM'))
  })
  await server.close()
  store?.close()
  return 0
}
