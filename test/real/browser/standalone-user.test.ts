import type { Page } from 'playwright-core';
import { APP_TEXTS } from '../../../src/ui/app/app-texts';
import { CLIENT_TEXTS } from '../../../src/ui/clients/client-texts';
import { STANDALONE_TEXTS } from '../../../src/hosts/browser/standalone-texts';
import { axeCheck, startPaneHarness, type PaneHarness } from './pane-harness';

/* The standalone mode asks who is working; the name can be changed later, and the audit follows. */

let harness: PaneHarness;
let page: Page;

beforeAll(async () => {
  harness = await startPaneHarness();
  page = await harness.openPane({ user: 'Jan Kowalski' });
  page.setDefaultTimeout(15_000);
  await page.getByRole('grid').waitFor();
});

afterAll(async () => {
  await harness?.close();
});

test('the user changes who is working; what they save next is recorded under the new name', async () => {
  const change = `${APP_TEXTS.changeUser.pl}`;
  await page.getByRole('button', { name: `Jan Kowalski — ${change}` }).click();
  await page.getByRole('heading', { name: STANDALONE_TEXTS.whoTitle.pl }).waitFor();
  const name = page.getByRole('textbox', { name: STANDALONE_TEXTS.whoLabel.pl });
  expect(await name.inputValue()).toBe('Jan Kowalski');
  expect(await axeCheck(page)).toEqual([]);

  // An empty name is refused with a message, and the question stays.
  await name.fill('  ');
  await page.getByRole('button', { name: STANDALONE_TEXTS.whoContinue.pl }).click();
  await page.getByText(STANDALONE_TEXTS.whoRequired.pl).waitFor();

  await name.fill('Anna Nowak');
  await page.getByRole('button', { name: STANDALONE_TEXTS.whoContinue.pl }).click();
  await page.getByRole('button', { name: `Anna Nowak — ${change}` }).waitFor();
  expect(await page.evaluate(() => window.localStorage.getItem('relacje.user'))).toBe('Anna Nowak');

  const grid = page.getByRole('grid');
  await grid.getByRole('row').nth(1).click();
  const history = page.getByRole('region', { name: CLIENT_TEXTS.history.pl });
  await history.getByRole('button', { name: CLIENT_TEXTS.addActivity.pl }).click();
  await history.getByRole('textbox', { name: /^Temat/ }).fill('Notatka po zmianie użytkownika');
  await history.getByRole('button', { name: CLIENT_TEXTS.save.pl }).click();
  await history.getByRole('listitem').filter({ hasText: 'Notatka po zmianie użytkownika' }).waitFor();

  const saved = await harness.readWorkbook();
  const [note] = saved.tables.activities.filter((a) => a.subject === 'Notatka po zmianie użytkownika');
  expect(note).toBeDefined();
  const audit = saved.tables.audit.filter((row) => row.recordId === note.id);
  expect(audit.map((row) => row.user)).toEqual(['Anna Nowak']);
  expect(harness.pageErrors).toEqual([]);
});
