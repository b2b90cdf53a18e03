/** `kronika extract`: one record per input document on stdout, in input order; unreadable inputs on stderr. */
import { readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { parseArgs } from 'node:util'
import { setFlagsFromString } from 'node:v8'
import { readInputs, DEFAULT_MAX_BYTES, type InputItem } from '../input/read-inputs.js'
import { getDefaultContext } from '../pipeline/extract.js'
import { extractInParallel, extractResult, type ParallelResult } from '../pipeline/parallel-extract.js'
import type { KbEntry } from '../kb/types.js'
import { readUserKb } from '../kb/load-kb.js'
import { explainRecord } from './explain.js'
import { UsageError } from './main.js'

/**
 * Between two documents a batch keeps little alive (the knowledge base, the pack and caches: about 60 MB), but by
 * default V8 lets the heap grow to up to four times what survived its last full collection before the next one;
 * growing it by half instead lowered the peak resident memory of the bench's batch (500 mixed articles and a 1 MB
 * article, bench/run.mjs --only rss) from 337–341 MB to 295 MB; the CPU time changed by less than the noise of a
 * loaded machine (14.8–16.4 s against 15.4 s). The flag is only read when V8 sizes the heap after a
 * collection, so setting it at run time is safe.
 */
const HEAP_GROWING_PERCENT = 50

export async function extractCommand(argv: string[]): Promise<number> {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`)
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: {
      lang: { type: 'string' }, published: { type: 'string' }, format: { type: 'string', default: 'jsonl' },
      explain: { type: 'boolean', default: false }, kb: { type: 'string', multiple: true, default: [] },
      'max-bytes': { type: 'string' }, jobs: { type: 'string', default: '1' },
    },
  })
  if (values.format !== 'json' && values.format !== 'jsonl') throw new UsageError(`--format must be json or jsonl, not "${values.format}"`)
  const maxBytes = values['max-bytes'] ? Number(values['max-bytes']) : DEFAULT_MAX_BYTES
  if (!Number.isFinite(maxBytes) || maxBytes <= 0) throw new UsageError('--max-bytes takes a positive number of bytes')
  const jobs = values.jobs === 'auto' ? availableParallelism() : Number(values.jobs)
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError('--jobs takes a whole number of threads (at least 1) or auto')
  const sources = positionals.length ? positionals : ['-']
  if (sources.includes('-') && process.stdin.isTTY) throw new UsageError('no input: give files, or pipe text to standard input')

  let failed = 0
  const kbEntries: KbEntry[] = []
  for (const file of values.kb ?? []) {
    const { entries, errors } = readUserKb(file, getDefaultContext().gazetteer.entries.map((e) => e.id))
    for (const e of errors) process.stderr.write(`kronika: --kb ${e}\n`)
    if (errors.length) failed++
    kbEntries.push(...entries)
  }
  const ctx = kbEntries.length ? getDefaultContext({ extraEntries: kbEntries }) : getDefaultContext()
  const items: InputItem[] = []
  for (const src of sources) {
    let bytes: Uint8Array
    try {
      bytes = src === '-' ? readFileSync(0) : readFileSync(src)
    } catch (err) {
      items.push({ origin: src, error: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` })
      continue
    }
    items.push(...readInputs(bytes, src, { maxBytes, ...(values.lang ? { lang: values.lang } : {}), ...(values.published ? { published: values.published } : {}) }))
  }
  // records are written as they are made, in input order: JSON Lines, one pretty object (one input with --format
  // json), or an array
  const asArray = values.format === 'json' && items.length !== 1
  let written = 0
  if (asArray && !values.explain) process.stdout.write('[')
  const write = (origin: string, { record, errors, failure }: ParallelResult) => {
    for (const e of errors) process.stderr.write(`kronika: ${origin}: ${e}\n`)
    if (!record) { failed++; process.stderr.write(`kronika: ${origin}: ${failure ?? 'no record'}\n`); return }
    if (values.explain) process.stdout.write(explainRecord(record, origin) + '\n')
    else if (asArray) process.stdout.write((written ? ',\n' : '\n') + JSON.stringify(record))
    else if (values.format === 'json') process.stdout.write(JSON.stringify(record, null, 2) + '\n')
    else process.stdout.write(JSON.stringify(record) + '\n')
    written++
  }
  const readable = items.filter((item) => item.input)
  if (jobs > 1 && readable.length > 1) {
    // unreadable inputs are reported first, then the records follow in input order
    for (const item of items) if (!item.input) { failed++; process.stderr.write(`kronika: ${item.origin}: ${item.error}\n`) }
    await extractInParallel(readable.map((item) => item.input!), { jobs, extraEntries: kbEntries }, (i, result) => write(readable[i]!.origin, result))
  } else {
    for (const item of items) {
      if (!item.input) { failed++; process.stderr.write(`kronika: ${item.origin}: ${item.error}\n`); continue }
      write(item.origin, extractResult(item.input, ctx))
    }
  }
  if (asArray && !values.explain) process.stdout.write('\n]\n')
  if (failed) process.stderr.write(`kronika: ${failed} of ${items.length} input(s) could not be processed\n`)
  return failed ? 1 : 0
}
