import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { startPaneHarness, type PaneHarness } from './browser/pane-harness';

/*
 * The built Office pages (dist/excel.html, dist/word.html) in headless Chromium. Office.js comes
 * only from Microsoft's CDN, which this machine cannot reach: the CDN request is answered with a
 * 503 here, and the pane must then say in both languages that it cannot start, without an uncaught
 * error and without fetching anything beyond its first small scripts.
 */

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const DIST = path.join(__dirname, '..', '..', 'dist');

let harness: PaneHarness;

beforeAll(async () => {
  harness = await startPaneHarness({ demo: false });
});

afterAll(async () => {
  await harness?.close();
});

function scriptSources(page: string): string[] {
  const html = readFileSync(path.join(DIST, page), 'utf8');
  return [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]);
}

describe('the Office pages of the build', () => {
  it('load Office.js from the CDN before the bundle; the standalone page does not load it at all', () => {
    for (const page of ['excel.html', 'word.html']) {
      const sources = scriptSources(page);
      expect(sources[0]).toBe(OFFICE_JS);
      expect(sources.slice(1).every((src) => !src.includes('://'))).toBe(true);
      expect(sources.length).toBeGreaterThan(1);
    }
    expect(scriptSources('taskpane.html').filter((src) => src.includes('office.js'))).toEqual([]);
  });

  it.each(['excel.html', 'word.html'])(
    '%s without Office.js says so in Polish and English and fetches no pane code',
    async (pageName) => {
      const page = await harness.browser.newPage({ viewport: { width: 400, height: 800 } });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.route(OFFICE_JS, (route) => route.fulfill({ status: 503, body: '' }));
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname.slice(1));
      });
      try {
        await page.goto(`${harness.server.url}${pageName}`);
        const alerts = page.getByRole('alert');
        await alerts.first().waitFor();
        expect(await alerts.count()).toBe(2);
        expect(await page.locator('[role=alert][lang=pl]').textContent()).toContain(
          'Nie udało się wczytać Office.js',
        );
        expect(await page.locator('[role=alert][lang=en]').textContent()).toContain(
          'Office.js could not be loaded',
        );
        expect(errors).toEqual([]);
        const local = scripts.filter((src) => !src.startsWith('lib/1/hosted'));
        expect(local.sort()).toEqual(scriptSources(pageName).slice(1).sort());
      } finally {
        await page.close();
      }
    },
  );

  it('serves the pages, icons and manifest the manifest names', async () => {
    for (const [file, type] of [
      ['support.html', 'text/html'],
      ['assets/icon-16.png', 'image/png'],
      ['assets/icon-80.png', 'image/png'],
      ['manifest.xml', 'xml'],
    ]) {
      const response = await fetch(`${harness.server.url}${file}`);
      expect([file, response.status]).toEqual([file, 200]);
      expect(response.headers.get('content-type')).toContain(type);
    }
    const icon = Buffer.from(await (await fetch(`${harness.server.url}assets/icon-80.png`)).arrayBuffer());
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([80, 80]);
    const served = await (await fetch(`${harness.server.url}manifest.xml`)).text();
    expect(served).toContain('<Id>3c62244c-8531-4bd5-95f4-61d3a9da7044</Id>');
  });
});
