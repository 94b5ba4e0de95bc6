import type { Page } from 'playwright-core';
import { READY_FUNNELS } from '../../../src/core/sales/ready-funnels';
import type { WorkbookSnapshot } from '../../../src/store/port';
import { APP_TEXTS } from '../../../src/ui/app/app-texts';
import { SALES_TEXTS } from '../../../src/ui/sales/sales-texts';
import { CLIENT_TEXTS } from '../../../src/ui/clients/client-texts';
import { openCard } from './card-pane';
import { axeCheck, startPaneHarness, type PaneHarness } from './pane-harness';

/*
 * The sales process end to end in the standalone pane: the tender funnel picked on the board (added
 * from the ready funnels when the workbook lacks it), an opportunity created for a client, moved
 * through two stages (the second asks for its required field) with each stage's tasks shown, and
 * closed as won; the workbook read back holds the opportunity, its tasks and its history entries.
 */

let harness: PaneHarness;
let page: Page;
let demo: WorkbookSnapshot;

const S = SALES_TEXTS;
const TENDER = READY_FUNNELS.find((f) => f.key === 'tender')!;
const taskTitles = (stage: number) => TENDER.stages[stage].tasks.map((t) => t.title.pl);

beforeAll(async () => {
  harness = await startPaneHarness();
  demo = await harness.readWorkbook();
});

afterAll(async () => {
  await harness?.close();
});

beforeEach(async () => {
  page = await harness.openPane({ width: 1280, height: 900 });
  page.setDefaultTimeout(20_000);
  await page.getByRole('grid').waitFor();
});

afterEach(async () => {
  await harness.closePanes();
  expect(harness.pageErrors).toEqual([]);
});

/** The tender funnel's name in the workbook: the demo's, or the ready one added in the designer. */
async function tenderPipeline(): Promise<string> {
  const name = TENDER.name.pl;
  if ((demo.tables.pipelines ?? []).some((p) => p.name === name)) return name;
  await page.getByRole('tab', { name: S.funnelsTitle.pl }).click();
  await page.getByRole('combobox', { name: S.readyFunnel.pl }).selectOption('tender');
  await page.getByRole('button', { name: S.add.pl, exact: true }).click();
  await page.getByText(S.readyAdded.pl).waitFor();
  await page.getByRole('tab', { name: S.boardTitle.pl }).click();
  return name;
}

