import type { Page } from 'playwright-core';
import { ruleText } from '../../../src/core/validation/messages';
import { generateNip } from '../../../src/dev/polish-identifiers';
import { SeededRandom } from '../../../src/dev/seeded-random';
import type { StoredRecord } from '../../../src/store/port';
import { APP_TEXTS } from '../../../src/ui/app/app-texts';
import { CLIENT_TEXTS } from '../../../src/ui/clients/client-texts';
import { axeCheck, screenshot, startPaneHarness, type AxeViolation, type PaneHarness } from './pane-harness';

/*
 * The client base in the standalone pane, in headless Chromium at task-pane width, over a demo
 * workbook served by the local workbook server: what a salesperson does every morning.
 */

const WIDTH = 360;
const NEW_CLIENT = 'Zielony Ogród Testowy sp. z o.o.';

const rng = new SeededRandom(20261201);
const validNip = generateNip(rng);
/** The same number with its check digit changed: ten digits, wrong checksum. */
const invalidNip = validNip.slice(0, 9) + String((Number(validNip[9]) + 1) % 10);

let harness: PaneHarness;
let page: Page;
let demoClients: StoredRecord[];

function clientsNamed(clients: readonly StoredRecord[], name: string): StoredRecord[] {
  return clients.filter((client) => client.name === name);
}

async function fieldMessage(target: Page, name: string | RegExp): Promise<string> {
  const input = target.getByRole('textbox', { name });
  await expectInvalid(target, name);
  const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    describedBy
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => target.locator(`[id="${id}"]`).textContent()),
  );
  return texts.join(' ');
}

/**
 * axe's serious and critical findings, less those only about Fluent's focus sentinels: the
 * `aria-hidden` `<i data-tabster-dummy>` elements tabster puts around arrow-key groups (the tab
 * list) to catch Tab and pass focus on at once. They are Fluent's, not ours, and never keep focus.
 */
async function accessibilityProblems(target: Page): Promise<AxeViolation[]> {
  const violations = await axeCheck(target);
  const onlySentinels = async (violation: AxeViolation) =>
    violation.id === 'aria-hidden-focus' &&
    (await target.evaluate(
      (selectors) =>
        selectors.every((s) =>
          [...document.querySelectorAll(s)].every((el) => el.hasAttribute('data-tabster-dummy')),
        ),
      violation.targets,
    ));
  const kept: AxeViolation[] = [];
  for (const violation of violations) if (!(await onlySentinels(violation))) kept.push(violation);
  return kept;
}

async function expectInvalid(target: Page, name: string | RegExp): Promise<void> {
  await target.getByRole('textbox', { name }).and(target.locator('[aria-invalid="true"]')).waitFor();
}

/** Opens a client's card from the list, found by its name. */
async function openCard(name: string): Promise<void> {
  await page.getByRole('searchbox', { name: CLIENT_TEXTS.searchLabel.pl }).fill(name);
  await page.getByRole('grid').getByRole('row').filter({ hasText: name }).first().click();
  await page.getByRole('heading', { level: 2, name }).waitFor();
}

beforeAll(async () => {
  harness = await startPaneHarness();
  demoClients = (await harness.readWorkbook()).tables.clients;
});

afterAll(async () => {
  await harness?.close();
});

afterEach(async () => {
  await harness.closePanes();
  expect(harness.pageErrors).toEqual([]);
});

/*
 * A salesperson's morning, one step a test. Each test has a fresh page (its own browser context),
 * so each starts from the list and finds what an earlier step saved in the workbook, not on the page.
 */
