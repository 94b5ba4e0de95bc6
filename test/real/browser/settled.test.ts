import { chromium, type Browser } from 'playwright-core';
import { settled } from './pane-harness';

/*
 * `settled`, which every axe check waits for: a check in the middle of a transition measures a
 * colour the user sees only for a moment (Fluent fades a re-enabled button's colours for about
 * 100 ms), so it must return only once the page's animations have ended, without a fixed sleep.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox'],
  });
});

afterAll(async () => {
  await browser?.close();
});

test('waits for a running colour transition to end, and no longer than it runs', async () => {
  const page = await browser.newPage();
  try {
    await page.setContent(`
      <style>
        button { background: rgb(200, 200, 200); color: rgb(0, 0, 0); transition: background-color 400ms linear; }
        button.on { background: rgb(0, 90, 158); color: rgb(255, 255, 255); }
      </style>
      <button>Zapisz</button>`);
    await page.evaluate(() => document.querySelector('button')!.classList.add('on'));
    const started = Date.now();
    await settled(page);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(300);
    expect(waited).toBeLessThan(5_000);
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
    expect(
      await page.evaluate(() => getComputedStyle(document.querySelector('button')!).backgroundColor),
    ).toBe('rgb(0, 90, 158)');
  } finally {
    await page.context().close();
  }
});

test('does not wait for an endless animation (a spinner)', async () => {
  const page = await browser.newPage();
  try {
    await page.setContent(`
      <style>@keyframes spin { to { transform: rotate(360deg); } } i { display: block; animation: spin 1s linear infinite; }</style>
      <i></i>`);
    const started = Date.now();
    await settled(page);
    expect(Date.now() - started).toBeLessThan(2_000);
  } finally {
    await page.context().close();
  }
});
