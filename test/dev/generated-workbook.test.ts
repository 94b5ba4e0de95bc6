import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { datasetDigest } from './dataset-checks';
import { writeGeneratedWorkbook } from '../../src/dev/generated-workbook';
import { generateDataset } from '../../src/dev/generator';
import { loadWorkbookFile } from '../../src/store/xlsx/workbook-file';

describe('writeGeneratedWorkbook', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'relacje-generated-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the same workbook for the same seed, holding the generated data set', async () => {
    const options = { seed: 11, clients: 120, activitiesPerClient: 3 };
    const first = path.join(dir, 'first.xlsx');
    const second = path.join(dir, 'second.xlsx');
    const rows = await writeGeneratedWorkbook(first, options);
    await writeGeneratedWorkbook(second, options);

    const expected = generateDataset(options);
    const firstTables = (await loadWorkbookFile(first)).state.tables;
    const secondTables = (await loadWorkbookFile(second)).state.tables;
    expect(datasetDigest(firstTables)).toBe(datasetDigest(expected));
    expect(datasetDigest(secondTables)).toBe(datasetDigest(firstTables));
    expect(rows).toBe(Object.values(expected).reduce((sum, table) => sum + table.length, 0));
  });
});
