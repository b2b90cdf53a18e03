import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './inflect.js';
import { LexiconIndex } from './lemmatiser.js';
import type { IndexHit } from './lemmatiser.js';
import { loadPack } from './pack.js';
import type { LexiconEntry, MorphologyPack } from './pack.js';

const packDir = join(dirname(fileURLToPath(import.meta.url)), '../../packs/sq/morphology');
const pack = loadPack(packDir);

/** The index as it was built before it was lazy: every entry's forms generated in lexicon order. */
function eagerIndex(p: MorphologyPack): Map<string, IndexHit[]> {
  const index = new Map<string, IndexHit[]>();
  for (const entry of p.lexicon) {
    const paradigm = p.paradigms.get(entry.paradigm);
    if (!paradigm) continue;
    const lemma = entry.lemma.toLowerCase();
    for (const { form, slot, weight: w } of generate(p, lemma, paradigm, entry)) {
      const weight = w * entry.weight;
      const hits = index.get(form) ?? [];
      const same = hits.find((h) => h.lemma === lemma && h.paradigm === paradigm);
      if (!same) hits.push({ lemma, paradigm, slot, weight });
      else if (same.weight < weight) Object.assign(same, { slot, weight });
      index.set(form, hits);
    }
  }
  return index;
}

function knownOf(p: MorphologyPack): Map<string, LexiconEntry[]> {
  const known = new Map<string, LexiconEntry[]>();
  for (const entry of p.lexicon) {
    const lemma = entry.lemma.toLowerCase();
    known.set(lemma, [...(known.get(lemma) ?? []), entry]);
  }
  return known;
}

test('the lazy lexicon index gives every form of the Albanian lexicon the analyses of the full-form index, in order', () => {
  const eager = eagerIndex(pack);
  const lazy = new LexiconIndex(pack, knownOf(pack));
  assert.ok(eager.size > 10_000, `only ${eager.size} forms`);
  const differ: string[] = [];
  for (const [form, hits] of eager) {
    const got = lazy.get(form);
    if (JSON.stringify(got.map(show)) !== JSON.stringify(hits.map(show))) differ.push(form);
  }
  assert.deepEqual(differ.slice(0, 10), []);
});

test('the lazy lexicon index finds nothing for words the lexicon does not generate', () => {
  const lazy = new LexiconIndex(pack, knownOf(pack));
  const eager = eagerIndex(pack);
  for (const word of ['', 'x', 'qqqzzz', 'presidentzz', 'kompjuterizimeve', 'ë', '-it', 'a'.repeat(500)]) {
    assert.equal(eager.has(word), false, word);
    assert.deepEqual(lazy.get(word), [], word);
  }
  // a form asked twice gives the same analyses
  const [form] = eager.keys();
  assert.deepEqual(lazy.get(form ?? '').map(show), lazy.get(form ?? '').map(show));
});

test('the lazy lexicon index reaches explicit stems and listed forms', () => {
  const stem: MorphologyPack = {
    ...pack,
    lexicon: pack.lexicon.filter((e) => e.stems.size > 0 || e.forms.length > 0),
  };
  assert.ok(stem.lexicon.length > 0, 'the pack has entries with stems or listed forms');
  const eager = eagerIndex(stem);
  const lazy = new LexiconIndex(stem, knownOf(stem));
  for (const [form, hits] of eager) assert.deepEqual(lazy.get(form).map(show), hits.map(show), form);
});

function show(h: IndexHit): string {
  return `${h.lemma}/${h.paradigm.name}/${h.slot}/${h.weight}`;
}
