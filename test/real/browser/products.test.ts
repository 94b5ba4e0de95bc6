import type { Page } from 'playwright-core';
import type { StoredRecord } from '../../../src/store/port';
import { APP_TEXTS } from '../../../src/ui/app/app-texts';
import { PRODUCT_TEXTS } from '../../../src/ui/products/product-texts';
import { axeCheck, startPaneHarness, type PaneHarness } from './pane-harness';

/*
 * The Products view in the standalone pane over the demo workbook (issue 13, point 7): a product
 * added with its price in złote is stored in grosze; a duplicate code is refused naming the
 * product; a CSV import writes all its rows or none. Each test on a fresh page.
 */

const P = PRODUCT_TEXTS;
let harness: PaneHarness;
let products: StoredRecord[];

beforeAll(async () => {
  harness = await startPaneHarness();
  products = (await harness.readWorkbook()).tables.products;
});

afterAll(async () => {
  await harness?.close();
});

afterEach(async () => {
  await harness.closePanes();
  expect(harness.pageErrors).toEqual([]);
});

async function productsPane(): Promise<Page> {
  const page = await harness.openPane({ width: 400, height: 800 });
  page.setDefaultTimeout(15_000);
  await page.getByRole('grid').waitFor();
  await page.getByRole('tab', { name: APP_TEXTS.productsTab.pl }).click();
  await page.getByRole('heading', { name: P.title.pl }).waitFor();
  return page;
}

async function fillProduct(page: Page, code: string, name: string): Promise<void> {
  await page.getByRole('button', { name: P.add.pl }).click();
  const form = page.getByRole('form', { name: P.add.pl });
  await form.getByRole('textbox', { name: P.code.pl }).fill(code);
  await form.getByRole('textbox', { name: P.name.pl }).fill(name);
  await form.getByRole('textbox', { name: P.unit.pl }).fill('h');
  await form.getByRole('textbox', { name: P.netPrice.pl }).fill('1 234,56');
  await form.getByRole('combobox', { name: P.vatRate.pl }).selectOption({ label: 'zw.' });
}

test('a product added with its price in złote is listed, and the workbook holds grosze', async () => {
  const page = await productsPane();
  await fillProduct(page, 'TST-01', 'Konsultacja testowa');
  expect(await axeCheck(page)).toEqual([]);
  await page.getByRole('button', { name: P.save.pl }).click();
  await page.getByRole('status').filter({ hasText: P.saved.pl }).waitFor();
  const item = page.getByRole('listitem', { name: 'Konsultacja testowa' });
  await item.getByText('1234,56 zł').or(item.getByText('1 234,56 zł')).waitFor();

  const stored = (await harness.readWorkbook()).tables.products.find((p) => p.code === 'TST-01');
  expect(stored).toMatchObject({
    name: 'Konsultacja testowa',
    unit: 'h',
    netPrice: 123456,
    vatRate: 'zw',
    active: true,
  });
});

test('a code another product holds is refused, naming that product, and the form keeps what was typed', async () => {
  const taken = products[0];
  const page = await productsPane();
  await fillProduct(page, String(taken.code).toLowerCase(), 'Duplikat');
  await page.getByRole('button', { name: P.save.pl }).click();
  const alert = page.getByRole('alert').filter({ hasText: P.notSaved.pl });
  await alert.waitFor();
  expect(await alert.textContent()).toContain(`ma już produkt „${String(taken.name)}”`);
  expect(await page.getByRole('textbox', { name: P.name.pl }).inputValue()).toBe('Duplikat');
  const stored = (await harness.readWorkbook()).tables.products;
  expect(stored.filter((p) => p.name === 'Duplikat')).toEqual([]);
});

test('a CSV import with a bad row names it and writes nothing; corrected, it writes every row', async () => {
  const header = 'Kod;Nazwa;J.m.;Cena netto;VAT\n';
  const bad = await harness.writeFile(
    'produkty-zle.csv',
    `${header}IMP-1;Wdrożenie;szt.;4 500,00;23\nIMP-2;Opieka;mies.;dużo;8\n`,
  );
  const good = await harness.writeFile(
    'produkty.csv',
    `${header}IMP-1;Wdrożenie;szt.;4 500,00;23\nIMP-2;Opieka;mies.;300;8\n`,
  );
  const page = await productsPane();
  const file = page.getByLabel(P.chooseFile.pl);
  await file.setInputFiles(bad);
  const problems = page.getByRole('alert').filter({ hasText: P.importProblems.pl });
  await problems.waitFor();
  expect(await problems.textContent()).toContain('Wiersz 3');
  expect(await page.getByRole('button', { name: P.importButton.pl, exact: true }).count()).toBe(0);

  await file.setInputFiles(good);
  await page.getByText('Do importu: 2 nowe, 0 zmienionych.').waitFor();
  await page.getByRole('button', { name: P.importButton.pl, exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Zaimportowano 2 produkty' }).waitFor();
  const stored = (await harness.readWorkbook()).tables.products;
  expect(
    stored.filter((p) => String(p.code).startsWith('IMP-')).map((p) => [p.code, p.netPrice, p.vatRate]),
  ).toEqual([
    ['IMP-1', 450000, '23'],
    ['IMP-2', 30000, '8'],
  ]);
});
