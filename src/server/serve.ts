/**
 * Puts the app on a socket (@hono/node-server). Loopback by default; a server bound elsewhere never takes writes
 * without a token, and a loopback server answers only to loopback host names (no DNS rebinding).
 */
import { serve as listen, type ServerType } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { createApp, type AppOptions, type KronikaApp, type WriteAccess } from './app.js'
import { createLogger, type Logger } from './log.js'

export interface ServeOptions extends Omit<AppOptions, 'writes' | 'allowedHosts'> {
  host?: string
  /** 0 picks a free port. */
  port?: number
  /** The write token; without it writes are open on loopback only. */
  token?: string
}

export interface RunningServer {
  url: string
  host: string
  port: number
  writes: WriteAccess
  kronika: KronikaApp
  server: ServerType
  close(): Promise<void>
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]', '::1']

/** Whether a bind address only takes connections from this machine. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '')
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)
}

/** Write access for a bind address and an optional token: never open beyond loopback. */
export function writeAccess(host: string, token: string | undefined): WriteAccess {
  if (token) return { token }
  return isLoopback(host) ? 'open' : 'closed'
}

/** Starts the server and resolves once it listens. */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1'
  const log: Logger = options.log ?? createLogger()
  if (options.token !== undefined && options.token.length < 16) throw new Error('the token must have at least 16 characters (e.g. openssl rand -hex 24)')
  const writes = writeAccess(host, options.token)
  const loopback = isLoopback(host)
  const kronika = createApp({
    ...options, log, writes,
    // on loopback, only loopback names: a page on another site cannot reach the server by rebinding its DNS name
    ...(loopback ? { allowedHosts: [...new Set([host.includes(':') && !host.startsWith('[') ? `[${host}]` : host, ...LOOPBACK_NAMES])] } : {}),
  })
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = listen({ fetch: kronika.app.fetch, hostname: host, port: options.port ?? 8787 }, () => resolve(s))
    s.once('error', reject)
  })
  // bounded waits for slow or stalled clients
  if ('requestTimeout' in server) { server.requestTimeout = 60_000; server.headersTimeout = 20_000 }
  const address = server.address() as AddressInfo
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address
  const url = `http://${shown}:${address.port}`
  if (!loopback && writes === 'closed') log.warn('writes are disabled: this server is bound beyond loopback and has no token (--token or KRONIKA_TOKEN)', { host })
  return {
    url, host, port: address.port, writes, kronika, server,
    close: () => new Promise<void>((resolve) => {
      if ('closeAllConnections' in server) server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}
