import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { StoredRecord } from '../../../src/store/port';
import { axeCheck, screenshot, startPaneHarness, type PaneHarness } from './pane-harness';

/*
 * A semicolon-separated export as Polish Excel writes it, in Windows-1250 (converted from UTF-8 by
 * iconv, not by our tables): three good rows with Polish letters, then a wrong NIP check digit,
 * a bad e-mail, a bad postal code and a row without a name (file rows 5–8).
 */
const FIXTURE = path.resolve(__dirname, '../../fixtures/browser/clients-windows-1250.csv');

const GOOD_ROWS = [
  {
    nip: '5260250274',
    name: 'Przedsiębiorstwo Żółć Sp. z o.o.',
    city: 'Łódź',
    street: 'ul. Świętokrzyska 12',
  },
  { nip: '7680002466', name: 'Gęślarnia Źródło S.A.', city: 'Gdańsk', street: 'ul. Długa 5' },
  { nip: '1132853869', name: 'Ćma i Wspólnicy sp.j.', city: 'Kraków', street: null },
];
const BAD_NIPS = ['1234567890', '9542583988', '5213017228', '8992689516'];

const byNip = (clients: readonly StoredRecord[], nip: string) =>
  clients.filter((client) => client.nip === nip);

async function chooseFixture(page: Page) {
  await page.getByRole('tab', { name: 'Import' }).click();
  await page.locator('input[type=file]').setInputFiles(FIXTURE);
  await page.getByRole('heading', { name: /Krok 2 z 6/ }).waitFor();
}

/*
 * A contact list as people keep it in Excel: the source and the legal basis in their own words,
 * KRS numbers typed into General cells (so Excel kept 0000123456 as the number 123456) and one
 * typed as text, too short.
 */
async function contactSheet(harness: PaneHarness): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Kontakty');
  sheet.addRows([
    ['Firma', 'KRS', 'Źródło', 'Imię', 'Nazwisko', 'Podstawa prawna (RODO)'],
    ['Dźwigi Żuraw sp. z o.o.', 123456, 'www', 'Anna', 'Żuraw', 'zgoda'],
    ['Młyn Polecony S.A.', 654321, 'Z polecenia', 'Piotr', 'Młynarz', 'UMOWA'],
    ['Gazeta Codzienna sp. z o.o.', null, 'gazeta', 'Ewa', 'Pióro', 'zgoda'],
    ['Krótki Numer sp. z o.o.', '123', 'targi', 'Jan', 'Krótki', 'umowa'],
  ]);
  return harness.writeFile('kontakty-slowa.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
}

async function nextStep(page: Page, heading: RegExp) {
  await page.getByRole('button', { name: 'Dalej' }).click();
  await page.getByRole('heading', { name: heading }).waitFor();
}

