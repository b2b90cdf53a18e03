/** CSV (RFC 4180): a header row, fields quoted when they hold a comma, quote or line break; CRLF line ends. */

export type Cell = string | number | boolean | null | undefined | string[]

/** One CSV field: arrays are joined with `;`, null and undefined are empty. */
export function csvField(v: Cell): string {
  if (v === null || v === undefined) return ''
  const s = Array.isArray(v) ? v.join(';') : String(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function csvLine(cells: Cell[]): string {
  return cells.map(csvField).join(',') + '\r\n'
}

/** The rows as CSV text with the given columns. */
export function toCsv(columns: string[], rows: Array<Record<string, unknown>>): string {
  return csvLine(columns) + rows.map((r) => csvLine(columns.map((c) => r[c] as Cell))).join('')
}
