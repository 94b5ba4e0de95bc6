import { Readable } from 'node:stream';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import type { Bilingual } from '../../core/i18n';
import { RelacjeError } from '../../core/errors';
import {
  checkDeclaredSizes,
  checkEntryCount,
  checkEntrySize,
  packageLimits,
  type PackageLimits,
} from './package/package-limits';

/** Why the lean reader hands a file over to ExcelJS: something it does not read exactly the same way. */
export class LeanReadUnsupported extends Error {}

/** One entry as the central directory describes it, with where its stored bytes begin. */
export interface ZipEntryInfo {
  name: string;
  /** 0 stored, 8 deflated; other methods are listed but `read` refuses them. */
  method: number;
  /** The general purpose bit flags of the central directory. */
  flags: number;
  /** Unsigned. */
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** Where the compressed bytes begin, past the local header's own name and extra field. */
  dataOffset: number;
  /** Last modification as MS-DOS time and date words, kept when the entry is copied. */
  dosTime: number;
  dosDate: number;
}

export interface ZipEntriesOptions {
  /** Named in errors. */
  file?: string;
  limits?: Partial<PackageLimits>;
}

type DirectoryEntry = Omit<ZipEntryInfo, 'dataOffset'> & { dataOffset?: number };

export const ZIP_SIGNATURE = {
  localFileHeader: 0x04034b50,
  centralDirectoryHeader: 0x02014b50,
  endOfCentralDirectory: 0x06054b50,
  zip64EndOfCentralDirectory: 0x06064b50,
  zip64Locator: 0x07064b50,
} as const;
export const STORED = 0;
export const DEFLATED = 8;
export const FLAG_ENCRYPTED = 0x0001;
export const FLAG_DATA_DESCRIPTOR = 0x0008;
export const FLAG_UTF8 = 0x0800;
/** A 16- or 32-bit field holding this defers to the ZIP64 records. */
const ZIP64_MARK_32 = 0xffffffff;
const ZIP64_MARK_16 = 0xffff;
const ZIP64_EXTRA = 0x0001;

/**
 * The parts of a ZIP archive by name, each inflated on demand with Node's own zlib, and each
 * part's stored bytes for copying unchanged. Stored or deflated entries, ZIP64 included; no
 * encryption. A structure it does not read is `LeanReadUnsupported`; a package past its limits
 * (checked from the directory before anything is inflated, and again while inflating) is
 * `workbookTooLarge`; a part that does not inflate to what the directory says is `damagedPart`.
 */
export class ZipEntries {
  private readonly entries = new Map<string, DirectoryEntry>();
  readonly limits: PackageLimits;
  private readonly file: string | undefined;

  constructor(
    private readonly content: Buffer,
    options: ZipEntriesOptions = {},
  ) {
    this.limits = packageLimits(options.limits);
    this.file = options.file;
    const directory = locateCentralDirectory(content);
    // Refused before walking the directory, so a forged count costs nothing.
    checkEntryCount(directory.count, this.limits, this.file);
    let offset = directory.offset;
    for (let i = 0; i < directory.count; i += 1) {
      const { next, ...entry } = readCentralHeader(content, offset, directory.end);
      if (entry.flags & FLAG_ENCRYPTED) throw new LeanReadUnsupported(`entry ${entry.name}`);
      if (this.entries.has(entry.name)) throw new LeanReadUnsupported(`entry ${entry.name} twice`);
      this.entries.set(entry.name, entry);
      offset = next;
    }
    checkDeclaredSizes([...this.entries.values()], this.limits, this.file);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** What the directory and the local header say of an entry, or undefined when there is none. */
  entry(name: string): ZipEntryInfo | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    entry.dataOffset ??= this.dataOffsetOf(entry);
    return { ...entry, dataOffset: entry.dataOffset };
  }

  /** The entry's bytes as stored (compressed), a view of the archive, not a copy. */
  raw(name: string): Buffer | undefined {
    const entry = this.entry(name);
    return entry && this.dataOf(entry);
  }

  private dataOf(entry: ZipEntryInfo): Buffer {
    return this.content.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  }

  /** The entry's bytes, or undefined when the archive has no such entry. */
  read(name: string): Buffer | undefined {
    const entry = this.entry(name);
    if (!entry) return undefined;
    const data = this.dataOf(entry);
    let inflated: Buffer;
    if (entry.method === STORED) {
      if (entry.compressedSize !== entry.uncompressedSize) throw this.damaged(name, SIZE_MISMATCH);
      inflated = data;
    } else if (entry.method === DEFLATED) {
      inflated = isInflated(entry) ? this.inflate(entry, data) : data;
    } else {
      throw new LeanReadUnsupported(`compression of ${name}`);
    }
    if (crc32(inflated) !== entry.crc32) throw this.damaged(name, CRC_MISMATCH);
    return inflated;
  }

