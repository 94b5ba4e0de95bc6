// The local server opening a workbook (what `npm start` does before the first pane loads): time and memory.
import path from 'node:path';
import { startServer } from '../../src/server/workbook-server';
import { millisecondsSince, reportProbe } from './probe-output';

async function main(file: string): Promise<void> {
  const start = process.hrtime.bigint();
  const server = await startServer({ port: 0, workbookFile: file, staticDir: __dirname });
  await server.graph.preload();
  // preload keeps a failure for the first request: ask one, so a failed open is not timed as a fast one.
  const answer = await server.graph.handle({
    method: 'GET',
    path: `/me/drive/root:/${path.basename(file)}:/workbook/tables`,
    headers: {},
  });
  if (answer === 'drop' || answer.status !== 200) throw new Error(`the server did not open ${file}`);
  const openMs = millisecondsSince(start);
  const rssAfterOpenMiB = process.memoryUsage().rss / 2 ** 20;
  await server.close();
  reportProbe({ openMs, rssAfterOpenMiB });
}

void main(process.argv[2]);
