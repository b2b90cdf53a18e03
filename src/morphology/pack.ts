/**
 * Loading of a morphology pack: the language data (endings, paradigms,
 * lexicon, clitics, articles, name classes) that the language-independent
 * engine in this folder works from. See packs/sq/morphology/README.md.
 */
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { readKeyValues, readTable } from './tsv.js';

/** One inflectional ending: the form is the lemma minus `strip` plus `add`. */
export interface EndingRule {
  set: string;
  strip: string;
  add: string;
  slot: string;
  weight: number;
  /** Condition on the base the ending attaches to (lemma minus strip), or null. */
  baseCond: RegExp | null;
}

/** An inflection class: which lemmas it fits and which ending sets it uses. */
export interface Paradigm {
  name: string;
  gender: string;
  posWeights: Map<string, number>;
  lemmaCond: RegExp;
  sets: string[];
  minLength: number;
}

/** A lexicon entry: a known lemma, its paradigm and its lexical peculiarities. */
export interface LexiconEntry {
  lemma: string;
  paradigm: string;
  /** Ending sets whose base is given explicitly (set name → stem). */
  stems: Map<string, string>;
  /** Ending sets of the paradigm that this lemma does not use. */
  removed: Set<string>;
  /** Irregular forms listed literally. */
  forms: string[];
  /** Factor on the weight of this entry's analyses (option w=0.5), 1 by default. */
  weight: number;
}

/** A rule choosing the inflection class of a proper name from its shape. */
export interface NameClassRule {
  pattern: RegExp;
  paradigm: string;
  /** plain (Putinit), hyphen (KCNA-së) or both (Kimit and Kim-it). */
  style: 'plain' | 'hyphen' | 'both';
}

/** Linking articles (i/e/të/së) for one gender/number and slot. */
export interface ArticleRule {
  agreement: string;
  slot: string;
  articles: string[];
}

/** A factor on guessed lemmas of some parts of speech that match a pattern. */
export interface LemmaPrior {
  pos: Set<string>;
  pattern: RegExp;
  factor: number;
}

/** Everything a pack folder holds, parsed. */
export interface MorphologyPack {
  dir: string;
  settings: Map<string, string>;
  /** Character classes usable as `{NAME}` in patterns. */
  macros: Map<string, string>;
  endings: Map<string, EndingRule[]>;
  paradigms: Map<string, Paradigm>;
  lexicon: LexiconEntry[];
  /** Factors on any guessed lemma of a given shape. */
  lemmaPriors: LemmaPrior[];
  /** Factors on guesses that take the word as its own lemma. */
  identityPriors: LemmaPrior[];
  clitics: string[];
  articles: ArticleRule[];
  nameClasses: NameClassRule[];
}

/** Reads and validates every table of the pack in `dir`. */
export function loadPack(dir: string): MorphologyPack {
  if (!existsSync(dir)) throw new Error(`morphology pack not found: ${dir}`);
  const settings = readKeyValues(join(dir, 'settings.tsv'));
  const macros = readMacros(join(dir, 'classes.tsv'));
  const endings = readEndings(join(dir, 'endings.tsv'), macros);
  const paradigms = readParadigms(join(dir, 'paradigms.tsv'), macros, endings);
  const lexicon = readLexicons(dir, paradigms, endings);
  const lemmaPriors = readPriors(join(dir, 'lemma-priors.tsv'), macros);
  const identityPriors = readPriors(join(dir, 'identity-priors.tsv'), macros);
  const clitics = readTable(join(dir, 'clitics.tsv')).map((row) => cell(row, 0).toLowerCase());
  const articles = readTable(join(dir, 'articles.tsv')).map((row) => ({
    agreement: cell(row, 0),
    slot: cell(row, 1),
    articles: cell(row, 2).split(/\s+/).filter(Boolean),
  }));
  const nameClasses = readTable(join(dir, 'names.tsv')).map((row) => ({
    pattern: compile(cell(row, 0), macros),
    paradigm: known(paradigms, cell(row, 1), 'names.tsv'),
    style: nameStyle(cell(row, 2)),
  }));
  return { dir, settings, macros, endings, paradigms, lexicon, lemmaPriors, identityPriors, clitics, articles, nameClasses };
}

function nameStyle(text: string): NameClassRule['style'] {
  if (text === 'hyphen' || text === 'both') return text;
  return 'plain';
}

function cell(row: string[], index: number): string {
  return row[index] ?? '';
}

/** `-` (or an empty cell) in an ending column stands for the empty string. */
function affix(text: string): string {
  return text === '-' ? '' : text.toLowerCase();
}

function readPriors(path: string, macros: Map<string, string>): LemmaPrior[] {
  return readTable(path).map((row) => {
    const factor = Number(cell(row, 2));
    if (!Number.isFinite(factor)) throw new Error(`${path}: bad factor in ${row.join(' ')}`);
    return { pos: new Set(cell(row, 0).split(',').map((p) => p.trim())), pattern: compile(cell(row, 1), macros), factor };
  });
}

