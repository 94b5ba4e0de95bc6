import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { CellWrite } from './cell-writes';

/** One change to the workbook, as journaled: positions and typed cells, so replaying it is exact. */
export type EngineChange =
  | { op: 'insertRows'; table: string; index: number | null; rows: CellWrite[][] }
  | { op: 'updateRow'; table: string; index: number; values: CellWrite[] }
  | { op: 'deleteRow'; table: string; index: number }
  | { op: 'setRange'; sheet: string; address: string; cells: CellWrite[][] }
  | { op: 'clearRange'; sheet: string; address: string };

/**
 * A line of the journal. The first names the .xlsx it continues, by content hash; `folded` is
 * written just before a fold replaces the .xlsx and names the file that fold makes; a `batch`
 * holds changes that are acknowledged together or not at all.
 */
export type JournalLine =
  | { op: 'base'; sha256: string }
  | { op: 'folded'; sha256: string }
  | { op: 'batch'; changes: EngineChange[] }
  | EngineChange;

export function engineJournalPathOf(file: string): string {
  return `${file}.journal`;
}

/** Where the local server of earlier versions kept its journal (same format; replayed once). */
export function legacyServerJournalPathOf(file: string): string {
  return `${file}.server-journal`;
}

export const sha256Of = (content: Uint8Array): string => createHash('sha256').update(content).digest('hex');

export type Recovery =
  | { kind: 'fresh' }
  | { kind: 'replay'; changes: EngineChange[] }
  /** The journal belongs to another state of the file: to be kept aside, never applied. */
  | { kind: 'setAside'; entries: number };

/** Flattens batches: the changes of a journal in the order they were acknowledged. */
export function changesOf(lines: readonly JournalLine[]): EngineChange[] {
  const changes: EngineChange[] = [];
  for (const line of lines) {
    if (line.op === 'base' || line.op === 'folded') continue;
    // One by one: a spread of a large batch would overflow the call stack.
    if (line.op === 'batch') for (const change of line.changes) changes.push(change);
    else changes.push(line);
  }
  return changes;
}

/**
 * What to do with the journal found beside a file whose content hashes to `fileHash`: replay it
 * (its base is this file), nothing (its last fold made this file), or set it aside (it continues
 * some other file: someone saved the workbook meanwhile, or it is of an older format).
 */
export function planRecovery(lines: readonly JournalLine[], fileHash: string): Recovery {
  if (lines.length === 0) return { kind: 'fresh' };
  const first = lines[0];
  const changes = changesOf(lines);
  if (first?.op === 'base' && first.sha256 === fileHash) return { kind: 'replay', changes };
  const folds = lines.filter((l): l is { op: 'folded'; sha256: string } => l.op === 'folded');
  if (first?.op === 'base' && folds.some((f) => f.sha256 === fileHash)) return { kind: 'fresh' };
  if (changes.length === 0 && first?.op === 'base') return { kind: 'fresh' };
  return { kind: 'setAside', entries: lines.length };
}

/** Renames a journal that must not be applied; never deletes it: it may hold someone's only copy. */
export async function setJournalAside(journalFile: string): Promise<string> {
  const asideAs = `${journalFile}.set-aside-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await fs.rename(journalFile, asideAs);
  return asideAs;
}
