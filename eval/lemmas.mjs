#!/usr/bin/env node
// Lemma accuracy of the Albanian morphology pack against third-party CoNLL-U
// gold data read in place from ../shared/eval (never copied into the repo).
//
// usage: node eval/lemmas.mjs [--json] [--errors N] [--pos NOUN,PROPN] [--dataset ud-sq]
// Needs the compiled module: npx tsc -p tsconfig.json
//
// The headline figure is plain accuracy. A secondary figure sets aside the errors
// where the gold lemma is itself not a citation form (see goldSlip below): those
// are annotation slips no lemmatiser should reproduce. It is printed separately
// and never replaces the headline figure.
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

/** Words of a CoNLL-U file as {form, lemma, upos, feats}; CRLF and multi-word ranges handled. */
function readConllu(path) {
  const words = [];
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line === '' || line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (cols.length < 4 || !/^\d+$/.test(cols[0])) continue;
    words.push({ form: cols[1].normalize('NFC'), lemma: cols[2].normalize('NFC'), upos: cols[3], feats: cols[5] ?? '_' });
  }
  return words;
}

/** Gold/ours agreement: case-insensitive, but for PROPN only the first letter's case may differ. */
function same(gold, ours, upos) {
  if (upos !== 'PROPN') return gold.toLowerCase() === ours.toLowerCase();
  if (gold === ours) return true;
  return gold.length > 0 && gold.slice(1) === ours.slice(1) && gold[0].toLowerCase() === ours[0].toLowerCase();
}

/**
 * Why an error is a slip of the gold rather than of ours, or null. Three kinds, each
 * decided mechanically, never from a list of words:
 * - 'form': the gold lemma is the word itself although the gold's own features say the word
 *   is inflected (sytë, Number=Plur, lemma sytë): plural or definite for NOUN and ADJ,
 *   plural for PROPN and capitalised gold lemmas (a definite name like Halili may well be
 *   cited so), a participle, past/imperfect tense or a person other than 1st singular for VERB;
 * - 'inflected': the gold lemma is itself a plural or definite form of our lemma by the
 *   pack's own analysis (gold njerëz where ours is njeri; gold nëna, ours nënë). Not
 *   applied to PROPN or capitalised gold lemmas, whose -i/-a citation forms (Halili/Halil,
 *   Paqësori) are a real ambiguity;
 * - 'truncated': the gold lemma is our lemma without its final -ë/-e, it starts the word,
 *   and the lexicon lists our lemma but not the truncated one (gold burr for burrin where
 *   ours is the listed burrë).
 */
function goldSlip(morph, w, ours) {
  const gold = w.lemma.toLowerCase();
  const mine = ours.toLowerCase();
  const form = w.form.toLowerCase();
  if (gold === form) return inflectedByFeats(w) ? 'form' : null;
  if (w.upos !== 'PROPN' && !/^\p{Lu}/u.test(w.lemma)) {
    const top = morph.scored(gold, w.upos)[0];
    if (top && top.lemma === mine && mine !== gold) {
      const slot = top.slot === 'lexicon' ? morph.lexiconHits(gold).find((h) => h.lemma === mine)?.slot : top.slot;
      if (slot && /^pl\.|\.def\./.test(slot)) return 'inflected';
    }
  }
  if (
    (mine === `${gold}ë` || mine === `${gold}e`) &&
    form.startsWith(gold) &&
    morph.entriesFor(mine).length > 0 &&
    morph.entriesFor(gold).length === 0
  ) return 'truncated';
  return null;
}

/** True when the gold's FEATS column says the word is not in its citation form. */
function inflectedByFeats(w) {
  const f = new Set(w.feats.split('|'));
  // a capitalised gold lemma is a name (Roma, Hadi, even when tagged NOUN): cited definite by convention
  if (w.upos === 'PROPN' || /^\p{Lu}/u.test(w.lemma)) return f.has('Number=Plur');
  if (w.upos === 'NOUN' || w.upos === 'ADJ') return f.has('Number=Plur') || f.has('Definite=Def');
  if (w.upos === 'VERB') {
    return f.has('VerbForm=Part') || f.has('Tense=Past') || f.has('Tense=Imp') || f.has('Number=Plur') || f.has('Person=2') || f.has('Person=3');
  }
  return false;
}

function evaluate(morph, name, files) {
  const counts = Object.fromEntries([...REPORTED, 'NOUN+PROPN'].map((p) => [p, { n: 0, correct: 0, goldIsForm: 0, goldSlips: 0 }]));
  const slipKinds = {};
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
      const slip = ok ? null : goldSlip(morph, w, ours);
      if (slip) slipKinds[`${w.upos}.${slip}`] = (slipKinds[`${w.upos}.${slip}`] ?? 0) + 1;
      for (const b of buckets) {
        b.n++;
        if (ok) b.correct++;
        if (goldIsForm) b.goldIsForm++;
        if (slip) b.goldSlips++;
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
  for (const c of Object.values(counts)) {
    c.accuracy = c.n ? Number((c.correct / c.n).toFixed(4)) : null;
    // secondary figure: accuracy with the gold slips set aside (not the headline)
    c.accuracyWithoutGoldSlips = c.n > c.goldSlips ? Number((c.correct / (c.n - c.goldSlips)).toFixed(4)) : null;
  }
  const top = [...errors.values()]
    .sort((a, b) => b.count - a.count || a.gold.localeCompare(b.gold))
    .slice(0, args.errors)
    .map((e) => ({ ...e, forms: [...e.forms].slice(0, 3) }));
  return { dataset: name, files: files.map((f) => f.slice(evalDir.length + 1)), counts, slipKinds, errors: top };
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
  console.log(`  secondary figure, NOT the headline: accuracy with gold slips set aside`);
  console.log(`  (gold = the word although its gold features say plural/definite/…, gold = a plural/definite form of our lemma,\n   gold = our listed lemma minus -ë/-e; PROPN only when plural)`);
  for (const [pos, c] of Object.entries(r.counts)) {
    const acc = c.accuracyWithoutGoldSlips === null ? '-' : c.accuracyWithoutGoldSlips.toFixed(3);
    console.log(`  ${pos.padEnd(11)} ${String(c.correct).padStart(5)}/${String(c.n - c.goldSlips).padEnd(5)} ${acc}   (${c.goldSlips} gold slips set aside)`);
  }
  const kinds = Object.entries(r.slipKinds).sort().map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(`  gold slips by kind: ${kinds || 'none'}`);
  console.log(`  commonest errors (count, pos, gold → ours, forms):`);
  for (const e of r.errors) {
    console.log(`  ${String(e.count).padStart(4)}  ${e.upos.padEnd(5)} ${e.gold} → ${e.ours}   [${e.forms.join(', ')}]`);
  }
}

await main();
