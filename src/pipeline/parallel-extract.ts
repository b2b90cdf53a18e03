/**
 * Extraction of a batch on several threads (`kronika extract --jobs N`). Each worker thread (extract-worker.ts)
 * loads the packs and the knowledge base once, then extracts the documents it is given, a few at a time; the
 * results are handed to `onResult` in input order, and the records are those one thread makes.
 *
 * Nothing is lost when a worker stops (out of memory on an enormous document, a crash): the documents it held are
 * tried again one at a time on a fresh worker, and a document that stops that worker too is reported as failed,
 * with the reason, while the batch goes on. A worker that cannot start at all fails the documents left, each with
 * the reason.
 */
import { Worker } from 'node:worker_threads'
import type { DocumentInput } from '../document.js'
import type { KbEntry } from '../kb/types.js'
import type { DocumentRecord } from '../record/schema.js'
import type { PipelineContext } from './context.js'
import { extractDocument } from './extract.js'

/** What the main thread sends a worker. */
export interface WorkerTask {
  index: number
  input: DocumentInput
}

/** What a worker sends back: once `ready`, then one reply per task. */
export type WorkerReply = { ready: true } | ({ index: number } & ParallelResult)

/** The outcome for one document: its record and error messages, or why it could not be extracted. */
export interface ParallelResult {
  record?: DocumentRecord
  /** The document's error messages, as "reason [rule]". */
  errors: string[]
  /** Set when no record could be made. */
  failure?: string
}

export interface ParallelOptions {
  /** Worker threads (at least 1). */
  jobs: number
  /** Entries added to the knowledge base in every worker (`--kb`). */
  extraEntries?: KbEntry[]
  /** Documents a worker holds at once (default 4): enough to keep it busy while its results travel back. */
  inFlight?: number
  /** The worker's module; tests substitute their own. */
  workerUrl?: URL
}

interface Slot {
  worker: Worker
  pending: Set<number>
  ready: boolean
  /** Holds one document that stopped another worker, and nothing else. */
  alone: boolean
  reason?: string
}

export function extractInParallel(inputs: DocumentInput[], options: ParallelOptions, onResult: (index: number, result: ParallelResult) => void): Promise<void> {
  const jobs = Math.max(1, Math.floor(options.jobs)), inFlight = Math.max(1, options.inFlight ?? 4)
  const url = options.workerUrl ?? new URL('./extract-worker.js', import.meta.url)
  return new Promise((resolve) => {
    let queued = 0 // inputs[queued…] have not been sent yet
    const retry: number[] = [] // documents held by a worker that stopped, to be tried again alone
    const done = new Map<number, ParallelResult>()
    const slots = new Set<Slot>()
    let emitted = 0, finished = false

    const finish = () => {
      finished = true
      for (const s of slots) void s.worker.terminate()
      resolve()
    }
    const settle = (index: number, result: ParallelResult) => {
      done.set(index, result)
      while (done.has(emitted)) { onResult(emitted, done.get(emitted)!); done.delete(emitted); emitted++ }
      if (emitted === inputs.length) finish()
    }
    const send = (s: Slot, index: number) => { s.pending.add(index); s.worker.postMessage({ index, input: inputs[index]! } satisfies WorkerTask) }
    const feed = (s: Slot) => {
      if (!s.ready || finished) return
      if (s.alone) { if (s.pending.size) return; s.alone = false }
      if (retry.length) { if (!s.pending.size) { s.alone = true; send(s, retry.shift()!) } return }
      while (s.pending.size < inFlight && queued < inputs.length) send(s, queued++)
    }
    const work = () => queued < inputs.length || retry.length > 0
    const start = () => {
      const s: Slot = { worker: new Worker(url, { workerData: { extraEntries: options.extraEntries ?? [] } }), pending: new Set(), ready: false, alone: false }
      slots.add(s)
      s.worker.on('message', (reply: WorkerReply) => {
        if (finished) return
        if ('ready' in reply) { s.ready = true; feed(s); return }
        const { index, ...result } = reply
        s.pending.delete(index)
        settle(index, result)
        feed(s)
      })
      s.worker.on('error', (err) => { s.reason = err.message })
      s.worker.on('exit', (code) => {
        slots.delete(s)
        if (finished) return
        const reason = s.reason ?? `exit code ${code}`
        if (!s.ready) {
          // the worker never started: every document left fails the same way
          const left = [...s.pending, ...retry.splice(0)]
          while (queued < inputs.length) left.push(queued++)
          for (const i of left) settle(i, { errors: [], failure: `no worker thread could start (${reason})` })
          return
        }
        for (const i of s.pending) {
          if (s.alone) settle(i, { errors: [], failure: `it stopped the worker thread extracting it (${reason})` })
          else retry.push(i)
        }
        retry.sort((a, b) => a - b)
        if (!finished && work()) start()
        for (const other of slots) feed(other)
      })
    }
    if (!inputs.length) { resolve(); return }
    for (let i = 0; i < Math.min(jobs, inputs.length); i++) start()
  })
}

/** One document's record and error messages; an extraction that throws (a bug) is reported instead of ending the batch. */
export function extractResult(input: DocumentInput, ctx: PipelineContext): ParallelResult {
  try {
    const doc = extractDocument(input, ctx)
    return { record: doc.toRecord(), errors: doc.messages.filter((m) => m.severity === 'error').map((m) => `${m.reason} [${m.rule}]`) }
  } catch (err) {
    return { errors: [], failure: `extraction failed: ${(err as Error).message}` }
  }
}
