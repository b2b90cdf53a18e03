/**
 * Language-independent lemmatiser and name-form generator driven by a
 * morphology pack (see packs/sq/morphology/README.md for the data format).
 *
 * Lookup order for a word: closed-class parts of speech are returned as they
 * are; hyphenated clitics on abbreviations and foreign names are cut off;
 * forms generated from the pack's lexicon win; otherwise every paradigm that
 * the part of speech allows proposes lemmas by reversing its endings, and the
 * proposals are ranked by the weights written in the pack.
 *
 * The lexicon's forms are not generated up front (some 19,000 forms of 2,800
 * entries took about 80 ms of CPU time at every start): a word's lexicon
 * analyses are found when it is first asked for, by reversing the endings it
 * may carry to the entries that could have produced it and generating only
 * those entries' forms (see `LexiconIndex`).
 */
import { isCapitalised, copyCase } from './casing.js';
import { generate, reverseRule } from './inflect.js';
import { compile, loadPack } from './pack.js';
import type { EndingRule, LemmaPrior, LexiconEntry, MorphologyPack, Paradigm } from './pack.js';
import { NameGenerator } from './names.js';
import { detached } from '../text/fold.js';

/** Lemmatisation and name inflection for one language. */
export interface Morphology {
  /** Lemma of a word form; pos is a UD tag when known (NOUN, PROPN, ADJ, VERB, …). Keeps the input's capitalisation pattern for PROPN (Rusisë → Rusi, Putinit → Putin, KCNA-së → KCNA). */
  lemma(word: string, pos?: string): string;
  /** Candidate lemmas, best first (for matching against lexicons). */
  lemmas(word: string, pos?: string): string[];
  /** All case/definiteness forms of a proper name given in its base (indefinite nominative) form. */
  nameForms(name: string, options?: NameOptions): string[];
}

/** Optional hints for nameForms when the name's shape does not tell enough. */
export interface NameOptions {
  /** Grammatical gender of the name's head ("m" or "f"); overrides the guess from its ending. */
  gender?: 'm' | 'f';
  /** Which word of a multi-word name inflects; by default the pack's rules decide. */
  head?: 'first' | 'last';
}

/** A lexicon form hit: which lemma and paradigm produced the form, and how strongly. */
export interface IndexHit {
  lemma: string;
  paradigm: Paradigm;
  slot: string;
  weight: number;
}

/** A scored lemma candidate: where it came from (paradigm and slot, or 'lexicon') and how strongly. */
export interface Candidate {
  lemma: string;
  paradigm: string;
  slot: string;
  score: number;
}

/** Loads the pack in `packDir` and returns a Morphology working from it. */
export function loadMorphology(packDir: string): Morphology {
  return new PackMorphology(loadPack(packDir));
}

/** Morphology implementation over a loaded pack. */
export class PackMorphology implements Morphology {
  private readonly index: LexiconIndex;
  private readonly known = new Map<string, LexiconEntry[]>();
  private readonly closedPos: Set<string>;
  private readonly lemmaPattern: RegExp | null;
  private readonly lexiconWeight: number;
  private readonly knownBoost: number;
  /** Lowest paradigm weight a lexicon analysis is scored with (a listed word of a rare class is as real as any). */
  private readonly lexiconFloor: number;
  private readonly names: NameGenerator;
  private readonly fallback = new Map<string, Array<{ pos: string; factor: number }>>();
  /** Per part of speech: another part of speech whose guesses are used when none of its own reaches `threshold`. */
  private readonly weakFallback = new Map<string, { pos: string; threshold: number }>();
  /** Every (paradigm, ending) pair of a paradigm that can guess, keyed by the ending's last letter ('' for no ending). */
  private readonly rulesByLast = new Map<string, Array<{ paradigm: Paradigm; rule: EndingRule }>>();
  /** The same per part of speech, with the paradigm's weight for it and without paradigms it cannot use. */
  private readonly rulesByPos = new Map<string, Map<string, GuessRule[]>>();
  /** Lexicon weight of a paradigm for a part of speech (with fallbacks and the floor), cached. */
  private readonly lexiconWeights = new Map<string, Map<Paradigm, number>>();
  /** Prior factor of a guessed lemma, keyed by part of speech, identity and lemma (bounded). */
  private readonly priorFactors = new Map<string, number>();
  private readonly priorCache = new Map<string, LemmaPrior[]>();
  private readonly prefixes: string[];
  private readonly prefixPos: Set<string>;
  /** Finished candidate lists by part of speech and word (bounded): news repeats its words. */
  private readonly results = new Map<string, string[]>();

