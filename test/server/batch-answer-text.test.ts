import path from 'node:path';
import { JsonText, JsonTextBuilder } from '../../src/server/json-text';
import { startServer, type RunningServer } from '../../src/server/workbook-server';
import { createXlsxWorkbook, openXlsxStore } from '../../src/store/xlsx/xlsx-store';
import { temporaryDir } from '../store/engine/engine-harness';

describe('JSON text in pieces', () => {
  it('joins to the JSON of the same values, a large body in pieces of about a megabyte', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [
      `Firma „${i}” sp. z o.o.\n`,
      i * 1.5,
      i % 2 === 0,
      '',
    ]);
    const inner = new JsonTextBuilder().add('[');
    rows.forEach((row, i) => inner.add(`${i > 0 ? ',' : ''}${JSON.stringify(row)}`));
    const body = new JsonTextBuilder()
      .add('{"rows":')
      .addValue(inner.add(']').done())
      .add(',"n":')
      .addValue(7)
      .add('}')
      .done();
    expect(JSON.parse(body.pieces.join(''))).toEqual({ rows, n: 7 });
    expect(body.pieces.length).toBeGreaterThan(1);
    expect(Math.max(...body.pieces.map((piece) => piece.length))).toBeLessThan(2 * 2 ** 20);
    // Whatever serialises it gets the same JSON.
    expect(JSON.parse(JSON.stringify({ answer: body }))).toEqual({ answer: { rows, n: 7 } });
  });

  it('an empty builder is no text at all, and one value is its JSON', () => {
    expect(new JsonTextBuilder().done().pieces).toEqual([]);
    expect(new JsonTextBuilder().addValue({ a: [1, 'ż'] }).done()).toEqual(new JsonText(['{"a":[1,"ż"]}']));
  });
});

describe('a batch of table pages over HTTP', () => {
  let folder: ReturnType<typeof temporaryDir>;
  let file: string;
  let server: RunningServer;

  beforeAll(async () => {
    folder = temporaryDir('relacje-batch-text-');
    file = path.join(folder.dir, 'firma.xlsx');
    await createXlsxWorkbook(file, { locale: 'pl' });
    const store = await openXlsxStore(file);
    await store.append(
      'clients',
      Array.from({ length: 6_000 }, (_, i) => ({
        id: `c-${i}`,
        name: `Firma "${i}" — Łódź\t${'x'.repeat(i % 150)}`,
        type: 'company',
        status: 'lead',
      })),
    );
    await store.close();
    server = await startServer({ port: 0, workbookFile: file, staticDir: folder.dir });
  });

  afterAll(async () => {
    await server?.close();
    folder.remove();
  });

  it('answers pages of more than a megabyte of JSON with their length, each row once, as Graph shapes them', async () => {
    const table = `/me/drive/root:/firma.xlsx:/workbook/tables/tClients`;
    const requests = [0, 2_500, 5_000].map((skip) => ({
      id: `p${skip}`,
      method: 'GET',
      url: `${table}/rows?$top=2500&$skip=${skip}`,
    }));
    requests.push({ id: 'missing', method: 'GET', url: `${table}/rows/itemAt(index=99999)` });
    const response = await fetch(`${server.url}v1.0/$batch`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ requests }),
    });
    const text = await response.text();
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    expect(Buffer.byteLength(text)).toBeGreaterThan(1.5 * 2 ** 20);
    const { responses } = JSON.parse(text) as {
      responses: { id: string; status: number; body: { value?: { index: number; values: unknown[][] }[] } }[];
    };
    expect(responses.map((r) => [r.id, r.status])).toEqual([
      ['p0', 200],
      ['p2500', 200],
      ['p5000', 200],
      ['missing', 404],
    ]);
    const rows = responses.slice(0, 3).flatMap((r) => r.body.value!);
    expect(rows.map((row) => row.index)).toEqual(Array.from({ length: 6_000 }, (_, i) => i));
    const names = rows.map((row) =>
      row.values[0].find((v) => typeof v === 'string' && v.startsWith('Firma')),
    );
    expect(names[4321]).toBe(`Firma "4321" — Łódź\t${'x'.repeat(4321 % 150)}`);
  });
});
