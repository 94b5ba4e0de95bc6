import type { Page } from 'playwright-core';
import type { StoredRecord } from '../../../src/store/port';
import { APP_TEXTS } from '../../../src/ui/app/app-texts';
import { CLIENT_TEXTS } from '../../../src/ui/clients/client-texts';
import { SHARED_TEXTS } from '../../../src/ui/shared/shared-texts';
import { inView, openCard } from './card-pane';
import { startPaneHarness, type PaneHarness } from './pane-harness';

/*
 * The pane as a daily tool (issue 13, point 9, the client views): messages where the user is
 * looking, the focus on what opened, Back inside the app, half-filled forms guarded, authors on
 * what is typed by hand. Each test on fresh pages over the demo workbook.
 */

const T = CLIENT_TEXTS;
let harness: PaneHarness;
let clients: StoredRecord[];

beforeAll(async () => {
  harness = await startPaneHarness();
  clients = (await harness.readWorkbook()).tables.clients;
});

afterAll(async () => {
  await harness?.close();
});

afterEach(async () => {
  await harness.closePanes();
  expect(harness.pageErrors).toEqual([]);
});

async function pane(options: { width?: number; user?: string } = {}): Promise<Page> {
  const page = await harness.openPane({ width: options.width ?? 400, height: 800, user: options.user });
  page.setDefaultTimeout(15_000);
  await page.getByRole('grid').waitFor();
  return page;
}

const client = (n: number) => clients[n % clients.length];

test('at 1280 px, the duplicate warning after Save is shown in view, beside Save, and announced', async () => {
  const page = await pane({ width: 1280 });
  await page.getByRole('button', { name: T.addClient.pl }).click();
  await page.getByRole('textbox', { name: /^Nazwa/ }).fill(String(client(0).name));
  await page.getByRole('button', { name: T.save.pl }).click();
  const warning = page.getByRole('alert').filter({ hasText: T.duplicateTitle.pl });
  expect(await inView(warning)).toBe(true);
  expect(await inView(page.getByRole('button', { name: T.save.pl, exact: true }))).toBe(true);
});

test('a conflict says who changed which field, and my change is applied again over theirs', async () => {
  const target = client(1);
  const name = String(target.name);
  const mine = await pane({ width: 1280, user: 'Jan Mój' });
  await openCard(mine, name);
  await mine.getByRole('button', { name: T.edit.pl }).click();

  const theirs = await pane({ user: 'Ewa Inna' });
  await openCard(theirs, name);
  await theirs.getByRole('button', { name: T.edit.pl }).click();
  await theirs.getByRole('textbox', { name: 'Telefon' }).fill('600 700 800');
  await theirs.getByRole('button', { name: T.save.pl }).click();
  await theirs.getByText(T.saved.pl).waitFor();

  await mine.getByRole('textbox', { name: 'Miejscowość' }).fill('Zamość');
  await mine.getByRole('button', { name: T.save.pl }).click();
  const conflict = mine.getByRole('alert').filter({ hasText: T.conflictTitle.pl });
  expect(await inView(conflict)).toBe(true);
  const said = (await conflict.textContent()) ?? '';
  expect(said).toContain('Ewa Inna');
  expect(said).toContain('Zmienione pola: Telefon.');
  expect(said).not.toContain(target.id);

  await conflict.getByRole('button', { name: T.conflictReapply.pl }).click();
  await mine.getByText(T.conflictReapplied.pl).waitFor();
  expect(await mine.getByRole('textbox', { name: 'Miejscowość' }).inputValue()).toBe('Zamość');
  await mine.getByRole('button', { name: T.save.pl }).click();
  await mine.getByText(T.saved.pl).waitFor();

  const stored = (await harness.readWorkbook()).tables.clients.find((c) => c.id === target.id);
  expect(stored).toMatchObject({ city: 'Zamość', version: target.version + 2 });
  expect(String(stored?.phone).replace(/\D/g, '')).toMatch(/600700800$/);
});

