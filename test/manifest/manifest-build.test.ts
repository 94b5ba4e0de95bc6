import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SOURCE_ORIGIN } from '../../scripts/addin-files';
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
