/**
 * The body of one worker thread of `extractInParallel` (parallel-extract.ts): loads the packs and the knowledge base
 * once (with the user's entries, when given), says it is ready, then extracts each document it is sent and sends
 * back its record and its error messages, tagged with the document's index.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { KbEntry } from '../kb/types.js'
import { getDefaultContext } from './extract.js'
import { extractResult, type WorkerReply, type WorkerTask } from './parallel-extract.js'

const port = parentPort
if (port) {
  const extraEntries = (workerData as { extraEntries?: KbEntry[] } | undefined)?.extraEntries
  const ctx = extraEntries?.length ? getDefaultContext({ extraEntries }) : getDefaultContext()
  port.postMessage({ ready: true } satisfies WorkerReply)
  port.on('message', ({ index, input }: WorkerTask) => {
    port.postMessage({ index, ...extractResult(input, ctx) } satisfies WorkerReply)
  })
}
