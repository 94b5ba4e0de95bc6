import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { EXIT_OK } from '../cli-failure';
import type { CommandContext } from '../command-context';
import { integerOption } from '../command-line';
import { fillWithDemoData } from './init';
import { CURRENT_SCHEMA } from '../../core/schema';
import { createXlsxWorkbook, olderSchemaOf, openXlsxStore } from '../../store/xlsx/xlsx-store';
import { DEFAULT_PORT, startServer } from '../../server/workbook-server';

/** The built panes, next to the sources: `dist/` at the package root. */
const STATIC_DIR = path.join(__dirname, '..', '..', '..', 'dist');

/**
 * `relacje serve [file] [--port N]`: runs until the process is asked to stop. A first start on a
 * fresh machine has no workbook yet: it gets one with the demo data, so there is something to see;
 * a workbook of an earlier schema is upgraded before it is served.
 */
export async function runServe(context: CommandContext): Promise<number> {
  const workbookFile = context.workbookFile();
  const envPort = Number(context.io.env.PORT);
  const port = integerOption(
    context.line,
    'port',
    0,
    65535,
    Number.isInteger(envPort) && envPort > 0 ? envPort : DEFAULT_PORT,
  );
  if (!existsSync(workbookFile)) {
    await createXlsxWorkbook(workbookFile, { locale: 'pl' });
    const rows = await fillWithDemoData(workbookFile);
    context.say('createdDemo', { file: workbookFile, locale: 'pl', rows });
  } else {
    // The server speaks Graph, which cannot add tables: a workbook of an earlier schema is
    // completed here first, as the .xlsx store completes it on open.
    const older = await olderSchemaOf(workbookFile);
    if (older !== undefined) {
      await (await openXlsxStore(workbookFile)).close();
      context.say('upgraded', { file: workbookFile, from: older, to: CURRENT_SCHEMA.version });
    }
  }
  const server = await startServer({ port, workbookFile, staticDir: STATIC_DIR });
  context.say('serving', { url: server.url, file: workbookFile });
  // A large workbook takes seconds to open; doing it now means the first pane finds it ready.
  void server.graph.preload();
  context.io.onShutdown?.(async () => {
    context.say('stopping', {});
    await server.close();
  });
  return EXIT_OK;
}
