import { paneLocale, paneThemeKind, officeThemeOf } from '../../src/hosts/office/pane-context';
import { readPaneContext, type OfficeContextLike } from '../../src/hosts/office/read-pane-context';
import { EXCEL_WORKBOOK_API, supportsSet } from '../../src/hosts/office/requirements';
import { documentSettings, officeContextMock, supportedSets } from './office-context-mock';

const DARK_GRAY = {
  bodyBackgroundColor: '#444444',
  bodyForegroundColor: '#ffffff',
  controlBackgroundColor: '#262626',
  controlForegroundColor: '#ffffff',
};

describe('the pane language from Office.context.displayLanguage', () => {
  it.each([
    ['pl-PL', 'pl'],
    ['PL-pl', 'pl'],
    ['pl', 'pl'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['de-DE', 'en'],
    ['uk-UA', 'en'],
  ])('%s → %s', (displayLanguage, locale) => {
    expect(paneLocale(officeContextMock({ displayLanguage }))).toBe(locale);
  });

  it('is Polish when Office gives no language', () => {
    expect(paneLocale(officeContextMock({ displayLanguage: '' }))).toBe('pl');
  });
});

describe('the pane theme from Office.context.officeTheme', () => {
  it('follows isDarkTheme where the host reports it, whatever the colours say', () => {
    const dark = officeContextMock<OfficeContextLike>({ officeTheme: { ...DARK_GRAY, isDarkTheme: true } });
    const light = officeContextMock<OfficeContextLike>({ officeTheme: { ...DARK_GRAY, isDarkTheme: false } });
    expect(paneThemeKind(officeThemeOf(dark))).toBe('dark');
    expect(paneThemeKind(officeThemeOf(light))).toBe('light');
  });

  it('reads the body background where the host gives only colours', () => {
    expect(paneThemeKind({ bodyBackgroundColor: '#262626' })).toBe('dark');
    expect(paneThemeKind({ bodyBackgroundColor: '#444444' })).toBe('dark');
    expect(paneThemeKind({ bodyBackgroundColor: '#ffffff' })).toBe('light');
    expect(paneThemeKind({ bodyBackgroundColor: '#E6E6E6' })).toBe('light');
  });

  it('is light when Office says nothing usable, or reading the theme throws', () => {
    expect(paneThemeKind(undefined)).toBe('light');
    expect(paneThemeKind({ bodyBackgroundColor: 'black' })).toBe('light');
    const throwing = {
      get officeTheme(): Office.OfficeTheme {
        throw new Error('officeTheme is not supported here');
      },
    };
    expect(officeThemeOf(throwing)).toBeUndefined();
  });
});

describe('requirement sets', () => {
  it('asks the host for ExcelApi 1.6 for the open workbook', () => {
    const asked: string[] = [];
    const requirements = {
      isSetSupported: (name: string, version?: string) => {
        asked.push(`${name} ${version}`);
        return true;
      },
    };
    expect(supportsSet(requirements, EXCEL_WORKBOOK_API)).toBe(true);
    expect(asked).toEqual(['ExcelApi 1.6']);
  });

  it('counts a host that has only an older set, that throws, or cannot be asked as not supporting it', () => {
    expect(supportsSet({ isSetSupported: supportedSets({ ExcelApi: '1.5' }) }, EXCEL_WORKBOOK_API)).toBe(
      false,
    );
    expect(supportsSet({ isSetSupported: supportedSets({ ExcelApi: '1.17' }) }, EXCEL_WORKBOOK_API)).toBe(
      true,
    );
    const throwing = {
      isSetSupported: (): boolean => {
        throw new Error('not ready');
      },
    };
    expect(supportsSet(throwing, EXCEL_WORKBOOK_API)).toBe(false);
    expect(supportsSet(undefined, EXCEL_WORKBOOK_API)).toBe(false);
  });
});

describe('readPaneContext: what the pane takes from Office when it starts', () => {
  it('reads the language, theme, API support and the choice saved in the document', () => {
    const settings = documentSettings({ 'relacje.store': 'sharedWorkbook' });
    const context = officeContextMock<OfficeContextLike>({
      displayLanguage: 'en-US',
      officeTheme: { ...DARK_GRAY, isDarkTheme: true },
      requirements: { isSetSupported: supportedSets({ ExcelApi: '1.9', NestedAppAuth: '1.1' }) },
      document: { settings: settings.seed },
    });
    expect(readPaneContext(context)).toEqual({
      locale: 'en',
      themeKind: 'dark',
      workbookApiSupported: true,
      nestedAppAuthSupported: true,
      rememberedChoice: 'sharedWorkbook',
    });
  });

  it('gives Word (no ExcelApi, no settings saved, no brokered sign-in) the defaults', () => {
    const context = officeContextMock<OfficeContextLike>({
      displayLanguage: 'pl-PL',
      officeTheme: { bodyBackgroundColor: '#ffffff', isDarkTheme: false },
      requirements: { isSetSupported: supportedSets({ WordApi: '1.5' }) },
      document: { settings: documentSettings().seed },
    });
    expect(readPaneContext(context)).toEqual({
      locale: 'pl',
      themeKind: 'light',
      workbookApiSupported: false,
      nestedAppAuthSupported: false,
      rememberedChoice: null,
    });
  });
});