  /** Builds the full-form index of the pack's lexicon. */
  constructor(readonly pack: MorphologyPack) {
    const setting = (key: string, fallback: string): string => pack.settings.get(key) ?? fallback;
    this.closedPos = new Set(setting('closed-pos', '').split(/\s+/).filter(Boolean));
    const pattern = setting('lemma-pattern', '');
    this.lemmaPattern = pattern ? compile(pattern, pack.macros) : null;
    this.lexiconWeight = Number(setting('lexicon-weight', '1000'));
    this.knownBoost = Number(setting('known-lemma-boost', '1.3'));
    this.lexiconFloor = Number(setting('lexicon-paradigm-floor', '0'));
    for (const rule of setting('lexicon-pos-fallback', '').split(/\s+/).filter(Boolean)) {
      const [from = '', to = '', factor = '1'] = rule.split(':');
      this.fallback.set(from, [...(this.fallback.get(from) ?? []), { pos: to, factor: Number(factor) }]);
    }
    for (const rule of setting('weak-guess-fallback', '').split(/\s+/).filter(Boolean)) {
      const [from = '', to = '', threshold = '0'] = rule.split(':');
      this.weakFallback.set(from, { pos: to, threshold: Number(threshold) });
    }
    this.prefixes = setting('prefixes', '').split(/\s+/).filter(Boolean).sort((a, b) => b.length - a.length);
    this.prefixPos = new Set(setting('prefix-pos', '').split(/\s+/).filter(Boolean));
    for (const entry of pack.lexicon) this.addKnown(entry);
    this.index = new LexiconIndex(pack, this.known);
    this.indexRules();
    this.names = new NameGenerator(pack, this);
  }

  lemma(word: string, pos?: string): string {
    return this.lemmas(word, pos)[0] ?? word;
  }

  lemmas(word: string, pos?: string): string[] {
    if (pos !== undefined && this.closedPos.has(pos)) return [word.normalize('NFC').toLowerCase()];
    const key = `${pos ?? ''}\u0000${word}`;
    const cached = this.results.get(key);
    if (cached) return cached.slice();
    const out = this.computeLemmas(word, pos);
    if (word.length <= LONGEST_CACHED) {
      if (this.results.size >= RESULT_CACHE_LIMIT) this.results.clear();
      this.results.set(detached(key), out.slice());
    }
    return out;
  }

  private computeLemmas(word: string, pos?: string): string[] {
    const form = word.normalize('NFC');
    if (form === '') return [form];
    if (pos !== undefined && this.closedPos.has(pos)) return [form.toLowerCase()];
    const hyphenated = this.splitHyphen(form, pos);
    if (hyphenated) return hyphenated;
    const ranked = this.rank(form.toLowerCase(), pos);
    const keepCase = pos === 'PROPN' || (pos === undefined && isCapitalised(form));
    const out = (ranked.length > 0 ? ranked : [form.toLowerCase()]).map((lemma) =>
      keepCase ? copyCase(lemma, form) : lemma,
    );
    return [...new Set(out)];
  }

  nameForms(name: string, options: NameOptions = {}): string[] {
    return this.names.forms(name, options);
  }

  /** True when the lexicon lists the lemma under a paradigm usable for this part of speech. */
  private knownForPos(lemma: string, pos?: string): boolean {
    return (this.known.get(lemma) ?? []).some((entry) => {
      const paradigm = this.pack.paradigms.get(entry.paradigm);
      return paradigm !== undefined && weightFor(paradigm, pos) > 0;
    });
  }

  /** Lexicon analyses of a lowercase form, best first. */
  lexiconHits(lower: string): IndexHit[] {
    return [...this.index.get(lower)].sort((a, b) => b.weight - a.weight);
  }

  /** Lexicon entries whose lemma is `lemma` (lowercase), if any. */
  entriesFor(lemma: string): LexiconEntry[] {
    return this.known.get(lemma) ?? [];
  }

