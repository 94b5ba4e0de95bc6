import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { manifestForBaseUrl } from '../../scripts/addin-files';

const run = promisify(execFile);
const MANIFEST = path.join(__dirname, '..', '..', 'manifest.xml');

/** xmllint (libxml2-utils, installed by .ci/run): an XML parser other than the one the unit tests use. */
describe('manifest.xml under xmllint', () => {
  it('is well-formed XML, as written and as rewritten for production', async () => {
    await expect(run('xmllint', ['--noout', MANIFEST])).resolves.toMatchObject({ stderr: '' });
    const folder = await mkdtemp(path.join(tmpdir(), 'relacje-manifest-'));
    try {
      const production = path.join(folder, 'manifest.xml');
      await writeFile(
        production,
        manifestForBaseUrl(await readFile(MANIFEST, 'utf8'), 'https://crm.example.pl'),
      );
      await expect(run('xmllint', ['--noout', production])).resolves.toMatchObject({ stderr: '' });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('reads the elements the add-in depends on, with their namespaces, as the tests do', async () => {
    // XPath with local names and namespace URIs: what xmllint sees must match what the tests check.
    const query = (xpath: string) =>
      run('xmllint', ['--xpath', xpath, MANIFEST]).then((r) => r.stdout.trim());
    const app = "namespace-uri()='http://schemas.microsoft.com/office/appforoffice/1.1'";
    expect(
      await query(`string(/*[local-name()='OfficeApp' and ${app}]/*[local-name()='DefaultLocale'])`),
    ).toBe('pl-PL');
    expect(await query(`count(/*/*[local-name()='Hosts']/*[local-name()='Host'])`)).toBe('2');
    expect(
      await query(
        "count(//*[local-name()='VersionOverrides' and namespace-uri()='http://schemas.microsoft.com/office/taskpaneappversionoverrides']//*[local-name()='Action'])",
      ),
    ).toBe('2');
  });

  it('reports a broken manifest, so the check is not vacuous', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'relacje-manifest-'));
    try {
      const broken = path.join(folder, 'manifest.xml');
      await writeFile(broken, (await readFile(MANIFEST, 'utf8')).replace('</Hosts>', ''));
      await expect(run('xmllint', ['--noout', broken])).rejects.toMatchObject({ code: 1 });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