describe('the client base, step by step', () => {
  beforeEach(async () => {
    // A fresh context is a first visit: the pane asks who is working (no name is offered).
    page = await harness.openPane({ width: WIDTH, height: 800, user: null });
    page.setDefaultTimeout(15_000);
    await page.getByRole('textbox', { name: 'Twoje imię i nazwisko' }).fill('Ja');
    await page.getByRole('button', { name: 'Dalej' }).click();
    await page.getByRole('grid').waitFor();
  });

  test('the list shows every client of the workbook in a labelled, accessible grid', async () => {
    const grid = page.getByRole('grid', { name: CLIENT_TEXTS.listLabel.pl });
    // The header row plus one per client, although only the visible rows are rendered.
    expect(await grid.getAttribute('aria-rowcount')).toBe(String(demoClients.length + 1));
    expect(await page.getByRole('searchbox', { name: CLIENT_TEXTS.searchLabel.pl }).count()).toBe(1);
    await screenshot(page, 'clients-list');
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  test('the tabs switch between the views and back to the list', async () => {
    const segmentation = page.getByRole('tab', { name: APP_TEXTS.segmentationTab.pl });
    await segmentation.click();
    expect(await segmentation.getAttribute('aria-selected')).toBe('true');
    await page.getByRole('grid').waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: APP_TEXTS.clientsTab.pl }).click();
    await page.getByRole('grid').waitFor();
  });

  test('a client with an invalid NIP is refused next to the NIP field and nothing is saved', async () => {
    await page.getByRole('button', { name: CLIENT_TEXTS.addClient.pl }).click();
    await page.getByRole('textbox', { name: /^Nazwa/ }).fill(NEW_CLIENT);
    const nip = page.getByRole('textbox', { name: 'NIP' });
    await nip.fill(invalidNip);
    await nip.blur();
    expect(await fieldMessage(page, 'NIP')).toContain(ruleText('nipChecksum').pl);

    await page.getByRole('button', { name: CLIENT_TEXTS.save.pl }).click();
    await page.getByText(CLIENT_TEXTS.formInvalid.pl).waitFor();
    expect(
      await page.getByRole('textbox', { name: 'NIP' }).evaluate((el) => el === document.activeElement),
    ).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);

    const saved = await harness.readWorkbook();
    expect(saved.tables.clients).toHaveLength(demoClients.length);
    expect(clientsNamed(saved.tables.clients, NEW_CLIENT)).toEqual([]);
  });

  test('a possible duplicate is shown before saving and "open existing" opens that client', async () => {
    const existing = demoClients[0];
    await page.getByRole('button', { name: CLIENT_TEXTS.addClient.pl }).click();
    const name = page.getByRole('textbox', { name: /^Nazwa/ });
    await name.fill(String(existing.name));
    await page.getByRole('textbox', { name: 'NIP' }).fill(validNip);
    await page.getByRole('button', { name: CLIENT_TEXTS.save.pl }).click();
    await page.getByText(CLIENT_TEXTS.duplicateTitle.pl).waitFor();
    await page.getByRole('button', { name: CLIENT_TEXTS.openExisting.pl }).first().click();
    await page.getByRole('heading', { level: 2, name: String(existing.name) }).waitFor();
    expect((await harness.readWorkbook()).tables.clients).toHaveLength(demoClients.length);
  });

  test('a valid client is saved to the workbook and its card opens', async () => {
    await page.getByRole('button', { name: CLIENT_TEXTS.addClient.pl }).click();
    await page.getByRole('textbox', { name: /^Nazwa/ }).fill(NEW_CLIENT);
    await page.getByRole('textbox', { name: 'NIP' }).fill(`PL ${validNip.slice(0, 3)}-${validNip.slice(3)}`);
    await page.getByRole('textbox', { name: 'Miejscowość' }).fill('Łódź');
    await page.getByRole('textbox', { name: 'E-mail' }).fill('biuro@zielony-ogrod-testowy.pl');
    await page.getByRole('combobox', { name: /^Status/ }).click();
    await page.getByRole('option', { name: 'Aktywny', exact: true }).click();
    await page.getByRole('button', { name: CLIENT_TEXTS.save.pl }).click();
    await page.getByRole('heading', { level: 2, name: NEW_CLIENT }).waitFor();

    const [stored] = clientsNamed((await harness.readWorkbook()).tables.clients, NEW_CLIENT);
    expect(stored).toMatchObject({ nip: validNip, city: 'Łódź', status: 'active', type: 'company' });
  });

  test('the new client is found by search (without Polish letters) and opened with the keyboard', async () => {
    const search = page.getByRole('searchbox', { name: CLIENT_TEXTS.searchLabel.pl });
    await search.fill('zielony lodz');
    const grid = page.getByRole('grid', { name: CLIENT_TEXTS.listLabel.pl });
    await grid.and(page.locator('[aria-rowcount="2"]')).waitFor();
    expect(await grid.getByRole('row').nth(1).textContent()).toContain(NEW_CLIENT);

    await search.fill(validNip.slice(0, 6));
    await grid.getByRole('row').nth(1).filter({ hasText: NEW_CLIENT }).waitFor();

    await search.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: NEW_CLIENT }).waitFor();
  });

  test('a call quick-added on the card lands in its history and in the workbook', async () => {
    await openCard(NEW_CLIENT);
    const history = page.getByRole('region', { name: CLIENT_TEXTS.history.pl });
    await history.getByRole('button', { name: CLIENT_TEXTS.addActivity.pl }).click();
    await history.getByRole('combobox', { name: /^Rodzaj/ }).click();
    await page.getByRole('option', { name: 'Rozmowa telefoniczna' }).click();
    await history.getByRole('textbox', { name: /^Temat/ }).fill('Rozmowa o ofercie na nawadnianie');
    await history.getByRole('button', { name: CLIENT_TEXTS.save.pl }).click();
    await history.getByRole('listitem').filter({ hasText: 'Rozmowa o ofercie na nawadnianie' }).waitFor();

    const saved = await harness.readWorkbook();
    const [client] = clientsNamed(saved.tables.clients, NEW_CLIENT);
    const activities = saved.tables.activities.filter((a) => a.clientId === client.id);
    expect(activities).toEqual([
      expect.objectContaining({ type: 'call', subject: 'Rozmowa o ofercie na nawadnianie' }),
    ]);
    expect(saved.tables.audit.some((row) => row.recordId === activities[0].id && row.user === 'Ja')).toBe(
      true,
    );
  });

  test('an edit is checked like a new client and saves only the changed fields', async () => {
    await openCard(NEW_CLIENT);
    await page.getByRole('button', { name: CLIENT_TEXTS.edit.pl }).click();
    const phone = page.getByRole('textbox', { name: 'Telefon' });
    await phone.fill('12');
    await phone.blur();
    expect(await fieldMessage(page, 'Telefon')).toContain(ruleText('phone').pl);
    await phone.fill('600 100 200');
    await page.getByRole('textbox', { name: 'Miejscowość' }).fill('Kraków');
    await page.getByRole('button', { name: CLIENT_TEXTS.save.pl }).click();
    await page.getByRole('heading', { level: 2, name: NEW_CLIENT }).waitFor();
    await page.getByText('Kraków', { exact: true }).waitFor();

    const saved = await harness.readWorkbook();
    const [stored] = clientsNamed(saved.tables.clients, NEW_CLIENT);
    expect(stored).toMatchObject({ city: 'Kraków', nip: validNip, version: 2 });
    expect(String(stored.phone).replace(/\D/g, '')).toMatch(/600100200$/);
    const update = saved.tables.audit.find((row) => row.recordId === stored.id && row.action === 'update');
    expect(Object.keys(JSON.parse(String(update?.details)).changes).sort()).toEqual(['city', 'phone']);
  });

  test('the card of a client with history is readable and accessible', async () => {
    const rich = demoClients.find((client) => client.status === 'active') ?? demoClients[0];
    await openCard(NEW_CLIENT);
    await page.getByRole('button', { name: CLIENT_TEXTS.backToList.pl }).click();
    // Back on the list, the client opened last is chosen and the grid has the focus.
    const grid = page.getByRole('grid');
    expect(await grid.evaluate((el) => el === document.activeElement)).toBe(true);
    const active = await grid.getAttribute('aria-activedescendant');
    expect(await page.locator(`[id="${active}"]`).textContent()).toContain(NEW_CLIENT);
    await page.getByRole('searchbox', { name: CLIENT_TEXTS.searchLabel.pl }).fill(String(rich.name));
    await page
      .getByRole('grid')
      .getByRole('row')
      .filter({ hasText: String(rich.name) })
      .first()
      .click();
    await page.getByRole('heading', { level: 2, name: String(rich.name) }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.setViewportSize({ width: WIDTH, height: 2400 });
    await screenshot(page, 'client-card');
    await page.setViewportSize({ width: WIDTH, height: 800 });
  });

  test('merging the new client into another moves its history there and deletes it', async () => {
    const survivor = demoClients[demoClients.length - 1];
    await page.getByRole('searchbox', { name: CLIENT_TEXTS.searchLabel.pl }).fill('zielony');
    await page.getByRole('grid').getByRole('row').filter({ hasText: NEW_CLIENT }).click();
    await page.getByRole('button', { name: CLIENT_TEXTS.mergeInto.pl }).click();
    await page.getByRole('searchbox', { name: CLIENT_TEXTS.searchLabel.pl }).fill(String(survivor.name));
    await page.getByRole('button', { name: String(survivor.name) }).click();
    const moves = page.getByRole('listitem').filter({ hasText: 'historii' });
    expect(await moves.textContent()).toBe('1 wpis historii');
    await page.getByRole('button', { name: CLIENT_TEXTS.mergeConfirm.pl }).click();
    await page.getByText(CLIENT_TEXTS.mergeDone.pl).waitFor();
    await page.getByRole('heading', { level: 2, name: String(survivor.name) }).waitFor();

    const saved = await harness.readWorkbook();
    expect(clientsNamed(saved.tables.clients, NEW_CLIENT)).toEqual([]);
    const survivorHistory = saved.tables.activities.filter((a) => a.clientId === survivor.id);
    expect(survivorHistory.map((a) => a.type)).toEqual(expect.arrayContaining(['call', 'merge']));
  });
});

