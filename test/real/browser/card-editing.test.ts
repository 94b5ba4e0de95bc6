import type { Page } from 'playwright-core';
import { formatDate } from '../../../src/core/validation/dates';
import type { StoredRecord, WorkbookSnapshot } from '../../../src/store/port';
import { CLIENT_TEXTS } from '../../../src/ui/clients/client-texts';
import { todayIso } from '../../../src/ui/shared/format';
import { openCard as openClientCard } from './card-pane';
import { axeCheck, startPaneHarness, type PaneHarness } from './pane-harness';

/*
 * Every record on the client card can be changed where it is shown: a person's consent edited, a
 * task completed, a history entry deleted (and the deletion written to the history). Each test on a
 * fresh page over the demo workbook; what it checks at the end is the workbook read back.
 */

let harness: PaneHarness;
let page: Page;
let demo: WorkbookSnapshot;

const T = CLIENT_TEXTS;
const clientOf = (row: StoredRecord) => demo.tables.clients.find((c) => c.id === row.clientId);

const openCard = (client: StoredRecord) => openClientCard(page, String(client.name));

beforeAll(async () => {
  harness = await startPaneHarness();
  demo = await harness.readWorkbook();
});

afterAll(async () => {
  await harness?.close();
});

beforeEach(async () => {
  page = await harness.openPane({ width: 400, height: 800 });
  page.setDefaultTimeout(15_000);
  await page.getByRole('grid').waitFor();
});

afterEach(async () => {
  await harness.closePanes();
  expect(harness.pageErrors).toEqual([]);
});

test("a person's consent is recorded on the card: basis, date and source, and the warning goes", async () => {
  const person = demo.tables.people.find((p) => p.legalBasis !== 'consent' && clientOf(p));
  if (!person) throw new Error('the demo workbook has no person to give consent');
  const name = `${String(person.firstName)} ${String(person.lastName)}`;
  await openCard(clientOf(person) as StoredRecord);
  const people = page.getByRole('region', { name: T.people.pl });
  await people.getByRole('button', { name: `${T.editRecord.pl}: ${name}` }).click();
  const form = people.getByRole('form', { name: 'Osoby' });
  await form.getByRole('combobox', { name: /^Podstawa prawna/ }).click();
  await page.getByRole('option', { name: 'Zgoda (art. 6 ust. 1 lit. a)' }).click();
  await form.getByRole('textbox', { name: 'Źródło zgody' }).fill('Formularz na targach');
  await form.getByRole('button', { name: T.save.pl }).click();
  // Consent as the basis without its date is flagged, and can now be fixed in the same form.
  await people.getByRole('listitem').filter({ hasText: name }).getByText(T.gdprNoConsentDate.pl).waitFor();
  await people.getByRole('button', { name: `${T.editRecord.pl}: ${name}` }).click();
  await form.getByLabel('Data zgody').fill('2026-11-30');
  await form.getByRole('button', { name: T.save.pl }).click();
  await people.getByRole('listitem').filter({ hasText: name }).getByText('Zgoda z 30.11.2026').waitFor();
  expect(await axeCheck(page)).toEqual([]);

  const saved = (await harness.readWorkbook()).tables.people.find((p) => p.id === person.id);
  expect(saved).toMatchObject({
    legalBasis: 'consent',
    consentDate: '2026-11-30',
    consentSource: 'Formularz na targach',
    version: person.version + 2,
  });

  // The person withdraws the consent: one click, dated today, flagged on the card.
  await people.getByRole('button', { name: `${T.withdrawConsent.pl}: ${name}` }).click();
  const today = todayIso();
  await people.getByText(`${T.gdprConsentWithdrawn.pl} ${formatDate(today, 'pl')}`).waitFor();
  const withdrawn = (await harness.readWorkbook()).tables.people.find((p) => p.id === person.id);
  expect(withdrawn).toMatchObject({ consentWithdrawnOn: today, version: person.version + 3 });
});

test('a task is completed with one click, dated today, noted in the history, and can be reopened', async () => {
  const task = demo.tables.tasks.find((t) => t.status === 'todo' && clientOf(t));
  if (!task) throw new Error('the demo workbook has no task to do');
  await openCard(clientOf(task) as StoredRecord);
  const tasks = page.getByRole('region', { name: T.tasks.pl });
  await tasks.getByRole('button', { name: `${T.completeTask.pl}: ${String(task.title)}` }).click();
  await tasks.getByRole('button', { name: `${T.reopenTask.pl}: ${String(task.title)}` }).waitFor();

  await page
    .getByRole('region', { name: T.history.pl })
    .getByText(`Wykonano zadanie: ${String(task.title)}`)
    .first()
    .waitFor();

  const saved = await harness.readWorkbook();
  const stored = saved.tables.tasks.find((t) => t.id === task.id);
  expect(stored).toMatchObject({ status: 'done', completedOn: todayIso(), version: task.version + 1 });
  expect(
    saved.tables.activities.filter(
      (a) => a.clientId === task.clientId && a.subject === `Wykonano zadanie: ${String(task.title)}`,
    ),
  ).toEqual([expect.objectContaining({ owner: 'Test' })]);
});

test('a history entry is deleted after a question naming it, and the history says so', async () => {
  const subjectCount = new Map<string, number>();
  for (const a of demo.tables.activities) {
    const key = `${String(a.clientId)}|${String(a.subject)}`;
    subjectCount.set(key, (subjectCount.get(key) ?? 0) + 1);
  }
  const entry = demo.tables.activities.find(
    (a) => clientOf(a) && subjectCount.get(`${String(a.clientId)}|${String(a.subject)}`) === 1,
  );
  if (!entry) throw new Error('the demo workbook has no history entry to delete');
  const subject = String(entry.subject);
  await openCard(clientOf(entry) as StoredRecord);
  const history = page.getByRole('region', { name: T.history.pl });
  await history.getByRole('button', { name: `${T.deleteRecord.pl}: ${subject}` }).click();
  const dialog = page.getByRole('alertdialog');
  expect(await dialog.textContent()).toContain(`„${subject}”`);
  expect(await axeCheck(page)).toEqual([]);
  await dialog.getByRole('button', { name: T.deleteConfirm.pl }).click();
  await history.getByText(`Usunięto wpis historii: ${subject}`).waitFor();
  await history.getByText(T.deleted.pl).waitFor();
  expect(await history.getByRole('button', { name: `${T.deleteRecord.pl}: ${subject}` }).count()).toBe(0);

  const saved = await harness.readWorkbook();
  expect(saved.tables.activities.some((a) => a.id === entry.id)).toBe(false);
  expect(
    saved.tables.activities.find((a) => a.subject === `Usunięto wpis historii: ${subject}`),
  ).toMatchObject({
    clientId: entry.clientId,
    type: 'note',
    owner: 'Test',
  });
  expect(saved.tables.audit.find((r) => r.recordId === entry.id && r.action === 'delete')).toMatchObject({
    user: 'Test',
    table: 'activities',
  });
});
