/** The native export: the stored records, one per line, exactly as extraction produced them (text included). */
import type { Db } from '../store/database.js'
import type { DocumentRecord } from '../record/schema.js'
import { queryDocuments, type Filters } from '../store/read-store.js'

/** The records of the documents that pass the filters, in ingestion order (best match first with a text query). */
export function* nativeRecords(db: Db, filters: Filters = {}): Generator<DocumentRecord> {
  const get = db.prepare('SELECT record, text FROM documents WHERE seq = ?')
  for (const d of queryDocuments(db, filters)) {
    const row = get.get(d.seq) as { record: string; text: string }
    const { id, kronika, ...rest } = JSON.parse(row.record) as Omit<DocumentRecord, 'text'>
    yield { id, kronika, text: row.text, ...rest } as DocumentRecord
  }
}