  /** Lowercase lemma candidates with scores, best first, for a lowercase word. */
  scored(lower: string, pos?: string): Candidate[] {
    const best = new Map<string, Candidate>();
    const offer = (candidate: Candidate): void => {
      const current = best.get(candidate.lemma);
      if (!current || current.score < candidate.score) best.set(candidate.lemma, candidate);
    };
    this.lexiconCandidates(lower, pos).forEach(offer);
    if (best.size === 0) this.prefixCandidates(lower, pos).forEach(offer);
    this.guessCandidates(lower, pos).forEach(offer);
    const ranked = [...best.values()].sort((a, b) => b.score - a.score);
    const weak = pos === undefined ? undefined : this.weakFallback.get(pos);
    if (weak && (ranked[0]?.score ?? 0) < weak.threshold) {
      // every reading is implausible for this part of speech (Aplikimeve as a name): the other one's come first
      return [...this.scored(lower, weak.pos), ...ranked.filter((c) => c.score > 0)];
    }
    return ranked;
  }

  /** Analyses of the word found among the forms the lexicon generates. */
  private lexiconCandidates(lower: string, pos?: string): Candidate[] {
    const out: Candidate[] = [];
    for (const hit of this.index.get(lower)) {
      const posWeight = this.lexiconWeightFor(hit.paradigm, pos);
      if (posWeight > 0) {
        out.push({ lemma: hit.lemma, paradigm: hit.paradigm.name, slot: 'lexicon', score: this.lexiconWeight * posWeight * hit.weight });
      }
    }
    return out;
  }

  /** Lexicon analyses of the word without a prefix, with the prefix put back on the lemma. */
  private prefixCandidates(lower: string, pos?: string): Candidate[] {
    return this.prefixedHits(lower, pos).map(({ prefix, hit }) => ({
      lemma: prefix + hit.lemma,
      paradigm: hit.paradigm.name,
      slot: 'prefix+lexicon',
      score: (this.lexiconWeight / 2) * weightFor(hit.paradigm, pos) * hit.weight,
    }));
  }

  /** Guesses from reversing every ending the word may carry, scored by the pack's weights and priors. */
  private guessCandidates(lower: string, pos?: string): Candidate[] {
    const out: Candidate[] = [];
    const byLast = this.guessRules(pos);
    for (const key of ['', lower.slice(-1)]) {
      for (const { paradigm, rule, posWeight } of byLast.get(key) ?? []) {
        const guess = reverseRule(lower, paradigm, rule, this.lemmaPattern);
        if (!guess) continue;
        const factor = this.knownForPos(guess.lemma, pos) ? this.knownBoost : this.prior(guess.lemma, lower, pos);
        out.push({ lemma: guess.lemma, paradigm: guess.paradigm, slot: guess.slot, score: posWeight * guess.weight * factor });
      }
    }
    return out;
  }

  /** The guessing rules usable for a part of speech, by last letter, with the paradigm's weight (built once per pos). */
  private guessRules(pos?: string): Map<string, GuessRule[]> {
    const key = pos ?? '*';
    let byLast = this.rulesByPos.get(key);
    if (!byLast) {
      byLast = new Map();
      for (const [last, rules] of this.rulesByLast) {
        const usable = rules
          .map(({ paradigm, rule }) => ({ paradigm, rule, posWeight: weightFor(paradigm, pos) }))
          .filter((r) => r.posWeight > 0);
        if (usable.length > 0) byLast.set(last, usable);
      }
      this.rulesByPos.set(key, byLast);
    }
    return byLast;
  }

  /** Product of the prior factors for a guessed lemma (and, when it is the word itself, the identity priors), memoised. */
  private prior(lemma: string, word: string, pos?: string): number {
    const identity = lemma === word;
    const key = `${pos ?? '*'}|${identity ? 1 : 0}|${lemma}`;
    let factor = this.priorFactors.get(key);
    if (factor === undefined) {
      factor = 1;
      for (const rule of this.priorsFor(pos, identity)) {
        if (rule.pattern.test(lemma)) factor *= rule.factor;
      }
      if (this.priorFactors.size > 100_000) this.priorFactors.clear();
      this.priorFactors.set(key, factor);
    }
    return factor;
  }