test('a tender opportunity goes from the notice through two stages to won, and the workbook holds it all', async () => {
  const client = demo.tables.clients.find((c) => c.type === 'institution') ?? demo.tables.clients[0];
  const clientName = String(client.name);
  const opportunityName = 'Przebudowa sali gimnastycznej — test';

  await page.getByRole('tab', { name: APP_TEXTS.salesTab.pl }).click();
  await page.getByRole('heading', { name: S.boardTitle.pl }).waitFor();
  const pipeline = await tenderPipeline();
  await page.getByRole('combobox', { name: S.pipeline.pl }).selectOption(pipeline);
  await page.getByRole('heading', { name: TENDER.stages[0].name.pl, level: 3 }).waitFor();
  expect(await axeCheck(page)).toEqual([]);

  await page.getByRole('button', { name: S.addOpportunity.pl }).click();
  await page.getByRole('heading', { name: S.newOpportunity.pl }).waitFor();
  const client_ = page.getByRole('combobox', { name: S.client.pl });
  await client_.fill(clientName.slice(0, 12));
  await page
    .getByRole('option', { name: new RegExp(`^${clientName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
    .first()
    .click();
  await page.getByRole('textbox', { name: S.name.pl }).fill(opportunityName);
  await page.getByRole('textbox', { name: S.value.pl }).fill('250 000,00');
  await page.getByRole('button', { name: S.save.pl, exact: true }).click();

  // The opportunity's own view: the first stage's tasks were created with it.
  await page.getByRole('heading', { name: opportunityName, level: 2 }).waitFor();
  const tasks = page.getByRole('list', { name: S.stageTasks.pl });
  for (const title of taskTitles(0)) await tasks.getByText(title).waitFor();

  // The go/no-go stage requires the expected close: the move asks for it first.
  await page.getByRole('button', { name: `Dalej: ${TENDER.stages[1].name.pl}` }).click();
  const dialog = page.getByRole('dialog', { name: S.requiredTitle.pl });
  await dialog.getByLabel('Planowane zamknięcie').fill('2027-03-31');
  await dialog.getByRole('button', { name: S.moveConfirm.pl }).click();
  await page.getByRole('heading', { name: `${S.stage.pl}: ${TENDER.stages[1].name.pl}` }).waitFor();
  for (const title of taskTitles(1)) await tasks.getByText(title).waitFor();

  await page.getByRole('button', { name: `Dalej: ${TENDER.stages[2].name.pl}` }).click();
  await page.getByRole('heading', { name: `${S.stage.pl}: ${TENDER.stages[2].name.pl}` }).waitFor();
  for (const title of taskTitles(2)) await tasks.getByText(title).waitFor();

  await page.getByRole('button', { name: S.win.pl, exact: true }).click();
  const win = page.getByRole('dialog', { name: S.winTitle.pl });
  await win.getByRole('button', { name: S.win.pl }).click();
  await page.getByText(S.won.pl).waitFor();
  // The dialog leaves the page before the check: until then the pane behind it is hidden from readers.
  await win.waitFor({ state: 'detached' });
  expect(await axeCheck(page)).toEqual([]);

  const workbook = await harness.readWorkbook();
  const saved = workbook.tables.opportunities.filter((o) => o.name === opportunityName);
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({
    clientId: client.id,
    pipeline,
    stage: TENDER.stages[2].name.pl,
    status: 'won',
    value: 25_000_000,
    expectedClose: '2027-03-31',
    owner: 'Test',
  });
  const created = workbook.tables.tasks.filter((t) => t.opportunityId === saved[0].id);
  expect(created.map((t) => String(t.title)).sort()).toEqual(
    [...taskTitles(0), ...taskTitles(1), ...taskTitles(2)].sort(),
  );
  const history = workbook.tables.activities.filter((a) => a.opportunityId === saved[0].id);
  // Created, moved twice, won: one entry each, all for the client.
  expect(history).toHaveLength(4);
  expect(history.every((a) => a.clientId === client.id)).toBe(true);
});

test('at 400 px a card moves to the next stage by Alt+Right arrow, announced, the focus staying on it', async () => {
  await page.setViewportSize({ width: 400, height: 800 });
  await page.getByRole('tab', { name: APP_TEXTS.salesTab.pl }).click();
  await page.getByRole('heading', { name: S.boardTitle.pl }).waitFor();
  const pipeline = await tenderPipeline();
  await page.getByRole('combobox', { name: S.pipeline.pl }).selectOption(pipeline);
  const first = page.getByRole('region', { name: TENDER.stages[0].name.pl });
  const card = first.getByRole('listitem').first();
  const id = await card.getAttribute('data-opportunity');
  const name = (await card.getByRole('button').first().textContent()) ?? '';
  const opportunity = demo.tables.opportunities.find((o) => o.id === id);
  if (!opportunity?.expectedClose) throw new Error('the demo’s first tender card has no expected close');
  expect(await axeCheck(page)).toEqual([]);

  await card.getByRole('button', { name, exact: true }).focus();
  await page.keyboard.press('Alt+ArrowRight');
  const second = page.getByRole('region', { name: TENDER.stages[1].name.pl });
  const moved = second.locator(`[data-opportunity="${id}"]`);
  await moved.waitFor();
  await page
    .getByRole('status')
    .filter({ hasText: `„${name}” przeniesiono do etapu „${TENDER.stages[1].name.pl}”` })
    .waitFor();
  expect(
    await moved.getByRole('button', { name, exact: true }).evaluate((el) => el === document.activeElement),
  ).toBe(true);

  const workbook = await harness.readWorkbook();
  expect(workbook.tables.opportunities.find((o) => o.id === id)?.stage).toBe(TENDER.stages[1].name.pl);
});

test('the funnel designer adds a stage with a task to the tender funnel and saves it', async () => {
  await page.getByRole('tab', { name: APP_TEXTS.salesTab.pl }).click();
  const pipeline = await tenderPipeline();
  await page.getByRole('tab', { name: S.funnelsTitle.pl }).click();
  await page.getByRole('button', { name: `${S.edit.pl}: ${pipeline}` }).click();
  await page.getByRole('heading', { name: pipeline, level: 2 }).waitFor();
  const stagesBefore = TENDER.stages.length;
  await page.getByRole('button', { name: S.addStage.pl }).click();
  const added = page.getByRole('group', { name: `Etap ${stagesBefore + 1}` });
  await added.getByRole('textbox', { name: S.stageName.pl }).fill('Odbiór końcowy');
  await added.getByRole('textbox', { name: S.expectedDays.pl }).fill('14');
  await added.getByRole('button', { name: S.addTask.pl }).click();
  await added.getByRole('textbox', { name: S.taskTitle.pl }).fill('Umówić odbiór z zamawiającym');
  await page.getByRole('button', { name: S.savePipeline.pl }).click();
  await page.getByText(`Zapisano lejek „${pipeline}”.`).waitFor();
  expect(await axeCheck(page)).toEqual([]);

  const workbook = await harness.readWorkbook();
  const stage = workbook.tables.stages.find((s) => s.pipeline === pipeline && s.stage === 'Odbiór końcowy');
  expect(stage).toMatchObject({ order: stagesBefore + 1, expectedDays: 14 });
  expect(
    workbook.tables.stageTasks
      .filter((t) => t.pipeline === pipeline && t.stage === 'Odbiór końcowy')
      .map((t) => t.title),
  ).toEqual(['Umówić odbiór z zamawiającym']);
});

test("the client card's Add opportunity opens the sales form for that client, with one pipeline's stages", async () => {
  const client = demo.tables.clients[0];
  await openCard(page, String(client.name));
  await page.getByRole('button', { name: CLIENT_TEXTS.addOpportunity.pl, exact: true }).click();
  await page.getByRole('heading', { name: S.newOpportunity.pl }).waitFor();
  await expect(page.getByRole('combobox', { name: S.client.pl }).inputValue()).resolves.toContain(
    String(client.name),
  );
  const pipeline = await page.getByRole('combobox', { name: S.pipeline.pl, exact: true }).inputValue();
  const offered = await page
    .getByRole('combobox', { name: S.stage.pl, exact: true })
    .locator('option')
    .allTextContents();
  const stagesOfPipeline = demo.tables.stages
    .filter((s) => s.pipeline === pipeline)
    .sort((a, b) => Number(a.order) - Number(b.order))
    .map((s) => String(s.stage));
  expect(stagesOfPipeline.length).toBeGreaterThan(1);
  expect(offered).toEqual(stagesOfPipeline);
});
