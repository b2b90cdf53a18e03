/** Prepared statements, cached per database: preparing costs more than running on the write path. */
import type { Statement } from 'better-sqlite3'
import type { Db } from './database.js'

const cache = new WeakMap<Db, Map<string, Statement>>()

/** The prepared statement for `sql` on `db`, prepared once. */
export function stmt(db: Db, sql: string): Statement {
  let m = cache.get(db)
  if (!m) { m = new Map(); cache.set(db, m) }
  let s = m.get(sql)
  if (!s) { s = db.prepare(sql); m.set(sql, s) }
  return s
}
