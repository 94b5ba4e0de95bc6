import { buildImportRows, type ColumnMapping } from '../../../src/core/import';
import { listLabels, listValueKey } from '../../../src/core/import/list-values';

describe('listValueKey: a list value as a spreadsheet writes it', () => {
  test.each([
    ['gdprLegalBasis', 'zgoda', 'consent'],
    ['gdprLegalBasis', 'ZGODA', 'consent'],
    ['gdprLegalBasis', 'Umowa', 'contract'],
    ['gdprLegalBasis', 'obowiązek prawny', 'legalObligation'],
    ['gdprLegalBasis', 'obowiazek prawny', 'legalObligation'],
    ['gdprLegalBasis', 'Uzasadniony interes', 'legitimateInterest'],
    ['gdprLegalBasis', 'legitimate interest', 'legitimateInterest'],
    ['clientSource', 'www', 'website'],
    ['clientSource', 'Strona', 'website'],
    ['clientSource', 'strona-www', 'website'],
    ['clientSource', 'polecenie', 'referral'],
    ['clientSource', 'Z polecenia', 'referral'],
    ['clientSource', 'targi', 'fair'],
    ['clientSource', 'Trade fair', 'fair'],
    ['clientSource', 'LinkedIn', 'socialMedia'],
    ['clientSource', 'przetarg', 'tender'],
    ['clientType', 'spółka', 'company'],
    ['clientType', 'osoba fizyczna', 'person'],
    ['clientType', 'Urząd', 'institution'],
    ['clientStatus', 'aktywny', 'active'],
    ['clientStatus', 'Były klient', 'inactive'],
  ])('%s: "%s" is %s', (list, text, key) => expect(listValueKey(list, text)).toBe(key));

  test.each([
    ['clientSource', 'gazeta'],
    ['gdprLegalBasis', 'bo tak'],
    ['clientType', ''],
  ])('%s: "%s" fits no value', (list, text) => expect(listValueKey(list, text)).toBeUndefined());

  test('the labels of a list, in both languages', () => {
    expect(listLabels('clientType')).toEqual({
      pl: 'Firma, Instytucja, Osoba prywatna',
      en: 'Company, Institution, Private person',
    });
  });
});

describe('an import row with list values and a KRS', () => {
  const mapping: ColumnMapping = [
    'clients.name',
    'clients.source',
    'clients.krs',
    'people.firstName',
    'people.lastName',
    'people.legalBasis',
  ];

  test('natural words become the list keys, and the row says how they were read', () => {
    const { valid, rejected } = buildImportRows(
      [['Żuraw sp. z o.o.', 'www', '0000123456', 'Jan', 'Nowak', 'zgoda']],
      mapping,
    );
    expect(rejected).toEqual([]);
    expect(valid[0].client).toMatchObject({ source: 'website', krs: '0000123456' });
    expect(valid[0].person).toMatchObject({ legalBasis: 'consent' });
    expect(valid[0].notes.map((note) => note.pl)).toEqual([
      'Źródło „www” odczytano jako „Strona WWW”',
      'Podstawa prawna (RODO) „zgoda” odczytano jako „Zgoda (art. 6 ust. 1 lit. a)”',
    ]);
  });

  test('a label as the workbook writes it is taken without a note', () => {
    const { valid } = buildImportRows(
      [['Żuraw', 'Strona WWW', '', 'Jan', 'Nowak', 'Umowa (art. 6 ust. 1 lit. b)']],
      mapping,
    );
    expect(valid[0].client.source).toBe('website');
    expect(valid[0].person?.legalBasis).toBe('contract');
    expect(valid[0].notes).toEqual([]);
  });

  test('a value still not in the list is rejected with the labels the list allows', () => {
    const { rejected } = buildImportRows([['Żuraw', 'gazeta', '', 'Jan', 'Nowak', 'bo tak']], mapping);
    expect(rejected[0].reasons.map((reason) => reason.pl)).toEqual([
      'Źródło „gazeta”: wartość spoza listy (dozwolone: Strona WWW, Media społecznościowe, Portal ofertowy, Przetarg, Targi, Konferencja, Kampania, Polecenie, Sieć partnerska, E-mail, Telefon, Import, Inne)',
      'Podstawa prawna (RODO) „bo tak”: wartość spoza listy (dozwolone: Zgoda (art. 6 ust. 1 lit. a), Umowa (art. 6 ust. 1 lit. b), Obowiązek prawny (art. 6 ust. 1 lit. c), Uzasadniony interes (art. 6 ust. 1 lit. f))',
    ]);
    expect(rejected[0].reasons[0].en).toMatch(
      /^Source "gazeta": the value is not in the list \(allowed: Website, Social media, /,
    );
  });

  test('a short KRS typed as text is rejected, saying it has 10 digits', () => {
    const { valid, rejected } = buildImportRows([['Żuraw', '', '123', '', '', '']], mapping);
    expect(valid).toEqual([]);
    expect(rejected[0].reasons.map((reason) => reason.pl)).toEqual([
      'KRS „123”: numer KRS ma 10 cyfr — wpisz go w całości, z zerami na początku, np. 0000123456',
    ]);
  });

  test('a KRS from a spreadsheet cell that held a number gets its dropped zeros back, and says so', () => {
    const { valid, rejected } = buildImportRows([['Żuraw', '', '123456', '', '', '']], mapping, {
      isNumberCell: (rowNumber, column) => rowNumber === 2 && column === 2,
    });
    expect(rejected).toEqual([]);
    expect(valid[0].client.krs).toBe('0000123456');
    expect(valid[0].notes.map((note) => note.pl)).toEqual([
      'KRS „123456” był w arkuszu liczbą, a Excel usuwa z liczb zera z przodu — zapisany jako 0000123456; sprawdź go w rejestrze',
    ]);
  });
});