  /** The prior rules that apply to a part of speech (all of them when it is unknown), cached. */
  private priorsFor(pos: string | undefined, identity: boolean): LemmaPrior[] {
    const key = `${pos ?? '*'}|${identity}`;
    let rules = this.priorCache.get(key);
    if (!rules) {
      const all = identity ? [...this.pack.lemmaPriors, ...this.pack.identityPriors] : this.pack.lemmaPriors;
      rules = all.filter((rule) => pos === undefined || rule.pos.has(pos));
      this.priorCache.set(key, rules);
    }
    return rules;
  }

  /** Lexicon hits for the word minus one of the pack's prefixes (përbëhet → për + bëhet), for prefix parts of speech. */
  private prefixedHits(lower: string, pos?: string): Array<{ prefix: string; hit: IndexHit }> {
    if (pos === undefined || !this.prefixPos.has(pos)) return [];
    for (const prefix of this.prefixes) {
      if (!lower.startsWith(prefix) || lower.length - prefix.length < 2) continue;
      const hits = this.index.get(lower.slice(prefix.length)).filter((h) => weightFor(h.paradigm, pos) > 0);
      if (hits.length > 0) return hits.map((hit) => ({ prefix, hit }));
    }
    return [];
  }

  /** Weight of a lexicon paradigm for a pos (at least the pack's floor), letting e.g. PROPN use NOUN entries at a discount. */
  private lexiconWeightFor(paradigm: Paradigm, pos?: string): number {
    const key = pos ?? '*';
    let cache = this.lexiconWeights.get(key);
    if (!cache) {
      cache = new Map();
      this.lexiconWeights.set(key, cache);
    }
    let weight = cache.get(paradigm);
    if (weight === undefined) {
      const floored = (w: number): number => (w > 0 ? Math.max(w, this.lexiconFloor) : 0);
      weight = floored(weightFor(paradigm, pos));
      for (const f of pos === undefined ? [] : (this.fallback.get(pos) ?? [])) {
        weight = Math.max(weight, floored(weightFor(paradigm, f.pos)) * f.factor);
      }
      cache.set(paradigm, weight);
    }
    return weight;
  }

  private rank(lower: string, pos?: string): string[] {
    return this.scored(lower, pos).map((c) => c.lemma);
  }

  /** Handles "KCNA-së", "Kim-it" (clitic cut off) and "Bosnjë-Hercegovinës" (last part lemmatised). */
  private splitHyphen(form: string, pos?: string): string[] | null {
    const match = /^(.+)([-‐‑–])([^-‐‑–]+)$/u.exec(form);
    if (!match) return null;
    const [, base = '', dash = '-', tail = ''] = match;
    if (this.pack.clitics.includes(tail.toLowerCase())) return [base];
    if (!/\p{L}/u.test(tail)) return null;
    return this.lemmas(tail, pos).map((lemma) => `${base}${dash}${lemma}`);
  }

  /** Groups the endings of every paradigm by their last letter, so a word is only tried against endings it can carry. */
  private indexRules(): void {
    for (const paradigm of this.pack.paradigms.values()) {
      if (paradigm.lemmaCond.source === '(?!)') continue; // a lexicon-only class: it never guesses
      for (const set of paradigm.sets) {
        for (const rule of this.pack.endings.get(set) ?? []) {
          const key = rule.add.slice(-1);
          const list = this.rulesByLast.get(key) ?? [];
          list.push({ paradigm, rule });
          this.rulesByLast.set(key, list);
        }
      }
    }
  }

  /** Lists an entry under its lowercase lemma (entries of an unknown paradigm are left out, as from the index). */
  private addKnown(entry: LexiconEntry): void {
    if (!this.pack.paradigms.has(entry.paradigm)) return;
    const lemma = entry.lemma.toLowerCase();
    const list = this.known.get(lemma) ?? [];
    list.push(entry);
    this.known.set(lemma, list);
  }
}

/**
 * The full-form index of a pack's lexicon (lowercase form → the analyses of the entries generating it), filled one
 * form at a time. A form can only come from an entry whose lemma is the form minus an ending it carries plus that
 * ending's strip, from an entry with an explicit stem equal to the form minus an ending, or from an entry listing it;
 * those candidates' forms are generated and the ones equal to the form kept, in lexicon order, with the weight of the
 * best slot per lemma and paradigm (as if every entry's forms had been generated in turn).
 */
