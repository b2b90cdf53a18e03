// Writes docs/record.schema.json from the zod schema in src/record/schema.ts (run by `npm run build`).
import { writeFileSync } from 'node:fs'
import { recordJsonSchema } from '../dist/record/schema.js'

const schema = { $id: 'https://kronika.dev/schema/record-1.json', title: 'Kronika document record', ...recordJsonSchema() }
writeFileSync(new URL('../docs/record.schema.json', import.meta.url), JSON.stringify(schema, null, 2) + '\n')
