import { crc32, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import JSZip from 'jszip';
import { RelacjeError } from '../../../src/core/errors';
import { LeanReadUnsupported, ZipEntries } from '../../../src/store/xlsx/zip-entries';
import {
  centralHeaderOf,
  excelJsWorkbook,
  relacjeErrorOf,
  streamErrorOf,
  temporaryFolder,
  zipBytes,
} from './zip-fixtures';

let folder: ReturnType<typeof temporaryFolder>;
beforeEach(() => (folder = temporaryFolder()));
afterEach(() => folder.remove());

const MB = 1000 * 1000;
const MiB = 1024 * 1024;

describe('reading entries', () => {
  test('every part of an ExcelJS workbook reads as JSZip reads it, with its directory facts', async () => {
    const bytes = await excelJsWorkbook();
    const zip = new ZipEntries(bytes);
    const jszip = await JSZip.loadAsync(bytes);
    expect(zip.names().sort()).toEqual(Object.keys(jszip.files).sort());
    for (const name of zip.names()) {
      const expected = await jszip.files[name].async('nodebuffer');
      expect(zip.read(name)).toEqual(expected);
      const entry = zip.entry(name)!;
      expect(entry).toMatchObject({ name, crc32: crc32(expected), uncompressedSize: expected.length });
      expect(entry.dataOffset).toBeGreaterThanOrEqual(entry.localHeaderOffset + 30 + name.length);
      const raw = zip.raw(name)!;
      expect(raw.length).toBe(entry.compressedSize);
      // A view of the archive, not a copy.
      expect(raw.buffer).toBe(bytes.buffer);
      expect(entry.method === 8 ? inflateRawSync(raw) : raw).toEqual(expected);
    }
    expect(zip.read('xl/nothing.xml')).toBeUndefined();
    expect(zip.entry('xl/nothing.xml')).toBeUndefined();
    expect(zip.raw('xl/nothing.xml')).toBeUndefined();
  });

  test('streamed in pieces, every part is what read gives', async () => {
    const zip = new ZipEntries(await excelJsWorkbook());
    for (const name of zip.names()) {
      const pieces: Buffer[] = [];
      for await (const piece of zip.stream(name, 1000)!) pieces.push(piece);
      expect(Buffer.concat(pieces)).toEqual(zip.read(name));
      expect(pieces.every((piece) => piece.length <= 1000)).toBe(true);
    }
    expect(zip.stream('xl/nothing.xml')).toBeUndefined();
  });

  test('stored entries and entries followed by a data descriptor', async () => {
    const jszip = new JSZip();
    jszip.file('stored.txt', 'ąę stored', { compression: 'STORE' });
    jszip.file('deflated.xml', '<a>'.repeat(1000), { compression: 'DEFLATE' });
    const bytes = await jszip.generateAsync({ type: 'nodebuffer', streamFiles: true });
    const zip = new ZipEntries(bytes);
    expect(zip.entry('deflated.xml')!.flags & 0x08).toBe(0x08);
    expect(zip.read('stored.txt')!.toString()).toBe('ąę stored');
    expect(zip.read('deflated.xml')!.toString()).toBe('<a>'.repeat(1000));
  });

  test('a ZIP64 archive', () => {
    const zip = new ZipEntries(zip64Archive('a.txt', Buffer.from('hello zip64')));
    expect(zip.names()).toEqual(['a.txt']);
    expect(zip.read('a.txt')!.toString()).toBe('hello zip64');
    expect(zip.entry('a.txt')).toMatchObject({
      compressedSize: 11,
      uncompressedSize: 11,
      localHeaderOffset: 0,
    });
  });

  test('an empty part stored as deflated with no bytes at all reads as empty', () => {
    const zip = new ZipEntries(emptyDeflatedArchive('xl/calcChain.xml'));
    expect(zip.entry('xl/calcChain.xml')).toMatchObject({
      method: 8,
      compressedSize: 0,
      uncompressedSize: 0,
    });
    expect(zip.read('xl/calcChain.xml')!.length).toBe(0);
  });

  test('what is not a ZIP archive is LeanReadUnsupported', () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from('Nazwa;NIP\n'), Buffer.alloc(100, 0x50)]) {
      expect(() => new ZipEntries(bytes)).toThrow(LeanReadUnsupported);
    }
  });
});

