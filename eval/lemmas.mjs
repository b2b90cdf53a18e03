#!/usr/bin/env node
// Lemma accuracy of the Albanian morphology pack against third-party CoNLL-U
// gold data read in place from ../shared/eval (never copied into the repo).
//
// usage: node eval/lemmas.mjs [--json] [--errors N] [--pos NOUN,PROPN] [--dataset ud-sq]
// Needs the compiled module: npx tsc -p tsconfig.json
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = resolve(root, '../shared/eval');
const packDir = join(root, 'packs/sq/morphology');
const DATASETS = ['ud-sq', 'sq-pos'];
const REPORTED = ['NOUN', 'PROPN', 'ADJ', 'VERB'];

const args = parseArgs(process.argv.slice(2));

/** Command-line options: --json, --errors N, --pos A,B, --dataset NAME. */
function parseArgs(argv) {
  const out = { json: false, errors: 20, pos: null, dataset: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') out.json = true;
    else if (a === '--errors') out.errors = Number(argv[++i]);
    else if (a === '--pos') out.pos = new Set(String(argv[++i]).split(','));
    else if (a === '--dataset') out.dataset = argv[++i];
    else throw new Error(`unknown option ${a}`);
  }
  return out;
}

/** Words of a CoNLL-U file as {form, lemma, upos}; CRLF and multi-word ranges handled. */
function readConllu(path) {
  const words = [];
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line === '' || line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (cols.length < 4 || !/^\d+$/.test(cols[0])) continue;
    words.push({ form: cols[1].normalize('NFC'), lemma: cols[2].normalize('NFC'), upos: cols[3] });
  }
  return words;
}

/** Gold/ours agreement: case-insensitive, but for PROPN only the first letter's case may differ. */
function same(gold, ours, upos) {
  if (upos !== 'PROPN') return gold.toLowerCase() === ours.toLowerCase();
  if (gold === ours) return true;
  return gold.length > 0 && gold.slice(1) === ours.slice(1) && gold[0].toLowerCase() === ours[0].toLowerCase();
}

function evaluate(morph, name, files) {
  const counts = Object.fromEntries([...REPORTED, 'NOUN+PROPN'].map((p) => [p, { n: 0, correct: 0, goldIsForm: 0 }]));
  const errors = new Map();
  for (const file of files) {
    for (const w of readConllu(file)) {
      if (!REPORTED.includes(w.upos)) continue;
      const ours = morph.lemma(w.form, w.upos);
      const ok = same(w.lemma, ours, w.upos);
      const buckets = [counts[w.upos]];
      if (w.upos === 'NOUN' || w.upos === 'PROPN') buckets.push(counts['NOUN+PROPN']);
      // errors where the gold lemma is the inflected word itself (often an annotation slip: sytë → sytë)
      const goldIsForm = !ok && w.lemma.toLowerCase() === w.form.toLowerCase();
      for (const b of buckets) {
        b.n++;
        if (ok) b.correct++;
        if (goldIsForm) b.goldIsForm++;
      }
      if (!ok && (!args.pos || args.pos.has(w.upos))) {
        const key = `${w.upos}\t${w.lemma}\t${ours}`;
        const e = errors.get(key) ?? { upos: w.upos, gold: w.lemma, ours, count: 0, forms: new Set() };
        e.count++;
        e.forms.add(w.form);
        errors.set(key, e);
      }
    }
  }
  for (const c of Object.values(counts)) c.accuracy = c.n ? Number((c.correct / c.n).toFixed(4)) : null;
  const top = [...errors.values()]
    .sort((a, b) => b.count - a.count || a.gold.localeCompare(b.gold))
    .slice(0, args.errors)
    .map((e) => ({ ...e, forms: [...e.forms].slice(0, 3) }));
  return { dataset: name, files: files.map((f) => f.slice(evalDir.length + 1)), counts, errors: top };
}

async function main() {
  const present = DATASETS.filter((d) => !args.dataset || d === args.dataset);
  const results = [];
  const skipped = [];
  let morph = null;
  for (const name of present) {
    const dir = join(evalDir, name);
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.conllu')).sort().map((f) => join(dir, f)) : [];
    if (files.length === 0) {
      skipped.push(name);
      if (!args.json) console.log(`skipped: ${name} not found (${dir})`);
      continue;
    }
    if (!morph) morph = await loadModule();
    results.push(evaluate(morph, name, files));
  }
  if (args.json) {
    console.log(JSON.stringify({ pack: 'packs/sq/morphology', skipped, results }, null, 2));
    return;
  }
  for (const r of results) printResult(r);
}

async function loadModule() {
  const modulePath = join(root, 'dist/morphology/lemmatiser.js');
  if (!existsSync(modulePath)) {
    console.error('dist/morphology/lemmatiser.js missing: run `npx tsc -p tsconfig.json` first');
    process.exit(1);
  }
  const { loadMorphology } = await import(modulePath);
  return loadMorphology(packDir);
}

function printResult(r) {
  console.log(`\n== ${r.dataset} (${r.files.join(', ')})`);
  for (const [pos, c] of Object.entries(r.counts)) {
    const acc = c.accuracy === null ? '-' : c.accuracy.toFixed(3);
    console.log(`  ${pos.padEnd(11)} ${String(c.correct).padStart(5)}/${String(c.n).padEnd(5)} ${acc}   (errors where gold lemma = word form: ${c.goldIsForm})`);
  }
  console.log(`  commonest errors (count, pos, gold → ours, forms):`);
  for (const e of r.errors) {
    console.log(`  ${String(e.count).padStart(4)}  ${e.upos.padEnd(5)} ${e.gold} → ${e.ours}   [${e.forms.join(', ')}]`);
  }
}

await main();
