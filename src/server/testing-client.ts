/**
 * A test client for the app: requests go through `app.request()` (no socket) and every JSON answer is checked
 * against the app's own OpenAPI document, so each test is also a contract test of the endpoint it calls.
 */
import type { Hono } from 'hono'
import { Contract } from './contract.js'

export interface TestResponse {
  status: number
  headers: Headers
  body: unknown
  text: string
}

export interface RequestOptions {
  json?: unknown
  text?: string
  form?: Record<string, string>
  headers?: Record<string, string>
}

export class TestClient {
  private contract: Contract | undefined
  constructor(readonly app: Hono) {}

  async request(method: string, path: string, options: RequestOptions = {}): Promise<TestResponse> {
    const headers: Record<string, string> = { ...options.headers }
    let body: string | undefined
    if (options.json !== undefined) { headers['content-type'] ??= 'application/json'; body = JSON.stringify(options.json) }
    if (options.text !== undefined) { headers['content-type'] ??= 'text/plain; charset=utf-8'; body = options.text }
    if (options.form) { headers['content-type'] ??= 'application/x-www-form-urlencoded'; body = new URLSearchParams(options.form).toString() }
    const res = await this.app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) })
    const text = await res.text()
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!
    const parsed: unknown = type === 'application/json' || type === 'application/geo+json' ? JSON.parse(text) : undefined
    if (path.startsWith('/v1/') && parsed !== undefined) {
      this.contract ??= new Contract(JSON.parse(await (await this.app.request('/openapi.json')).text()))
      this.contract.check(method, path, res.status, parsed, res.status >= 400 ? 'application/json' : type)
    }
    return { status: res.status, headers: res.headers, body: parsed, text }
  }

  get(path: string, options?: RequestOptions) { return this.request('GET', path, options) }
  post(path: string, options?: RequestOptions) { return this.request('POST', path, options) }
}
