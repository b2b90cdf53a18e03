/** The server on a real socket: loopback by default, writes never open beyond loopback, the serve command's start and stop. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { request } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isLoopback, startServer, writeAccess } from './serve.js'
import { memoryLogger } from './log.js'

test('write access: a token wins; without one, open on loopback only', () => {
  assert.deepEqual(writeAccess('0.0.0.0', 'x'.repeat(20)), { token: 'x'.repeat(20) })
  assert.equal(writeAccess('127.0.0.1', undefined), 'open')
  assert.equal(writeAccess('::1', undefined), 'open')
  assert.equal(writeAccess('0.0.0.0', undefined), 'closed')
  assert.equal(writeAccess('192.168.1.10', undefined), 'closed')
  assert.ok(isLoopback('127.0.0.5') && isLoopback('localhost') && isLoopback('[::1]') && !isLoopback('::'))
})

test('a loopback server answers on 127.0.0.1 and refuses other host names', async () => {
  const server = await startServer({ port: 0, log: memoryLogger() })
  try {
    assert.equal(server.host, '127.0.0.1')
    const health = await fetch(`${server.url}/v1/health`)
    assert.equal(health.status, 200)
    assert.equal((await health.json() as { writes: string }).writes, 'open')
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/v1/health', headers: { host: `attacker.example:${server.port}` } }, (res) => { res.resume(); resolve(res.statusCode!) })
      req.on('error', reject)
      req.end()
    })
    assert.equal(status, 403)
  } finally {
    await server.close()
  }
  await assert.rejects(startServer({ port: 0, token: 'short', log: memoryLogger() }), /at least 16 characters/)
})

test('kronika serve logs JSON lines, listens, and stops on SIGTERM', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-serve-'))
  const bin = fileURLToPath(new URL('../../bin/kronika.js', import.meta.url))
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--db', join(dir, 's.db')], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, KRONIKA_TOKEN: '' } })
  try {
    const listening = await new Promise<{ url: string; writes: string; store: string }>((resolve, reject) => {
      let err = ''
      child.stderr.on('data', (chunk: Buffer) => {
        err += chunk.toString()
        for (const line of err.split('\n')) {
          try { const o = JSON.parse(line) as { msg?: string }; if (o.msg === 'listening') resolve(o as never) } catch { /* a partial line */ }
        }
      })
      child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)))
    })
    assert.match(listening.url, /^http:\/\/127\.0\.0\.1:\d+$/)
    assert.equal(listening.writes, 'open')
    assert.equal((await fetch(`${listening.url}/v1/health`)).status, 200)
    const code = await new Promise<number | null>((resolve) => { child.on('exit', resolve); child.kill('SIGTERM') })
    assert.equal(code, 0)
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  }
})

test('kronika serve: wrong usage exits 2 with a reason', async () => {
  const bin = fileURLToPath(new URL('../../bin/kronika.js', import.meta.url))
  for (const [args, message] of [[['serve', '--port', 'http'], /--port takes a whole number/], [['serve', '--token', 'abc'], /at least 16 characters/]] as const) {
    const out = await new Promise<{ code: number | null; err: string }>((resolve) => {
      const c = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
      let err = ''
      c.stderr.on('data', (d: Buffer) => { err += d.toString() })
      c.on('exit', (code) => resolve({ code, err }))
    })
    assert.equal(out.code, 2)
    assert.match(out.err, message)
  }
})
