import type { Page } from 'playwright-core';
import { writeGeneratedWorkbook } from '../../../src/dev/generated-workbook';
import { APP_TEXTS } from '../../../src/ui/app/app-texts';
import { CLIENT_TEXTS } from '../../../src/ui/clients/client-texts';
import { axeCheck, startPaneHarness, type PaneHarness } from './pane-harness';

/*
 * Loading a big workbook in the standalone pane: its progress shows, Cancel stops it, and Load
 * again reads it whole. The Graph adapter reads 5,000 rows per request, so 11,000 clients take
 * three rounds; the third round's request is held back, as a slow network would, until the pane
 * gives up on it.
 */

const CLIENTS = 11_000;
const HELD_ROUND = '$skip=10000';

let harness: PaneHarness;
let page: Page;

beforeAll(async () => {
  harness = await startPaneHarness({ demo: false });
  // The server reopens the workbook on its next request, and finds the big one.
  await harness.server.graph.close();
  await writeGeneratedWorkbook(harness.file, { seed: 7, clients: CLIENTS, activitiesPerClient: 0 });
});

afterAll(async () => {
  await harness?.close();
});

test('a big workbook shows how far its load is, can be cancelled, and loads again', async () => {
  let holding: (() => void) | undefined;
  const heldRound = new Promise<void>((resolve) => (holding = resolve));
  page = await harness.openPane({ width: 360 });
  page.setDefaultTimeout(30_000);
  await page.route('**/$batch', async (route) => {
    if (holding && (route.request().postData() ?? '').includes(HELD_ROUND)) {
      // Never answered: the pane's Cancel aborts it.
      holding();
      holding = undefined;
      return;
    }
    await route.continue();
  });
  await page.reload();

  const bar = page.getByRole('progressbar', { name: APP_TEXTS.loadingWorkbook.pl });
  await bar.and(page.locator('[aria-valuenow]')).waitFor();
  await heldRound;
  const value = Number(await bar.getAttribute('aria-valuenow'));
  const max = Number(await bar.getAttribute('aria-valuemax'));
  // Two of three rounds read: most of the rows, not all of them.
  expect(value / max).toBeGreaterThan(0.5);
  expect(value / max).toBeLessThan(1);
  expect(await axeCheck(page)).toEqual([]);

  await page.getByRole('button', { name: APP_TEXTS.cancelLoading.pl }).click();
  await page.getByText(APP_TEXTS.loadCancelled.pl).waitFor();
  await page.getByText(APP_TEXTS.loadCancelledDetail.pl).waitFor();
  await page.waitForFunction(
    (label) => document.activeElement?.textContent === label,
    APP_TEXTS.loadAgain.pl,
  );
  expect(await page.getByRole('progressbar').count()).toBe(0);
  expect(await axeCheck(page)).toEqual([]);

  await page.getByRole('button', { name: APP_TEXTS.loadAgain.pl }).click();
  const grid = page.getByRole('grid', { name: CLIENT_TEXTS.listLabel.pl });
  await grid.waitFor();
  expect(await grid.getAttribute('aria-rowcount')).toBe(String(CLIENTS + 1));
  expect(harness.pageErrors).toEqual([]);
});

test('in English the cancelled load says so and offers to load again', async () => {
  const english = await harness.openPane({ locale: 'en', width: 360 });
  english.setDefaultTimeout(30_000);
  await english.route('**/$batch', async (route) => {
    if ((route.request().postData() ?? '').includes(HELD_ROUND)) return;
    await route.continue();
  });
  await english.reload();
  await english
    .getByRole('progressbar', { name: APP_TEXTS.loadingWorkbook.en })
    .and(english.locator('[aria-valuenow]'))
    .waitFor();
  await english.getByRole('button', { name: APP_TEXTS.cancelLoading.en }).click();
  await english.getByText(APP_TEXTS.loadCancelled.en).waitFor();
  expect(await english.getByRole('button', { name: APP_TEXTS.loadAgain.en }).count()).toBe(1);
  expect(harness.pageErrors).toEqual([]);
});
