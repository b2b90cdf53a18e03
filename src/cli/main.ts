/**
 * The `kronika` command line: one file per command, dispatched here. Exit codes: 0 success; 1 some inputs
 * could not be processed (each reported on stderr) or a check failed; 2 wrong usage.
 */
import { extractCommand } from './extract-command.js'
import { evalCommand } from './eval-command.js'
import { serveCommand } from './serve-command.js'
import { ingestCommand } from './ingest-command.js'
import { entitiesCommand, eventsCommand, quotesCommand, searchCommand, timelineCommand } from './query-commands.js'
import { exportCommand } from './export-command.js'
import { StoreError } from '../store/database.js'
import { VERSION } from '../version.js'

export const USAGE = `kronika ${VERSION} — structured, evidence-linked facts from news articles

usage:
  kronika extract [FILE…|-] [--lang L] [--published DATE] [--format json|jsonl] [--explain] [--kb FILE]… [--max-bytes N]
  kronika eval --gold DIR [--json] [--out DIR]
  kronika serve [--db PATH] [--host H] [--port N] [--token T] [--max-body BYTES] [--max-results N] [--kb FILE]…
  kronika ingest PATH|URL|FEED|-… [--db PATH] [--lang L] [--published DATE] [--source NAME] [--allow-private] [--delay MS]
                 [--timeout MS] [--max-redirects N] [--no-robots] [--max-bytes N] [--report FILE|-] [--quiet]
  kronika events|timeline|entities|quotes [--db PATH] [--actor X] [--recipient X] [--country ISO3] [--type T] [--quad N]
                 [--modality M] [--lang L] [--source S] [--since DATE] [--until DATE] [--text Q] [--limit N] [--format table|jsonl|csv]
  kronika search WORDS… [--db PATH] [--lang L] [--source S] [--since DATE] [--until DATE] [--format table|jsonl|csv]
  kronika export --format jsonl|plover|gdelt-events|gdelt-mentions|gdelt-gkg|csv|geojson|parquet [--table T] [--out FILE] [filters]
  kronika --version | --help

the store is --db PATH, else $KRONIKA_DB, else ./kronika.db

exit codes: 0 ok; 1 some inputs failed (reasons on stderr) or a check failed; 2 wrong usage`

export class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'extract': return await extractCommand(rest)
      case 'eval': return await evalCommand(rest)
      case 'serve': return await serveCommand(rest)
      case 'ingest': return await ingestCommand(rest)
      case 'events': return await eventsCommand(rest)
      case 'timeline': return await timelineCommand(rest)
      case 'entities': return await entitiesCommand(rest)
      case 'quotes': return await quotesCommand(rest)
      case 'search': return await searchCommand(rest)
      case 'export': return await exportCommand(rest)
      case '--version': case '-v': process.stdout.write(VERSION + '\n'); return 0
      case undefined: case '--help': case '-h': case 'help': process.stdout.write(USAGE + '\n'); return command === undefined ? 2 : 0
      default: throw new UsageError(`unknown command "${command}"`)
    }
  } catch (err) {
    if (err instanceof StoreError) { process.stderr.write(`kronika: ${err.message}\n`); return 1 }
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`kronika: ${(err as Error).message}\n\n${USAGE}\n`)
      return 2
    }
    throw err
  }
}
