import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { isRelacjeError } from '../../../src/core/errors';
import { removeInterruptedWrites } from '../../../src/store/xlsx/atomic-write';
import { writeZipAtomically, type ZipOutputEntry } from '../../../src/store/xlsx/package/zip-writer';
import { ZipEntries } from '../../../src/store/xlsx/zip-entries';
import { excelJsWorkbook, slowly, temporaryFolder } from './zip-fixtures';

let folder: ReturnType<typeof temporaryFolder>;
let file: string;
beforeEach(() => {
  folder = temporaryFolder();
  file = path.join(folder.dir, 'crm.xlsx');
});
afterEach(() => folder.remove());

const SHEET = 'xl/worksheets/sheet1.xml';

function copies(zip: ZipEntries): ZipOutputEntry[] {
  return zip.names().map((name) => ({ name, copyFrom: zip }));
}

function expectSameRaw(original: ZipEntries, rewritten: ZipEntries, names: string[]): void {
  for (const name of names) {
    expect(rewritten.raw(name)).toEqual(original.raw(name));
    const { method, crc32, compressedSize, uncompressedSize } = original.entry(name)!;
    expect(rewritten.entry(name)).toMatchObject({ method, crc32, compressedSize, uncompressedSize });
  }
}

async function loadWithExcelJs(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

function inGroups(rows: string[], size: number): string[] {
  return Array.from({ length: Math.ceil(rows.length / size) }, (_, i) =>
    rows.slice(i * size, (i + 1) * size).join(''),
  );
}

/** What is left in the folder besides the workbook: a failed write must leave nothing. */
function strayFiles(): string[] {
  return readdirSync(folder.dir).filter((name) => name !== 'crm.xlsx');
}

describe('copying entries', () => {
  test('every entry copied: the same stored bytes at new offsets, and ExcelJS reads it', async () => {
    const original = new ZipEntries(await excelJsWorkbook());
    await writeZipAtomically(file, copies(original));
    const bytes = readFileSync(file);
    const rewritten = new ZipEntries(bytes);
    expect(rewritten.names()).toEqual(original.names());
    expectSameRaw(original, rewritten, original.names());
    const workbook = await loadWithExcelJs(bytes);
    const sheet = workbook.getWorksheet('Klienci')!;
    expect(sheet.getCell('A2').value).toBe('Firma 0 sp. z o.o.');
    expect(sheet.getCell('C201').value).toBe('Łódź');
    expect(workbook.getWorksheet('Notatki')!.getCell('B2').value).toBe('zażółć gęślą jaźń');
  });

  test('the workbooks kept as test fixtures copy byte for byte', async () => {
    const fixtures = path.join(__dirname, '../../fixtures');
    for (const name of readdirSync(fixtures).filter((n) => n.endsWith('.xlsx'))) {
      const original = new ZipEntries(readFileSync(path.join(fixtures, name)));
      await writeZipAtomically(file, copies(original));
      const rewritten = new ZipEntries(readFileSync(file));
      expect(rewritten.names()).toEqual(original.names());
      expectSameRaw(original, rewritten, original.names());
      for (const part of rewritten.names()) expect(rewritten.read(part)).toEqual(original.read(part));
    }
  });

  test('entries a data descriptor followed are copied with their sizes in the header', async () => {
    const jszip = new JSZip();
    jszip.file('[Content_Types].xml', '<Types/>');
    jszip.file('xl/ąę.xml', '<x/>'.repeat(500), { compression: 'DEFLATE' });
    jszip.file('stored.bin', Buffer.from([1, 2, 3]), { compression: 'STORE' });
    const original = new ZipEntries(await jszip.generateAsync({ type: 'nodebuffer', streamFiles: true }));
    await writeZipAtomically(file, copies(original));
    const bytes = readFileSync(file);
    const rewritten = new ZipEntries(bytes);
    expectSameRaw(original, rewritten, original.names());
    for (const name of rewritten.names()) expect(rewritten.entry(name)!.flags & 0x08).toBe(0);
    expect(rewritten.entry('xl/ąę.xml')!.flags & 0x800).toBe(0x800);
    const again = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(await again.file('xl/ąę.xml')!.async('string')).toBe('<x/>'.repeat(500));
    expect([...(await again.file('stored.bin')!.async('nodebuffer'))]).toEqual([1, 2, 3]);
  });
});

describe('new entries', () => {
  test('one sheet replaced by streamed chunks: it inflates to them, the others stay byte for byte', async () => {
    const original = new ZipEntries(await excelJsWorkbook());
    const sheet = original.read(SHEET)!.toString();
    const rows = Array.from(
      { length: 60_000 },
      (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}</v></c></row>`,
    );
    // A sheet of several MiB, so its header reaches the disk before its sizes are known.
    const head = sheet.slice(0, sheet.indexOf('<sheetData>') + '<sheetData>'.length);
    const tail = sheet.slice(sheet.indexOf('</sheetData>'));
    const entries = original
      .names()
      .map((name): ZipOutputEntry =>
        name === SHEET
          ? { name, chunks: slowly([head, ...inGroups(rows, 100), tail]) }
          : { name, copyFrom: original },
      );
    await writeZipAtomically(file, slowly(entries));
    const rewritten = new ZipEntries(readFileSync(file));
    expect(rewritten.names()).toEqual(original.names());
    const expected = head + rows.join('') + tail;
    expect(expected.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(rewritten.read(SHEET)!.toString()).toBe(expected);
    expectSameRaw(
      original,
      rewritten,
      original.names().filter((name) => name !== SHEET),
    );
    const workbook = await loadWithExcelJs(readFileSync(file));
    expect(workbook.getWorksheet('Klienci')!.getCell('A60001').value).toBe(59_999);
  });

  test('a 96 MiB part streams through without being held whole', async () => {
    const total = 96 * 1024 * 1024;
    let produced = 0;
    let peak = 0;
    const before = process.memoryUsage().arrayBuffers;
    function* rows() {
      for (let r = 1; produced < total; r += 1) {
        const row = `<row r="${r}">${'<c><v>1234567</v></c>'.repeat(r % 97)}</row>`.repeat(200);
        produced += row.length;
        peak = Math.max(peak, process.memoryUsage().arrayBuffers);
        yield row;
      }
    }
    await writeZipAtomically(file, [{ name: SHEET, chunks: rows() }], {
      level: 1,
      limits: { maxRatio: Infinity },
    });
    // Holding the part whole would take 96 MiB; buffers not yet collected count too (more of them
    // when the machine is busy and GC runs late), so the bound is half the part, not the few MiB live.
    expect(peak - before).toBeLessThan(48 * 1024 * 1024);
    const zip = new ZipEntries(readFileSync(file), { limits: { maxRatio: Infinity } });
    expect(zip.entry(SHEET)!.uncompressedSize).toBe(produced);
    expect(zip.read(SHEET)!.subarray(0, 12).toString()).toBe('<row r="1"><');
  });

  test.each([
    ['held until its sizes are known', undefined],
    ['written at once and its header patched', 4096],
  ])("the hash given before the rename is the new file's, a streamed part %s", async (_, maxHeldBytes) => {
    const original = new ZipEntries(await excelJsWorkbook());
    const rows = Array.from(
      { length: 40_000 },
      (_, i) => `<row r="${i + 2}"><c><v>${i * 7919}</v></c></row>`,
    );
    const entries = original
      .names()
      .map((name): ZipOutputEntry =>
        name === SHEET ? { name, chunks: slowly(inGroups(rows, 500)) } : { name, copyFrom: original },
      );
    let hashed = '';
    await writeZipAtomically(file, entries, {
      maxHeldBytes,
      beforeRename: async (temp, sha256) => {
        expect(createHash('sha256').update(readFileSync(temp)).digest('hex')).toBe(sha256);
        hashed = sha256;
      },
    });
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(hashed);
    expect(new ZipEntries(readFileSync(file)).read(SHEET)!.toString()).toBe(rows.join(''));
  });

  test('whole contents, Buffers and strings, small streams and empty ones', async () => {
    await writeZipAtomically(file, [
      { name: '[Content_Types].xml', content: '<Types/>' },
      { name: 'bin', content: Buffer.from([0, 255, 7]) },
      { name: 'small.xml', chunks: ['<a>', Buffer.from('ż'), '</a>'] },
      { name: 'empty.xml', chunks: [] },
      { name: 'blank.xml', content: '' },
    ]);
    const bytes = readFileSync(file);
    const zip = new ZipEntries(bytes);
    expect(zip.names()).toEqual(['[Content_Types].xml', 'bin', 'small.xml', 'empty.xml', 'blank.xml']);
    expect(zip.read('small.xml')!.toString()).toBe('<a>ż</a>');
    expect([...zip.read('bin')!]).toEqual([0, 255, 7]);
    expect(zip.read('empty.xml')!.length).toBe(0);
    expect(zip.read('blank.xml')!.length).toBe(0);
    expect(inflateRawSync(zip.raw('small.xml')!).toString()).toBe('<a>ż</a>');
    const jszip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(await jszip.file('small.xml')!.async('string')).toBe('<a>ż</a>');
  });

  test('the same name twice is refused', async () => {
    await expect(
      writeZipAtomically(file, [
        { name: 'a', content: '1' },
        { name: 'a', content: '2' },
      ]),
    ).rejects.toThrow('already has an entry a');
  });
});

describe('a write that fails leaves the old file and no temp file', () => {
  beforeEach(() => writeFileSync(file, 'the old workbook'));

  test('a stream of chunks that breaks off', async () => {
    async function* breaking() {
      yield '<worksheet>';
      yield 'x'.repeat(3 * 1024 * 1024);
      throw new Error('the source broke');
    }
    await expect(
      writeZipAtomically(file, [
        { name: 'a.xml', content: '<a/>' },
        { name: SHEET, chunks: breaking() },
      ]),
    ).rejects.toThrow('the source broke');
    expect(readFileSync(file, 'utf8')).toBe('the old workbook');
    expect(strayFiles()).toEqual([]);
  });

  test('a part past the limits the reader would refuse', async () => {
    const error = await writeZipAtomically(
      file,
      [
        {
          name: SHEET,
          chunks: Array.from({ length: 30 }, (_, i) => `<row r="${i}">${'<c/>'.repeat(10_000)}</row>`),
        },
      ],
      { limits: { maxEntryBytes: 1024 * 1024 } },
    ).catch((e: unknown) => e);
    expect(isRelacjeError(error, 'workbookTooLarge')).toBe(true);
    expect((error as Error).message).toContain(SHEET);
    expect(readFileSync(file, 'utf8')).toBe('the old workbook');
    expect(strayFiles()).toEqual([]);
  });

  test('a part compressed past the ratio the reader allows', async () => {
    const error = await writeZipAtomically(file, [
      { name: SHEET, content: Buffer.alloc(4 * 1024 * 1024) },
    ]).catch((e: unknown) => e);
    expect(isRelacjeError(error, 'workbookTooLarge')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('the old workbook');
  });

  test('a check before the rename sees the whole new package, and its failure keeps the old file', async () => {
    let seen: string[] = [];
    const check = async (temp: string) => {
      seen = new ZipEntries(readFileSync(temp)).names();
      throw new Error('not good enough');
    };
    await expect(
      writeZipAtomically(file, [{ name: 'a.xml', content: '<a/>' }], { beforeRename: check }),
    ).rejects.toThrow('not good enough');
    expect(seen).toEqual(['a.xml']);
    expect(readFileSync(file, 'utf8')).toBe('the old workbook');
    expect(strayFiles()).toEqual([]);
  });

  test('a temp file a crash left behind is one removeInterruptedWrites clears', async () => {
    let stray: string[] = [];
    async function* peeking() {
      yield '<a>';
      stray = strayFiles();
      yield '</a>';
    }
    await writeZipAtomically(file, [{ name: 'a.xml', chunks: peeking() }]);
    expect(stray).toHaveLength(1);
    writeFileSync(path.join(folder.dir, stray[0]), 'half a package');
    await removeInterruptedWrites(file);
    expect(strayFiles()).toEqual([]);
  });
});
