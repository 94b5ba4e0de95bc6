import type { Page } from 'playwright-core';
import { localIsoDate } from '../../../src/core/offers/offer-number';
import type { StoredRecord, WorkbookSnapshot } from '../../../src/store/port';
import { CLIENT_TEXTS } from '../../../src/ui/clients/client-texts';
import { axeCheck, startPaneHarness, type PaneHarness } from './pane-harness';

/*
 * A new offer quick-added on the client card, in the standalone pane in headless Chromium over the
 * demo workbook: the number comes from the workbook's counter and lands in the card and the file.
 */

const USER = 'Ewa Testowa';

let harness: PaneHarness;
let page: Page;
let before: WorkbookSnapshot;
let client: StoredRecord;
let opportunity: StoredRecord;

/**
 * The numbers the next quick adds should get this year: the counter's next values in the default
 * `OF/{YYYY}/{NNN}`, skipping those the demo's offers (written without the counter) already hold.
 */
function nextNumbers(snapshot: WorkbookSnapshot, year: number, count: number): string[] {
  const taken = new Set(snapshot.tables.offers.map((o) => o.number));
  const numbers: string[] = [];
  for (let n = (snapshot.meta.counters[`offers-${year}`] ?? 0) + 1; numbers.length < count; n += 1) {
    const number = `OF/${year}/${String(n).padStart(3, '0')}`;
    if (!taken.has(number)) numbers.push(number);
  }
  return numbers;
}

function daysFromToday(days: number): Date {
  const today = new Date();
  return new Date(today.getFullYear(), today.getMonth(), today.getDate() + days);
}

const offersSection = () => page.getByRole('region', { name: CLIENT_TEXTS.offers.pl });

beforeAll(async () => {
  harness = await startPaneHarness();
  before = await harness.readWorkbook();
  opportunity = before.tables.opportunities[0];
  client = before.tables.clients.find((c) => c.id === opportunity.clientId) as StoredRecord;
});

// A fresh page per test, opened on the client's card.
beforeEach(async () => {
  page = await harness.openPane({ width: 360, height: 900, user: USER });
  page.setDefaultTimeout(15_000);
  await page.getByRole('grid').waitFor();
  await page.getByRole('searchbox', { name: CLIENT_TEXTS.searchLabel.pl }).fill(String(client.name));
  await page
    .getByRole('grid')
    .getByRole('row')
    .filter({ hasText: String(client.name) })
    .first()
    .click();
  await page.getByRole('heading', { level: 2, name: String(client.name) }).waitFor();
});

afterAll(async () => {
  await harness?.close();
});

afterEach(async () => {
  await harness.closePanes();
  expect(harness.pageErrors).toEqual([]);
});

test('an offer quick-added on the card gets the next number of the year, shown in the card and saved', async () => {
  const year = new Date().getFullYear();
  const [expected] = nextNumbers(before, year, 1);
  const section = offersSection();
  await section.getByRole('button', { name: CLIENT_TEXTS.addOffer.pl }).click();
  await section.getByRole('combobox', { name: new RegExp(`^${CLIENT_TEXTS.offerOpportunity.pl}`) }).click();
  await page.getByRole('option', { name: String(opportunity.name) }).click();
  await section.getByRole('textbox', { name: /^Netto/ }).fill('4 200,50');
  await section.getByRole('textbox', { name: /^Szablon/ }).fill('Oferta szkoleniowa');
  expect(await axeCheck(page, 'section[aria-labelledby="card-offers"]')).toEqual([]);
  await section.getByRole('button', { name: CLIENT_TEXTS.save.pl }).click();
  await section.getByRole('listitem').filter({ hasText: expected }).waitFor();
  await section.getByRole('button', { name: CLIENT_TEXTS.addOffer.pl }).waitFor();

  const saved = await harness.readWorkbook();
  const added = saved.tables.offers.filter((o) => !before.tables.offers.some((b) => b.id === o.id));
  expect(added).toEqual([
    expect.objectContaining({
      number: expected,
      clientId: client.id,
      opportunityId: opportunity.id,
      netTotal: 420_050,
      template: 'Oferta szkoleniowa',
      status: 'draft',
      issuedOn: localIsoDate(new Date()),
      validUntil: localIsoDate(daysFromToday(30)),
      owner: USER,
    }),
  ]);
  expect(saved.meta.counters[`offers-${year}`]).toBe(Number(expected.slice(-3)));
  expect(saved.tables.audit.some((a) => a.recordId === added[0].id && a.action === 'create')).toBe(true);
});

test('a second quick add takes the following number, never the same one', async () => {
  const year = new Date().getFullYear();
  const current = await harness.readWorkbook();
  const [expected] = nextNumbers(current, year, 1);
  const section = offersSection();
  await section.getByRole('button', { name: CLIENT_TEXTS.addOffer.pl }).click();
  await section.getByRole('button', { name: CLIENT_TEXTS.save.pl }).click();
  await section.getByRole('listitem').filter({ hasText: expected }).waitFor();

  const numbers = (await harness.readWorkbook()).tables.offers.map((o) => o.number);
  expect(numbers.filter((n) => n === expected)).toHaveLength(1);
  expect(new Set(numbers).size).toBe(numbers.length);
  expect(numbers.length).toBe(before.tables.offers.length + 2);
});
