import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrate, openStore, schemaVersion, storePath, StoreError } from './database.js'
import { MIGRATIONS } from './migrations/index.js'
import Database from 'better-sqlite3'

const tmp = () => mkdtempSync(join(tmpdir(), 'kronika-store-'))

test('a new store is migrated to the latest schema, in WAL mode, and reopening changes nothing', () => {
  const path = join(tmp(), 'k.db')
  const s = openStore(path)
  assert.equal(schemaVersion(s.db), MIGRATIONS.length)
  assert.equal(s.db.pragma('journal_mode', { simple: true }), 'wal')
  const applied = s.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()
  assert.deepEqual(applied, MIGRATIONS.map((m) => ({ version: m.version, name: m.name })))
  s.close()
  const again = openStore(path)
  assert.deepEqual(migrate(again.db), [])
  again.close()
})

test('migrations run in order, each once, and a later one sees the earlier', () => {
  const db = new Database(':memory:')
  const order: number[] = []
  const ms = [
    { version: 1, name: 'one', up: (d: Database.Database) => { order.push(1); d.exec('CREATE TABLE a (x)') } },
    { version: 2, name: 'two', up: (d: Database.Database) => { order.push(2); d.exec('ALTER TABLE a ADD COLUMN y') } },
  ]
  assert.deepEqual(migrate(db, ms.slice(0, 1)), [1])
  assert.deepEqual(migrate(db, ms), [2])
  assert.deepEqual(order, [1, 2])
  assert.equal(schemaVersion(db), 2)
  assert.throws(() => migrate(db, [ms[1]!]), /versions must run 1, 2, 3/)
})

test('a failing migration leaves the schema version where it was', () => {
  const db = new Database(':memory:')
  assert.throws(() => migrate(db, [{ version: 1, name: 'bad', up: (d) => { d.exec('CREATE TABLE t (x)'); throw new Error('boom') } }]), /boom/)
  assert.equal(schemaVersion(db), 0)
  assert.equal(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 't'").pluck().get(), 0)
})

test('readers need an existing, current store and say what to do otherwise', () => {
  const dir = tmp()
  assert.throws(() => openStore(join(dir, 'none.db'), { readonly: true }), (e: Error) => e instanceof StoreError && /ingest some articles first/.test(e.message))
  const junk = join(dir, 'junk.db')
  writeFileSync(junk, 'not a database at all, just text that is long enough to be a header '.repeat(10))
  assert.throws(() => openStore(junk, { readonly: true }), StoreError)
  const newer = join(dir, 'newer.db')
  const d = new Database(newer); d.pragma('user_version = 99'); d.close()
  assert.throws(() => openStore(newer), /newer than this kronika/)
})

test('the store path: --db, then KRONIKA_DB, then ./kronika.db', () => {
  assert.match(storePath('/x/a.db', {}), /\/x\/a\.db$/)
  assert.match(storePath(undefined, { KRONIKA_DB: '/y/b.db' }), /\/y\/b\.db$/)
  assert.match(storePath(undefined, {}), /kronika\.db$/)
})
