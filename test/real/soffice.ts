import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Converts `files` with headless LibreOffice into `outDir`. A profile of its own under `dir`: no
 * clash with a LibreOffice the user has open, nothing left in $HOME.
 */
export async function convertWithLibreOffice(
  dir: string,
  filter: string,
  outDir: string,
  files: readonly string[],
): Promise<void> {
  const profile = pathToFileURL(path.join(dir, 'lo-profile')).href;
  await run(
    'soffice',
    ['--headless', `-env:UserInstallation=${profile}`, '--convert-to', filter, '--outdir', outDir, ...files],
    {
      timeout: 120_000,
    },
  );
}
