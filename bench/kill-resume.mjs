#!/usr/bin/env node
/**
 * Kills `kronika ingest` with SIGKILL at random points and resumes it, then checks that the store equals the one
 * a clean run makes: the same row counts in every table and the same digest of documents, reports and events.
 *
 *   node bench/kill-resume.mjs [--count 150] [--kills 5] [--seed 7]
 *
 * Kill points are random numbers of stored documents (the store is watched while the ingest runs), so each kill
 * lands in the middle of a run, usually inside a document's transaction. Needs `npm run build` first.
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { storeDigest, writeCorpus } from './ingest-corpus.mjs'

const BIN = fileURLToPath(new URL('../bin/kronika.js', import.meta.url))

function rng(seed) {
  let a = seed >>> 0
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = Math.imul(a ^ (a >>> 15), a | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296 }
}

function documentsIn(db) {
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true })
    try { return d.prepare('SELECT COUNT(*) FROM documents').pluck().get() } finally { d.close() }
  } catch { return 0 }
}

/** Runs ingest until the store holds `target` documents, then SIGKILLs it; resolves with what happened. */
function ingestUntil(corpus, db, target) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'ingest', corpus, '--db', db, '--quiet'], { stdio: 'ignore' })
    let killed = false
    const timer = setInterval(() => {
      if (documentsIn(db) >= target) { killed = child.kill('SIGKILL'); clearInterval(timer) }
    }, 15)
    child.on('exit', (code, signal) => { clearInterval(timer); resolve({ code, signal, killed: killed && signal === 'SIGKILL', documents: documentsIn(db) }) })
  })
}

/** The whole check; returns its findings (throws nothing on a mismatch: `equal` says). */
export async function killResume({ count = 150, kills = 5, seed = 7, log = () => {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kronika-kill-'))
  try {
    const corpus = join(dir, 'corpus.jsonl')
    const lines = await writeCorpus(corpus, { count, seed, size: 1500 })
    const clean = join(dir, 'clean.db'), resumed = join(dir, 'resumed.db')
    const t0 = Date.now()
    const c = spawnSync(process.execPath, [BIN, 'ingest', corpus, '--db', clean, '--quiet'], { encoding: 'utf8' })
    if (c.status !== 0) throw new Error(`clean ingest failed: ${c.stderr}`)
    const expected = storeDigest(clean)
    log(`clean run: ${lines} lines → ${expected.counts.documents} documents, ${expected.counts.events} events in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
    const r = rng(seed)
    const targets = Array.from({ length: kills }, () => 1 + Math.floor(r() * (expected.counts.documents - 2))).sort((a, b) => a - b)
    const points = []
    for (const target of targets) {
      const res = await ingestUntil(corpus, resumed, target)
      points.push({ target, killedAt: res.documents, signal: res.signal })
      log(`kill at ≥${target} documents: ${res.signal ?? 'exit ' + res.code} with ${res.documents} stored`)
    }
    const final = spawnSync(process.execPath, [BIN, 'ingest', corpus, '--db', resumed, '--quiet'], { encoding: 'utf8' })
    if (final.status !== 0) throw new Error(`resumed ingest failed: ${final.stderr}`)
    const got = storeDigest(resumed)
    const again = spawnSync(process.execPath, [BIN, 'ingest', corpus, '--db', resumed, '--quiet'], { encoding: 'utf8' })
    const afterAgain = storeDigest(resumed)
    return {
      equal: JSON.stringify(got) === JSON.stringify(expected), expected, got, points,
      killed: points.filter((p) => p.signal === 'SIGKILL').length,
      reingestUnchanged: again.status === 0 && JSON.stringify(afterAgain) === JSON.stringify(got),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name, def) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : def }
  const res = await killResume({ count: arg('count', 150), kills: arg('kills', 5), seed: arg('seed', 7), log: (m) => console.log(m) })
  console.log(JSON.stringify({ equal: res.equal, killed: res.killed, reingestUnchanged: res.reingestUnchanged, counts: res.got.counts, digest: res.got.digest, expectedDigest: res.expected.digest }, null, 2))
  process.exitCode = res.equal && res.killed === res.points.length && res.reingestUnchanged ? 0 : 1
}
