/**
 * `kronika eval --gold DIR`: extracts every `*.gold.json` document of DIR (its `text_file`), scores it with the
 * rules of GOLD.md and prints precision, recall and F1 per layer, the attribute accuracies, and what was missed
 * and what was spurious. `--json` prints the same as one JSON object (the quality gate reads it).
 *
 * A blind set (a folder holding a file named `BLIND`) gets its summary only: the missed and spurious lists are
 * withheld unless `--show-errors` is given, so that running the gate or a quick check never shows its errors by
 * accident (reading them would end its use as a blind measure).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parseArgs } from 'node:util'
import { readInputs } from '../input/read-inputs.js'
import { extractDocument, getDefaultContext } from '../pipeline/extract.js'
import { combineScores, scoreDocument, LAYERS, type DocumentScore, type GoldDocument, type LayerScore } from '../eval/score-gold.js'
import { UsageError } from './main.js'

export interface EvalSummary {
  documents: number
  /** Set when the folder is a blind set and its error lists were withheld. */
  blind?: boolean
  layers: Record<string, { p: number; r: number; f1: number; tp: number; sys: number; gold: number } & Record<string, number | null>>
  missed: Record<string, string[]>
  spurious: Record<string, string[]>
}

const r3 = (x: number) => Math.round(x * 1000) / 1000

/** The marker file that makes a gold folder a blind set. */
export const BLIND_MARKER = 'BLIND'

/** Whether a gold folder is a blind set, whose error lists are not to be read. */
export function isBlindSet(dir: string): boolean {
  return existsSync(join(dir, BLIND_MARKER))
}

/** The summary without its missed and spurious lists. */
export function withholdErrors(summary: EvalSummary): EvalSummary {
  const none = Object.fromEntries(LAYERS.map((l) => [l, [] as string[]]))
  return { ...summary, blind: true, missed: none, spurious: { ...none } }
}

/** Scores every gold document of a folder. */
export function evaluateFolder(dir: string, outDir?: string): EvalSummary {
  const files = readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort()
  const scores: DocumentScore[] = []
  const ctx = getDefaultContext()
  for (const f of files) {
    const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldDocument
    const textPath = join(dir, gold.text_file ?? f.replace(/\.gold\.json$/, '.txt'))
    const [item] = readInputs(readFileSync(textPath), textPath)
    if (!item?.input) throw new Error(`${textPath}: ${item?.error ?? 'no input'}`)
    if (!item.input.published && gold.published) { item.input.published = gold.published; item.input.publishedFrom = 'metadata' }
    const rec = extractDocument(item.input, ctx).toRecord()
    if (outDir) { mkdirSync(outDir, { recursive: true }); writeFileSync(join(outDir, basename(f, '.gold.json') + '.json'), JSON.stringify(rec, null, 2)) }
    scores.push(scoreDocument(gold, rec))
  }
  const total = combineScores(scores)
  const layers: EvalSummary['layers'] = {}
  for (const l of LAYERS) {
    const s: LayerScore = total[l]
    const extra = Object.fromEntries(Object.entries(s.extra).map(([k, v]) => [`${k}_acc`, v.total ? r3(v.correct / v.total) : null]))
    layers[l] = { p: r3(s.p), r: r3(s.r), f1: r3(s.f1), tp: s.tp, sys: s.sys, gold: s.gold, ...extra }
  }
  return {
    documents: files.length, layers,
    missed: Object.fromEntries(LAYERS.map((l) => [l, total[l].missed])),
    spurious: Object.fromEntries(LAYERS.map((l) => [l, total[l].spurious])),
  }
}

export async function evalCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: {
    gold: { type: 'string' }, json: { type: 'boolean', default: false }, out: { type: 'string' },
    'show-errors': { type: 'boolean', default: false },
  } })
  if (!values.gold) throw new UsageError('eval needs --gold DIR (a folder of *.gold.json files)')
  if (!existsSync(values.gold)) {
    process.stderr.write(`kronika: eval skipped: ${values.gold} not found\n`)
    if (values.json) process.stdout.write(JSON.stringify({ skipped: true, reason: `${values.gold} not found` }) + '\n')
    return 0
  }
  const full = evaluateFolder(values.gold, values.out)
  const summary = isBlindSet(values.gold) && !values['show-errors'] ? withholdErrors(full) : full
  if (values.json) { process.stdout.write(JSON.stringify(summary, null, 2) + '\n'); return 0 }
  const lines = [`${summary.documents} document(s) from ${values.gold}`, 'layer      P      R      F1     tp/sys/gold  accuracy on matched']
  for (const [l, s] of Object.entries(summary.layers)) {
    const acc = Object.entries(s).filter(([k]) => k.endsWith('_acc')).map(([k, v]) => `${k.replace('_acc', '')} ${v === null ? '—' : (v as number).toFixed(3)}`).join('  ')
    lines.push(`${l.padEnd(10)} ${s.p.toFixed(3)}  ${s.r.toFixed(3)}  ${s.f1.toFixed(3)}  ${`${s.tp}/${s.sys}/${s.gold}`.padEnd(12)} ${acc}`)
  }
  for (const l of LAYERS) {
    if (summary.missed[l]!.length) lines.push(`  ${l} missed: ${summary.missed[l]!.join(' | ')}`)
    if (summary.spurious[l]!.length) lines.push(`  ${l} spurious: ${summary.spurious[l]!.join(' | ')}`)
  }
  if (summary.blind) lines.push(`  (blind set: ${join(values.gold, BLIND_MARKER)}; error lists withheld, --show-errors prints them)`)
  process.stdout.write(lines.join('\n') + '\n')
  return 0
}
