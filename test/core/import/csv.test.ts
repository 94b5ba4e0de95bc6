import { decodeText, detectDelimiter, parseCsv, writeCsv } from '../../../src/core/import';
import { importFixture } from './fixture-files';

describe('detectDelimiter', () => {
  it('finds the semicolon of Polish Excel even with decimal commas in the values', () => {
    expect(detectDelimiter('Nazwa;Kwota;Miasto\nŻak;1 234,56;Łódź\nBud;99,90;Gdańsk\n')).toBe(';');
  });

  it('finds a comma when semicolons appear only inside quotes', () => {
    expect(detectDelimiter('Company,Notes\n"ACME","a; b; c"\n"Beta","x;y"\n')).toBe(',');
  });

  it('finds a tab', () => {
    expect(detectDelimiter('Firma\tNIP\tMiasto\nA, B i C\t7251009864\tŁódź\n')).toBe('\t');
  });

  it('is not misled by a line break inside quotes', () => {
    expect(detectDelimiter('a;b;c\n"1,\n2,3";x;y\n4;5;6\n')).toBe(';');
  });

  it.each([
    ['clients-windows-1250.csv', ';'],
    ['clients-comma.csv', ','],
    ['clients-tab-utf16le.txt', '\t'],
    ['outlook-contacts-en.csv', ','],
  ] as const)('finds the delimiter of the fixture %s', (file, delimiter) => {
    expect(detectDelimiter(decodeText(importFixture(file)).text)).toBe(delimiter);
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    const text = 'a;b;c\r\n"x;y";"say ""hi""";"line 1\r\nline 2"\r\n';
    expect(parseCsv(text, ';')).toEqual([
      ['a', 'b', 'c'],
      ['x;y', 'say "hi"', 'line 1\r\nline 2'],
    ]);
  });

  it('accepts LF and CRLF and makes no record of the last line break', () => {
    expect(parseCsv('a,b\n1,2\r\n3,4\n', ',')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseCsv('a,b\n1,2', ',')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps empty fields, at the end of a line too', () => {
    expect(parseCsv(';x;\n;;\n', ';')).toEqual([
      ['', 'x', ''],
      ['', '', ''],
    ]);
  });

  it('keeps a quote inside an unquoted field and runs an unclosed quote to the end', () => {
    expect(parseCsv('5" disk;"open\nrest', ';')).toEqual([['5" disk', 'open\nrest']]);
  });

  it('keeps text after a closing quote and reads an empty line as one empty field', () => {
    expect(parseCsv('"a"b;c\n\nd;', ';')).toEqual([['ab', 'c'], [''], ['d', '']]);
  });

  it('drops a BOM left at the start', () => {
    expect(parseCsv('\ufeffNazwa;NIP\n', ';')).toEqual([['Nazwa', 'NIP']]);
  });

  it('reads the Windows-1250 fixture into rows of equal width', () => {
    const rows = parseCsv(decodeText(importFixture('clients-windows-1250.csv')).text, ';');
    expect(rows).toHaveLength(10);
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([8]));
    expect(rows[2][7]).toBe('Uwaga; średnik w polu');
    expect(rows[9][7]).toBe('Pierwsza linia\r\ndruga linia');
  });
});

describe('writeCsv', () => {
  it('quotes where needed and reads back to the same rows', () => {
    const rows = [
      ['Nazwa', 'Uwagi'],
      ['Żak; Wspólnicy', 'Powiedział "tak"\nna targach'],
      [' spacja ', ''],
    ];
    const text = writeCsv(rows);
    expect(text).toBe('Nazwa;Uwagi\r\n"Żak; Wspólnicy";"Powiedział ""tak""\nna targach"\r\n" spacja ";\r\n');
    expect(parseCsv(text, ';')).toEqual(rows);
  });

  it('neutralises cells that Excel would run as formulas', () => {
    const text = writeCsv([['=HYPERLINK("http://x")', '+48 600', '-5', '@SUM(A1)', 'zwykły']]);
    expect(parseCsv(text, ';')[0]).toEqual([
      '\'=HYPERLINK("http://x")',
      "'+48 600",
      "'-5",
      "'@SUM(A1)",
      'zwykły',
    ]);
  });
});