export class LexiconIndex {
  private readonly hits = new Map<string, IndexHit[]>();
  /** Position of each entry in the lexicon (the order analyses are listed in). */
  private readonly order = new Map<LexiconEntry, number>();
  /** Entries by an explicit stem (any ending set). */
  private readonly byStem = new Map<string, LexiconEntry[]>();
  /** Entries by a literally listed form (lowercase). */
  private readonly byListed = new Map<string, LexiconEntry[]>();
  /** The strips of every ending, by the ending's added text. */
  private readonly stripsByAdd = new Map<string, string[]>();
  private readonly longestAdd: number;

  constructor(
    private readonly pack: MorphologyPack,
    private readonly known: Map<string, LexiconEntry[]>,
  ) {
    const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
      const list = map.get(key);
      if (list) list.push(value);
      else map.set(key, [value]);
    };
    pack.lexicon.forEach((entry, i) => {
      if (!pack.paradigms.has(entry.paradigm)) return;
      this.order.set(entry, i);
      for (const stem of new Set(entry.stems.values())) push(this.byStem, stem, entry);
      for (const form of new Set(entry.forms.map((f) => f.toLowerCase()))) push(this.byListed, form, entry);
    });
    let longest = 0;
    for (const rules of pack.endings.values()) {
      for (const rule of rules) {
        const strips = this.stripsByAdd.get(rule.add) ?? [];
        if (!strips.includes(rule.strip)) strips.push(rule.strip);
        this.stripsByAdd.set(rule.add, strips);
        longest = Math.max(longest, rule.add.length);
      }
    }
    this.longestAdd = longest;
  }

  /** The analyses of a lowercase form (the same array for every call; callers must not change it). */
  get(form: string): IndexHit[] {
    let hits = this.hits.get(form);
    if (hits === undefined) {
      hits = this.build(form);
      if (form.length <= LONGEST_CACHED) {
        if (this.hits.size >= CACHE_LIMIT) this.hits.clear();
        this.hits.set(detached(form), hits);
      }
    }
    return hits;
  }

  private build(form: string): IndexHit[] {
    const candidates = new Set<LexiconEntry>(this.byListed.get(form));
    for (let cut = Math.min(this.longestAdd, form.length); cut >= 0; cut--) {
      const strips = this.stripsByAdd.get(form.slice(form.length - cut));
      if (!strips) continue;
      const base = form.slice(0, form.length - cut);
      for (const entry of this.byStem.get(base) ?? []) candidates.add(entry);
      for (const strip of strips) for (const entry of this.known.get(base + strip) ?? []) candidates.add(entry);
    }
    if (candidates.size === 0) return NO_HITS;
    const hits: IndexHit[] = [];
    const inOrder = [...candidates].sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0));
    for (const entry of inOrder) {
      const paradigm = this.pack.paradigms.get(entry.paradigm);
      if (!paradigm) continue;
      const lemma = entry.lemma.toLowerCase();
      for (const generated of generate(this.pack, lemma, paradigm, entry)) {
        if (generated.form !== form) continue;
        const weight = generated.weight * entry.weight;
        const same = hits.find((h) => h.lemma === lemma && h.paradigm === paradigm);
        if (!same) hits.push({ lemma, paradigm, slot: generated.slot, weight });
        else if (same.weight < weight) Object.assign(same, { slot: generated.slot, weight });
      }
    }
    return hits.length > 0 ? hits : NO_HITS;
  }
}

const NO_HITS: IndexHit[] = [];
const CACHE_LIMIT = 200_000;
const RESULT_CACHE_LIMIT = 100_000;
const LONGEST_CACHED = 64;

/** A guessing rule with the weight of its paradigm for one part of speech. */
interface GuessRule {
  paradigm: Paradigm;
  rule: EndingRule;
  posWeight: number;
}

const bestWeight = new WeakMap<Paradigm, number>();

/** Weight of a paradigm for a part of speech; with no pos, its best weight. */
function weightFor(paradigm: Paradigm, pos?: string): number {
  if (pos !== undefined) return paradigm.posWeights.get(pos) ?? 0;
  let best = bestWeight.get(paradigm);
  if (best === undefined) {
    best = Math.max(0, ...paradigm.posWeights.values());
    bestWeight.set(paradigm, best);
  }
  return best;
}