describe('limits, from the directory before anything is inflated', () => {
  async function zerosArchive(): Promise<Buffer> {
    const zeros = Buffer.alloc(MiB);
    return zipBytes(folder.dir, [
      { name: 'xl/styles.xml', content: '<styleSheet/>' },
      { name: 'xl/worksheets/sheet1.xml', chunks: Array.from({ length: 50 }, () => zeros) },
    ]);
  }

  test('a bomb of 50 MB of zeros is refused by a 10 MB limit, naming the part and the limit', async () => {
    const bytes = await zerosArchive();
    expect(bytes.length).toBeLessThan(MB);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module object the reader calls, so the spy sees its calls
    const inflate = jest.spyOn(require('node:zlib') as typeof import('node:zlib'), 'inflateRawSync');
    const error = relacjeErrorOf(
      'workbookTooLarge',
      () => new ZipEntries(bytes, { file: 'crm.xlsx', limits: { maxEntryBytes: 10 * MB } }),
    );
    expect(inflate).not.toHaveBeenCalled();
    inflate.mockRestore();
    expect(error.params).toMatchObject({
      file: 'crm.xlsx',
      part: 'xl/worksheets/sheet1.xml',
      actual: '50 MiB',
    });
    expect(error.messageIn('pl')).toContain('xl/worksheets/sheet1.xml');
    expect(error.messageIn('pl')).toContain('najwyżej 9.5 MiB po rozpakowaniu');
    expect(error.messageIn('pl')).toContain('crm.xlsx');
    expect(error.messageIn('en')).toContain('xl/worksheets/sheet1.xml');
    expect(error.messageIn('en')).toContain('at most 9.5 MiB uncompressed');
  });

  test('under the default limits the same bomb is refused for its compression ratio', async () => {
    const bytes = await zerosArchive();
    const error = relacjeErrorOf('workbookTooLarge', () => new ZipEntries(bytes));
    expect(error.params.part).toBe('xl/worksheets/sheet1.xml');
    expect(error.messageIn('en')).toMatch(/compression ratio of at most 200:1\): \d+:1/);
    expect(error.messageIn('pl')).toContain('stopień kompresji najwyżej 200:1');
  });

  test('the number of entries and the total size', async () => {
    const bytes = await zipBytes(
      folder.dir,
      ['a', 'b', 'c', 'd'].map((name) => ({ name, content: name.repeat(3000) })),
    );
    expect(new ZipEntries(bytes, { limits: { maxEntries: 4, maxTotalBytes: 12000 } }).names()).toHaveLength(
      4,
    );
    const count = relacjeErrorOf(
      'workbookTooLarge',
      () => new ZipEntries(bytes, { limits: { maxEntries: 3 } }),
    );
    expect(count.params.part).toBeUndefined();
    expect(count.messageIn('en')).toContain('at most 3 parts');
    expect(count.messageIn('pl')).toContain('najwyżej 3 części');
    const total = relacjeErrorOf(
      'workbookTooLarge',
      () => new ZipEntries(bytes, { limits: { maxTotalBytes: 11999 } }),
    );
    expect(total.messageIn('en')).toContain('uncompressed in all');
  });

  test('a header that claims less than its data inflates to is caught while inflating', async () => {
    const content = Buffer.from('<row/>'.repeat(200_000));
    const bytes = await zipBytes(folder.dir, [{ name: 'xl/worksheets/sheet1.xml', content }]);
    const header = centralHeaderOf(bytes, 'xl/worksheets/sheet1.xml');
    bytes.writeUInt32LE(1000, header + 24);
    // The directory now passes every limit; only inflating can tell.
    const zip = new ZipEntries(bytes, { limits: { maxEntryBytes: 10_000 } });
    const error = relacjeErrorOf('damagedPart', () => zip.read('xl/worksheets/sheet1.xml'));
    expect(error.messageIn('en')).toContain('xl/worksheets/sheet1.xml');
    expect(error.messageIn('en')).toContain('another size');
    expect(error.messageIn('pl')).toContain('inny rozmiar');
    const streamed = await streamErrorOf('damagedPart', zip.stream('xl/worksheets/sheet1.xml', 4096));
    expect(streamed.messageIn('en')).toContain('another size');
  });

  test('a header that claims more than there is', async () => {
    const bytes = await zipBytes(folder.dir, [{ name: 'a.xml', content: '<a/>'.repeat(100) }]);
    bytes.writeUInt32LE(401, centralHeaderOf(bytes, 'a.xml') + 24);
    expect(relacjeErrorOf('damagedPart', () => new ZipEntries(bytes).read('a.xml')).params.part).toBe(
      'a.xml',
    );
    await streamErrorOf('damagedPart', new ZipEntries(bytes).stream('a.xml'));
  });
});

