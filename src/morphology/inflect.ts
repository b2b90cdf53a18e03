/**
 * Paradigm arithmetic: producing the forms of a lemma, and guessing the lemmas
 * a form may come from. Both directions read the same ending tables.
 */
import type { EndingRule, LexiconEntry, MorphologyPack, Paradigm } from './pack.js';

/** A form produced by a paradigm, with the slot it fills and the ending's weight. */
export interface GeneratedForm {
  form: string;
  slot: string;
  weight: number;
}

/** A guessed origin of a word: lemma, paradigm and slot, with the rule's weight. */
export interface Guess {
  lemma: string;
  paradigm: string;
  slot: string;
  weight: number;
}

/** Ending sets a paradigm uses for one lexicon entry (or for any lemma when entry is absent). */
export function setsOf(paradigm: Paradigm, entry?: LexiconEntry): string[] {
  if (!entry) return paradigm.sets;
  const sets = paradigm.sets.filter((set) => !entry.removed.has(set));
  for (const set of entry.stems.keys()) if (!sets.includes(set)) sets.push(set);
  return sets;
}

/** The base an ending attaches to for a lemma, or null when the rule does not apply. */
function baseFor(lemma: string, rule: EndingRule, entry?: LexiconEntry): string | null {
  const stem = entry?.stems.get(rule.set);
  if (stem !== undefined) return stem;
  if (!lemma.endsWith(rule.strip)) return null;
  return lemma.slice(0, lemma.length - rule.strip.length);
}

/** All forms of a (lowercase) lemma in a paradigm, honouring a lexicon entry's overrides. */
export function generate(
  pack: MorphologyPack,
  lemma: string,
  paradigm: Paradigm,
  entry?: LexiconEntry,
  slotFilter?: (slot: string) => boolean,
): GeneratedForm[] {
  const out: GeneratedForm[] = [];
  for (const set of setsOf(paradigm, entry)) {
    for (const rule of pack.endings.get(set) ?? []) {
      if (slotFilter && !slotFilter(rule.slot)) continue;
      const base = baseFor(lemma, rule, entry);
      if (base === null) continue;
      if (rule.baseCond && !rule.baseCond.test(base)) continue;
      out.push({ form: base + rule.add, slot: rule.slot, weight: rule.weight });
    }
  }
  for (const form of entry?.forms ?? []) out.push({ form: form.toLowerCase(), slot: 'listed', weight: 1 });
  return out;
}

/** Lemmas that a (lowercase) word could have under one paradigm, by reversing its endings. */
export function guessLemmas(pack: MorphologyPack, word: string, paradigm: Paradigm, lemmaPattern: RegExp | null): Guess[] {
  const out: Guess[] = [];
  for (const set of paradigm.sets) {
    for (const rule of pack.endings.get(set) ?? []) {
      const guess = reverseRule(word, paradigm, rule, lemmaPattern);
      if (guess) out.push(guess);
    }
  }
  return out;
}

/** The lemma a word would have if it carried one ending of a paradigm, or null when the ending or the lemma shape does not fit. */
export function reverseRule(word: string, paradigm: Paradigm, rule: EndingRule, lemmaPattern: RegExp | null): Guess | null {
  if (!word.endsWith(rule.add)) return null;
  const base = word.slice(0, word.length - rule.add.length);
  if (rule.baseCond && !rule.baseCond.test(base)) return null;
  const lemma = base + rule.strip;
  if (lemma.length < paradigm.minLength) return null;
  if (!paradigm.lemmaCond.test(lemma)) return null;
  if (lemmaPattern && !lemmaPattern.test(lemma)) return null;
  return { lemma, paradigm: paradigm.name, slot: rule.slot, weight: rule.weight };
}
