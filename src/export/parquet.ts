/**
 * Parquet files through DuckDB (@duckdb/node-api, an optional dependency): rows are appended to an in-memory
 * DuckDB table whose column types follow the values (whole numbers BIGINT, other numbers DOUBLE, arrays
 * VARCHAR[], the rest VARCHAR), then copied to Parquet. Without DuckDB it says how to get it.
 */
export class MissingDuckDbError extends Error {}

type Row = Record<string, unknown>
type ColumnType = 'BIGINT' | 'DOUBLE' | 'VARCHAR' | 'VARCHAR[]'

/** The DuckDB column type of each column, from the values. */
export function columnTypes(columns: string[], rows: Row[]): ColumnType[] {
  return columns.map((c) => {
    let type: ColumnType | undefined
    for (const r of rows) {
      const v = r[c]
      if (v === null || v === undefined) continue
      const t: ColumnType = Array.isArray(v) ? 'VARCHAR[]' : typeof v === 'number' ? (Number.isInteger(v) ? 'BIGINT' : 'DOUBLE') : 'VARCHAR'
      if (!type) type = t
      else if (type !== t) type = type === 'BIGINT' && t === 'DOUBLE' || type === 'DOUBLE' && t === 'BIGINT' ? 'DOUBLE' : 'VARCHAR'
    }
    return type ?? 'VARCHAR'
  })
}

/** The parts of @duckdb/node-api used here (typed locally so the build does not need the optional package). */
export interface DuckDbApi {
  DuckDBInstance: { create(path: string): Promise<DuckInstance> }
  LIST(t: unknown): unknown
  VARCHAR: unknown
  listValue(items: unknown[]): unknown
}
export interface DuckInstance { connect(): Promise<DuckConnection>; closeSync(): void }
export interface DuckConnection {
  run(sql: string): Promise<unknown>
  runAndReadAll(sql: string): Promise<{ getRowObjectsJson(): Array<Record<string, unknown>>; getRowObjects(): Array<Record<string, unknown>>; columnNames(): string[] }>
  createAppender(table: string): Promise<DuckAppender>
  closeSync(): void
}
interface DuckAppender {
  appendNull(): void; appendBigInt(v: bigint): void; appendDouble(v: number): void; appendVarchar(v: string): void
  appendList(v: unknown, t: unknown): void; endRow(): void; closeSync(): void
}

const DUCKDB = '@duckdb/node-api'

/** Loads @duckdb/node-api, or throws MissingDuckDbError with what to do. */
export async function loadDuckDb(): Promise<DuckDbApi> {
  try {
    return await import(DUCKDB) as DuckDbApi
  } catch {
    throw new MissingDuckDbError('Parquet export needs the optional dependency @duckdb/node-api, which is not installed here: run `npm install @duckdb/node-api` (or export --format csv / jsonl instead)')
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/** Writes rows to a Parquet file; returns the number of rows written. */
export async function writeParquet(path: string, rows: Row[], columns: string[] = rows[0] ? Object.keys(rows[0]) : []): Promise<number> {
  if (columns.length === 0) throw new Error('writeParquet needs at least one column: pass the column names when there are no rows')
  const duck = await loadDuckDb()
  const types = columnTypes(columns, rows)
  const instance = await duck.DuckDBInstance.create(':memory:')
  const conn = await instance.connect()
  try {
    await conn.run(`CREATE TABLE t (${columns.map((c, i) => `${quote(c)} ${types[i]}`).join(', ')})`)
    const appender = await conn.createAppender('t')
    const listType = duck.LIST(duck.VARCHAR)
    for (const r of rows) {
      columns.forEach((c, i) => {
        const v = r[c]
        if (v === null || v === undefined) return appender.appendNull()
        switch (types[i]) {
          case 'BIGINT': return appender.appendBigInt(BigInt(v as number))
          case 'DOUBLE': return appender.appendDouble(Number(v))
          case 'VARCHAR[]': return appender.appendList(duck.listValue((v as unknown[]).map(String)), listType)
          default: return appender.appendVarchar(Array.isArray(v) ? v.join(';') : typeof v === 'object' ? JSON.stringify(v) : String(v))
        }
      })
      appender.endRow()
    }
    appender.closeSync()
    await conn.run(`COPY t TO '${path.replace(/'/g, "''")}' (FORMAT parquet)`)
    return rows.length
  } finally {
    conn.closeSync()
    instance.closeSync()
  }
}
