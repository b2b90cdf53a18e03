/**
 * `kronika export --format …`: the store in the formats analysts load — native records (jsonl), PLOVER JSON Lines,
 * GDELT 2.0 Events / Mentions / GKG 2.1 (TSV), CSV, GeoJSON and Parquet — filtered like the query commands.
 */
import { createWriteStream, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { openStore, storePath } from '../store/database.js'
import { nativeRecords } from '../export/native.js'
import { ploverRecords } from '../export/plover.js'
import { gdeltEventRows, gdeltGkgRows, gdeltMentionRows } from '../export/gdelt.js'
import { eventsGeoJson } from '../export/geojson.js'
import { toCsv } from '../export/csv.js'
import { MissingDuckDbError, writeParquet } from '../export/parquet.js'
import { TABLES, tableRows, type TableName } from '../export/tables.js'
import { filtersFrom } from './query-commands.js'
import { UsageError } from './main.js'
import { quietOnClosedPipe } from './format-rows.js'

const FORMATS = ['jsonl', 'plover', 'gdelt-events', 'gdelt-mentions', 'gdelt-gkg', 'csv', 'geojson', 'parquet'] as const

export async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: {
      db: { type: 'string' }, format: { type: 'string', default: 'jsonl' }, out: { type: 'string' }, table: { type: 'string', default: 'events' },
      actor: { type: 'string' }, recipient: { type: 'string' }, country: { type: 'string' }, type: { type: 'string' }, quad: { type: 'string' },
      modality: { type: 'string' }, lang: { type: 'string' }, source: { type: 'string' }, since: { type: 'string' }, until: { type: 'string' },
      text: { type: 'string' }, 'min-reports': { type: 'string' }, limit: { type: 'string' },
    },
  })
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}" (write the file with --out FILE)`)
  const format = values.format as (typeof FORMATS)[number]
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`)
  const table = values.table as TableName
  if (!TABLES.includes(table)) throw new UsageError(`--table must be one of ${TABLES.join(', ')}, not "${values.table}"`)
  if (format === 'parquet' && !values.out) throw new UsageError('--format parquet writes a file: give --out FILE.parquet')
  const filters = filtersFrom(values)
  const store = openStore(storePath(values.db), { readonly: true })
  quietOnClosedPipe()
  const out: NodeJS.WritableStream = values.out && format !== 'parquet' ? createWriteStream(values.out) : process.stdout
  const lines = (it: Iterable<string>) => { for (const l of it) out.write(l + '\n') }
  let count = 0
  try {
    switch (format) {
      case 'jsonl': for (const r of nativeRecords(store.db, filters)) { out.write(JSON.stringify(r) + '\n'); count++ } break
      case 'plover': for (const r of ploverRecords(store.db, filters)) { out.write(JSON.stringify(r) + '\n'); count++ } break
      case 'gdelt-events': { const rows = gdeltEventRows(store.db, filters); lines(rows.map((r) => r.join('\t'))); count = rows.length; break }
      case 'gdelt-mentions': { const rows = gdeltMentionRows(store.db, filters); lines(rows.map((r) => r.join('\t'))); count = rows.length; break }
      case 'gdelt-gkg': { const rows = gdeltGkgRows(store.db, filters); lines(rows.map((r) => r.join('\t'))); count = rows.length; break }
      case 'csv': { const rows = tableRows(store.db, table, filters); out.write(toCsv(rows[0] ? Object.keys(rows[0]) : [], rows)); count = rows.length; break }
      case 'geojson': {
        const { collection, unlocated } = eventsGeoJson(store.db, filters)
        out.write(JSON.stringify(collection) + '\n')
        count = collection.features.length
        if (unlocated) process.stderr.write(`export: ${unlocated} event(s) without a located place left out of the GeoJSON\n`)
        break
      }
      case 'parquet': {
        const rows = tableRows(store.db, table, filters)
        if (rows.length === 0) { process.stderr.write('export: no rows match; no Parquet file written\n'); break }
        count = await writeParquet(values.out!, rows)
        break
      }
    }
  } catch (err) {
    if (err instanceof MissingDuckDbError) { process.stderr.write(`kronika: ${err.message}\n`); return 1 }
    if (/fts5|MATCH/i.test((err as Error).message)) throw new UsageError(`the --text query is not valid full-text syntax (${(err as Error).message}); put phrases in double quotes`)
    throw err
  } finally {
    store.close()
    if (out !== process.stdout) await new Promise((r) => (out as ReturnType<typeof createWriteStream>).end(r))
  }
  if (values.out) process.stderr.write(`export: ${count} ${format === 'csv' || format === 'parquet' ? table + ' row(s)' : 'row(s)'} → ${values.out}\n`)
  return 0
}
