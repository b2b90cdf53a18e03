import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { DocumentInput } from '../document.js'
import { extractInParallel, extractResult, type ParallelResult } from './parallel-extract.js'
import { getDefaultContext } from './extract.js'

const inputs: DocumentInput[] = [
  { id: 'd1', text: 'Ministri i Jashtëm vizitoi Beogradin të hënën.', lang: 'sq', published: '2026-11-20' },
  { id: 'd2', text: 'The foreign minister met her Serbian counterpart in Tirana on Monday.', lang: 'en', published: '2026-11-20' },
  { id: 'd3', text: 'Kryeministri tha se qeveria do të ndihmojë fermerët.', lang: 'sq', published: '2026-11-21' },
  { id: 'd4', text: 'Police said two people were arrested after the protest.', lang: 'en', published: '2026-11-22' },
  { id: 'd5', text: '   ', lang: 'en', published: '2026-11-22' },
]

async function collect(list: DocumentInput[], jobs: number, workerUrl?: URL): Promise<Array<[number, ParallelResult]>> {
  const out: Array<[number, ParallelResult]> = []
  await extractInParallel(list, { jobs, inFlight: 2, ...(workerUrl ? { workerUrl } : {}) }, (i, r) => out.push([i, r]))
  return out
}

test('records from worker threads are those of one thread, in input order', async () => {
  const ctx = getDefaultContext()
  const got = await collect(inputs, 2)
  assert.deepEqual(got.map(([i]) => i), [0, 1, 2, 3, 4])
  for (const [i, r] of got) assert.deepEqual(r, extractResult(inputs[i]!, ctx))
})

test('no inputs: resolves at once', async () => {
  assert.deepEqual(await collect([], 3), [])
})

// a stand-in worker speaking the same protocol: it stops its thread on a document holding STOP
function fakeWorker(body: string): URL {
  const file = join(mkdtempSync(join(tmpdir(), 'kronika-worker-')), 'worker.mjs')
  writeFileSync(file, `import { parentPort } from 'node:worker_threads'\n${body}`)
  return pathToFileURL(file)
}

test('a document that stops its worker is reported as failed; the others held with it are still extracted', async () => {
  const url = fakeWorker(`parentPort.postMessage({ ready: true })
parentPort.on('message', ({ index, input }) => {
  if (input.text.includes('STOP')) process.exit(7)
  setTimeout(() => parentPort.postMessage({ index, record: { id: input.id }, errors: [] }), 5)
})`)
  const list = ['a', 'b', 'STOP here', 'c', 'd', 'e', 'STOP again', 'f'].map((text, i) => ({ id: `x${i}`, text }))
  const got = await collect(list, 2, url)
  assert.deepEqual(got.map(([i]) => i), [0, 1, 2, 3, 4, 5, 6, 7])
  for (const [i, r] of got) {
    if (list[i]!.text.startsWith('STOP')) {
      assert.equal(r.record, undefined)
      assert.match(r.failure ?? '', /stopped the worker thread extracting it \(exit code 7\)/)
    } else assert.deepEqual(r.record, { id: `x${i}` })
  }
})

test('when no worker can start, every document is reported with the reason', async () => {
  const url = fakeWorker(`throw new Error('cannot load the packs')`)
  const got = await collect(inputs.slice(0, 3), 2, url)
  assert.deepEqual(got.map(([i]) => i), [0, 1, 2])
  for (const [, r] of got) assert.match(r.failure ?? '', /no worker thread could start \(cannot load the packs\)/)
})
