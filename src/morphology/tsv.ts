/**
 * Reading of the plain-text tables that morphology packs are made of.
 *
 * Format: one record per line, cells separated by TABs; a line whose first
 * non-blank character is `#` is a comment, and so is anything after a `#` that
 * follows whitespace (so `#` may still appear inside a cell). Blank lines are
 * ignored. CRLF line endings are accepted.
 */
import { existsSync, readFileSync } from 'node:fs';

/** Splits table text into rows of trimmed cells, dropping comments and blank lines. */
export function parseTable(text: string): string[][] {
  const rows: string[][] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trimEnd();
    if (line.trim() === '') continue;
    rows.push(line.split('\t').map((cell) => cell.trim()));
  }
  return rows;
}

/** Reads a table file; returns no rows when the file does not exist. */
export function readTable(path: string): string[][] {
  if (!existsSync(path)) return [];
  return parseTable(readFileSync(path, 'utf8').normalize('NFC'));
}

/** Reads `key<TAB>value` rows into a map (later rows override earlier ones). */
export function readKeyValues(path: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const [key, value] of readTable(path)) {
    if (key !== undefined) map.set(key, value ?? '');
  }
  return map;
}
