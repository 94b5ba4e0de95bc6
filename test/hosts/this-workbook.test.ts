import { workbookNameFromUrl } from '../../src/hosts/excel/this-workbook';

describe('the open workbook’s name, from Office.context.document.url', () => {
  it('takes the file name from SharePoint, OneDrive and local addresses', () => {
    expect(
      workbookNameFromUrl(
        'https://firma.sharepoint.com/sites/Sprzedaz/Shared%20Documents/Klienci%202026.xlsx',
      ),
    ).toBe('Klienci 2026.xlsx');
    expect(workbookNameFromUrl('https://d.docs.live.net/1a2b/Relacje/klienci.xlsx?web=1')).toBe(
      'klienci.xlsx',
    );
    expect(workbookNameFromUrl('C:\\Users\\anna\\Documents\\Zażółć.xlsx')).toBe('Zażółć.xlsx');
  });

  it('keeps a name that is not valid percent-encoding as it is, and gives none for an unsaved workbook', () => {
    expect(workbookNameFromUrl('https://example.com/100%.xlsx')).toBe('100%.xlsx');
    expect(workbookNameFromUrl('')).toBeUndefined();
    expect(workbookNameFromUrl(null)).toBeUndefined();
  });
});
