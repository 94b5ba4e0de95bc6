import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main, type CliIo } from '../../src/cli/main';
import type { Locale } from '../../src/core/i18n';
import { CURRENT_SCHEMA, enumByKey, tableByKey } from '../../src/core/schema';
import type { StoredRecord } from '../../src/store/port';
import { openXlsxStore } from '../../src/store/xlsx/xlsx-store';
import { convertWithLibreOffice } from './soffice';

/** Every sheet to its own UTF-8 CSV, cells as shown (see docs: a bare `csv` garbles Polish letters). */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1';

/** RFC 4180 as LibreOffice writes it: commas, double quotes doubled inside quoted fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

const COMPARED = ['id', 'name', 'nip', 'city', 'status'] as const;

function quietIo(cwd: string): CliIo {
  return { stdout: { write: () => true }, stderr: { write: () => true }, cwd, env: {} };
}

describe('LibreOffice reads the demo workbook as our adapter does', () => {
  let dir: string;
  const files: Record<Locale, string> = { pl: '', en: '' };
  const exported: Record<Locale, string> = { pl: '', en: '' };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'relacje-lo-'));
    for (const locale of ['pl', 'en'] as const) {
      files[locale] = path.join(dir, `demo-${locale}.xlsx`);
      expect(await main(['init', files[locale], '--demo', '--locale', locale], quietIo(dir))).toBe(0);
    }
    const outDir = path.join(dir, 'csv');
    await mkdir(outDir);
    await convertWithLibreOffice(dir, CSV_FILTER, outDir, [files.pl, files.en]);
    const clients = tableByKey(CURRENT_SCHEMA, 'clients');
    for (const locale of ['pl', 'en'] as const) {
      const base = path.basename(files[locale], '.xlsx');
      exported[locale] = await readFile(path.join(outDir, `${base}-${clients.sheet[locale]}.csv`), 'utf8');
    }
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(['pl', 'en'] as const)(
    'the Clients sheet exported to CSV equals what the adapter reads (%s)',
    async (locale) => {
      const store = await openXlsxStore(files[locale], { readOnly: true });
      let records: StoredRecord[];
      try {
        records = (await store.readAll()).tables.clients;
      } finally {
        await store.close();
      }
      expect(records.length).toBeGreaterThan(0);

      const clients = tableByKey(CURRENT_SCHEMA, 'clients');
      const rows = parseCsv(exported[locale]);
      const headerOf = (key: string) => clients.columns.find((c) => c.key === key)?.header[locale] ?? key;
      const headerIndex = rows.findIndex(
        (row) => row.includes(headerOf('id')) && row.includes(headerOf('name')),
      );
      expect(headerIndex).toBeGreaterThanOrEqual(0);
      const header = rows[headerIndex];
      const position = Object.fromEntries(COMPARED.map((key) => [key, header.indexOf(headerOf(key))]));
      for (const key of COMPARED) expect(position[key]).toBeGreaterThanOrEqual(0);

      const dataRows = rows.slice(headerIndex + 1).filter((row) => row.some((cell) => cell !== ''));
      const fromLibreOffice = dataRows.map((row) =>
        Object.fromEntries(COMPARED.map((key) => [key, row[position[key]]])),
      );

      const statusLabels = enumByKey(CURRENT_SCHEMA, 'clientStatus').values;
      const labelOf = (status: unknown) => statusLabels.find((v) => v.key === status)?.label[locale];
      const fromAdapter = records.map((record) => ({
        id: record.id,
        name: record.name,
        nip: record.nip ?? '',
        city: record.city ?? '',
        status: labelOf(record.status),
      }));

      expect(fromLibreOffice).toHaveLength(records.length);
      expect(fromLibreOffice).toEqual(fromAdapter);
      // The demo data is Polish: the export must carry its letters intact.
      expect(exported[locale]).toMatch(/[ąćęłńóśźż]/i);
    },
  );
});