test('after saving, the card opens at its top with "Zapisano." in view', async () => {
  const page = await pane();
  await openCard(page, String(client(2).name));
  await page.getByRole('button', { name: T.edit.pl }).click();
  const notes = page.getByRole('textbox', { name: 'Uwagi' });
  await notes.fill('Dzwonić po 10:00');
  await page.getByRole('button', { name: T.save.pl }).click();
  expect(await inView(page.getByText(T.saved.pl))).toBe(true);
  expect(await inView(page.getByRole('heading', { level: 2, name: String(client(2).name) }))).toBe(true);
});

test('opening a card puts the focus on its name, opening a form on its first field', async () => {
  const page = await pane();
  const name = String(client(3).name);
  await openCard(page, name);
  const focused = () =>
    page.evaluate(() => document.activeElement?.textContent ?? document.activeElement?.tagName);
  expect(await focused()).toBe(name);
  await page.getByRole('button', { name: T.edit.pl }).click();
  const first = page.getByRole('textbox', { name: /^Nazwa/ });
  await first.waitFor();
  expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
});

test("the browser's Back returns from a card to the list, inside the app", async () => {
  const page = await pane();
  const start = page.url();
  await openCard(page, String(client(4).name));
  await page.goBack();
  await page.getByRole('grid').waitFor();
  expect(page.url()).toBe(start);
  await page.goForward();
  await page.getByRole('heading', { level: 2, name: String(client(4).name) }).waitFor();
});

test('a half-filled form asks before a tab switch or Back throws it away, and before the page is left', async () => {
  const page = await pane();
  await page.getByRole('button', { name: T.addClient.pl }).click();
  await page.getByRole('textbox', { name: /^Nazwa/ }).fill('Firma w połowie wpisana');
  await page.getByRole('tab', { name: APP_TEXTS.segmentationTab.pl }).click();
  const question = page.getByRole('alertdialog', { name: SHARED_TEXTS.unsavedTitle.pl });
  await question.getByRole('button', { name: SHARED_TEXTS.keepEditing.pl }).click();
  expect(await page.getByRole('textbox', { name: /^Nazwa/ }).inputValue()).toBe('Firma w połowie wpisana');

  await page.goBack();
  await question.getByRole('button', { name: SHARED_TEXTS.keepEditing.pl }).click();
  expect(await page.getByRole('textbox', { name: /^Nazwa/ }).inputValue()).toBe('Firma w połowie wpisana');

  const leaving = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await leaving;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  expect(page.isClosed()).toBe(false);

  await page.getByRole('tab', { name: APP_TEXTS.segmentationTab.pl }).click();
  await question.getByRole('button', { name: SHARED_TEXTS.discardChanges.pl }).click();
  await page.getByRole('textbox', { name: /^Nazwa/ }).waitFor({ state: 'detached' });
});

test('a history entry and a task typed by hand carry the signed-in user as author and owner', async () => {
  const page = await pane({ user: 'Maria Handlowa' });
  const target = client(5);
  await openCard(page, String(target.name));
  const history = page.getByRole('region', { name: T.history.pl });
  await history.getByRole('button', { name: T.addActivity.pl }).click();
  await history.getByRole('textbox', { name: /^Temat/ }).fill('Notatka z autorem');
  await history.getByRole('button', { name: T.save.pl }).click();
  await history
    .getByRole('listitem')
    .filter({ hasText: 'Maria Handlowa' })
    .filter({ hasText: 'Notatka z autorem' })
    .waitFor();

  const tasks = page.getByRole('region', { name: T.tasks.pl });
  await tasks.getByRole('button', { name: T.addTask.pl }).click();
  await tasks.getByRole('textbox', { name: /^Zadanie/ }).fill('Zadanie z wykonawcą');
  expect(await tasks.getByRole('textbox', { name: 'Wykonawca' }).inputValue()).toBe('Maria Handlowa');
  await tasks.getByRole('button', { name: T.save.pl }).click();
  await tasks.getByRole('listitem').filter({ hasText: 'Zadanie z wykonawcą' }).waitFor();

  const saved = await harness.readWorkbook();
  expect(saved.tables.activities.find((a) => a.subject === 'Notatka z autorem')).toMatchObject({
    clientId: target.id,
    owner: 'Maria Handlowa',
  });
  expect(saved.tables.tasks.find((t) => t.title === 'Zadanie z wykonawcą')).toMatchObject({
    clientId: target.id,
    owner: 'Maria Handlowa',
  });
});
