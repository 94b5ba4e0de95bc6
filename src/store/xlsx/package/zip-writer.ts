import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { constants as zlibConstants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { writeFileAtomicallyWith } from '../atomic-write';
import { DEFLATED, FLAG_DATA_DESCRIPTOR, FLAG_UTF8, ZIP_SIGNATURE, type ZipEntries } from '../zip-entries';
import {
  checkEntryCount,
  checkEntrySize,
  checkRatio,
  checkTotalSize,
  formatBytes,
  packageLimits,
  tooLarge,
  type EntrySize,
  type PackageLimits,
} from './package-limits';

/** One entry of a package being written, in the order it is to appear. */
export type ZipOutputEntry =
  /** The entry of the same name in another archive, its stored bytes copied as they are. */
  | { name: string; copyFrom: ZipEntries }
  /** A small part held whole in memory, deflated at once. */
  | { name: string; content: Buffer | string }
  /** A part of any size, deflated as it streams; strings are UTF-8. */
  | { name: string; chunks: Iterable<string | Buffer> | AsyncIterable<string | Buffer> };

export interface ZipWriteOptions {
  /** zlib's deflate level for new parts; 6 unless told. */
  level?: number;
  /** The modification time new parts carry; copied parts keep theirs. Now unless told. */
  modified?: Date;
  /**
   * What the package may hold: the same limits the reader enforces, so a write never leaves a
   * workbook that the next open refuses. The old file stays when a new part passes them.
   */
  limits?: Partial<PackageLimits>;
  /**
   * Memory a streamed part's deflated data may take while its header waits for the part's sizes
   * (64 MiB unless told); past it the data is written at once, and the new file is read back to be hashed.
   */
  maxHeldBytes?: number;
  /**
   * Runs once the whole package is on disk, before it replaces `file` (see `writeFileAtomicallyWith`),
   * with the SHA-256 of the new file's bytes.
   */
  beforeRename?: (tempFile: string, sha256: string) => Promise<void>;
}

/**
 * Writes a ZIP package to `file` atomically (temp file beside it, fsync, rename, fsync of the
 * folder): what a crash leaves is the old file or the new one. Memory stays bounded by the
 * chunks and the 1 MiB output block, whatever the size of the parts.
 */
export async function writeZipAtomically(
  file: string,
  entries: Iterable<ZipOutputEntry> | AsyncIterable<ZipOutputEntry>,
  options: ZipWriteOptions = {},
): Promise<void> {
  let sink: BlockSink | undefined;
  const { beforeRename } = options;
  await writeFileAtomicallyWith(
    file,
    async (handle) => {
      sink = new BlockSink(handle, options.maxHeldBytes ?? HELD_BYTES);
      const writer = new PackageWriter(sink, options, file);
      for await (const entry of entries) await writer.add(entry);
      await writer.finish();
    },
    beforeRename &&
      (async (tempFile) => beforeRename(tempFile, sink!.sha256() ?? (await sha256OfFile(tempFile)))),
  );
}

async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Output is gathered into blocks this large: one write(2) each, instead of one per deflate chunk. */
const BLOCK_BYTES = 1024 * 1024;
const DEFLATE_CHUNK_BYTES = 64 * 1024;
const MAX_32 = 0xffffffff;
const MAX_16 = 0xffff;
const VERSION_NEEDED = 20;
const LOCAL_HEADER_BYTES = 30;
const CENTRAL_HEADER_BYTES = 46;
const END_BYTES = 22;

interface WrittenEntry extends EntrySize {
  nameBytes: Buffer;
  flags: number;
  method: number;
  dosTime: number;
  dosDate: number;
  crc32: number;
  localHeaderOffset: number;
}

type Sums = Pick<WrittenEntry, 'crc32' | 'compressedSize' | 'uncompressedSize'>;

class PackageWriter {
  private readonly written: WrittenEntry[] = [];
  private readonly names = new Set<string>();
  private readonly limits: PackageLimits;
  private readonly level: number;
  /** The modification time of new parts. */
  private readonly now: { dosTime: number; dosDate: number };
  private total = 0;

  constructor(
    private readonly sink: BlockSink,
    options: ZipWriteOptions,
    private readonly file: string,
  ) {
    this.limits = packageLimits(options.limits);
    this.level = options.level ?? zlibConstants.Z_DEFAULT_COMPRESSION;
    this.now = dosDateTime(options.modified ?? new Date());
  }

  async add(entry: ZipOutputEntry): Promise<void> {
    if (this.names.has(entry.name)) throw new Error(`The package already has an entry ${entry.name}`);
    this.names.add(entry.name);
    checkEntryCount(this.names.size, this.limits, this.file);
    if ('copyFrom' in entry) await this.copy(entry.name, entry.copyFrom);
    else if ('content' in entry) await this.whole(entry.name, entry.content);
    else await this.streamed(entry.name, entry.chunks);
  }

  private async copy(name: string, from: ZipEntries): Promise<void> {
    const source = from.entry(name);
    const raw = from.raw(name);
    if (!source || !raw) throw new Error(`The package to copy from has no entry ${name}`);
    // The descriptor that may follow the source's data is not copied: the new header has the sizes.
    const entry = this.begin(name, source.method, source.flags & ~FLAG_DATA_DESCRIPTOR, source);
    await this.sink.write(localHeader(entry, source));
    await this.sink.write(raw);
    this.end(entry, source);
  }

  private async whole(name: string, content: Buffer | string): Promise<void> {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const sums = { crc32: crc32(bytes), uncompressedSize: bytes.length, compressedSize: 0 };
    this.checkSize(name, sums.uncompressedSize);
    const deflated = deflateRawSync(bytes, { level: this.level });
    sums.compressedSize = deflated.length;
    const entry = this.begin(name, DEFLATED, 0, this.now);
    await this.sink.write(localHeader(entry, sums));
    await this.sink.write(deflated);
    this.end(entry, sums);
  }

  private async streamed(
    name: string,
    chunks: Iterable<string | Buffer> | AsyncIterable<string | Buffer>,
  ): Promise<void> {
    const entry = this.begin(name, DEFLATED, 0, this.now);
    const header = localHeader(entry, { crc32: 0, compressedSize: 0, uncompressedSize: 0 });
    const headerAt = this.sink.position;
    this.sink.hold();
    await this.sink.write(header);
    const sums = { crc32: 0, compressedSize: 0, uncompressedSize: 0 };
    const checkSize = (size: number) => this.checkSize(name, size);
    const sink = this.sink;
    await pipeline(
      async function* measured() {
        for await (const chunk of chunks) {
          const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
          if (bytes.length === 0) continue;
          sums.crc32 = crc32(bytes, sums.crc32);
          sums.uncompressedSize += bytes.length;
          checkSize(sums.uncompressedSize);
          yield bytes;
        }
      },
      createDeflateRaw({ level: this.level, chunkSize: DEFLATE_CHUNK_BYTES }),
      async function store(deflated: AsyncIterable<Buffer>) {
        for await (const bytes of deflated) {
          sums.compressedSize += bytes.length;
          await sink.write(bytes);
        }
      },
    );
    // The sizes are known only now: written into the header in place, so no data descriptor.
    await this.sink.patch(headerAt + 14, localHeader(entry, sums).subarray(14, 26));
    await this.sink.release();
    this.end(entry, sums);
  }

  private begin(
    name: string,
    method: number,
    flags: number,
    time: { dosTime: number; dosDate: number },
  ): Omit<WrittenEntry, keyof Sums> {
    const nameBytes = Buffer.from(name, 'utf8');
    if (nameBytes.length === 0 || nameBytes.length > MAX_16) throw new Error(`Bad entry name ${name}`);
    const utf8 = nameBytes.length !== name.length ? FLAG_UTF8 : 0;
    const localHeaderOffset = this.sink.position;
    this.checkOffset(name, localHeaderOffset);
    return {
      name,
      nameBytes,
      method,
      flags: (flags & ~FLAG_UTF8) | utf8,
      dosTime: time.dosTime,
      dosDate: time.dosDate,
      localHeaderOffset,
    };
  }

  private end(entry: Omit<WrittenEntry, keyof Sums>, sums: Sums): void {
    // Only the sums: a copied entry's own offset and flags describe the archive it came from.
    const done = {
      ...entry,
      crc32: sums.crc32,
      compressedSize: sums.compressedSize,
      uncompressedSize: sums.uncompressedSize,
    };
    this.checkSize(entry.name, done.uncompressedSize);
    this.checkOffset(entry.name, done.compressedSize);
    this.checkOffset(entry.name, done.uncompressedSize);
    checkRatio(done, this.limits, this.file);
    this.total += done.uncompressedSize;
    this.written.push(done);
  }

  private checkSize(name: string, uncompressedSize: number): void {
    checkEntrySize(name, uncompressedSize, this.limits, this.file);
    checkTotalSize(this.total + uncompressedSize, this.limits, this.file);
  }

  /** Without ZIP64, no offset or size may need more than 32 bits. */
  private checkOffset(name: string, value: number): void {
    if (value > MAX_32) {
      const limit = formatBytes(MAX_32 + 1);
      throw tooLarge(
        this.file,
        name || undefined,
        { pl: `najwyżej ${limit} w pliku bez ZIP64`, en: `at most ${limit} in a file without ZIP64` },
        `${formatBytes(value)}+`,
      );
    }
  }

  async finish(): Promise<void> {
    const directoryAt = this.sink.position;
    for (const entry of this.written) await this.sink.write(centralHeader(entry));
    const directorySize = this.sink.position - directoryAt;
    this.checkOffset('', this.sink.position);
    if (this.written.length > MAX_16) {
      throw tooLarge(
        this.file,
        undefined,
        { pl: `najwyżej ${MAX_16} części bez ZIP64`, en: `at most ${MAX_16} parts without ZIP64` },
        String(this.written.length),
      );
    }
    const end = Buffer.alloc(END_BYTES);
    end.writeUInt32LE(ZIP_SIGNATURE.endOfCentralDirectory, 0);
    end.writeUInt16LE(this.written.length, 8);
    end.writeUInt16LE(this.written.length, 10);
    end.writeUInt32LE(directorySize, 12);
    end.writeUInt32LE(directoryAt, 16);
    await this.sink.write(end);
    await this.sink.flush();
  }
}

function localHeader(entry: Omit<WrittenEntry, keyof Sums>, sums: Sums): Buffer {
  const header = Buffer.alloc(LOCAL_HEADER_BYTES + entry.nameBytes.length);
  header.writeUInt32LE(ZIP_SIGNATURE.localFileHeader, 0);
  header.writeUInt16LE(VERSION_NEEDED, 4);
  writeSharedFields(header, 6, entry, sums);
  entry.nameBytes.copy(header, LOCAL_HEADER_BYTES);
  return header;
}

function centralHeader(entry: WrittenEntry): Buffer {
  const header = Buffer.alloc(CENTRAL_HEADER_BYTES + entry.nameBytes.length);
  header.writeUInt32LE(ZIP_SIGNATURE.centralDirectoryHeader, 0);
  header.writeUInt16LE(VERSION_NEEDED, 4); // version made by: MS-DOS, so no Unix permissions apply
  header.writeUInt16LE(VERSION_NEEDED, 6);
  writeSharedFields(header, 8, entry, entry);
  header.writeUInt32LE(entry.localHeaderOffset, 42);
  entry.nameBytes.copy(header, CENTRAL_HEADER_BYTES);
  return header;
}

/** The run of fields, flags to name length, that both headers hold in the same layout. */
function writeSharedFields(
  header: Buffer,
  at: number,
  entry: Omit<WrittenEntry, keyof Sums>,
  sums: Sums,
): void {
  header.writeUInt16LE(entry.flags, at);
  header.writeUInt16LE(entry.method, at + 2);
  header.writeUInt16LE(entry.dosTime, at + 4);
  header.writeUInt16LE(entry.dosDate, at + 6);
  header.writeUInt32LE(sums.crc32, at + 8);
  header.writeUInt32LE(sums.compressedSize, at + 12);
  header.writeUInt32LE(sums.uncompressedSize, at + 16);
  header.writeUInt16LE(entry.nameBytes.length, at + 20);
}

/** MS-DOS time and date words, in local time as ZIP tools show them; two-second resolution. */
function dosDateTime(date: Date): { dosTime: number; dosDate: number } {
  const year = Math.min(2107, Math.max(1980, date.getFullYear()));
  return {
    dosTime: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    dosDate: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/**
 * A streamed part's data is held in memory up to this size, so that its header's sizes are written
 * before it and the file is written, and hashed, in order; a larger part is written at once and
 * its header patched in place, and the file is then hashed by reading it back.
 */
const HELD_BYTES = 64 * 1024 * 1024;

/**
 * Sequential output gathered into large blocks, with a way to rewrite bytes already written, and
 * the SHA-256 of the bytes as they go out (the journal names the file by it: hashed here, the new
 * file need not be read again).
 */
class BlockSink {
  private readonly block = Buffer.allocUnsafe(BLOCK_BYTES);
  private used = 0;
  /** The file offset of the block's first byte: everything before it is on disk. */
  private flushed = 0;
  private readonly hash: Hash = createHash('sha256');
  /** Bytes from `heldAt` on may still be patched: kept here, neither written nor hashed yet. */
  private held: Buffer[] | undefined;
  private heldAt = 0;
  private heldBytes = 0;
  /** A part was patched on disk: the hash of the stream is not the file's. */
  private unhashed = false;

  constructor(
    private readonly handle: FileHandle,
    private readonly maxHeld: number,
  ) {}

  get position(): number {
    return this.held ? this.heldAt + this.heldBytes : this.flushed + this.used;
  }

  /** Holds what is written from here on, until `release`: a part whose header is patched at its end. */
  hold(): void {
    this.heldAt = this.position;
    this.heldBytes = 0;
    this.held = [];
  }

  async release(): Promise<void> {
    const held = this.held;
    if (!held) return;
    this.held = undefined;
    for (const bytes of held) await this.write(bytes);
  }

  async write(bytes: Buffer): Promise<void> {
    if (this.held) {
      if (this.heldBytes + bytes.length <= this.maxHeld) {
        // Copied: a writer may fill the same buffer again once its write is done.
        this.held.push(Buffer.from(bytes));
        this.heldBytes += bytes.length;
        return;
      }
      // Too large to hold: written now, patched in place later.
      const held = this.held;
      this.held = undefined;
      this.unhashed = true;
      for (const part of held) await this.write(part);
    }
    if (!this.unhashed) this.hash.update(bytes);
    if (this.used + bytes.length > BLOCK_BYTES) await this.flush();
    if (bytes.length >= BLOCK_BYTES) {
      // A large copied part goes straight from the source archive to the file.
      await this.writeAt(bytes, this.flushed);
      this.flushed += bytes.length;
      return;
    }
    bytes.copy(this.block, this.used);
    this.used += bytes.length;
  }

  async flush(): Promise<void> {
    if (this.used === 0) return;
    await this.writeAt(this.block.subarray(0, this.used), this.flushed);
    this.flushed += this.used;
    this.used = 0;
  }

  /** Overwrites `bytes.length` bytes at `position`, whether they are on disk, in the block or held. */
  async patch(position: number, bytes: Buffer): Promise<void> {
    if (this.held && position >= this.heldAt) {
      let at = this.heldAt;
      for (const part of this.held) {
        const from = Math.max(position, at);
        const to = Math.min(position + bytes.length, at + part.length);
        if (from < to) bytes.copy(part, from - at, from - position, to - position);
        at += part.length;
      }
      return;
    }
    this.unhashed = true;
    const onDisk = Math.max(0, Math.min(bytes.length, this.flushed - position));
    if (onDisk > 0) await this.writeAt(bytes.subarray(0, onDisk), position);
    if (onDisk < bytes.length) bytes.copy(this.block, position + onDisk - this.flushed, onDisk);
  }

  /** The SHA-256 of everything written, once it is all out; undefined when a patch went to disk. */
  sha256(): string | undefined {
    return this.unhashed ? undefined : this.hash.digest('hex');
  }

  private async writeAt(bytes: Buffer, position: number): Promise<void> {
    for (let done = 0; done < bytes.length;) {
      const { bytesWritten } = await this.handle.write(bytes, done, bytes.length - done, position + done);
      done += bytesWritten;
    }
  }
}
