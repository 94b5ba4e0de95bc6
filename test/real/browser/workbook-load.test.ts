import type { Page } from 'playwright-core';
import { writeGeneratedWorkbook } from '../../../src/dev/generated-workbook';
import { APP_TEXTS } from '../../../src/ui/app/app-texts';
import { CLIENT_TEXTS } from '../../../src/ui/clients/client-texts';
import { axeCheck, startPaneHarness, type PaneHarness } from './pane-harness';

/*
 * Loading a big workbook in the standalone pane: its progress shows, Cancel stops it, and Load
 * again reads it whole. The Graph adapter loads it in three batches (every table's size, then the
 * pages, the largest tables first); the last, with the smallest tables' pages (the empty
 * Segments table's among them), is held back, as a slow network would, until the pane gives up.
 */

const CLIENTS = 11_000;
const HELD_BATCH = "tables('tSegments')/rows?";

let harness: PaneHarness;
let page: Page;

beforeAll(async () => {
  harness = await startPaneHarness({ demo: false });
  // The server reopens the workbook on its next request, and finds the big one.
  await harness.server.graph.close();
  await writeGeneratedWorkbook(harness.file, { seed: 7, clients: CLIENTS, activitiesPerClient: 0 });
});

afterEach(async () => {
  await harness.closePanes();
});

afterAll(async () => {
  await harness?.close();
});

test('a big workbook shows how far its load is, can be cancelled, and loads again', async () => {
  let holding: (() => void) | undefined;
  const heldRound = new Promise<void>((resolve) => (holding = resolve));
  page = await harness.openPane({
    width: 360,
    // Routed before the pane loads, so that its own first load is the one held.
    beforeLoad: (target) =>
      target.route('**/$batch', async (route) => {
        if (holding && (route.request().postData() ?? '').includes(HELD_BATCH)) {
          // Never answered: the pane's Cancel aborts it.
          holding();
          holding = undefined;
          return;
        }
        await route.continue();
      }),
  });
  page.setDefaultTimeout(30_000);

  const bar = page.getByRole('progressbar', { name: APP_TEXTS.loadingWorkbook.pl });
  await bar.and(page.locator('[aria-valuenow]')).waitFor();
  await heldRound;
  const value = Number(await bar.getAttribute('aria-valuenow'));
  const max = Number(await bar.getAttribute('aria-valuemax'));
  // Two of three batches answered: the largest tables' rows, not the smallest ones'.
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
  const english = await harness.openPane({
    locale: 'en',
    width: 360,
    beforeLoad: (target) =>
      target.route('**/$batch', async (route) => {
        if ((route.request().postData() ?? '').includes(HELD_BATCH)) return;
        await route.continue();
      }),
  });
  english.setDefaultTimeout(30_000);
  await english
    .getByRole('progressbar', { name: APP_TEXTS.loadingWorkbook.en })
    .and(english.locator('[aria-valuenow]'))
    .waitFor();
  await english.getByRole('button', { name: APP_TEXTS.cancelLoading.en }).click();
  await english.getByText(APP_TEXTS.loadCancelled.en).waitFor();
  expect(await english.getByRole('button', { name: APP_TEXTS.loadAgain.en }).count()).toBe(1);
  expect(harness.pageErrors).toEqual([]);
});