describe('damaged parts', () => {
  test('a CRC-32 that does not match', async () => {
    const bytes = await zipBytes(folder.dir, [
      { name: 'xl/workbook.xml', content: '<workbook/>' },
      { name: 'xl/sharedStrings.xml', content: '<sst/>' },
    ]);
    const header = centralHeaderOf(bytes, 'xl/sharedStrings.xml');
    bytes.writeUInt32LE((bytes.readUInt32LE(header + 16) ^ 1) >>> 0, header + 16);
    const zip = new ZipEntries(bytes, { file: 'crm.xlsx' });
    expect(zip.read('xl/workbook.xml')!.toString()).toBe('<workbook/>');
    const error = relacjeErrorOf('damagedPart', () => zip.read('xl/sharedStrings.xml'));
    expect(error.messageIn('pl')).toContain('CRC-32');
    expect(error.messageIn('pl')).toContain('xl/sharedStrings.xml');
    expect(error.messageIn('en')).toContain('crm.xlsx');
    const streamed = await streamErrorOf('damagedPart', zip.stream('xl/sharedStrings.xml'));
    expect(streamed.messageIn('en')).toContain('CRC-32');
  });

  test('a stored entry with a wrong CRC-32', async () => {
    const jszip = new JSZip();
    jszip.file('a.txt', 'abc', { compression: 'STORE' });
    const bytes = await jszip.generateAsync({ type: 'nodebuffer' });
    bytes.writeUInt32LE(0, centralHeaderOf(bytes, 'a.txt') + 16);
    relacjeErrorOf('damagedPart', () => new ZipEntries(bytes).read('a.txt'));
  });

  test('compressed data that is not deflate, and data cut short', async () => {
    const bytes = await zipBytes(folder.dir, [{ name: 'a.xml', content: 'x'.repeat(5000) }]);
    const entry = new ZipEntries(bytes).entry('a.xml')!;
    const corrupt = Buffer.from(bytes);
    corrupt.fill(0xff, entry.dataOffset, entry.dataOffset + entry.compressedSize);
    const error = relacjeErrorOf('damagedPart', () => new ZipEntries(corrupt).read('a.xml'));
    expect(error.messageIn('en')).toContain('corrupt');
    const streamed = await streamErrorOf('damagedPart', new ZipEntries(corrupt).stream('a.xml'));
    expect(streamed.messageIn('en')).toContain('corrupt');
    const short = Buffer.from(bytes);
    short.writeUInt32LE(bytes.length, centralHeaderOf(bytes, 'a.xml') + 20);
    expect(relacjeErrorOf('damagedPart', () => new ZipEntries(short).raw('a.xml')).messageIn('en')).toContain(
      'ends before',
    );
  });
});

describe('garbage in', () => {
  const limits = { maxEntryBytes: 256 * 1024, maxTotalBytes: MiB, ratioFloorBytes: 4096, maxEntries: 50 };

  /** Reads everything there is to read; the only acceptable failures are the product's own. */
  async function readAll(bytes: Buffer): Promise<void> {
    try {
      const zip = new ZipEntries(bytes, { limits });
      for (const name of zip.names()) {
        try {
          zip.entry(name);
          zip.raw(name);
          zip.read(name);
        } catch (error) {
          if (!(error instanceof RelacjeError || error instanceof LeanReadUnsupported)) throw error;
        }
        try {
          for await (const piece of zip.stream(name, 256)!) expect(piece.length).toBeLessThanOrEqual(256);
        } catch (error) {
          if (!(error instanceof RelacjeError || error instanceof LeanReadUnsupported)) throw error;
        }
      }
    } catch (error) {
      if (!(error instanceof RelacjeError || error instanceof LeanReadUnsupported)) throw error;
    }
  }

  test('mutated and truncated archives end in a value or a product error, never a crash or a hang', async () => {
    const jszip = new JSZip();
    jszip.file('stored.txt', 'stored '.repeat(20), { compression: 'STORE' });
    jszip.file('xl/sheet.xml', '<row r="1"><c r="A1"/></row>'.repeat(40), { compression: 'DEFLATE' });
    const bases = [
      await zipBytes(folder.dir, [
        { name: '[Content_Types].xml', content: '<Types/>' },
        { name: 'xl/worksheets/sheet1.xml', chunks: ['<worksheet>', '<row/>'.repeat(300), '</worksheet>'] },
        { name: 'docProps/app.xml', content: 'ą'.repeat(50) },
      ]),
      await jszip.generateAsync({ type: 'nodebuffer', streamFiles: true }),
      zip64Archive('a.txt', Buffer.from('zip64 body')),
    ];
    const mutation = fc.record({
      base: fc.integer({ min: 0, max: bases.length - 1 }),
      // Most edits land in the headers at the end, where a single byte changes the most.
      edits: fc.array(
        fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), fc.integer({ min: 0, max: 255 })),
        {
          maxLength: 6,
        },
      ),
      keep: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ base, edits, keep }) => {
        const bytes = Buffer.from(bases[base]);
        for (const [where, nearEnd, value] of edits) {
          const span = nearEnd ? Math.min(bytes.length, 200) : bytes.length;
          bytes[bytes.length - span + Math.floor(where * (span - 1))] = value;
        }
        const cut = keep === undefined ? bytes : bytes.subarray(0, Math.floor(keep * bytes.length));
        // A hang would be caught by the test's timeout: a wall-clock bound per case failed on a busy machine.
        await readAll(cut);
      }),
      { seed: 20261204, numRuns: 3000 },
    );
  });
});

