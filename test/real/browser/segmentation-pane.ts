/**
 * What the segmentation view's browser tests share: the standalone pane opened fresh on the
 * segmentation view for each test, the demo data's period, and Polish counts of clients.
 */
import type { Page } from 'playwright-core';
import { computeClientFacts, type ClientFacts } from '../../../src/core/segmentation';
import type { WorkbookSnapshot } from '../../../src/store/port';
import { startPaneHarness, type PaneHarness } from './pane-harness';

/** A period holding every won deal of the demo data set. */
export const FROM = '2023-01-01';

/** Polish "klient" after a count, written out here so the tests do not borrow the product's rule. */
export function clientsPl(count: number): string {
  const tens = count % 100;
  const units = count % 10;
  if (count === 1) return '1 klient';
  if (units >= 2 && units <= 4 && (tens < 12 || tens > 14)) return `${count} klienci`;
  return `${count} klientów`;
}

/** The per-client figures the core reads from the workbook's own data, from `FROM` to `today`. */
export function workbookFacts(snapshot: WorkbookSnapshot, today: string): ClientFacts {
  return computeClientFacts({
    clients: snapshot.tables.clients,
    opportunities: snapshot.tables.opportunities,
    offers: snapshot.tables.offers,
    activities: snapshot.tables.activities,
    window: { from: FROM, to: today },
    today,
  });
}

export interface SegmentationPane {
  harness: PaneHarness;
  page: Page;
  /** Opens a new page on the segmentation view (the one opened before the test is closed first). */
  reopen(): Promise<Page>;
}

/**
 * Registers the hooks of a suite: one harness (demo workbook, Polish, 400 px) for the suite, and a
 * fresh page opened on the segmentation view before each test, so no test starts where another
 * left off; no page may have thrown.
 */
export function segmentationPane(): SegmentationPane {
  const pane = {} as SegmentationPane;
  const open = async () => {
    pane.page = await pane.harness.openPane({ locale: 'pl', width: 400 });
    await pane.page.getByRole('tab', { name: 'Segmentacja' }).click();
    await pane.page.getByRole('heading', { name: 'Segmentacja klientów' }).waitFor();
    return pane.page;
  };
  pane.reopen = async () => {
    await pane.harness.closePanes();
    return open();
  };
  beforeAll(async () => {
    pane.harness = await startPaneHarness();
  });
  beforeEach(open);
  afterEach(async () => {
    await pane.harness.closePanes();
    expect(pane.harness.pageErrors).toEqual([]);
  });
  afterAll(async () => {
    await pane.harness?.close();
  });
  return pane;
}
