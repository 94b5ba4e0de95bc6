import fc from 'fast-check';
import { isoDays, isoInstants, PROPERTY_SEED as SEED } from './arbitraries';
import {
  createCellContext,
  decodeCell,
  encodeCell,
  isIsoTimestamp,
  isoDateToSerial,
  parseTypedDate,
  parseTypedNumber,
  serialToIsoDate,
} from '../../src/core/cells';
import { CURRENT_SCHEMA, tableByKey } from '../../src/core/schema';
import type { ColumnSchema } from '../../src/core/schema';

const pl = createCellContext(CURRENT_SCHEMA, 'pl');
const en = createCellContext(CURRENT_SCHEMA, 'en');
const column = (table: string, key: string): ColumnSchema =>
  tableByKey(CURRENT_SCHEMA, table).columns.find((c) => c.key === key)!;

describe('cell codec', () => {
  test('enumerations are written as labels in the workbook language and read back from either', () => {
    const status = column('clients', 'status');
    expect(encodeCell(status, 'active', pl)).toBe('Aktywny');
    expect(encodeCell(status, 'active', en)).toBe('Active');
    expect(decodeCell(status, 'Aktywny', en)).toEqual({ ok: true, value: 'active' });
    expect(decodeCell(status, '  active ', pl)).toEqual({ ok: true, value: 'active' });
    expect(decodeCell(status, 'Zawieszony', pl)).toMatchObject({ ok: false });
  });

  test('dates are serial numbers in cells; 1900-03-01 is serial 61 as in Excel', () => {
    expect(isoDateToSerial('1900-03-01')).toBe(61);
    expect(isoDateToSerial('2026-11-22')).toBe(46348);
    expect(serialToIsoDate(46348.75)).toBe('2026-11-22');
    const date = column('opportunities', 'expectedClose');
    expect(decodeCell(date, '22.11.2026', pl)).toEqual({ ok: true, value: '2026-11-22' });
    expect(decodeCell(date, new Date(Date.UTC(2026, 10, 22)), pl)).toEqual({ ok: true, value: '2026-11-22' });
  });

  test('money is grosze inside and złote in cells; float noise from a formula is rounded away', () => {
    const value = column('opportunities', 'value');
    expect(encodeCell(value, 123456, pl)).toBe(1234.56);
    expect(decodeCell(value, 0.1 + 0.2, pl)).toEqual({ ok: true, value: 30 });
    expect(decodeCell(value, '1 234,56 zł', pl)).toEqual({ ok: true, value: 123456 });
    expect(decodeCell(value, 'sto złotych', pl)).toMatchObject({
      ok: false,
      expected: { pl: 'kwota w złotych, np. 1 234,56' },
    });
  });

  test('a cell of the wrong type says what was expected in both languages', () => {
    const probability = column('opportunities', 'probability');
    expect(decodeCell(probability, 140, pl)).toEqual({
      ok: false,
      expected: { pl: 'procent jako liczba całkowita 0–100', en: 'a whole percent 0–100' },
    });
    expect(decodeCell(probability, '40 %', pl)).toEqual({ ok: true, value: 40 });
  });

  test('every field value of every column survives encode → decode', () => {
    const columns = CURRENT_SCHEMA.tables.flatMap((t) => t.columns);
    const valueFor = (c: ColumnSchema): fc.Arbitrary<unknown> => {
      switch (c.type) {
        case 'money':
          return fc.integer({ min: -1e13, max: 1e13 });
        case 'integer':
          return fc.integer();
        case 'number':
          return fc.double({ noNaN: true, noDefaultInfinity: true });
        case 'percent':
          return fc.integer({ min: 0, max: 100 });
        case 'boolean':
          return fc.boolean();
        case 'date':
          return isoDays('1900-03-01', '9999-12-31');
        case 'datetime':
          return isoInstants('1900-03-01', '9999-12-31');
        case 'enum':
          return fc.constantFrom(
            ...CURRENT_SCHEMA.enums.find((e) => e.key === c.enumKey)!.values.map((v) => v.key),
          );
        default:
          return fc.string({ minLength: 1 });
      }
    };
    fc.assert(
      fc.property(
        fc
          .constantFrom(...columns)
          .chain((c) => fc.tuple(fc.constant(c), valueFor(c), fc.constantFrom(pl, en))),
        ([c, value, ctx]) => {
          const decoded = decodeCell(c, encodeCell(c, value as never, ctx), ctx);
          expect(decoded).toEqual({ ok: true, value: Object.is(value, -0) ? 0 : value });
        },
      ),
      { seed: SEED, numRuns: 3000 },
    );
  });

  test.each([
    ['1 234,56', 1234.56],
    ['1,234.56', 1234.56],
    ['1.234.567', 1234567],
    ['1.234', 1.234],
    ['-0,5', -0.5],
  ])('%j typed is %d', (text, number) => expect(parseTypedNumber(text)).toBe(number));
});

describe('ISO timestamps', () => {
  it.each([
    ['2024-02-29T10:00:00Z', true],
    ['2023-02-29T10:00:00Z', false],
    ['2000-02-29T00:00:00.123Z', true],
    ['1900-02-29T00:00:00Z', false],
    ['2024-11-31T10:00:00+01:00', false],
    ['2024-12-31T23:59:59-05:00', true],
    ['2024-00-10T10:00:00Z', false],
    ['2024-05-00T10:00:00Z', false],
    ['1899-12-31T10:00:00Z', false],
    ['2024-05-01T24:00:00Z', false],
    ['2024-05-01T10:00:00', false],
  ])('%s is a timestamp: %s', (text, valid) => expect(isIsoTimestamp(text)).toBe(valid));

  it('takes exactly the days a typed date takes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1890, max: 2500 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const day = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(isIsoTimestamp(`${day}T08:30:00Z`)).toBe(parseTypedDate(day) !== undefined);
        },
      ),
      { seed: SEED },
    );
  });
});
