import type { Page } from 'playwright-core';
import { classifyAbc, computeClientFacts } from '../../../src/core/segmentation';
import type { WorkbookSnapshot } from '../../../src/store/port';
import { axeCheck, screenshot, startPaneHarness, type PaneHarness } from './pane-harness';

/** A period holding every won deal of the demo data set. */
const FROM = '2023-01-01';

/** The ABC classes the core gives the workbook's own data over the period. */
function expectedClasses(snapshot: WorkbookSnapshot, today: string): Map<string, string> {
  const facts = computeClientFacts({
    clients: snapshot.tables.clients,
    opportunities: snapshot.tables.opportunities,
    offers: snapshot.tables.offers,
    activities: snapshot.tables.activities,
    window: { from: FROM, to: today },
    today,
  });
  return new Map(classifyAbc(facts).rows.map((row) => [row.clientId, row.abcClass]));
}

describe('the segmentation view in the standalone pane (headless Chromium)', () => {
  let harness: PaneHarness;
  let page: Page;

  beforeAll(async () => {
    harness = await startPaneHarness();
  });

  // A fresh page per test, opened on the segmentation view: no test starts where another left off.
  beforeEach(async () => {
    page = await harness.openPane({ locale: 'pl', width: 400 });
    await page.getByRole('tab', { name: 'Segmentacja' }).click();
    await page.getByRole('heading', { name: 'Segmentacja klientów' }).waitFor();
  });

  afterEach(async () => {
    await harness.closePanes();
    expect(harness.pageErrors).toEqual([]);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('computes ABC classes, previews the moves and writes them to the workbook in one batch', async () => {
    const before = await harness.readWorkbook();
    const today = await page.getByLabel('do', { exact: true }).inputValue();
    await page.getByLabel('Okres od').fill(FROM);
    await page.getByRole('button', { name: 'Oblicz' }).click();
    await page.getByRole('heading', { name: 'Co się zmieni' }).waitFor();

    const expected = expectedClasses(before, today);
    const moving = before.tables.clients.filter(
      (client) => (client.abcClass ?? null) !== expected.get(client.id),
    );
    expect(moving.length).toBeGreaterThan(0);
    await page
      .getByText(
        `Zmieni się klientów: ${moving.length} (bez zmian: ${before.tables.clients.length - moving.length}).`,
      )
      .waitFor();
    // "N clients move from B to A", for every move the core's classes make.
    const moves = new Map<string, number>();
    for (const client of moving) {
      const move = `z ${String(client.abcClass ?? '(puste)')} do ${expected.get(client.id)}`;
      moves.set(move, (moves.get(move) ?? 0) + 1);
    }
    const transitions = page.getByRole('listitem').filter({ hasText: /^Klasa ABC: / });
    await expect(transitions.count()).resolves.toBe(moves.size);
    for (const [move, clients] of moves) {
      await expect(transitions.filter({ hasText: move }).textContent()).resolves.toMatch(
        new RegExp(`^Klasa ABC: ${clients} `),
      );
    }
    await expect(page.getByRole('table', { name: 'Klasy ABC w okresie' }).textContent()).resolves.toContain(
      'A',
    );
    expect(await axeCheck(page)).toEqual([]);
    await screenshot(page, 'segmentation');

    await page.getByRole('button', { name: 'Zapisz w skoroszycie' }).click();
    await page.getByText(`Zapisano w skoroszycie zmiany u klientów: ${moving.length}.`).waitFor();
    expect(await axeCheck(page)).toEqual([]);

    // What a user opening the .xlsx finds: every client in the class the core computes.
    const after = await harness.readWorkbook();
    expect(after.tables.clients).toHaveLength(before.tables.clients.length);
    for (const client of after.tables.clients)
      expect([client.id, client.abcClass]).toEqual([client.id, expected.get(client.id)]);
    const unchanged = before.tables.clients.filter((client) => !moving.includes(client));
    for (const client of unchanged) {
      expect(after.tables.clients.find((stored) => stored.id === client.id)?.version).toBe(client.version);
    }

    // Computing again over the written workbook finds nothing left to change.
    await page.getByRole('button', { name: 'Oblicz' }).click();
    await page.getByText('Nic się nie zmieni — skoroszyt ma już te wyniki.').waitFor();
    expect(harness.pageErrors).toEqual([]);
  });

  it("assesses a client's key-account readiness and writes the proposed cooperation variant", async () => {
    const before = await harness.readWorkbook();
    const client = before.tables.clients.find((candidate) => candidate.cooperationVariant !== 'integration');
    expect(client).toBeDefined();
    const name = String(client?.name);
    await page.getByRole('tab', { name: 'Klient kluczowy' }).click();
    await page.getByLabel('Szukaj klienta').fill(name.slice(0, 8));
    await page.getByRole('combobox', { name: /^Klient/ }).selectOption(String(client?.id));
    for (const group of await page.getByRole('radiogroup').all())
      await group.getByRole('radio', { name: '5' }).check();
    await page.getByRole('button', { name: 'Oceń' }).click();
    await page.getByText('Propozycja: Integracja').waitFor();
    await page.getByText(/^Zmieni się klientów: 1 /).waitFor();
    expect(await axeCheck(page)).toEqual([]);
    await page.getByRole('button', { name: 'Zapisz w skoroszycie' }).click();
    await page.getByText('Zapisano w skoroszycie zmiany u klientów: 1.').waitFor();

    const after = await harness.readWorkbook();
    const stored = after.tables.clients.find((candidate) => candidate.id === client?.id);
    expect(stored).toMatchObject({ keyAccount: true, cooperationVariant: 'integration' });
    const others = (clients: WorkbookSnapshot['tables']['clients']) =>
      clients.filter((c) => c.id !== client?.id);
    expect(others(after.tables.clients)).toEqual(others(before.tables.clients));
  });

  it('shows the rule builder and the key-account questionnaire without accessibility violations', async () => {
    await page.getByRole('tab', { name: 'Reguła' }).click();
    await page.getByRole('group', { name: 'Warunek 1' }).waitFor();
    expect(await axeCheck(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Klient kluczowy' }).click();
    await page.getByRole('radiogroup', { name: /Znaczenie klienta dla firmy/ }).waitFor();
    expect(await axeCheck(page)).toEqual([]);
  });
});
