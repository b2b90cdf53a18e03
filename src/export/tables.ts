/** The store's tables as flat rows for CSV and Parquet: events, reports, documents, entities, quotes. */
import type { Db } from '../store/database.js'
import { queryDocuments, queryEntities, queryEvents, queryQuotes, queryReports, type Filters } from '../store/read-store.js'

export const TABLES = ['events', 'reports', 'documents', 'entities', 'quotes'] as const
export type TableName = (typeof TABLES)[number]

/** The rows of one table under the filters. */
export function tableRows(db: Db, table: TableName, filters: Filters = {}): Array<Record<string, unknown>> {
  switch (table) {
    case 'events': return queryEvents(db, filters, 'time') as unknown as Array<Record<string, unknown>>
    case 'reports': {
      const events = queryEvents(db, filters, 'time').map((e) => e.id)
      return queryReports(db, events) as unknown as Array<Record<string, unknown>>
    }
    case 'documents': return queryDocuments(db, filters) as unknown as Array<Record<string, unknown>>
    case 'entities': return queryEntities(db, filters) as unknown as Array<Record<string, unknown>>
    case 'quotes': return queryQuotes(db, filters) as unknown as Array<Record<string, unknown>>
  }
}
