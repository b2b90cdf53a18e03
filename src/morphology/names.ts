/**
 * Inflected forms of proper names for gazetteer matching: single names
 * ("Rusi" → Rusia, Rusisë, Rusinë …), abbreviations with hyphenated clitics
 * ("KCNA" → KCNA-ja, KCNA-së …) and multi-word names whose linking articles
 * agree with the inflected head ("Kore e Veriut" → Koresë së Veriut …).
 */
import { copyCase } from './casing.js';
import { generate } from './inflect.js';
import type { MorphologyPack, Paradigm } from './pack.js';
import { compile } from './pack.js';
import type { IndexHit, NameOptions } from './lemmatiser.js';

/** What the name generator needs from the lemmatiser. */
export interface LexiconLookup {
  lexiconHits(lower: string): IndexHit[];
}

/** The inflecting word of a name: its lemma, paradigm and number. */
interface Head {
  lemma: string;
  paradigm: Paradigm;
  number: 'sg' | 'pl';
  style: 'plain' | 'hyphen' | 'both';
}

/** Generates name forms from the pack's names.tsv, articles.tsv and paradigms. */
export class NameGenerator {
  private readonly articleWords: Set<string>;
  private readonly slots: Set<string>;
  private readonly adjective: RegExp | null;

  /** Prepares article and slot tables from the pack. */
  constructor(
    private readonly pack: MorphologyPack,
    private readonly lookup: LexiconLookup,
  ) {
    this.articleWords = new Set(pack.articles.flatMap((rule) => rule.articles));
    this.slots = new Set((pack.settings.get('name-slots') ?? '').split(/\s+/).filter(Boolean));
    const adjective = pack.settings.get('name-adjective-pattern');
    this.adjective = adjective ? compile(adjective, pack.macros) : null;
  }

  /** All forms of a name, the name itself first. */
  forms(name: string, options: NameOptions): string[] {
    const tokens = name.trim().split(/\s+/).filter(Boolean);
    if (tokens.length === 0) return [];
    const headAt = this.headIndex(tokens, options);
    const headWord = tokens[headAt] ?? '';
    const head = (tokens.length > 1 && headAt === 0 ? this.fromLexicon(headWord) : null) ?? this.fromNames(headWord, options);
    const out = [tokens.join(' ')];
    if (!head) return out;
    for (const { form, slot } of this.headForms(head, headWord)) {
      for (const variant of this.agree(tokens, headAt, form, head, slot)) out.push(variant);
    }
    return [...new Set(out)];
  }

  /** Which token inflects: the first when articles or a trailing adjective say so, else the last. */
  private headIndex(tokens: string[], options: NameOptions): number {
    if (tokens.length === 1) return 0;
    if (options.head) return options.head === 'first' ? 0 : tokens.length - 1;
    if (tokens.some((t) => this.articleWords.has(t))) return 0;
    const first = tokens[0]?.toLowerCase() ?? '';
    const hits = this.lookup.lexiconHits(first);
    // a given name that is also a common noun (Flamur, Kujtim, Drita) stays as it is: the surname inflects
    const givenName = hits.some((hit) => hit.lemma === first && (hit.paradigm.posWeights.get('PROPN') ?? 0) > 0 && !hit.paradigm.posWeights.get('NOUN'));
    if (!givenName && hits.some((hit) => hit.paradigm.posWeights.get('NOUN'))) return 0;
    const last = tokens[tokens.length - 1] ?? '';
    if (this.adjective && this.adjective.test(last.toLowerCase())) return 0;
    return tokens.length - 1;
  }

  /** A head that is an inflected form of a known common noun ("Shtetet", "Bashkimi"). */
  private fromLexicon(word: string): Head | null {
    const lower = word.toLowerCase();
    const hits = this.lookup.lexiconHits(lower);
    const name = hits.find((h) => h.lemma === lower && (h.paradigm.posWeights.get('PROPN') ?? 0) > 0);
    if (name) return { lemma: lower, paradigm: name.paradigm, number: 'sg', style: 'plain' };
    const hit = hits.find((h) => (h.paradigm.posWeights.get('NOUN') ?? 0) > 0);
    if (!hit) return null;
    return { lemma: hit.lemma, paradigm: hit.paradigm, number: hit.slot.startsWith('pl') ? 'pl' : 'sg', style: 'plain' };
  }

  /** A head taken as a base form: a name the lexicon lists keeps its listed class (Kurti → Kurtit, not *Kurtisë), in the style names.tsv gives its shape. */
  private fromNames(word: string, options: NameOptions): Head | null {
    const shaped = this.fromShape(word, options);
    const lower = word.toLowerCase();
    const listed = this.lookup
      .lexiconHits(lower)
      .find((h) => h.lemma === lower && (h.paradigm.posWeights.get('PROPN') ?? 0) > 0 && (!options.gender || h.paradigm.gender === options.gender));
    if (!listed) return shaped;
    return { lemma: lower, paradigm: listed.paradigm, number: 'sg', style: shaped?.style ?? 'plain' };
  }

  /** A head taken as a base form, its class chosen by names.tsv (and the gender hint). */
  private fromShape(word: string, options: NameOptions): Head | null {
    for (const rule of this.pack.nameClasses) {
      const paradigm = this.pack.paradigms.get(rule.paradigm);
      if (!paradigm || !rule.pattern.test(word)) continue;
      if (options.gender && paradigm.gender !== options.gender && paradigm.gender !== '') continue;
      return { lemma: word.toLowerCase(), paradigm, number: 'sg', style: rule.style };
    }
    return null;
  }

  /** Forms of the head in the slots names use, cased like the written head. */
  private headForms(head: Head, written: string): Array<{ form: string; slot: string }> {
    const wanted = (slot: string): boolean => slot.startsWith(head.number) && (this.slots.size === 0 || this.slots.has(slot));
    const out: Array<{ form: string; slot: string }> = [];
    for (const g of generate(this.pack, head.lemma, head.paradigm, undefined, wanted)) {
      const ending = g.form.startsWith(head.lemma) ? g.form.slice(head.lemma.length) : null;
      if (head.style !== 'plain' && ending !== null) {
        out.push({ form: ending === '' ? written : `${written}-${ending}`, slot: g.slot });
      }
      if (head.style !== 'hyphen') out.push({ form: copyCase(g.form, written), slot: g.slot });
    }
    return out;
  }

  /** The name with the head replaced and every linking article made to agree with the head's slot. */
  private agree(tokens: string[], headAt: number, form: string, head: Head, slot: string): string[] {
    const agreement = head.number === 'pl' ? 'pl' : `${head.paradigm.gender}.sg`;
    const rule = this.pack.articles.find((r) => r.agreement === agreement && r.slot === slot);
    let variants: string[][] = [[]];
    tokens.forEach((token, i) => {
      const choices = i === headAt ? [form] : this.articleWords.has(token) && rule ? rule.articles : [token];
      variants = variants.flatMap((prefix) => choices.map((choice) => [...prefix, choice]));
    });
    return variants.map((v) => v.join(' '));
  }
}
