/**
 * Opens the embedded store: one SQLite file in WAL mode (one writer at a time, any number of readers), migrated
 * forward by the ordered `up()` files of ./migrations when opened for writing.
 */
import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { MIGRATIONS, type Migration } from './migrations/index.js'

export type Db = Database.Database

/** A problem with the store file itself (missing, newer than this program, not a store): a message for the user. */
export class StoreError extends Error {}

export interface StoreOptions {
  /** Open for reading only (queries, exports); the file must exist and be migrated. */
  readonly?: boolean
  /** Migrations to apply (tests); defaults to the shipped list. */
  migrations?: Migration[]
}

export interface Store {
  db: Db
  path: string
  readonly: boolean
  close(): void
}

/** The store file: `--db PATH`, else `KRONIKA_DB`, else `./kronika.db`. */
export function storePath(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(flag ?? (env.KRONIKA_DB || 'kronika.db'))
}

/** The schema version of an open store (0 for a new file). */
export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

/** Applies the migrations newer than the store's version, each in its own transaction; returns those applied. */
export function migrate(db: Db, migrations: Migration[] = MIGRATIONS): number[] {
  for (let i = 0; i < migrations.length; i++) {
    if (migrations[i]!.version !== i + 1) throw new Error(`migration ${migrations[i]!.name} has version ${migrations[i]!.version}; versions must run 1, 2, 3… in order`)
  }
  const current = schemaVersion(db)
  const latest = migrations.length
  if (current > latest) throw new StoreError(`the store has schema version ${current}, newer than this kronika understands (${latest}); upgrade kronika`)
  const applied: number[] = []
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)')
      m.up(db)
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString())
      db.pragma(`user_version = ${m.version}`)
    }).immediate()
    applied.push(m.version)
  }
  return applied
}

/** Opens (and for writing, creates and migrates) the store at `path`. */
export function openStore(path: string, options: StoreOptions = {}): Store {
  const readonly = options.readonly ?? false
  if (readonly && !existsSync(path)) throw new StoreError(`no store at ${path}: ingest some articles first (kronika ingest FILE --db ${path}) or choose one with --db PATH or KRONIKA_DB`)
  let db: Db
  try {
    db = new Database(path, { readonly, fileMustExist: readonly })
  } catch (err) {
    throw new StoreError(`cannot open the store at ${path}: ${(err as Error).message}`)
  }
  try {
    db.pragma('busy_timeout = 10000')
    db.pragma('cache_size = -65536') // 64 MB of page cache: the indexes of a large corpus stay in memory
    if (!readonly) {
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = NORMAL')
      migrate(db, options.migrations)
    } else {
      const v = schemaVersion(db)
      const latest = (options.migrations ?? MIGRATIONS).length
      if (v === 0) throw new StoreError(`${path} is not a kronika store (no schema)`)
      if (v !== latest) throw new StoreError(`the store at ${path} has schema version ${v}, this kronika expects ${latest}: ${v < latest ? 'run kronika ingest (any writing command) once to migrate it' : 'upgrade kronika'}`)
    }
  } catch (err) {
    db.close()
    if (err instanceof StoreError) throw err
    throw new StoreError(`${path} is not a usable kronika store: ${(err as Error).message}`)
  }
  return { db, path, readonly, close: () => db.close() }
}
