import type { Page } from 'playwright-core';
import type { StoredRecord } from '../../../src/store/port';
import { axeCheck } from './pane-harness';
import { clientsPl, FROM, segmentationPane } from './segmentation-pane';

const segmentationOf = (clients: readonly StoredRecord[]) =>
  clients.map((client) => [client.id, client.abcClass ?? null, client.segmentedAt ?? null, client.version]);

async function computeAbc(page: Page, from = FROM, to?: string) {
  await page.getByLabel('Okres od').fill(from);
  if (to) await page.getByLabel('do', { exact: true }).fill(to);
  await page.getByRole('button', { name: 'Oblicz' }).click();
}

describe('writing segmentation results asks first and can be undone (headless Chromium)', () => {
  const pane = segmentationPane();

  it('asks "Zmieni się N klientów. Zapisać?" before writing, writes nothing when cancelled, and "Cofnij" restores every client', async () => {
    const before = (await pane.harness.readWorkbook()).tables.clients;
    await computeAbc(pane.page);
    await pane.page.getByRole('heading', { name: 'Co się zmieni' }).waitFor();
    const summary = await pane.page.getByText(/^Zmieni(ą)? się \d+ klient/).textContent();
    const changed = Number(/się (\d+) /.exec(summary ?? '')?.[1]);
    expect(changed).toBeGreaterThan(1);
    const verb = clientsPl(changed).endsWith('klienci') ? 'Zmienią się' : 'Zmieni się';
    expect(summary).toBe(`${verb} ${clientsPl(changed)} (${clientsPl(before.length - changed)} bez zmian).`);

    await pane.page.getByRole('button', { name: 'Zapisz w skoroszycie' }).click();
    const dialog = pane.page.getByRole('alertdialog', { name: 'Zapisać wyniki segmentacji?' });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain(`${verb} ${clientsPl(changed)}. Zapisać?`);
    expect(await axeCheck(pane.page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Anuluj' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(segmentationOf((await pane.harness.readWorkbook()).tables.clients)).toEqual(
      segmentationOf(before),
    );

    await pane.page.getByRole('button', { name: 'Zapisz w skoroszycie' }).click();
    await dialog.getByRole('button', { name: 'Zapisz' }).click();
    const written = pane.page.getByRole('status').filter({ hasText: 'Zapisano w skoroszycie zmiany' });
    await written.waitFor();
    const afterWrite = (await pane.harness.readWorkbook()).tables.clients;
    expect(afterWrite.filter((c, i) => c.version !== before[i].version)).toHaveLength(changed);

    await written.getByRole('button', { name: 'Cofnij' }).click();
    const undo = pane.page.getByRole('alertdialog', { name: 'Cofnąć zapis segmentacji?' });
    await expect(undo.textContent()).resolves.toContain(
      `Przywrócić poprzednie wartości u ${changed} klient${changed === 1 ? 'a' : 'ów'}?`,
    );
    await undo.getByRole('button', { name: 'Przywróć' }).click();
    await pane.page.getByText(/^Cofnięto zapis: przywrócono poprzednie wartości u \d+ klient/).waitFor();
    expect(await axeCheck(pane.page)).toEqual([]);

    // Every class and segmentation time as it was before, each changed client one version on.
    const restored = (await pane.harness.readWorkbook()).tables.clients;
    expect(restored.map((c) => [c.id, c.abcClass ?? null, c.segmentedAt ?? null])).toEqual(
      before.map((c) => [c.id, c.abcClass ?? null, c.segmentedAt ?? null]),
    );
    expect(restored.filter((c, i) => c.version === before[i].version + 2)).toHaveLength(changed);
  });

  it('undoes a write from the list of recent writes after the pane was opened again', async () => {
    const before = (await pane.harness.readWorkbook()).tables.clients;
    await computeAbc(pane.page);
    await pane.page.getByRole('button', { name: 'Zapisz w skoroszycie' }).click();
    await pane.page.getByRole('alertdialog').getByRole('button', { name: 'Zapisz' }).click();
    await pane.page.getByText(/^Zapisano w skoroszycie zmiany/).waitFor();
    await pane.reopen();
    const recent = pane.page.getByRole('region', { name: 'Ostatnie zapisy segmentacji' });
    const newest = recent.getByRole('listitem').first();
    await expect(newest.textContent()).resolves.toMatch(/· Test · \d+ klient/);
    await newest.getByRole('button', { name: /^Cofnij/ }).click();
    await pane.page.getByRole('alertdialog').getByRole('button', { name: 'Przywróć' }).click();
    await pane.page.getByText(/^Cofnięto zapis/).waitFor();
    await newest.getByText('cofnięto').waitFor();
    expect(await axeCheck(pane.page)).toEqual([]);
    const restored = (await pane.harness.readWorkbook()).tables.clients;
    expect(restored.map((c) => [c.id, c.abcClass ?? null, c.segmentedAt ?? null])).toEqual(
      before.map((c) => [c.id, c.abcClass ?? null, c.segmentedAt ?? null]),
    );
  });

  it('says a period without won deals gives no ABC classes and offers nothing to write', async () => {
    const before = (await pane.harness.readWorkbook()).tables.clients;
    expect(before.some((client) => client.abcClass === 'A')).toBe(true);
    await computeAbc(pane.page, '2001-01-01', '2001-12-31');
    await pane.page
      .getByText(/W wybranym okresie nie ma wygranych szans ani zaakceptowanych ofert/)
      .waitFor();
    await expect(pane.page.getByRole('heading', { name: 'Co się zmieni' }).count()).resolves.toBe(0);
    await expect(pane.page.getByRole('button', { name: 'Zapisz w skoroszycie' }).count()).resolves.toBe(0);
    expect(await axeCheck(pane.page)).toEqual([]);
  });
});
