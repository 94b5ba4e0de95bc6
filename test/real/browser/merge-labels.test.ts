import type { Page } from 'playwright-core';
import type { StoredRecord } from '../../../src/store/port';
import { CLIENT_TEXTS } from '../../../src/ui/clients/client-texts';
import { axeCheck, startPaneHarness, type PaneHarness } from './pane-harness';

/*
 * Merging in the English pane over a Polish workbook: the preview and the history entry the merge
 * writes name the status and the moved records in English words, not by their keys.
 */
describe('the merge preview and its history entry in the user’s language (headless Chromium)', () => {
  let harness: PaneHarness;
  let page: Page;

  beforeAll(async () => {
    harness = await startPaneHarness({ locale: 'pl' });
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('shows labels, not keys, and writes the history entry in English', async () => {
    const before = await harness.readWorkbook();
    const historyOf = (client: StoredRecord) =>
      before.tables.activities.filter((a) => a.clientId === client.id);
    // A lead with history merged into an active client: the statuses differ, records move.
    const merged = before.tables.clients.find((c) => c.status === 'lead' && historyOf(c).length > 0);
    const survivor = before.tables.clients.find((c) => c.status === 'active' && c.name !== merged?.name);
    expect(merged && survivor).toBeTruthy();
    const mergedClient = merged as StoredRecord;
    const survivorClient = survivor as StoredRecord;
    const moved = historyOf(mergedClient).length;

    page = await harness.openPane({ locale: 'en', width: 400 });
    await page.getByRole('searchbox', { name: CLIENT_TEXTS.searchLabel.en }).fill(String(mergedClient.name));
    await page
      .getByRole('grid')
      .getByRole('row')
      .filter({ hasText: String(mergedClient.name) })
      .first()
      .click();
    await page.getByRole('button', { name: CLIENT_TEXTS.mergeInto.en }).click();
    await page
      .getByRole('searchbox', { name: CLIENT_TEXTS.searchLabel.en })
      .fill(String(survivorClient.name));
    await page.getByRole('button', { name: String(survivorClient.name) }).click();
    const preview = page.getByRole('region', { name: CLIENT_TEXTS.mergeTitle.en });
    await preview.waitFor();
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain(`${moved} history ${moved === 1 ? 'entry' : 'entries'}`);
    expect(text).toContain(`${CLIENT_TEXTS.mergeKept.en}: Active`);
    expect(text).toContain(`${CLIENT_TEXTS.mergeNotTaken.en}: Lead`);
    for (const key of ['active', 'lead', 'activities', 'notes'])
      expect(text).not.toMatch(new RegExp(`\\b${key}\\b`));
    expect(await axeCheck(page)).toEqual([]);

    await page.getByRole('button', { name: CLIENT_TEXTS.mergeConfirm.en }).click();
    await page.getByText(CLIENT_TEXTS.mergeDone.en).waitFor();
    const after = await harness.readWorkbook();
    const [entry, ...more] = after.tables.activities.filter(
      (a) => a.clientId === survivorClient.id && a.type === 'merge',
    );
    expect(more).toEqual([]);
    expect(entry.subject).toBe(`Client "${String(mergedClient.name)}" merged into this client`);
    const movedLine = String(entry.details).split('\n')[0];
    expect(movedLine).toMatch(/^Moved: /);
    expect(movedLine).toContain(`${moved} history ${moved === 1 ? 'entry' : 'entries'}`);
    expect(String(entry.details)).toMatch(/The merged client's values not taken: .*Status: Lead/);
    expect(harness.pageErrors).toEqual([]);
  });
});
