import type { Bilingual } from '../../../core/i18n';
import { RelacjeError } from '../../../core/errors';

/** How much a ZIP package may hold before it is refused, checked from its directory before any inflating. */
export interface PackageLimits {
  /** Entries in the central directory. */
  maxEntries: number;
  /** One entry's uncompressed size, in bytes. */
  maxEntryBytes: number;
  /** All entries' uncompressed sizes together, in bytes. */
  maxTotalBytes: number;
  /** One entry's uncompressed size over its compressed size. */
  maxRatio: number;
  /** Entries smaller than this are never refused for their ratio, in bytes. */
  ratioFloorBytes: number;
}

const MiB = 1024 * 1024;

/**
 * Sized for the largest workbook the product promises to hold: 100,000 clients with 1,000,000
 * activities. Its activities sheet is a few hundred MB of XML and the whole package under 1 GB
 * unpacked, so 1 GiB per part and 2 GiB in all leave room for a user's own sheets while still
 * refusing what would not fit in memory anyway. Sheet XML deflates 10 to 30 times and even a
 * sheet of empty styled cells stays under 150, while a bomb of zeros reaches about 1,000: 200
 * separates them. A tiny part (a run of spaces, an empty calcChain) can be more compressible than
 * any real sheet yet is harmless, hence the floor. 10,000 entries is dozens of times what a
 * workbook with many sheets, charts, pivot caches and images has.
 */
export const DEFAULT_PACKAGE_LIMITS: PackageLimits = Object.freeze({
  maxEntries: 10_000,
  maxEntryBytes: 1024 * MiB,
  maxTotalBytes: 2048 * MiB,
  maxRatio: 200,
  ratioFloorBytes: 1 * MiB,
});

export function packageLimits(overrides?: Partial<PackageLimits>): PackageLimits {
  return { ...DEFAULT_PACKAGE_LIMITS, ...overrides };
}

/** Sizes as people read them: 52428800 → "50 MiB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number(value.toFixed(value < 10 ? 1 : 0))} ${units[unit]}`;
}

export interface EntrySize {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

/**
 * Refuses a package whose directory declares more than `limits` allow; the sizes are only what
 * the directory claims, so inflating enforces them again (`maxOutputLength`).
 */
export function checkDeclaredSizes(
  entries: readonly EntrySize[],
  limits: PackageLimits,
  file: string | undefined,
): void {
  checkEntryCount(entries.length, limits, file);
  let total = 0;
  for (const entry of entries) {
    checkEntrySize(entry.name, entry.uncompressedSize, limits, file);
    checkRatio(entry, limits, file);
    total += entry.uncompressedSize;
    checkTotalSize(total, limits, file);
  }
}

export function checkEntryCount(count: number, limits: PackageLimits, file: string | undefined): void {
  if (count > limits.maxEntries) {
    throw tooLarge(file, undefined, entryCountLimit(limits.maxEntries), String(count));
  }
}

export function checkEntrySize(
  name: string,
  uncompressedSize: number,
  limits: PackageLimits,
  file: string | undefined,
): void {
  if (uncompressedSize > limits.maxEntryBytes) {
    throw tooLarge(file, name, entryLimit(limits.maxEntryBytes), formatBytes(uncompressedSize));
  }
}

export function checkRatio(entry: EntrySize, limits: PackageLimits, file: string | undefined): void {
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize >= limits.ratioFloorBytes && ratio > limits.maxRatio) {
    throw tooLarge(file, entry.name, ratioLimit(limits.maxRatio), `${Math.round(ratio)}:1`);
  }
}

export function checkTotalSize(total: number, limits: PackageLimits, file: string | undefined): void {
  if (total > limits.maxTotalBytes) {
    throw tooLarge(file, undefined, totalLimit(limits.maxTotalBytes), formatBytes(total));
  }
}

export function tooLarge(
  file: string | undefined,
  part: string | undefined,
  limit: Bilingual | string,
  actual: string,
): RelacjeError<'workbookTooLarge'> {
  return new RelacjeError('workbookTooLarge', { file, part, limit, actual });
}

export function entryLimit(bytes: number): Bilingual {
  return {
    pl: `najwyżej ${formatBytes(bytes)} po rozpakowaniu`,
    en: `at most ${formatBytes(bytes)} uncompressed`,
  };
}

function totalLimit(bytes: number): Bilingual {
  return {
    pl: `razem najwyżej ${formatBytes(bytes)} po rozpakowaniu`,
    en: `at most ${formatBytes(bytes)} uncompressed in all`,
  };
}

function entryCountLimit(count: number): Bilingual {
  return { pl: `najwyżej ${count} części`, en: `at most ${count} parts` };
}

function ratioLimit(ratio: number): Bilingual {
  return { pl: `stopień kompresji najwyżej ${ratio}:1`, en: `a compression ratio of at most ${ratio}:1` };
}