test('a click on a search result opens its card at any pane width: the list does not move under the pointer', async () => {
  const client = demoClients[0];
  for (const width of [320, 400, 450]) {
    const pane = await harness.openPane({ width, height: 700 });
    try {
      await pane.getByRole('grid').waitFor();
      const search = pane.getByRole('searchbox', { name: CLIENT_TEXTS.searchLabel.pl });
      await search.fill(String(client.nip));
      const row = pane
        .getByRole('grid')
        .getByRole('row')
        .nth(1)
        .filter({ hasText: String(client.name) });
      await row.waitFor();
      // The search box keeps the focus until the click: its blur must not shift the layout.
      await row.click();
      const heading = pane.getByRole('heading', { level: 2 }).first();
      await heading.waitFor();
      expect(await heading.textContent()).toBe(String(client.name));
    } finally {
      await pane.close();
    }
  }
});

test("a workbook that cannot be loaded is explained in the user's language, with a retry", async () => {
  const broken = await harness.openPane({ width: WIDTH, height: 600, query: { workbook: 'brak.xlsx' } });
  try {
    const alert = broken.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(APP_TEXTS.loadFailed.pl);
    expect(await alert.textContent()).toContain('brak.xlsx');
    await alert.getByRole('button', { name: 'Spróbuj ponownie' }).click();
    await broken.getByRole('alert').waitFor();
  } finally {
    await broken.close();
  }
});

test('the pane speaks English when asked to', async () => {
  const english = await harness.openPane({ locale: 'en', width: WIDTH, height: 800 });
  try {
    await english.getByRole('grid').waitFor();
    await english.getByRole('tab', { name: 'Clients' }).waitFor();
    await english.getByRole('button', { name: CLIENT_TEXTS.addClient.en }).click();
    await english.getByRole('textbox', { name: 'NIP' }).fill(invalidNip);
    await english.getByRole('button', { name: CLIENT_TEXTS.save.en }).click();
    expect(await fieldMessage(english, 'NIP')).toContain(ruleText('nipChecksum').en);
    expect(await fieldMessage(english, /^Name/)).toContain(ruleText('required').en);
  } finally {
    await english.close();
  }
});
