import { promises as fs } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { DashboardCell, StoredRecord } from '../port';
import { syncDirectory, writeFileAtomically } from './atomic-write';

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

/*
 * The format: one entry a line, `<JSON>\t<crc32 of the JSON's bytes, 8 hex digits>\n`, written
 * in one write and fsynced before the write is acknowledged. JSON never holds a raw tab or
 * newline, so both separators are unambiguous. A line counts only when it ends in its newline,
 * its checksum matches and its JSON is an object: a write torn by a crash, bytes a file system
 * left after one, or a damaged sector all end the journal there, and everything before is
 * replayed as it was acknowledged. Lines without a checksum (journals written before it) are
 * still read, as long as no checksummed line came before them.
 */
const NEWLINE = 0x0a;
const TAB = 0x09;
const CHECKSUM_DIGITS = 8;

function checksumOf(bytes: Uint8Array): string {
  return crc32(bytes).toString(16).padStart(CHECKSUM_DIGITS, '0');
}

function encodeLine(entry: unknown): string {
  const json = JSON.stringify(entry);
  return `${json}\t${checksumOf(Buffer.from(json, 'utf8'))}\n`;
}

function parseObject(bytes: Buffer): object | undefined {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The entry a line (without its newline) holds, or undefined when it is not a whole entry. */
function decodeLine(line: Buffer, legacyAllowed: boolean): { entry: object; checked: boolean } | undefined {
  const tab = line.length - CHECKSUM_DIGITS - 1;
  if (tab > 0 && line[tab] === TAB) {
    const json = line.subarray(0, tab);
    if (line.subarray(tab + 1).toString('latin1') !== checksumOf(json)) return undefined;
    const entry = parseObject(json);
    return entry && { entry, checked: true };
  }
  if (!legacyAllowed || line.includes(TAB)) return undefined;
  const entry = parseObject(line);
  return entry && { entry, checked: false };
}

interface JournalScan<E> {
  /** The whole entries from the start of the file, up to the first line that is not one. */
  entries: E[];
  /** Where the last whole entry ends: everything after it was never acknowledged, or is damaged. */
  validBytes: number;
  /** More than a torn last line follows: the journal was damaged, not only cut short. */
  damaged: boolean;
}

function scanJournal<E>(content: Buffer): JournalScan<E> {
  const entries: E[] = [];
  let offset = 0;
  let legacyAllowed = true;
  while (offset < content.length) {
    const end = content.indexOf(NEWLINE, offset);
    if (end < 0) break;
    if (end > offset) {
      const decoded = decodeLine(content.subarray(offset, end), legacyAllowed);
      if (!decoded) break;
      if (decoded.checked) legacyAllowed = false;
      entries.push(decoded.entry as E);
    }
    offset = end + 1;
  }
  return { entries, validBytes: offset, damaged: content.indexOf(NEWLINE, offset) >= 0 };
}

async function readIfExists(file: string): Promise<Buffer | undefined> {
  return fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
}

/**
 * Every whole entry of the journal at `journalFile`, in order; a torn last line is a write that
 * crashed before it was acknowledged and is left out, and so is everything after a damaged line.
 * Only I/O errors (other than a missing file, which reads as empty) are thrown.
 */
export async function readJournal<E = JournalEntry>(journalFile: string): Promise<E[]> {
  const content = await readIfExists(journalFile);
  return content ? scanJournal<E>(content).entries : [];
}

/** A journal file of checksummed JSON lines, appended to with an fsync per write. */
export class Journal<E = JournalEntry> {
  private handle: fs.FileHandle | undefined;
  private bytes = 0;

  constructor(private readonly journalFile: string) {}

  get size(): number {
    return this.bytes;
  }

  /**
   * Opens for appending after the last whole entry. A torn tail is cut off (and the cut fsynced)
   * first: a new entry written after it would be unreadable, and so would every later one.
   */
  async open(): Promise<void> {
    const content = await readIfExists(this.journalFile);
    let validBytes = 0;
    if (content) {
      const scan = scanJournal<E>(content);
      validBytes = scan.validBytes;
      if (validBytes < content.length) await this.cutAt(validBytes, scan.damaged);
    }
    this.handle = await fs.open(this.journalFile, 'a');
    // A journal created now must still be there after a power cut: its directory entry too.
    if (!content) await syncDirectory(path.dirname(this.journalFile));
    this.bytes = validBytes;
  }

  private async cutAt(validBytes: number, damaged: boolean): Promise<void> {
    if (damaged) {
      // Not a torn write alone: keep the journal as it was for a person to look at.
      const aside = `${this.journalFile}.damaged-${Date.now()}`;
      await fs.copyFile(this.journalFile, aside);
      await syncDirectory(path.dirname(this.journalFile));
    }
    const handle = await fs.open(this.journalFile, 'r+');
    try {
      await handle.truncate(validBytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /** Resolves once the entry is on disk. */
  async append(entry: E): Promise<void> {
    if (!this.handle) throw new Error('journal is not open');
    const line = encodeLine(entry);
    await this.handle.write(line);
    // The write is acknowledged to the caller only after this: a crash after it loses nothing.
    await this.handle.datasync();
    this.bytes += Buffer.byteLength(line);
  }

  /** After a fold: keeps only entries the workbook does not hold yet. */
  async replaceWith(entries: readonly E[]): Promise<void> {
    await this.handle?.close();
    this.handle = undefined;
    const text = entries.map(encodeLine).join('');
    await writeFileAtomically(this.journalFile, Buffer.from(text));
    await this.open();
  }

  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = undefined;
  }
}
