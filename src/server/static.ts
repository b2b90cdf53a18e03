/**
 * Serves the built web UI (dist-ui/, made by `npm run build`) and the API documentation page from files on disk:
 * no CDN, so both work offline. Paths are resolved inside the folder only; hashed assets are cached for good.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Context } from 'hono'

/** Where `npm run build` puts the web UI. */
export const UI_DIR = fileURLToPath(new URL('../../dist-ui/', import.meta.url))

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.map': 'application/json', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8',
}

/** The file a URL path names inside `root`, or undefined (never outside root). */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string
  try { decoded = decodeURIComponent(urlPath) } catch { return undefined }
  if (decoded.includes('\0')) return undefined
  const path = normalize(join(root, decoded))
  const base = normalize(root.endsWith(sep) ? root : root + sep)
  if (!path.startsWith(base)) return undefined
  try { return statSync(path).isFile() ? path : undefined } catch { return undefined }
}

/** A response with a file's bytes, or undefined when there is no such file. */
export function serveFile(c: Context, root: string, urlPath: string): Response | undefined {
  const file = resolveInside(root, urlPath)
  if (!file) return undefined
  const type = TYPES[extname(file)] ?? 'application/octet-stream'
  const immutable = /[/\\]assets[/\\]/.test(file.slice(root.length - 1))
  c.header('Content-Type', type)
  c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
  c.header('X-Content-Type-Options', 'nosniff')
  return c.body(readFileSync(file))
}

/** Whether the UI has been built. */
export function uiBuilt(root: string = UI_DIR): boolean {
  return existsSync(join(root, 'index.html'))
}
