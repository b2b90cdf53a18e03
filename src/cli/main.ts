/**
 * The `kronika` command line: one file per command, dispatched here. Exit codes: 0 success; 1 some inputs
 * could not be processed (each reported on stderr) or a check failed; 2 wrong usage.
 */
import { extractCommand } from './extract-command.js'
import { evalCommand } from './eval-command.js'
import { VERSION } from '../version.js'

export const USAGE = `kronika ${VERSION} — structured, evidence-linked facts from news articles

usage:
  kronika extract [FILE…|-] [--lang L] [--published DATE] [--format json|jsonl] [--explain] [--kb FILE]… [--max-bytes N]
  kronika eval --gold DIR [--json] [--out DIR]
  kronika --version | --help

exit codes: 0 ok; 1 some inputs failed (reasons on stderr) or a check failed; 2 wrong usage`

export class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'extract': return await extractCommand(rest)
      case 'eval': return await evalCommand(rest)
      case '--version': case '-v': process.stdout.write(VERSION + '\n'); return 0
      case undefined: case '--help': case '-h': case 'help': process.stdout.write(USAGE + '\n'); return command === undefined ? 2 : 0
      default: throw new UsageError(`unknown command "${command}"`)
    }
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`kronika: ${(err as Error).message}\n\n${USAGE}\n`)
      return 2
    }
    throw err
  }
}