/** A record of `length` bytes with little-endian fields of 16 or 32 bits at the given offsets. */
function header(length: number, fields: [bits: 16 | 32, at: number, value: number][]): Buffer {
  const bytes = Buffer.alloc(length);
  for (const [bits, at, value] of fields) {
    if (bits === 16) bytes.writeUInt16LE(value, at);
    else bytes.writeUInt32LE(value, at);
  }
  return bytes;
}

/** One entry, method deflate, with no compressed bytes (and CRC 0 of nothing). */
function emptyDeflatedArchive(name: string): Buffer {
  const nameBytes = Buffer.from(name);
  const local = header(30, [
    [32, 0, 0x04034b50],
    [16, 4, 20],
    [16, 8, 8],
    [16, 26, nameBytes.length],
  ]);
  const central = header(46, [
    [32, 0, 0x02014b50],
    [16, 4, 20],
    [16, 6, 20],
    [16, 10, 8],
    [16, 28, nameBytes.length],
  ]);
  const directorySize = 46 + nameBytes.length;
  const end = header(22, [
    [32, 0, 0x06054b50],
    [16, 8, 1],
    [16, 10, 1],
    [32, 12, directorySize],
    [32, 16, 30 + nameBytes.length],
  ]);
  return Buffer.concat([local, nameBytes, central, nameBytes, end]);
}

/** A one-entry archive in ZIP64 form, sizes and offsets all deferred to the ZIP64 records. */
function zip64Archive(name: string, data: Buffer): Buffer {
  const nameBytes = Buffer.from(name);
  const size = BigInt(data.length);
  const extra = (values: bigint[]) => {
    const bytes = Buffer.alloc(4 + values.length * 8);
    bytes.writeUInt16LE(1, 0);
    bytes.writeUInt16LE(values.length * 8, 2);
    values.forEach((value, i) => bytes.writeBigUInt64LE(value, 4 + i * 8));
    return bytes;
  };
  const M = 0xffffffff;
  const sum = crc32(data);
  // version 45, date 1980-01-01, CRC, sizes and offset marked as held in the ZIP64 extra field
  const local = header(30, [
    [32, 0, 0x04034b50],
    [16, 4, 45],
    [16, 12, 0x21],
    [32, 14, sum],
    [32, 18, M],
    [32, 22, M],
    [16, 26, nameBytes.length],
    [16, 28, 20],
  ]);
  const central = header(46, [
    [32, 0, 0x02014b50],
    [16, 4, 45],
    [16, 6, 45],
    [16, 14, 0x21],
    [32, 16, sum],
    [32, 20, M],
    [32, 24, M],
    [16, 28, nameBytes.length],
    [16, 30, 28],
    [32, 42, M],
  ]);
  const directoryAt = 30 + nameBytes.length + 20 + data.length;
  const directorySize = 46 + nameBytes.length + 28;
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  [44n, 0n, 1n, 1n, BigInt(directorySize), BigInt(directoryAt)].forEach((value, i) =>
    // the record's size, then (after the versions) disk numbers, entry counts and the directory
    record.writeBigUInt64LE(value, i === 0 ? 4 : 8 + i * 8),
  );
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  const locator = header(20, [
    [32, 0, 0x07064b50],
    [32, 16, 1],
  ]);
  locator.writeBigUInt64LE(BigInt(directoryAt + directorySize), 8);
  const end = header(22, [
    [32, 0, 0x06054b50],
    [16, 8, 0xffff],
    [16, 10, 0xffff],
    [32, 12, M],
    [32, 16, M],
  ]);
  return Buffer.concat([
    ...[local, nameBytes, extra([size, size]), data],
    ...[central, nameBytes, extra([size, size, 0n]), record, locator, end],
  ]);
}
