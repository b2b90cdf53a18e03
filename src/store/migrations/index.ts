/** The schema migrations in the order they run; the store's schema_version is the number of the last one applied. */
import type { Database } from 'better-sqlite3'
import * as m0001 from './0001-initial.js'

export interface Migration {
  version: number
  name: string
  up(db: Database): void
}

export const MIGRATIONS: Migration[] = [
  { version: 1, ...m0001 },
]
