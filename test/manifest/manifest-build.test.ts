import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import webpack from 'webpack';
import { AddinFilesPlugin, SOURCE_ORIGIN } from '../../scripts/addin-files';
import { descendants, parseXml } from './manifest-xml';

const ROOT = path.join(__dirname, '..', '..');
const manifest = parseXml(readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'));

interface WebpackPlugin {
  userOptions?: { filename?: string };
  constructor: { name: string };
}

describe('manifest.xml and the build', () => {
  it('names only pages and files the build emits', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = (require('../../webpack.config.js') as (env: unknown, argv: { mode: string }) => unknown)(
      {},
      { mode: 'production' },
    ) as { plugins: WebpackPlugin[] };
    const emitted = new Set(config.plugins.map((plugin) => plugin.userOptions?.filename).filter(Boolean));
    expect(config.plugins.map((plugin) => plugin.constructor.name)).toContain('AddinFilesPlugin');
    const addresses = [manifest, ...descendants(manifest)]
      .flatMap((e) => [...e.attributes.values()])
      .filter((value) => value.startsWith(`${SOURCE_ORIGIN}/`))
      .map((value) => value.slice(SOURCE_ORIGIN.length + 1));
    const pages = addresses.filter((file) => file.endsWith('.html'));
    expect(new Set(pages)).toEqual(new Set(['excel.html', 'word.html', 'support.html']));
    expect(pages.filter((page) => !emitted.has(page))).toEqual([]);
    const assets = addresses.filter((file) => !file.endsWith('.html'));
    expect(assets.filter((file) => !existsSync(path.join(ROOT, file)))).toEqual([]);
  });
});

describe('AddinFilesPlugin in a webpack build', () => {
  it('emits the manifest with ADDIN_BASE_URL applied, and every icon', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'relacje-addin-files-'));
    try {
      const entry = path.join(dir, 'entry.js');
      await writeFile(entry, 'export const pane = 1;\n');
      const compiler = webpack({
        mode: 'production',
        context: dir,
        entry,
        output: { path: path.join(dir, 'dist') },
        plugins: [new AddinFilesPlugin({ baseUrl: 'https://crm.example.pl/relacje' })],
      });
      const stats = await new Promise<webpack.Stats>((resolve, reject) =>
        compiler.run((error, result) => (error || !result ? reject(error) : resolve(result))),
      );
      await new Promise<void>((resolve) => compiler.close(() => resolve()));
      expect(stats.hasErrors()).toBe(false);
      const emitted = parseXml(await readFile(path.join(dir, 'dist', 'manifest.xml'), 'utf8'));
      const urls = [emitted, ...descendants(emitted)]
        .flatMap((e) => [...e.attributes.values()])
        .filter((value) => value.startsWith('https://crm.example.pl/relacje/'));
      expect(urls).toContain('https://crm.example.pl/relacje/word.html');
      for (const size of [16, 32, 64, 80, 128]) {
        const icon = await readFile(path.join(dir, 'dist', 'assets', `icon-${size}.png`));
        expect(icon.equals(readFileSync(path.join(ROOT, 'assets', `icon-${size}.png`)))).toBe(true);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
