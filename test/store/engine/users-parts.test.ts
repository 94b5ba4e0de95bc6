import { readTablePart } from '../../../src/store/xlsx/package/table-part';
import { parseRange } from '../../../src/store/xlsx/package/cell-ref';
import { openXlsxStore } from '../../../src/store/xlsx/xlsx-store';
import { clientRecord } from '../../contract/store-contract';
import { partsOf, rawPartsOf, sheetPartOfTable, useFreshWorkbook, NO_IDLE_FOLD } from './engine-harness';
import { addCalculatedColumns, addDashboardChart, CHART_PARTS } from './package-fixtures';

/**
 * Measured on main before the patching engine: a fold rewrote the whole workbook through ExcelJS,
 * which drops charts, loses a calculated column's formula and the header of a column after it.
 */
describe("the user's own parts survive any number of writes and folds", () => {
  const workbook = useFreshWorkbook();

  it('a chart on the Dashboard keeps its parts byte for byte after 100 writes and folds', async () => {
    await addDashboardChart(workbook.file);
    const before = rawPartsOf(workbook.file);
    const store = await openXlsxStore(workbook.file, NO_IDLE_FOLD);
    for (let i = 0; i < 100; i += 1) {
      await store.append('clients', [clientRecord(i)]);
      if (i % 10 === 0) {
        await store.writeDashboard([
          { ref: 'A1', value: 'Nowe' },
          { ref: 'B1', value: i },
          { ref: 'A2', value: 'Wygrane' },
          { ref: 'B2', formula: '=COUNTIFS(tClients[Status],"Aktywny")' },
        ]);
      }
      await store.fold();
    }
    await store.close();

    const after = rawPartsOf(workbook.file);
    for (const part of CHART_PARTS)
      expect({ part, same: after.get(part)?.equals(before.get(part)!) }).toEqual({ part, same: true });
    const parts = partsOf(workbook.file);
    const dashboard = [...parts].find(
      ([name, xml]) => name.startsWith('xl/worksheets/sheet') && xml.includes('rIdRelacjeChart'),
    );
    expect(dashboard?.[1]).toContain('<drawing r:id="rIdRelacjeChart"/>');
    expect(dashboard?.[1]).toContain('<f>COUNTIFS(tClients[Status],"Aktywny")</f>');
    expect(parts.get('[Content_Types].xml')).toContain('/xl/charts/chart1.xml');
    const reopened = await openXlsxStore(workbook.file, { readOnly: true });
    expect((await reopened.readAll()).tables.clients).toHaveLength(100);
    await reopened.close();
  });

  it('a calculated column gives new rows its formula; a user column after it keeps its header and cells', async () => {
    let store = await openXlsxStore(workbook.file, NO_IDLE_FOLD);
    await store.append('clients', [clientRecord(1)]);
    await store.close();
    const { formula } = await addCalculatedColumns(workbook.file);

    store = await openXlsxStore(workbook.file, NO_IDLE_FOLD);
    await store.append('clients', [clientRecord(2), clientRecord(3)]);
    await store.update('clients', [{ id: 'client-1', expectedVersion: 1, changes: { city: 'Kraków' } }]);
    await store.close();

    const parts = partsOf(workbook.file);
    const tablePart = [...parts.keys()].find(
      (n) => n.startsWith('xl/tables/') && parts.get(n)!.includes('name="tClients"'),
    )!;
    const table = readTablePart(parts.get(tablePart)!);
    const range = parseRange(table.ref)!;
    expect(table.columns).toHaveLength(range.right - range.left + 1);
    expect(table.columns.at(-2)).toEqual(
      expect.objectContaining({ name: 'Kod', calculatedColumnFormula: formula }),
    );
    expect(table.columns.at(-1)?.name).toBe('Notatka');
    expect(range.bottom).toBe(range.top + 3);

    const sheet = parts.get(sheetPartOfTable(parts, 'tClients'))!;
    const row = (n: number) => new RegExp(`<row r="${n}"[^>]*>([\\s\\S]*?)</row>`).exec(sheet)?.[1] ?? '';
    expect(row(range.top)).toContain('Notatka');
    expect(row(range.top + 1)).toContain('stały klient od 2019');
    expect(row(range.top + 1)).toContain('Kraków');
    for (const r of [range.top + 2, range.top + 3]) expect(row(r)).toContain(`<f>${formula}</f>`);
    expect(parts.get('xl/workbook.xml')).toContain('fullCalcOnLoad="1"');

    const reopened = await openXlsxStore(workbook.file, { readOnly: true });
    const clients = (await reopened.readAll()).tables.clients;
    await reopened.close();
    expect(clients.map((c) => [c.id, c.city])).toEqual([
      ['client-1', 'Kraków'],
      ['client-2', null],
      ['client-3', null],
    ]);
  });
});