function readMacros(path: string): Map<string, string> {
  const macros = new Map<string, string>();
  for (const row of readTable(path)) macros.set(cell(row, 0), cell(row, 1));
  return macros;
}

/** Compiles a pattern, expanding `{NAME}` macros from classes.tsv. */
export function compile(pattern: string, macros: Map<string, string>): RegExp {
  const expanded = pattern.replace(/(?<!\\[pP])\{([A-Za-z]\w*)\}/g, (whole, name: string) => {
    const value = macros.get(name);
    if (value === undefined) throw new Error(`unknown character class {${name}}`);
    return value;
  });
  return new RegExp(expanded, 'u');
}

function readEndings(path: string, macros: Map<string, string>): Map<string, EndingRule[]> {
  const sets = new Map<string, EndingRule[]>();
  for (const row of readTable(path)) {
    const rule: EndingRule = {
      set: cell(row, 0),
      strip: affix(cell(row, 1)),
      add: affix(cell(row, 2)),
      slot: cell(row, 3),
      weight: Number(cell(row, 4) || '1'),
      baseCond: cell(row, 5) && cell(row, 5) !== '-' ? compile(cell(row, 5), macros) : null,
    };
    if (!Number.isFinite(rule.weight)) throw new Error(`bad weight in endings.tsv: ${row.join(' ')}`);
    const list = sets.get(rule.set) ?? [];
    list.push(rule);
    sets.set(rule.set, list);
  }
  return sets;
}

function readParadigms(
  path: string,
  macros: Map<string, string>,
  endings: Map<string, EndingRule[]>,
): Map<string, Paradigm> {
  const paradigms = new Map<string, Paradigm>();
  for (const row of readTable(path)) {
    const sets = cell(row, 4) === '-' ? [] : cell(row, 4).split(/\s+/).filter(Boolean);
    for (const set of sets) {
      if (!endings.has(set)) throw new Error(`paradigms.tsv: unknown ending set ${set}`);
    }
    paradigms.set(cell(row, 0), {
      name: cell(row, 0),
      gender: cell(row, 1),
      posWeights: parseWeights(cell(row, 2)),
      lemmaCond: compile(cell(row, 3), macros),
      sets,
      minLength: Number(cell(row, 5) || '2'),
    });
  }
  return paradigms;
}

function parseWeights(text: string): Map<string, number> {
  const weights = new Map<string, number>();
  if (text === '-' || text === '') return weights;
  for (const part of text.split(',')) {
    const [pos, weight] = part.split('=');
    if (pos) weights.set(pos.trim(), Number(weight ?? '1'));
  }
  return weights;
}

function known(paradigms: Map<string, Paradigm>, name: string, file: string): string {
  if (!paradigms.has(name)) throw new Error(`${file}: unknown paradigm ${name}`);
  return name;
}

function readLexicons(
  dir: string,
  paradigms: Map<string, Paradigm>,
  endings: Map<string, EndingRule[]>,
): LexiconEntry[] {
  const files = readdirSync(dir).filter((f) => /^lexicon.*\.tsv$/.test(f)).sort();
  const entries: LexiconEntry[] = [];
  for (const file of files) {
    for (const row of readTable(join(dir, file))) {
      const entry = parseLexiconRow(row, paradigms, file);
      for (const set of [...entry.stems.keys(), ...entry.removed]) {
        if (!endings.has(set)) throw new Error(`${file}: unknown ending set ${set} for ${entry.lemma}`);
      }
      entries.push(entry);
    }
  }
  return entries;
}

/** Parses `lemma<TAB>paradigm<TAB>options`; options are `set=stem`, `-set` and `+form,form`. */
function parseLexiconRow(row: string[], paradigms: Map<string, Paradigm>, file: string): LexiconEntry {
  const entry: LexiconEntry = {
    lemma: cell(row, 0),
    paradigm: known(paradigms, cell(row, 1), file),
    stems: new Map(),
    removed: new Set(),
    forms: [],
    weight: 1,
  };
  for (const option of row.slice(2).join(' ').split(/\s+/).filter(Boolean)) {
    if (option.startsWith('w=')) entry.weight = Number(option.slice(2));
    else if (option.startsWith('+')) entry.forms.push(...option.slice(1).split(',').filter(Boolean));
    else if (option.startsWith('-')) entry.removed.add(option.slice(1));
    else if (option.includes('=')) {
      const [set = '', stem = ''] = option.split('=');
      entry.stems.set(set, stem === '-' ? '' : stem.toLowerCase());
    } else throw new Error(`${file}: bad option "${option}" for ${entry.lemma}`);
  }
  return entry;
}
