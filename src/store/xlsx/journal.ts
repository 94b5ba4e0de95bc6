import { promises as fs } from 'node:fs';
import type { DashboardCell, StoredRecord } from '../port';
import { writeFileAtomically } from './atomic-write';

/** One acknowledged write, as post-images, so that replaying it twice changes nothing. */
export type JournalEntry =
  | { seq: number; op: 'put'; table: string; records: StoredRecord[] }
  | { seq: number; op: 'delete'; table: string; ids: string[] }
  | { seq: number; op: 'counter'; name: string; value: number }
  | { seq: number; op: 'dashboard'; cells: DashboardCell[] };

export type JournalWrite = JournalEntry extends infer E
  ? E extends JournalEntry
    ? Omit<E, 'seq'>
    : never
  : never;

export function journalPathOf(file: string): string {
  return `${file}.journal`;
}

/**
 * Every complete entry of the journal at `journalFile`; a torn last line is a write that crashed
 * before it was acknowledged.
 */
export async function readJournal<E = JournalEntry>(journalFile: string): Promise<E[]> {
  const text = await fs.readFile(journalFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  const entries: E[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      entries.push(JSON.parse(line) as E);
    } catch {
      break;
    }
  }
  return entries;
}

/** A journal file of JSON lines, appended to with an fsync per write. */
export class Journal<E = JournalEntry> {
  private handle: fs.FileHandle | undefined;
  private bytes = 0;

  constructor(private readonly journalFile: string) {}

  get size(): number {
    return this.bytes;
  }

  async open(): Promise<void> {
    this.handle = await fs.open(this.journalFile, 'a');
    this.bytes = (await this.handle.stat()).size;
  }

  /** Resolves once the entry is on disk. */
  async append(entry: E): Promise<void> {
    if (!this.handle) throw new Error('journal is not open');
    const line = `${JSON.stringify(entry)}\n`;
    await this.handle.write(line);
    // The write is acknowledged to the caller only after this: a crash after it loses nothing.
    await this.handle.datasync();
    this.bytes += Buffer.byteLength(line);
  }

  /** After a fold: keeps only entries the workbook does not hold yet. */
  async replaceWith(entries: readonly E[]): Promise<void> {
    await this.handle?.close();
    const text = entries.map((e) => `${JSON.stringify(e)}\n`).join('');
    await writeFileAtomically(this.journalFile, Buffer.from(text));
    await this.open();
  }

  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = undefined;
  }
}
