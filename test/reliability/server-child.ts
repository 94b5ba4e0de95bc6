// The child process of the server's crash cycles: the local workbook server on an ephemeral
// port over one workbook, folding after `foldAfterIdleMs`. Arguments: file, foldAfterIdleMs.
import path from 'node:path';
import { startServer } from '../../src/server/workbook-server';
import { stopWithParent } from './child-guard';

const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

async function main([file, idle]: string[]): Promise<void> {
  const server = await startServer({
    port: 0,
    workbookFile: file,
    staticDir: path.dirname(file),
    document: { foldAfterIdleMs: Number(idle) },
    log: (line) => process.stderr.write(`${line}\n`),
  });
  say({ t: 'listening', url: server.url });
}

stopWithParent();
main(process.argv.slice(2)).catch((error: unknown) => {
  say({ t: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
