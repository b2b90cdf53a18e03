#!/usr/bin/env node
/**
 * The evaluation data in ../shared/eval is third-party text: it is read in place, never copied into the repo.
 * This check fails when a run of 8 words of an evaluation text (articles, treebank sentences, PLOVER records)
 * appears in a file of the repo (code, comments, docs, pack data, tests). Gold annotation files are not read:
 * their name lists (a country's inflected forms) are facts, not text.
 *
 *   node scripts/check-eval-text.mjs [--words N]
 *
 * Skips (exit 0) when ../shared/eval is absent.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const evalDir = process.env.KRONIKA_SHARED_EVAL ?? join(root, '..', 'shared', 'eval')
const argAt = process.argv.indexOf('--words')
const N = argAt > 0 ? Number(process.argv[argAt + 1]) : 8

if (!existsSync(evalDir)) {
  console.log(`check-eval-text: skipped (${evalDir} is absent)`)
  process.exit(0)
}

const wordsOf = (s) => s.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []

function filesUnder(dir, skip) {
  const out = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) { if (!skip.has(name)) out.push(...filesUnder(path, skip)) } else out.push(path)
  }
  return out
}

/** The running text of an evaluation file, by its format. */
function evalText(path) {
  const raw = readFileSync(path, 'utf8')
  if (path.endsWith('.conllu')) return raw.split('\n').filter((l) => l.startsWith('# text')).join('\n')
  if (path.endsWith('dev.txt') && path.includes('conll')) return raw.split('\n').map((l) => l.split(' ')[0]).join(' ')
  if (path.endsWith('.jsonl')) return raw
  if (/\.(tml|xml)$/.test(path)) return raw.replace(/<[^>]+>/g, ' ')
  if (path.endsWith('.txt')) return raw
  return ''
}

const seen = new Map()
for (const path of filesUnder(evalDir, new Set())) {
  if (/^(LICENSE|README|SOURCES|GOLD)/i.test(basename(path)) || path.endsWith('.gold.json') || basename(path).startsWith('CAMEO2PLOVER')) continue
  const w = wordsOf(evalText(path))
  for (let i = 0; i + N <= w.length; i++) seen.set(w.slice(i, i + N).join(' '), relative(evalDir, path))
}

const checked = /\.(ts|tsx|mjs|js|cjs|md|tsv|txt|json|css|html|sh)$/
const skip = new Set(['node_modules', '.git', 'dist', 'dist-ui', 'test-artifacts', 'generated'])
let failures = 0
for (const path of filesUnder(root, skip)) {
  if (!checked.test(path) || statSync(path).size > 5_000_000) continue
  const w = wordsOf(readFileSync(path, 'utf8'))
  for (let i = 0; i + N <= w.length; i++) {
    const run = w.slice(i, i + N).join(' ')
    const source = seen.get(run)
    if (source) { failures++; console.log(`${relative(root, path)}: "${run}" is text of ${source}`); break }
  }
}
console.log(`check-eval-text: ${seen.size} ${N}-word runs of evaluation text; ${failures} repo file(s) contain one`)
process.exit(failures ? 1 : 0)