describe('the import wizard in the standalone pane (headless Chromium)', () => {
  let harness: PaneHarness;
  let page: Page;
  let clientsAfterFirstImport: StoredRecord[];

  beforeAll(async () => {
    harness = await startPaneHarness();
  });

  // A fresh page per test: each starts at the wizard's first step, whatever the last one left.
  beforeEach(async () => {
    page = await harness.openPane({ locale: 'pl', width: 400 });
  });

  afterEach(async () => {
    await harness.closePanes();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('imports the good rows of a Windows-1250 semicolon CSV and reports the bad ones', async () => {
    const before = (await harness.readWorkbook()).tables.clients;
    await chooseFixture(page);

    // Detected: the Polish Excel encoding and delimiter, and the letters read right.
    expect(await page.getByRole('combobox', { name: 'Kodowanie znaków' }).inputValue()).toBe('windows-1250');
    expect(await page.getByRole('combobox', { name: 'Separator pól' }).inputValue()).toBe(';');
    await expect(
      page.getByRole('region', { name: 'Pierwsze wiersze pliku' }).textContent(),
    ).resolves.toContain('Przedsiębiorstwo Żółć');

    // Suggested from the Polish headers.
    await nextStep(page, /Krok 3 z 6/);
    expect(await page.getByRole('combobox', { name: /^Nazwa firmy/ }).inputValue()).toBe('clients.name');
    expect(await page.getByRole('combobox', { name: /^NIP/ }).inputValue()).toBe('clients.nip');
    expect(await page.getByRole('combobox', { name: /^Miejscowość/ }).inputValue()).toBe('clients.city');
    expect(await page.getByRole('combobox', { name: /^Branża/ }).inputValue()).toBe('clients.industry');
    expect(await axeCheck(page)).toEqual([]);

    // Every row checked with the core's messages.
    await nextStep(page, /Krok 4 z 6/);
    await page.getByText('3 poprawne wiersze, 4 odrzucone.').waitFor();
    const rows = page.getByRole('list', { name: 'Wiersze pliku' });
    await expect(rows.textContent()).resolves.toMatch(/Wiersz 5 · Zła Suma Kontrolna.*NIP „1234567890”/s);
    await expect(rows.textContent()).resolves.toMatch(/Wiersz 6 · Błędny E-mail.*jan@@x/s);
    await expect(rows.textContent()).resolves.toMatch(/Wiersz 7 · Ślusarnia Kod.*9-0001/s);
    expect(await axeCheck(page)).toEqual([]);
    await screenshot(page, 'import-wizard');

    // The report of the rejected rows, as the browser downloads it.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Pobierz raport odrzuconych wierszy/ }).click(),
    ]);
    const report = await readFile(await download.path());
    expect([...report.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = report.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Wiersz;Nazwa firmy;NIP;Miejscowość;.*;Powody odrzucenia$/);
    expect(lines.slice(1).map((line) => line.split(';')[0])).toEqual(['5', '6', '7', '8']);
    expect(lines[1]).toContain('1234567890');
    expect(lines[1]).toContain('cyfra kontrolna');
    expect(lines[2]).toContain('jan@@x');
    expect(lines[3]).toContain('9-0001');
    expect(lines[4]).toContain('Nazwa');

    // Nothing in the base yet: every good row is new; one all-or-nothing write.
    await nextStep(page, /Krok 5 z 6/);
    await page
      .getByText('Do zapisania: 3 nowi klienci, 0 zmienionych, 0 pominiętych, 0 nowych osób kontaktowych.')
      .waitFor();
    await page.getByRole('button', { name: /^Importuj \(3/ }).click();
    await page.getByRole('heading', { name: /Krok 6 z 6/ }).waitFor();
    await page
      .getByText(
        'Dodano 3 klientów, zaktualizowano 0 klientów, dodano 0 osób kontaktowych, pominięto 0 klientów, odrzucono 4 wiersze.',
      )
      .waitFor();
    expect(await axeCheck(page)).toEqual([]);

    // What a user opening the .xlsx finds.
    const clients = (await harness.readWorkbook()).tables.clients;
    expect(clients).toHaveLength(before.length + 3);
    for (const good of GOOD_ROWS) {
      const [stored, ...more] = byNip(clients, good.nip);
      expect(more).toEqual([]);
      expect(stored).toMatchObject({
        name: good.name,
        city: good.city,
        type: 'company',
        status: 'lead',
        source: 'import',
      });
      expect(stored.street ?? null).toBe(good.street);
    }
    for (const nip of BAD_NIPS) expect(byNip(clients, nip)).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
    clientsAfterFirstImport = clients;
  });

  it('changes nothing when the same file is imported again', async () => {
    expect(clientsAfterFirstImport).toBeDefined();
    await chooseFixture(page);
    await nextStep(page, /Krok 3 z 6/);
    await nextStep(page, /Krok 4 z 6/);
    await nextStep(page, /Krok 5 z 6/);

    // Each good row is found by its NIP, and filling its empty fields would change nothing.
    const matches = page.getByRole('listitem').filter({ hasText: 'w bazie:' });
    await expect(matches.count()).resolves.toBe(3);
    for (const good of GOOD_ROWS) {
      const match = matches.filter({ hasText: good.name });
      await expect(match.textContent()).resolves.toContain('(zgodny NIP)');
      await expect(match.textContent()).resolves.toContain('bez zmian');
    }
    await page
      .getByText('Do zapisania: 0 nowych klientów, 0 zmienionych, 0 pominiętych, 0 nowych osób kontaktowych.')
      .waitFor();
    await page.getByRole('button', { name: /^Importuj \(0/ }).click();
    await page.getByText(/Dodano 0 klientów, zaktualizowano 0 klientów,/).waitFor();

    const clients = (await harness.readWorkbook()).tables.clients;
    expect(clients).toEqual(clientsAfterFirstImport);
  });

  it('writes nothing when the write fails half-way, and imports all of it on retry', async () => {
    const before = (await harness.readWorkbook()).tables.clients;
    const existing = before.find((client) => typeof client.nip === 'string' && client.city !== 'Sopot');
    expect(existing).toBeDefined();
    const file = await harness.writeFile(
      'zmiany.csv',
      `Nazwa firmy;NIP;Miejscowość\r\n${String(existing?.name)};${String(existing?.nip)};Sopot\r\nNowa Firma Testowa sp. z o.o.;5213017228;Opole\r\n`,
    );
    const toOverwrite = async () => {
      await page.getByRole('combobox', { name: 'Co zrobić (wiersz 2)' }).selectOption('overwrite');
      await page
        .getByText('Do zapisania: 1 nowy klient, 1 zmieniony, 0 pominiętych, 0 nowych osób kontaktowych.')
        .waitFor();
    };
    await page.getByRole('tab', { name: 'Import' }).click();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('heading', { name: /Krok 2 z 6/ }).waitFor();
    await nextStep(page, /Krok 3 z 6/);
    await nextStep(page, /Krok 4 z 6/);
    await nextStep(page, /Krok 5 z 6/);
    await toOverwrite();

    // The new client is appended first; the change to the existing one then fails.
    harness.server.graph.faults.add(
      { kind: 'fail', status: 400, code: 'InvalidArgument' },
      { method: 'PATCH', pathIncludes: 'tClients' },
    );
    await page.getByRole('button', { name: /^Importuj \(2/ }).click();
    await page.getByText('Import nie powiódł się — nic nie zostało zapisane.').waitFor();
    expect((await harness.readWorkbook()).tables.clients).toEqual(before);

    harness.server.graph.faults.clear();
    await page.getByRole('button', { name: 'Spróbuj ponownie' }).click();
    await page.getByRole('heading', { name: /Krok 5 z 6/ }).waitFor();
    // Matched anew, with the first choice again: fill the empty fields, which changes nothing here.
    await page
      .getByText('Do zapisania: 1 nowy klient, 0 zmienionych, 0 pominiętych, 0 nowych osób kontaktowych.')
      .waitFor();
    await toOverwrite();
    await page.getByRole('button', { name: /^Importuj \(2/ }).click();
    await page.getByText(/Dodano 1 klienta, zaktualizowano 1 klienta,/).waitFor();
    const after = (await harness.readWorkbook()).tables.clients;
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((client) => client.id === existing?.id)?.city).toBe('Sopot');
    expect(byNip(after, '5213017228')).toMatchObject([
      { name: 'Nowa Firma Testowa sp. z o.o.', city: 'Opole' },
    ]);
  });

  it('imports an .xlsx sheet with contact people: each client once, each person under their firm', async () => {
    const before = await harness.readWorkbook();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Kontakty');
    sheet.addRows([
      ['Firma', 'NIP', 'Miasto', 'Imię', 'Nazwisko', 'Adres e-mail'],
      [
        'Hurtownia Świętokrzyska sp. z o.o.',
        '8943011004',
        'Kielce',
        'Zofia',
        'Żak',
        'zofia.zak@hurtownia-sw.pl',
      ],
      [
        'Hurtownia Świętokrzyska sp. z o.o.',
        '8943011004',
        'Kielce',
        'Łukasz',
        'Ćwik',
        'lukasz.cwik@hurtownia-sw.pl',
      ],
      ['Pracownia Źdźbło s.c.', '6770021001', 'Zakopane', 'Jędrzej', 'Gąsior', 'jedrzej@zdzblo.pl'],
    ]);
    const file = await harness.writeFile('kontakty.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));

    await page.getByRole('tab', { name: 'Import' }).click();
    await page.locator('input[type=file]').setInputFiles(file);
    // A workbook has no encoding or delimiter to choose: the wizard goes straight to the columns.
    await page.getByRole('heading', { name: /Krok 2 z 5: Kolumny/ }).waitFor();
    await nextStep(page, /Krok 3 z 5/);
    await nextStep(page, /Krok 4 z 5/);
    await page
      .getByText('Do zapisania: 2 nowi klienci, 0 zmienionych, 0 pominiętych, 3 nowe osoby kontaktowe.')
      .waitFor();
    await page.getByRole('button', { name: /^Importuj \(2/ }).click();
    await page
      .getByText(/Dodano 2 klientów, zaktualizowano 0 klientów, dodano 3 osoby kontaktowe,/)
      .waitFor();

    const after = await harness.readWorkbook();
    const [hurtownia, ...moreHurtownia] = byNip(after.tables.clients, '8943011004');
    const [pracownia] = byNip(after.tables.clients, '6770021001');
    expect(moreHurtownia).toEqual([]);
    expect(hurtownia).toMatchObject({ name: 'Hurtownia Świętokrzyska sp. z o.o.', city: 'Kielce' });
    const newPeople = after.tables.people.slice(before.tables.people.length);
    const peopleOf = (clientId: string) =>
      newPeople
        .filter((person) => person.clientId === clientId)
        .map((person) => `${String(person.firstName)} ${String(person.lastName)}`)
        .sort();
    expect(peopleOf(hurtownia.id)).toEqual(['Zofia Żak', 'Łukasz Ćwik']);
    expect(peopleOf(pracownia.id)).toEqual(['Jędrzej Gąsior']);
    expect(newPeople).toHaveLength(3);
  });

  it('stops checking a big file when the user cancels half-way: nothing saved, the columns kept', async () => {
    const before = (await harness.readWorkbook()).tables.clients;
    const lines = ['Nazwa firmy;Miejscowość;E-mail'];
    for (let i = 0; i < 60_000; i++) lines.push(`Firma Próbna ${i} sp. z o.o.;Łódź;biuro@probna${i}.pl`);
    const file = await harness.writeFile('duzy.csv', `${lines.join('\r\n')}\r\n`);

    await page.getByRole('tab', { name: 'Import' }).click();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('heading', { name: /Krok 2 z 6/ }).waitFor();
    await nextStep(page, /Krok 3 z 6/);
    // On a quiet machine the check of 60,000 rows can end before a click on Cancel lands; the
    // browser's CPU is slowed down for the check, so Cancel always comes half-way.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 10 });
    await page.getByRole('button', { name: 'Dalej' }).click();

    // The bar moves inside the row check (not only between stages), and Cancel is heard there.
    const bar = page.getByRole('progressbar', { name: 'Sprawdzanie wierszy…' });
    await page.waitForFunction(() => {
      const value = document.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow');
      return value !== null && value !== undefined && Number(value) > 0;
    });
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeLessThan(1);
    await page.getByRole('button', { name: 'Przerwij' }).click();
    await page.getByText('Przerwano — nic nie zostało zapisane.').waitFor();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await expect(bar.count()).resolves.toBe(0);
    // The wizard goes back to the mapping step as it leaves the check: wait for it, do not count at once.
    await page.getByRole('heading', { name: /Krok 3 z 6/ }).waitFor({ timeout: 10_000 });
    expect(await page.getByRole('combobox', { name: /^Nazwa firmy/ }).inputValue()).toBe('clients.name');
    expect((await harness.readWorkbook()).tables.clients).toEqual(before);
    expect(harness.pageErrors).toEqual([]);
  });

  it('maps "www", "zgoda", "umowa", "Z polecenia", pads a KRS Excel kept as a number, and lists the allowed values otherwise', async () => {
    const before = await harness.readWorkbook();
    await page.getByRole('tab', { name: 'Import' }).click();
    await page.locator('input[type=file]').setInputFiles(await contactSheet(harness));
    await page.getByRole('heading', { name: /Krok 2 z 5: Kolumny/ }).waitFor();
    expect(await page.getByRole('combobox', { name: /^Podstawa prawna/ }).inputValue()).toBe(
      'people.legalBasis',
    );
    await nextStep(page, /Krok 3 z 5/);

    await page.getByText('2 poprawne wiersze, 2 odrzucone.').waitFor();
    const rows = page.getByRole('list', { name: 'Wiersze pliku' });
    const row = (number: number) => rows.getByRole('listitem').filter({ hasText: `Wiersz ${number} ·` });
    await expect(row(2).textContent()).resolves.toContain('Źródło „www” odczytano jako „Strona WWW”');
    await expect(row(2).textContent()).resolves.toContain(
      'Podstawa prawna (RODO) „zgoda” odczytano jako „Zgoda (art. 6 ust. 1 lit. a)”',
    );
    await expect(row(2).textContent()).resolves.toContain(
      'KRS „123456” był w arkuszu liczbą, a Excel usuwa z liczb zera z przodu — zapisany jako 0000123456',
    );
    await expect(row(3).textContent()).resolves.toContain('Źródło „Z polecenia” odczytano jako „Polecenie”');
    await expect(row(4).textContent()).resolves.toContain(
      'Źródło „gazeta”: wartość spoza listy (dozwolone: Strona WWW, Media społecznościowe, Portal ofertowy, Przetarg, Targi, Konferencja, Kampania, Polecenie, Sieć partnerska, E-mail, Telefon, Import, Inne)',
    );
    await expect(row(5).textContent()).resolves.toContain(
      'KRS „123”: numer KRS ma 10 cyfr — wpisz go w całości, z zerami na początku, np. 0000123456',
    );
    expect(await axeCheck(page)).toEqual([]);

    await nextStep(page, /Krok 4 z 5/);
    await page.getByRole('button', { name: /^Importuj \(2 klientów\)/ }).click();
    await page
      .getByText(/Dodano 2 klientów, zaktualizowano 0 klientów, dodano 2 osoby kontaktowe,/)
      .waitFor();

    const after = await harness.readWorkbook();
    const added = after.tables.clients.slice(before.tables.clients.length);
    expect(added.map((c) => [c.name, c.krs, c.source])).toEqual([
      ['Dźwigi Żuraw sp. z o.o.', '0000123456', 'website'],
      ['Młyn Polecony S.A.', '0000654321', 'referral'],
    ]);
    const people = after.tables.people.slice(before.tables.people.length);
    expect(people.map((p) => [p.lastName, p.legalBasis])).toEqual([
      ['Żuraw', 'consent'],
      ['Młynarz', 'contract'],
    ]);
  });
});
