import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Journal, journalPathOf, readJournal } from '../../../src/store/xlsx/journal';
import { createXlsxWorkbook, openXlsxStore } from '../../../src/store/xlsx/xlsx-store';

type Line = { seq: number; text: string };

/** A torn write: the start of an entry, cut before its end and its newline. */
const TORN = '{"seq":2,"op":"put","table":"clients","records":[{"id":"torn';

describe('the journal after a torn last line', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'relacje-journal-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function journalWith(file: string, lines: Line[]): Promise<void> {
    const journal = new Journal<Line>(file);
    await journal.open();
    for (const line of lines) await journal.append(line);
    await journal.close();
  }

  test('entries appended after it are read back, so the next crash loses none of them', async () => {
    const file = path.join(dir, 'j.journal');
    await journalWith(file, [{ seq: 1, text: 'pierwszy' }]);
    appendFileSync(file, TORN);

    const journal = new Journal<Line>(file);
    await journal.open();
    await journal.append({ seq: 2, text: 'drugi' });
    await journal.append({ seq: 3, text: 'trzeci' });
    // No close: a kill -9 now leaves the file as it is.
    expect(await readJournal<Line>(file)).toEqual([
      { seq: 1, text: 'pierwszy' },
      { seq: 2, text: 'drugi' },
      { seq: 3, text: 'trzeci' },
    ]);
    await journal.close();
  });

  test('open cuts the torn line off, and the size it reports is what is on disk', async () => {
    const file = path.join(dir, 'j.journal');
    await journalWith(file, [{ seq: 1, text: 'a' }]);
    const complete = statSync(file).size;
    appendFileSync(file, TORN);

    const journal = new Journal<Line>(file);
    await journal.open();
    expect(statSync(file).size).toBe(complete);
    expect(journal.size).toBe(complete);
    await journal.append({ seq: 2, text: 'b' });
    expect(journal.size).toBe(statSync(file).size);
    await journal.close();
  });

  test('a journal holding only a torn line is emptied on open', async () => {
    const file = path.join(dir, 'j.journal');
    appendFileSync(file, TORN);
    expect(await readJournal(file)).toEqual([]);
    const journal = new Journal<Line>(file);
    await journal.open();
    expect(statSync(file).size).toBe(0);
    await journal.close();
  });

  test('a last entry whose newline never reached the disk was not acknowledged and is not replayed', async () => {
    const file = path.join(dir, 'j.journal');
    await journalWith(file, [{ seq: 1, text: 'a' }]);
    const whole = readFileSync(file);
    await journalWith(file, [{ seq: 2, text: 'b' }]);
    const withSecond = readFileSync(file);
    // The second line without its final newline.
    rmSync(file);
    appendFileSync(file, withSecond.subarray(0, withSecond.length - 1));
    expect(await readJournal<Line>(file)).toEqual([{ seq: 1, text: 'a' }]);
    const journal = new Journal<Line>(file);
    await journal.open();
    expect(readFileSync(file).equals(whole)).toBe(true);
    await journal.close();
  });

  test('damage before complete lines keeps a copy of the whole journal beside it', async () => {
    const file = path.join(dir, 'j.journal');
    await journalWith(file, [{ seq: 1, text: 'a' }]);
    const other = path.join(dir, 'other');
    await journalWith(other, [{ seq: 3, text: 'c' }]);
    appendFileSync(file, Buffer.concat([Buffer.from('garbage\n'), readFileSync(other)]));
    rmSync(other);
    const before = readFileSync(file);

    expect(await readJournal<Line>(file)).toEqual([{ seq: 1, text: 'a' }]);
    const journal = new Journal<Line>(file);
    await journal.open();
    await journal.close();
    const copies = readdirSync(dir).filter((name) => name !== 'j.journal');
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatch(/^j\.journal\.damaged-/);
    expect(readFileSync(path.join(dir, copies[0])).equals(before)).toBe(true);
    expect(await readJournal<Line>(file)).toEqual([{ seq: 1, text: 'a' }]);
  });

  test('a missing journal reads as empty and is created by open', async () => {
    const file = path.join(dir, 'j.journal');
    expect(await readJournal(file)).toEqual([]);
    const journal = new Journal<Line>(file);
    await journal.open();
    await journal.append({ seq: 1, text: 'a' });
    await journal.close();
    expect(await readJournal<Line>(file)).toEqual([{ seq: 1, text: 'a' }]);
  });

  test('the xlsx store keeps writes acknowledged after a torn tail across a crash', async () => {
    const file = path.join(dir, 'crm.xlsx');
    await createXlsxWorkbook(file, { locale: 'pl' });
    // A crash in the middle of the first append after a fold leaves exactly this.
    appendFileSync(journalPathOf(file), TORN);

    const store = await openXlsxStore(file, { foldAfterIdleMs: 3_600_000 });
    await store.append('clients', [{ id: 'po-awarii', name: 'Firma', type: 'company', status: 'lead' }]);
    // The disk as a kill -9 would leave it: the .xlsx and its journal, copied before any fold.
    const crashed = path.join(dir, 'crashed');
    const copy = path.join(crashed, 'crm.xlsx');
    mkdirSync(crashed);
    copyFileSync(file, copy);
    copyFileSync(journalPathOf(file), journalPathOf(copy));
    await store.close();

    const reopened = await openXlsxStore(copy, { readOnly: true });
    const ids = (await reopened.readAll()).tables.clients.map((c) => c.id);
    await reopened.close();
    expect(ids).toEqual(['po-awarii']);
  });
});
