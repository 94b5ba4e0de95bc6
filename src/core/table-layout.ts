import { normalizeLabel } from './cells';
import type { ColumnSchema, TableSchema } from './schema/types';

/** How a table's header row maps onto its schema: found by header text in either language. */
export interface HeaderResolution {
  /** Schema column key → position in the header row (0-based). */
  indexByKey: Map<string, number>;
  /** Positions of headers that belong to no schema column: the user's own columns. */
  extras: number[];
  missing: ColumnSchema[];
  /** Schema columns whose header appears more than once (the later positions). */
  duplicates: { column: ColumnSchema; index: number }[];
  /**
   * Columns found under a renamed header (only with `recognizeRenamed`): their positions are in
   * `indexByKey` too, and in neither `extras` nor `missing`.
   */
  renamed: { column: ColumnSchema; index: number; header: string }[];
}

export interface ResolveHeadersOptions {
  /**
   * Also take a schema column that is missing to be a header the user renamed it to (see
   * `renamedHeaderMatches`). For repair only: a normal read accepts exactly the headers and aliases.
   */
  recognizeRenamed?: boolean;
  /** Columns that may be missing because a migration adds them now: never looked for under another name. */
  addedColumns?: ReadonlySet<string>;
}

/**
 * Maps headers onto the table's columns. A header matches a column when, compared case- and
 * space-insensitively, it equals the Polish or English header or one of `aliases` (old headers
 * a migration renamed).
 */
export function resolveHeaders(
  table: TableSchema,
  headers: readonly (string | null | undefined)[],
  aliases: ReadonlyMap<string, readonly string[]> = new Map(),
  options: ResolveHeadersOptions = {},
): HeaderResolution {
  const byText = headerIndex(table, aliases);
  const indexByKey = new Map<string, number>();
  let extras: number[] = [];
  const duplicates: HeaderResolution['duplicates'] = [];
  headers.forEach((header, index) => {
    const column = header ? byText.get(normalizeLabel(header)) : undefined;
    if (!column) extras.push(index);
    else if (indexByKey.has(column.key)) duplicates.push({ column, index });
    else indexByKey.set(column.key, index);
  });
  let missing = table.columns.filter((c) => !indexByKey.has(c.key));
  let renamed: HeaderResolution['renamed'] = [];
  if (options.recognizeRenamed && missing.length && extras.length) {
    const sought = missing.filter((c) => !options.addedColumns?.has(c.key));
    renamed = renamedHeaderMatches(table, sought, headers, extras, aliases);
    for (const match of renamed) indexByKey.set(match.column.key, match.index);
    const taken = new Set(renamed.map((m) => m.index));
    extras = extras.filter((index) => !taken.has(index));
    missing = missing.filter((c) => !indexByKey.has(c.key));
  }
  return { indexByKey, extras, missing, duplicates, renamed };
}

function headerIndex(
  table: TableSchema,
  aliases: ReadonlyMap<string, readonly string[]>,
): Map<string, ColumnSchema> {
  const byText = new Map<string, ColumnSchema>();
  for (const column of table.columns) {
    for (const text of namesOf(column, aliases)) byText.set(normalizeLabel(text), column);
  }
  return byText;
}

function namesOf(column: ColumnSchema, aliases: ReadonlyMap<string, readonly string[]>): string[] {
  return [column.header.pl, column.header.en, ...(aliases.get(column.key) ?? [])];
}

/** Headers at least this long (in letters and digits) may differ from ours by a typo or two. */
const TYPO_MIN_LENGTH = 6;
const TYPO_MAX_DISTANCE = 2;
/** A header contained in another counts only when it is this long: "ID" is inside too many words. */
const CONTAINED_MIN_LENGTH = 3;

/**
 * The user's headers (at `candidates`, positions in `headers`) that stand for `sought` columns
 * under another name: a header in either language (or an alias) written with other case,
 * diacritics, spaces or punctuation ("Email" for "E-mail"), with a typo or two (at most 2 edits,
 * transpositions included, for headers of 6 letters or more), or one holding the other as whole
 * words ("Nazwa firmy" for "Nazwa"). Only unambiguous pairs: the header resembles no schema
 * column but this one, and the column no other candidate header.
 */
export function renamedHeaderMatches(
  table: TableSchema,
  sought: readonly ColumnSchema[],
  headers: readonly (string | null | undefined)[],
  candidates: readonly number[],
  aliases: ReadonlyMap<string, readonly string[]> = new Map(),
): { column: ColumnSchema; index: number; header: string }[] {
  const forms = new Map(table.columns.map((c) => [c.key, namesOf(c, aliases).map(looseForm)]));
  const resembles = (column: ColumnSchema, header: LooseForm) =>
    forms.get(column.key)!.some((name) => similar(name, header));
  const byColumn = new Map<string, number[]>();
  const matches: { column: ColumnSchema; index: number; header: string }[] = [];
  for (const index of candidates) {
    const text = headers[index];
    if (!text) continue;
    const form = looseForm(text);
    if (form.compact === '') continue;
    const alike = table.columns.filter((column) => resembles(column, form));
    if (alike.length !== 1 || !sought.includes(alike[0])) continue;
    byColumn.set(alike[0].key, [...(byColumn.get(alike[0].key) ?? []), index]);
  }
  for (const column of sought) {
    const found = byColumn.get(column.key);
    if (found?.length !== 1) continue;
    matches.push({ column, index: found[0], header: String(headers[found[0]]) });
  }
  return matches.sort((a, b) => a.index - b.index);
}

/** A header reduced to what a rename keeps: lower-case letters and digits, as words and joined. */
interface LooseForm {
  words: string[];
  compact: string;
}

export function looseForm(text: string): LooseForm {
  const plain = text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[łŁ]/g, 'l').toLowerCase();
  const words = plain.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  return { words, compact: words.join('') };
}

function similar(ours: LooseForm, theirs: LooseForm): boolean {
  if (ours.compact === '' || theirs.compact === '') return false;
  if (ours.compact === theirs.compact) return true;
  if (
    Math.min(ours.compact.length, theirs.compact.length) >= TYPO_MIN_LENGTH &&
    editDistance(ours.compact, theirs.compact, TYPO_MAX_DISTANCE) <= TYPO_MAX_DISTANCE
  ) {
    return true;
  }
  const [shorter, longer] = ours.words.length <= theirs.words.length ? [ours, theirs] : [theirs, ours];
  return shorter.compact.length >= CONTAINED_MIN_LENGTH && containsWords(longer.words, shorter.words);
}

/** Whether `words` holds `part` as a run of whole words ("nazwa firmy" holds "nazwa"). */
function containsWords(words: readonly string[], part: readonly string[]): boolean {
  if (part.length === 0 || part.length >= words.length) return false;
  for (let start = 0; start + part.length <= words.length; start += 1) {
    if (part.every((word, i) => words[start + i] === word)) return true;
  }
  return false;
}

/**
 * The optimal string alignment distance (Levenshtein with adjacent transpositions) between `a`
 * and `b`, or `max + 1` as soon as it is known to be larger than `max`.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2] + 1);
      }
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}
