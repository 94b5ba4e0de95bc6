import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkbookSchema } from '../../../src/core/schema';
import type { WorkbookDocument } from '../../../src/server/document/workbook-document';
import { GraphFailure } from '../../../src/server/graph-errors';
import { GraphWorkbookApi } from '../../../src/server/graph-api';

/**
 * A workbook the local server's Graph API answers about that says its tables hold any number of
 * rows and holds none: sizes and headers as a real one of that size, every page empty. Enough
 * for counting the requests of a load of 1,000,000 rows without making, sending or decoding them.
 * It stands in for the document through the part of its API a load uses.
 */
function syntheticDocument(file: string, schema: WorkbookSchema, rows: Record<string, number>) {
  const tables = schema.tables.map((table) => {
    const headers = table.columns.map((column) => column.header.pl);
    return {
      name: table.tableName,
      sheet: { name: table.sheet.pl },
      model: {},
      bounds: { top: 1, left: 1, bottom: 1 + Math.max(1, rows[table.key] ?? 0), right: headers.length },
      width: headers.length,
      rowCount: rows[table.key] ?? 0,
      headers: () => headers,
      rows: () => [],
      rowValues: () => headers.map(() => ''),
    };
  });
  const tableNamed = (name: string) => {
    const table = tables.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (!table) throw new GraphFailure(404, 'ItemNotFound', `No table ${name}.`);
    return table;
  };
  const sheetOf = (name: string) => {
    const table = tables.find((candidate) => candidate.sheet.name === name);
    if (!table) throw new GraphFailure(404, 'ItemNotFound', `No sheet ${name}.`);
    return { name, state: 'visible' };
  };
  return {
    file,
    tables: () => tables,
    table: tableNamed,
    worksheets: () => tables.map((table) => sheetOf(table.sheet.name)),
    worksheet: sheetOf,
    // Only header rows are asked for as ranges by a load.
    range: (sheet: string) => {
      const table = tables.find((candidate) => candidate.sheet.name === sheet)!;
      const values = [table.headers()];
      return {
        address: `${sheet}!A1`,
        rowIndex: 0,
        columnIndex: 0,
        rowCount: 1,
        columnCount: table.width,
        values,
        formulas: values,
      };
    },
    usedRange: () => {
      throw new GraphFailure(404, 'ItemNotFound', 'No used range.');
    },
    change: () =>
      Promise.reject(new GraphFailure(403, 'AccessDenied', 'The synthetic workbook is read-only.')),
    exclusive: <T>(work: () => Promise<T>) => work(),
    close: () => Promise.resolve(),
  };
}

/**
 * The rows of a generated workbook of this many clients with 10 activities each: the generator's
 * own proportions (measured at 10,000 clients), as the benchmarks' largest data set holds them.
 */
export function generatedRowCounts(clients: number): Record<string, number> {
  return {
    clients,
    people: Math.round(clients * 1.9427),
    activities: clients * 10,
    opportunities: Math.round(clients * 0.5061),
    stages: 10,
    tasks: Math.round(clients * 0.5088),
    products: 12,
    offers: Math.round(clients * 0.3496),
    offerLines: Math.round(clients * 0.7056),
  };
}

export interface SyntheticServer {
  url: string;
  graph: GraphWorkbookApi;
  close(): Promise<void>;
}

/** The local server's Graph API over a synthetic workbook of these row counts, over HTTP on loopback. */
export async function startSyntheticServer(
  schema: WorkbookSchema,
  rows: Record<string, number>,
): Promise<SyntheticServer> {
  const file = 'synthetic.xlsx';
  const document = syntheticDocument(file, schema, rows) as unknown as WorkbookDocument;
  const graph = new GraphWorkbookApi(file, () => Promise.resolve(document), { log: () => undefined });
  const server = createServer((request, response) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const url = new URL(request.url ?? '/', 'http://localhost');
      const result = await graph.handle({
        method: request.method ?? 'GET',
        path: url.pathname.slice('/v1.0'.length) + url.search,
        headers: {},
        body: chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined,
      });
      if (result === 'drop') return void response.destroy();
      response.writeHead(result.status, { 'Content-Type': 'application/json', ...result.headers });
      response.end(result.body === undefined ? undefined : JSON.stringify(result.body));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    graph,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
