/** A local HTTP server for the fetching and ingestion tests: 127.0.0.1 only, started and stopped by each test. */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void

export interface TestServer {
  base: string
  hits: string[]
  close(): Promise<void>
}

/** Serves the routes (exact paths); anything else is a 404. Requests are recorded in `hits` with their time. */
export async function startServer(routes: Record<string, Route>): Promise<TestServer> {
  const hits: string[] = []
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '')
    const route = routes[(req.url ?? '').split('?')[0]!]
    if (route) route(req, res)
    else { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found') }
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    base: `http://127.0.0.1:${port}`, hits,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()) }),
  }
}

export const send = (body: string | Buffer, type = 'text/html; charset=utf-8', status = 200): Route => (_req, res) => {
  res.writeHead(status, { 'content-type': type })
  res.end(body)
}

export const redirect = (to: string, status = 302): Route => (_req, res) => {
  res.writeHead(status, { location: to })
  res.end()
}
