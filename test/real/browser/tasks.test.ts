import type { Page } from 'playwright-core';
import { warsawDay } from '../../../src/core/tasks/calendar-days';
import type { StoredRecord } from '../../../src/store/port';
import { APP_TEXTS } from '../../../src/ui/app/app-texts';
import { GOAL_TEXTS } from '../../../src/ui/goals/goal-texts';
import { TASK_TEXTS, taskDoneNotice } from '../../../src/ui/tasks/task-texts';
import { axeCheck, startPaneHarness, type PaneHarness } from './pane-harness';

/*
 * The Tasks view in the standalone pane over the demo workbook (issue 13, point 5): a task
 * completed and one rescheduled from a list of a date range, the workbook read back holding both
 * changes and the client's history entries. Each test on a fresh page.
 */

const T = TASK_TEXTS;
let harness: PaneHarness;
let tasks: StoredRecord[];

beforeAll(async () => {
  harness = await startPaneHarness();
  tasks = (await harness.readWorkbook()).tables.tasks;
});

afterAll(async () => {
  await harness?.close();
});

afterEach(async () => {
  await harness.closePanes();
  expect(harness.pageErrors).toEqual([]);
});

/** Open tasks of a client whose title no other task due the same day has: a row the test can name. */
function distinctTasks(): StoredRecord[] {
  return tasks.filter(
    (task) =>
      task.status === 'todo' &&
      typeof task.clientId === 'string' &&
      typeof task.dueDate === 'string' &&
      tasks.filter((other) => other.dueDate === task.dueDate && other.title === task.title).length === 1,
  );
}

const typed = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** The Tasks tab showing the team's tasks due on `day`. */
async function tasksOf(day: string): Promise<Page> {
  const page = await harness.openPane({ width: 400, height: 800 });
  page.setDefaultTimeout(15_000);
  await page.getByRole('grid').waitFor();
  await page.getByRole('tab', { name: APP_TEXTS.tasksTab.pl }).click();
  await page.getByRole('radio', { name: T.range.pl }).check();
  await page.getByRole('textbox', { name: T.from.pl, exact: true }).fill(typed(day));
  await page.getByRole('textbox', { name: T.to.pl, exact: true }).fill(typed(day));
  await page.getByRole('radio', { name: T.team.pl }).check();
  return page;
}

test('a task is completed from the list: shown done, the workbook holds it and the history says so', async () => {
  const [task] = distinctTasks();
  const title = String(task.title);
  const page = await tasksOf(String(task.dueDate));
  const row = page.getByRole('listitem', { name: title, exact: true });
  await row.getByRole('button', { name: `${T.complete.pl}: ${title}` }).click();
  await page
    .getByRole('status')
    .filter({ hasText: taskDoneNotice('pl', 'complete', title) })
    .waitFor();
  await row.getByRole('button', { name: `${T.reopen.pl}: ${title}` }).waitFor();
  await row.getByText('Wykonane', { exact: true }).waitFor();
  expect(await axeCheck(page)).toEqual([]);

  const workbook = await harness.readWorkbook();
  const stored = workbook.tables.tasks.find((t) => t.id === task.id);
  expect(stored).toMatchObject({
    status: 'done',
    completedOn: warsawDay(new Date()),
    version: task.version + 1,
  });
  expect(workbook.tables.activities).toContainEqual(
    expect.objectContaining({
      clientId: task.clientId,
      subject: `Wykonano zadanie: ${title}`,
      owner: 'Test',
    }),
  );
  expect(workbook.tables.audit).toContainEqual(
    expect.objectContaining({ table: 'tasks', recordId: task.id, user: 'Test' }),
  );
});

test('a task is rescheduled: it leaves the day it was due, and the workbook holds the new date', async () => {
  const task = distinctTasks()[1];
  const title = String(task.title);
  const page = await tasksOf(String(task.dueDate));
  const row = page.getByRole('listitem', { name: title, exact: true });
  const opener = row.getByRole('button', { name: `${T.reschedule.pl}: ${title}` });
  await opener.click();
  const date = row.getByRole('textbox', { name: T.newDue.pl });
  // The editor takes the focus; the date is typed the Polish way.
  await expect(date.evaluate((input) => input === document.activeElement)).resolves.toBe(true);
  await date.fill('15.01.2027');
  await row.getByRole('button', { name: T.save.pl }).click();
  await page
    .getByRole('status')
    .filter({ hasText: taskDoneNotice('pl', 'reschedule', title) })
    .waitFor();
  await page.getByRole('listitem', { name: title, exact: true }).waitFor({ state: 'detached' });

  const workbook = await harness.readWorkbook();
  expect(workbook.tables.tasks.find((t) => t.id === task.id)).toMatchObject({ dueDate: '2027-01-15' });
  expect(workbook.tables.activities).toContainEqual(
    expect.objectContaining({ clientId: task.clientId, subject: expect.stringContaining(`„${title}”`) }),
  );
});

test('a date that does not exist is refused in words, in the row, and nothing is written', async () => {
  const task = distinctTasks()[2];
  const title = String(task.title);
  const page = await tasksOf(String(task.dueDate));
  const row = page.getByRole('listitem', { name: title, exact: true });
  await row.getByRole('button', { name: `${T.reschedule.pl}: ${title}` }).click();
  await row.getByRole('textbox', { name: T.newDue.pl }).fill('31.02.2027');
  await row.getByRole('button', { name: T.save.pl }).click();
  const alert = page.getByRole('alert').filter({ hasText: T.actionFailed.pl });
  await alert.waitFor();
  const said = (await alert.textContent()) ?? '';
  expect(said).toContain('Termin „31.02.2027”');
  expect(said).not.toContain('tasks');
  const workbook = await harness.readWorkbook();
  expect(workbook.tables.tasks.find((t) => t.id === task.id)).toMatchObject({
    dueDate: task.dueDate,
    version: task.version,
  });
});

test('the goals section lists the demo goals with their previous period beside the target', async () => {
  const page = await harness.openPane({ width: 400, height: 800 });
  page.setDefaultTimeout(15_000);
  await page.getByRole('grid').waitFor();
  await page.getByRole('tab', { name: APP_TEXTS.tasksTab.pl }).click();
  await page.getByRole('tab', { name: T.goalsSection.pl }).click();
  await page.getByRole('heading', { name: GOAL_TEXTS.title.pl }).waitFor();
  const goals = page.getByRole('listitem').filter({ hasText: GOAL_TEXTS.previous.pl });
  await goals.first().waitFor();
  expect(await goals.count()).toBe(5);
  expect(await axeCheck(page)).toEqual([]);
});
