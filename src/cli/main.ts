/**
 * The `kronika` command line: one file per command, dispatched here. Exit codes: 0 success; 1 some inputs
 * could not be processed (each reported on stderr) or a check failed; 2 wrong usage.
 */
import { VERSION } from '../version.js'

// Each command is loaded when it runs, so `kronika extract` does not pay for the server, the store or the exports.
type Command = (argv: string[]) => Promise<number>
const COMMANDS: Record<string, () => Promise<Command>> = {
  extract: async () => (await import('./extract-command.js')).extractCommand,
  eval: async () => (await import('./eval-command.js')).evalCommand,
  serve: async () => (await import('./serve-command.js')).serveCommand,
  ingest: async () => (await import('./ingest-command.js')).ingestCommand,
  events: async () => (await import('./query-commands.js')).eventsCommand,
  timeline: async () => (await import('./query-commands.js')).timelineCommand,
  entities: async () => (await import('./query-commands.js')).entitiesCommand,
  quotes: async () => (await import('./query-commands.js')).quotesCommand,
  search: async () => (await import('./query-commands.js')).searchCommand,
  export: async () => (await import('./export-command.js')).exportCommand,
}

export const USAGE = `kronika ${VERSION} — structured, evidence-linked facts from news articles

usage:
  kronika extract [FILE…|-] [--lang L] [--published DATE] [--format json|jsonl] [--explain] [--kb FILE]… [--max-bytes N] [--jobs N|auto]
  kronika eval --gold DIR [--json] [--out DIR] [--show-errors]
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
    const load = command ? COMMANDS[command] : undefined
    if (load) return await (await load())(rest)
    switch (command) {
      case '--version': case '-v': process.stdout.write(VERSION + '\n'); return 0
      case undefined: case '--help': case '-h': case 'help': process.stdout.write(USAGE + '\n'); return command === undefined ? 2 : 0
      default: throw new UsageError(`unknown command "${command}"`)
    }
  } catch (err) {
    // a problem with the store file (src/store/database.ts StoreError): its message says what to do
    if (err instanceof Error && err.constructor.name === 'StoreError') { process.stderr.write(`kronika: ${err.message}\n`); return 1 }
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`kronika: ${(err as Error).message}\n\n${USAGE}\n`)
      return 2
    }
    throw err
  }
}
