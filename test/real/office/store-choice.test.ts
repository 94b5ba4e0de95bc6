import { build } from 'esbuild';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { axeCheck } from '../browser/pane-harness';

/*
 * The store-choice screen of the Excel and Word panes in headless Chromium: the real component and
 * decisions, bundled for the page by esbuild. No Office.js is involved: the screen takes plain props.
 */

let browser: Browser;
let bundle: string;

beforeAll(async () => {
  const result = await build({
    entryPoints: [path.join(__dirname, 'store-choice-page.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    target: 'es2020',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  bundle = result.outputFiles[0].text;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
});

/** Opens the screen with `setup`, runs `check`, then asserts no uncaught page error and closes the page. */
async function withScreen(setup: object, check: (page: Page) => Promise<void>): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 350, height: 700 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.setContent(
      '<!doctype html><html lang="pl"><head><title>Relacje</title></head><body><div id="root"></div></body></html>',
    );
    await page.evaluate((value) => {
      (window as unknown as { paneSetup: unknown }).paneSetup = value;
    }, setup);
    await page.addScriptTag({ content: bundle });
    await page.getByRole('heading', { level: 1 }).waitFor();
    await check(page);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
}

const calls = (page: Page) => page.evaluate(() => (window as unknown as { paneCalls: string[] }).paneCalls);

describe('the store-choice screen', () => {
  it('preselects the remembered store in Excel, remembers the choice on Open and shows a failure in Polish', async () => {
    await withScreen(
      {
        locale: 'pl',
        dark: false,
        capabilities: { host: 'excel', workbookApiSupported: true, sharedWorkbook: 'configured' },
        remembered: 'sharedWorkbook',
      },
      async (page) => {
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Gdzie jest baza klientów?');
        const shared = page.getByRole('radio', { name: 'We wspólnym skoroszycie w SharePoint' });
        const thisWorkbook = page.getByRole('radio', { name: 'W tym skoroszycie' });
        expect(await shared.isChecked()).toBe(true);
        expect(await thisWorkbook.isEnabled()).toBe(true);
        // Nothing is opened or written before the user says so.
        expect(await calls(page)).toEqual([]);

        await thisWorkbook.check();
        await page.getByRole('button', { name: 'Otwórz' }).click();
        await page.getByRole('alert').waitFor();
        expect(await calls(page)).toEqual(['remember thisWorkbook', 'open thisWorkbook']);
        expect(await page.getByRole('alert').textContent()).toContain('Nie udało się otworzyć skoroszytu');
        expect(await page.getByRole('radio', { name: 'W tym skoroszycie' }).isChecked()).toBe(true);
        expect(await axeCheck(page)).toEqual([]);
      },
    );
  });

  it('in Word without brokered sign-in, explains the open workbook is Excel-only and waits for a click', async () => {
    await withScreen(
      {
        locale: 'en',
        dark: true,
        capabilities: { host: 'word', workbookApiSupported: false, sharedWorkbook: 'configured' },
        remembered: null,
      },
      async (page) => {
        const thisWorkbook = page.getByRole('radio', { name: 'In this workbook' });
        expect(await thisWorkbook.isDisabled()).toBe(true);
        const describedBy = (await thisWorkbook.getAttribute('aria-describedby')) ?? '';
        const reasons = await Promise.all(
          describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()),
        );
        expect(reasons).toContain('Available in Excel only.');
        expect(
          await page.getByRole('radio', { name: 'In the shared workbook in SharePoint' }).isChecked(),
        ).toBe(true);
        expect(await calls(page)).toEqual([]);

        await page.getByRole('button', { name: 'Open' }).click();
        await page.getByRole('alert').waitFor();
        // Only one store is possible in Word, so nothing is written into the document.
        expect(await calls(page)).toEqual(['open sharedWorkbook']);
        expect(await axeCheck(page)).toEqual([]);
      },
    );
  });

  it('says why nothing can be opened when the shared workbook is not configured in an old Excel', async () => {
    await withScreen(
      {
        locale: 'pl',
        dark: false,
        capabilities: { host: 'excel', workbookApiSupported: false, sharedWorkbook: 'notConfigured' },
        remembered: 'thisWorkbook',
      },
      async (page) => {
        const text = (await page.locator('main').textContent()) ?? '';
        expect(text).toContain('ExcelApi 1.6');
        expect(text).toContain('relacje.config.json');
        expect(text).toContain('Żadnego skoroszytu nie można tu otworzyć');
        expect(await page.getByRole('button', { name: 'Otwórz' }).count()).toBe(0);
      },
    );
  });
});
