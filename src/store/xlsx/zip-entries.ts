import { inflateRawSync } from 'node:zlib';

/** Why the lean reader hands a file over to ExcelJS: something it does not read exactly the same way. */
export class LeanReadUnsupported extends Error {}

interface ZipEntry {
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/**
 * The parts of a ZIP archive by name, each inflated on demand with Node's own zlib. Only what an
 * .xlsx uses is read: stored or deflated entries, no ZIP64, no encryption; anything else is
 * `LeanReadUnsupported`.
 */
export class ZipEntries {
  private readonly entries = new Map<string, ZipEntry>();

  constructor(private readonly content: Buffer) {
    const end = findEndOfCentralDirectory(content);
    const count = content.readUInt16LE(end + 10);
    let offset = content.readUInt32LE(end + 16);
    for (let i = 0; i < count; i += 1) {
      if (offset + 46 > content.length || content.readUInt32LE(offset) !== CENTRAL_DIRECTORY_HEADER) {
        throw new LeanReadUnsupported('central directory');
      }
      const flags = content.readUInt16LE(offset + 8);
      const method = content.readUInt16LE(offset + 10);
      const compressedSize = content.readUInt32LE(offset + 20);
      const nameLength = content.readUInt16LE(offset + 28);
      const extraLength = content.readUInt16LE(offset + 30);
      const commentLength = content.readUInt16LE(offset + 32);
      const localHeaderOffset = content.readUInt32LE(offset + 42);
      const name = content.toString('utf8', offset + 46, offset + 46 + nameLength);
      if (flags & 1 || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
        throw new LeanReadUnsupported(`entry ${name}`);
      }
      this.entries.set(name, { method, compressedSize, localHeaderOffset });
      offset += 46 + nameLength + extraLength + commentLength;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The entry's bytes, or undefined when the archive has no such entry. */
  read(name: string): Buffer | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    const local = entry.localHeaderOffset;
    if (local + 30 > this.content.length || this.content.readUInt32LE(local) !== LOCAL_FILE_HEADER) {
      throw new LeanReadUnsupported(`local header of ${name}`);
    }
    const start = local + 30 + this.content.readUInt16LE(local + 26) + this.content.readUInt16LE(local + 28);
    const data = this.content.subarray(start, start + entry.compressedSize);
    if (entry.method === STORED) return data;
    if (entry.method === DEFLATED) return inflateRawSync(data);
    throw new LeanReadUnsupported(`compression of ${name}`);
  }
}

function findEndOfCentralDirectory(content: Buffer): number {
  // The record is 22 bytes plus a comment of up to 65,535 bytes at the very end of the file.
  const earliest = Math.max(0, content.length - 22 - 0xffff);
  for (let i = content.length - 22; i >= earliest; i -= 1) {
    if (content.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) return i;
  }
  throw new LeanReadUnsupported('no end of central directory');
}
