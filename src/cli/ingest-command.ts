/**
 * `kronika ingest PATH|URL|FEED|-…`: stores articles and their facts, clusters their events. Errors are reported
 * on stderr as they happen, a summary ends the run, `--report FILE|-` writes one JSON line per item.
 */
import { createWriteStream, type WriteStream } from 'node:fs'
import { parseArgs } from 'node:util'
import { openStore, storePath } from '../store/database.js'
import { ingest } from '../ingest/ingest.js'
import { Progress } from '../ingest/progress.js'
import { DEFAULT_MAX_BYTES } from '../input/read-inputs.js'
import { FETCH_DEFAULTS } from '../ingest/fetch-url.js'
import { UsageError } from './main.js'

function positive(name: string, value: string | undefined, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isFinite(n) || n < 0 || (!allowZero && n === 0)) throw new UsageError(`--${name} takes a ${allowZero ? 'non-negative' : 'positive'} number, not "${value}"`)
  return n
}

export async function ingestCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: {
      db: { type: 'string' }, lang: { type: 'string' }, published: { type: 'string' }, source: { type: 'string' },
      'max-bytes': { type: 'string' }, 'allow-private': { type: 'boolean', default: false }, timeout: { type: 'string' },
      delay: { type: 'string' }, 'max-redirects': { type: 'string' }, 'no-robots': { type: 'boolean', default: false },
      report: { type: 'string' }, quiet: { type: 'boolean', default: false },
    },
  })
  if (positionals.length === 0) throw new UsageError('ingest needs something to read: files, folders, URLs, feeds, or - for standard input')
  if (positionals.includes('-') && process.stdin.isTTY) throw new UsageError('no input on standard input: pipe articles into `kronika ingest -`')
  if (values.published && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(values.published)) throw new UsageError(`--published takes an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), not "${values.published}"`)
  const fetch = {
    allowPrivate: values['allow-private'] ?? false,
    timeoutMs: positive('timeout', values.timeout, FETCH_DEFAULTS.timeoutMs),
    hostDelayMs: positive('delay', values.delay, FETCH_DEFAULTS.hostDelayMs, true),
    maxRedirects: positive('max-redirects', values['max-redirects'], FETCH_DEFAULTS.maxRedirects, true),
    robots: !values['no-robots'],
  }
  const maxBytes = positive('max-bytes', values['max-bytes'], DEFAULT_MAX_BYTES)
  const path = storePath(values.db)
  const store = openStore(path)
  let report: WriteStream | NodeJS.WriteStream | undefined
  if (values.report) report = values.report === '-' ? process.stdout : createWriteStream(values.report)
  const progress = new Progress(process.stderr, !values.quiet && !!process.stderr.isTTY)
  try {
    const summary = await ingest(store, positionals, {
      ...(values.lang ? { lang: values.lang } : {}), ...(values.published ? { published: values.published } : {}),
      ...(values.source ? { source: values.source } : {}), maxBytes, fetch: { ...fetch, maxBytes: Math.max(maxBytes, FETCH_DEFAULTS.maxBytes) },
      onTotal: (n) => progress.addTotal(n),
      onItem: (r) => {
        progress.tick(r.status)
        report?.write(JSON.stringify(r) + '\n')
        if (r.status === 'error') { progress.finish(); process.stderr.write(`kronika: ${r.origin}: error: ${r.reason}\n`) }
      },
    })
    progress.finish()
    const n = summary.ok + summary.duplicate + summary.error
    if (!values.quiet || summary.error) {
      process.stderr.write(`ingest: ${n} item(s): ${summary.ok} ok, ${summary.duplicate} duplicate, ${summary.error} error in ${summary.seconds.toFixed(1)} s`
        + ` (${(n / Math.max(summary.seconds, 0.001)).toFixed(1)} items/s) → ${path}\n`)
    }
    return summary.error ? 1 : 0
  } finally {
    if (report && report !== process.stdout) await new Promise((r) => (report as WriteStream).end(r))
    store.close()
  }
}
