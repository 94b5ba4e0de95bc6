import { classifyAbc } from '../../../src/core/segmentation';
import type { WorkbookSnapshot } from '../../../src/store/port';
import { axeCheck, screenshot } from './pane-harness';
import { clientsPl, FROM, segmentationPane, workbookFacts } from './segmentation-pane';

/** The ABC classes the core gives the workbook's own data over the period. */
function expectedClasses(snapshot: WorkbookSnapshot, today: string): Map<string, string> {
  return new Map(classifyAbc(workbookFacts(snapshot, today)).rows.map((row) => [row.clientId, row.abcClass]));
}

describe('the segmentation view in the standalone pane (headless Chromium)', () => {
  const pane = segmentationPane();

  it('computes ABC classes, previews the moves and writes them to the workbook in one batch', async () => {
    const before = await pane.harness.readWorkbook();
    const today = await pane.page.getByLabel('do', { exact: true }).inputValue();
    await pane.page.getByLabel('Okres od').fill(FROM);
    await pane.page.getByRole('button', { name: 'Oblicz' }).click();
    await pane.page.getByRole('heading', { name: 'Co się zmieni' }).waitFor();

    const expected = expectedClasses(before, today);
    const moving = before.tables.clients.filter(
      (client) => (client.abcClass ?? null) !== expected.get(client.id),
    );
    expect(moving.length).toBeGreaterThan(0);
    const verb = clientsPl(moving.length).endsWith('klienci') ? 'Zmienią się' : 'Zmieni się';
    await pane.page
      .getByText(
        `${verb} ${clientsPl(moving.length)} (${clientsPl(before.tables.clients.length - moving.length)} bez zmian).`,
      )
      .waitFor();
    // "N clients move from B to A", for every move the core's classes make.
    const moves = new Map<string, number>();
    for (const client of moving) {
      const move = `z ${String(client.abcClass ?? '(puste)')} do ${expected.get(client.id)}`;
      moves.set(move, (moves.get(move) ?? 0) + 1);
    }
    const transitions = pane.page.getByRole('listitem').filter({ hasText: /^Klasa ABC: / });
    await expect(transitions.count()).resolves.toBe(moves.size);
    for (const [move, clients] of moves) {
      await expect(transitions.filter({ hasText: move }).textContent()).resolves.toMatch(
        new RegExp(`^Klasa ABC: ${clients} `),
      );
    }
    await expect(
      pane.page.getByRole('table', { name: 'Klasy ABC w okresie' }).textContent(),
    ).resolves.toContain('A');
    expect(await axeCheck(pane.page)).toEqual([]);
    await screenshot(pane.page, 'segmentation');

    await pane.page.getByRole('button', { name: 'Zapisz w skoroszycie' }).click();
    await pane.page.getByRole('alertdialog').getByRole('button', { name: 'Zapisz' }).click();
    await pane.page.getByText(`Zapisano w skoroszycie zmiany u ${moving.length} klientów.`).waitFor();
    expect(await axeCheck(pane.page)).toEqual([]);

    // What a user opening the .xlsx finds: every client in the class the core computes.
    const after = await pane.harness.readWorkbook();
    expect(after.tables.clients).toHaveLength(before.tables.clients.length);
    for (const client of after.tables.clients)
      expect([client.id, client.abcClass]).toEqual([client.id, expected.get(client.id)]);
    const unchanged = before.tables.clients.filter((client) => !moving.includes(client));
    for (const client of unchanged) {
      expect(after.tables.clients.find((stored) => stored.id === client.id)?.version).toBe(client.version);
    }

    // Computing again over the written workbook finds nothing left to change.
    await pane.page.getByRole('button', { name: 'Oblicz' }).click();
    await pane.page.getByText('Nic się nie zmieni — skoroszyt ma już te wyniki.').waitFor();
    expect(pane.harness.pageErrors).toEqual([]);
  });

  it("assesses a client's key-account readiness and writes the proposed cooperation variant", async () => {
    const before = await pane.harness.readWorkbook();
    const client = before.tables.clients.find((candidate) => candidate.cooperationVariant !== 'integration');
    expect(client).toBeDefined();
    const name = String(client?.name);
    await pane.page.getByRole('tab', { name: 'Klient kluczowy' }).click();
    await pane.page.getByLabel('Szukaj klienta').fill(name.slice(0, 8));
    await pane.page.getByRole('combobox', { name: /^Klient/ }).selectOption(String(client?.id));
    for (const group of await pane.page.getByRole('radiogroup').all())
      await group.getByRole('radio', { name: '5' }).check();
    await pane.page.getByRole('button', { name: 'Oceń' }).click();
    await pane.page.getByText('Propozycja: Integracja').waitFor();
    await pane.page.getByText(/^Zmieni się 1 klient \(/).waitFor();
    expect(await axeCheck(pane.page)).toEqual([]);
    await pane.page.getByRole('button', { name: 'Zapisz w skoroszycie' }).click();
    await pane.page.getByRole('alertdialog').getByText('Zmieni się 1 klient. Zapisać?').waitFor();
    await pane.page.getByRole('alertdialog').getByRole('button', { name: 'Zapisz' }).click();
    await pane.page.getByText('Zapisano w skoroszycie zmiany u 1 klienta.').waitFor();

    const after = await pane.harness.readWorkbook();
    const stored = after.tables.clients.find((candidate) => candidate.id === client?.id);
    expect(stored).toMatchObject({ keyAccount: true, cooperationVariant: 'integration' });
    const others = (clients: WorkbookSnapshot['tables']['clients']) =>
      clients.filter((c) => c.id !== client?.id);
    expect(others(after.tables.clients)).toEqual(others(before.tables.clients));
  });

  it('takes a won-value condition in złote ("1 000,50") with a hint that is readable in the 400 px pane', async () => {
    const snapshot = await pane.harness.readWorkbook();
    const today = await pane.page.getByLabel('do', { exact: true }).inputValue();
    await pane.page.getByLabel('Okres od').fill(FROM);
    await pane.page.getByRole('tab', { name: 'Reguła' }).click();
    await pane.page.getByLabel('Nazwa segmentu').fill('Duzi');
    const condition = pane.page.getByRole('group', { name: 'Warunek 1' });
    await condition.getByRole('combobox', { name: 'Pole' }).selectOption('wonValue');
    await condition.getByRole('combobox', { name: 'Operator' }).selectOption('greaterThan');
    const value = condition.getByRole('textbox', { name: 'Wartość' });
    await value.fill('1 000,50');
    const hint = condition.getByText('Kwota w złotych, np. 1 000,50 albo 1000.50.');
    await hint.waitFor();
    // The whole hint inside the pane, nothing clipped.
    const box = await hint.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(400);
    const clipped = await hint.evaluate(
      (element) => element.scrollWidth > element.clientWidth || element.scrollHeight > element.clientHeight,
    );
    expect(clipped).toBe(false);
    expect(await axeCheck(pane.page)).toEqual([]);

    await pane.page.getByRole('button', { name: 'Oblicz' }).click();
    await pane.page.getByRole('heading', { name: 'Co się zmieni' }).waitFor();
    // 1 000,50 zł is 100 050 grosze: the clients above it, as the core counts their won value.
    const facts = workbookFacts(snapshot, today);
    const above = facts.clientIndices.filter((index) => facts.wonValue[index] > 100_050).length;
    expect(above).toBeGreaterThan(0);
    expect(above).toBeLessThan(snapshot.tables.clients.length);
    await pane.page
      .getByText(new RegExp(`^${clientsPl(above)} spełnia(ją)? warunki i trafi(ą)? do segmentu „Duzi”\\.$`))
      .waitFor();
  });

  it('shows the rule builder and the key-account questionnaire without accessibility violations', async () => {
    await pane.page.getByRole('tab', { name: 'Reguła' }).click();
    await pane.page.getByRole('group', { name: 'Warunek 1' }).waitFor();
    expect(await axeCheck(pane.page)).toEqual([]);
    await pane.page.getByRole('tab', { name: 'Klient kluczowy' }).click();
    await pane.page.getByRole('radiogroup', { name: /Znaczenie klienta dla firmy/ }).waitFor();
    expect(await axeCheck(pane.page)).toEqual([]);
  });
});