  /**
   * The entry's bytes in pieces of about `chunkBytes`, inflated as they are asked for, so a part of
   * hundreds of MB never sits in memory whole; undefined when there is no such entry. The limits
   * and the declared size hold as it inflates; the CRC-32 is known only at the end, so a consumer
   * must not act on the pieces (rename a file, say) before the iteration has finished.
   */
  stream(name: string, chunkBytes = 1024 * 1024): AsyncIterable<Buffer> | undefined {
    const entry = this.entry(name);
    if (!entry) return undefined;
    if (entry.method !== STORED && entry.method !== DEFLATED) {
      throw new LeanReadUnsupported(`compression of ${name}`);
    }
    checkEntrySize(entry.name, entry.uncompressedSize, this.limits, this.file);
    return this.pieces(entry, chunkBytes);
  }

  private async *pieces(entry: ZipEntryInfo, chunkBytes: number): AsyncGenerator<Buffer> {
    const data = this.dataOf(entry);
    let sum = 0;
    let size = 0;
    const source = slices(data, chunkBytes);
    const inflated = isInflated(entry)
      ? source.pipe(createInflateRaw({ chunkSize: Math.min(chunkBytes, 1024 * 1024) }))
      : source;
    try {
      for await (const piece of inflated as AsyncIterable<Buffer>) {
        size += piece.length;
        if (size > entry.uncompressedSize) throw this.damaged(entry.name, SIZE_MISMATCH);
        sum = crc32(piece, sum);
        yield piece;
      }
    } catch (error) {
      if (error instanceof RelacjeError) throw error;
      throw this.damaged(entry.name, BAD_DEFLATE, error);
    } finally {
      source.destroy();
      inflated.destroy();
    }
    if (size !== entry.uncompressedSize) throw this.damaged(entry.name, SIZE_MISMATCH);
    if (sum !== entry.crc32) throw this.damaged(entry.name, CRC_MISMATCH);
  }

  private inflate(entry: ZipEntryInfo, data: Buffer): Buffer {
    checkEntrySize(entry.name, entry.uncompressedSize, this.limits, this.file);
    let inflated: Buffer;
    try {
      // The directory's size is a claim: the cap makes zlib stop the moment the data outgrows it.
      inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (error) {
      const tooLong = (error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE';
      throw this.damaged(entry.name, tooLong ? SIZE_MISMATCH : BAD_DEFLATE, error);
    }
    if (inflated.length !== entry.uncompressedSize) throw this.damaged(entry.name, SIZE_MISMATCH);
    return inflated;
  }

  private dataOffsetOf(entry: DirectoryEntry): number {
    const local = entry.localHeaderOffset;
    const content = this.content;
    if (local + 30 > content.length || content.readUInt32LE(local) !== ZIP_SIGNATURE.localFileHeader) {
      throw new LeanReadUnsupported(`local header of ${entry.name}`);
    }
    const start = local + 30 + content.readUInt16LE(local + 26) + content.readUInt16LE(local + 28);
    if (start + entry.compressedSize > content.length) throw this.damaged(entry.name, TRUNCATED);
    return start;
  }

  private damaged(part: string, reason: Bilingual, cause?: unknown): RelacjeError<'damagedPart'> {
    return new RelacjeError('damagedPart', { file: this.file, part, reason }, { cause });
  }
}

const CRC_MISMATCH: Bilingual = {
  pl: 'suma kontrolna CRC-32 się nie zgadza',
  en: 'its CRC-32 checksum does not match',
};
const SIZE_MISMATCH: Bilingual = {
  pl: 'po rozpakowaniu ma inny rozmiar, niż podaje katalog ZIP',
  en: 'it inflates to another size than the ZIP directory says',
};
const BAD_DEFLATE: Bilingual = {
  pl: 'skompresowane dane są uszkodzone',
  en: 'its compressed data is corrupt',
};
const TRUNCATED: Bilingual = {
  pl: 'plik kończy się przed końcem jej danych',
  en: 'the file ends before its data does',
};

interface CentralDirectory {
  count: number;
  offset: number;
  /** Where the directory must end: the first byte of the record that describes it. */
  end: number;
}

function locateCentralDirectory(content: Buffer): CentralDirectory {
  const end = findEndOfCentralDirectory(content);
  let count = content.readUInt16LE(end + 10);
  let size = content.readUInt32LE(end + 12);
  let offset = content.readUInt32LE(end + 16);
  let limit = end;
  if (count === ZIP64_MARK_16 || size === ZIP64_MARK_32 || offset === ZIP64_MARK_32) {
    const locator = end - 20;
    if (locator < 0 || content.readUInt32LE(locator) !== ZIP_SIGNATURE.zip64Locator) {
      if (count !== ZIP64_MARK_16 || size === ZIP64_MARK_32 || offset === ZIP64_MARK_32) {
        throw new LeanReadUnsupported('ZIP64 without its locator');
      }
      // Exactly 65,535 entries and no ZIP64 record: the plain count was meant literally.
    } else {
      const record = safeNumber(content.readBigUInt64LE(locator + 8));
      if (
        record + 56 > locator ||
        content.readUInt32LE(record) !== ZIP_SIGNATURE.zip64EndOfCentralDirectory
      ) {
        throw new LeanReadUnsupported('ZIP64 end of central directory');
      }
      count = safeNumber(content.readBigUInt64LE(record + 32));
      size = safeNumber(content.readBigUInt64LE(record + 40));
      offset = safeNumber(content.readBigUInt64LE(record + 48));
      limit = record;
    }
  }
  if (offset + size > limit) throw new LeanReadUnsupported('central directory');
  return { count, offset, end: limit };
}

/** Some writers store an empty part as deflated with no bytes at all, not even an empty deflate block. */
function isInflated(entry: ZipEntryInfo): boolean {
  return entry.method === DEFLATED && (entry.compressedSize > 0 || entry.uncompressedSize > 0);
}

/** A stream over `data` in views of `size` bytes, none of them copied. */
function slices(data: Buffer, size: number): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
    })(),
    { objectMode: false },
  );
}

