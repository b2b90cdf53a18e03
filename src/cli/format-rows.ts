/** Prints query rows as an aligned table (for people), JSON Lines or CSV (for programs). */
import { csvLine, type Cell } from '../export/csv.js'
import { UsageError } from './main.js'

export type RowFormat = 'table' | 'jsonl' | 'csv'

export function rowFormat(value: string | undefined): RowFormat {
  const f = value ?? 'table'
  if (f !== 'table' && f !== 'jsonl' && f !== 'csv') throw new UsageError(`--format must be table, jsonl or csv, not "${f}"`)
  return f
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (Array.isArray(v)) return v.join(', ')
  return String(v)
}

/** Writes rows; `table` shows the given columns (each cut to `width`), the others every field. */
export function writeRows(out: NodeJS.WritableStream, format: RowFormat, rows: Array<Record<string, unknown>>, table: Array<{ key: string; label: string; width?: number; value?: (r: Record<string, unknown>) => unknown }>, columns?: string[]): void {
  if (format === 'jsonl') { for (const r of rows) out.write(JSON.stringify(r) + '\n'); return }
  if (format === 'csv') {
    const cols = columns ?? (rows[0] ? Object.keys(rows[0]) : table.map((c) => c.key))
    out.write(csvLine(cols))
    for (const r of rows) out.write(csvLine(cols.map((c) => r[c] as Cell)))
    return
  }
  const cells = rows.map((r) => table.map((c) => {
    const t = cellText(c.value ? c.value(r) : r[c.key]).replace(/\s+/g, ' ')
    return c.width && t.length > c.width ? t.slice(0, c.width - 1) + '…' : t
  }))
  const widths = table.map((c, i) => Math.max(c.label.length, ...cells.map((row) => row[i]!.length)))
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd() + '\n'
  out.write(line(table.map((c) => c.label)))
  for (const row of cells) out.write(line(row))
  if (rows.length === 0) out.write('(no rows)\n')
}

/** Ends quietly when the reader of standard output goes away (`kronika events | head`). */
export function quietOnClosedPipe(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => { if (err.code === 'EPIPE') process.exit(0); else throw err })
}