function findEndOfCentralDirectory(content: Buffer): number {
  // The record is 22 bytes plus a comment of up to 65,535 bytes at the very end of the file.
  const earliest = Math.max(0, content.length - 22 - 0xffff);
  for (let i = content.length - 22; i >= earliest; i -= 1) {
    if (content.readUInt32LE(i) === ZIP_SIGNATURE.endOfCentralDirectory) return i;
  }
  throw new LeanReadUnsupported('no end of central directory');
}

function readCentralHeader(content: Buffer, offset: number, end: number): DirectoryEntry & { next: number } {
  if (offset + 46 > end || content.readUInt32LE(offset) !== ZIP_SIGNATURE.centralDirectoryHeader) {
    throw new LeanReadUnsupported('central directory');
  }
  const nameLength = content.readUInt16LE(offset + 28);
  const extraLength = content.readUInt16LE(offset + 30);
  const commentLength = content.readUInt16LE(offset + 32);
  const next = offset + 46 + nameLength + extraLength + commentLength;
  if (next > end) throw new LeanReadUnsupported('central directory');
  const name = content.toString('utf8', offset + 46, offset + 46 + nameLength);
  const declared = {
    uncompressedSize: content.readUInt32LE(offset + 24),
    compressedSize: content.readUInt32LE(offset + 20),
    localHeaderOffset: content.readUInt32LE(offset + 42),
  };
  const extra = content.subarray(offset + 46 + nameLength, offset + 46 + nameLength + extraLength);
  const sizes = withZip64Extra(declared, extra, name);
  return {
    name,
    flags: content.readUInt16LE(offset + 8),
    method: content.readUInt16LE(offset + 10),
    dosTime: content.readUInt16LE(offset + 12),
    dosDate: content.readUInt16LE(offset + 14),
    crc32: content.readUInt32LE(offset + 16),
    ...sizes,
    next,
  };
}

type Sizes = { uncompressedSize: number; compressedSize: number; localHeaderOffset: number };

/** The ZIP64 extra field holds, in this order, each of the three values whose 32-bit field is marked. */
function withZip64Extra(declared: Sizes, extra: Buffer, name: string): Sizes {
  const marked = (Object.keys(declared) as (keyof Sizes)[]).filter((k) => declared[k] === ZIP64_MARK_32);
  if (marked.length === 0) return declared;
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA && length >= marked.length * 8 && at + 4 + length <= extra.length) {
      const sizes = { ...declared };
      marked.forEach((key, i) => (sizes[key] = safeNumber(extra.readBigUInt64LE(at + 4 + i * 8))));
      return sizes;
    }
    at += 4 + length;
  }
  throw new LeanReadUnsupported(`ZIP64 sizes of ${name}`);
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new LeanReadUnsupported('ZIP64 value out of range');
  return Number(value);
}
