import type { Bilingual, Locale } from '../../core/i18n';

/** Texts of the Excel and Word panes' own screens: choosing and opening the workbook. */
export const OFFICE_PANE_TEXTS = {
  chooseTitle: { pl: 'Gdzie jest baza klientów?', en: 'Where is the client base?' },
  thisWorkbook: { pl: 'W tym skoroszycie', en: 'In this workbook' },
  thisWorkbookHint: {
    pl: 'Tabele Relacji w pliku otwartym teraz w Excelu.',
    en: 'The Relacje tables in the file now open in Excel.',
  },
  sharedWorkbook: { pl: 'We wspólnym skoroszycie w SharePoint', en: 'In the shared workbook in SharePoint' },
  sharedWorkbookHint: {
    pl: 'Skoroszyt zespołu w SharePoint lub OneDrive; wymaga zalogowania do Microsoft 365.',
    en: "The team's workbook in SharePoint or OneDrive; needs a Microsoft 365 sign-in.",
  },
  open: { pl: 'Otwórz', en: 'Open' },
  opening: { pl: 'Otwieranie skoroszytu…', en: 'Opening the workbook…' },
  openFailed: { pl: 'Nie udało się otworzyć skoroszytu', en: 'Could not open the workbook' },
  changeWorkbook: { pl: 'Zmień skoroszyt', en: 'Change workbook' },
  notRemembered: {
    pl: 'Nie udało się zapamiętać wyboru w tym dokumencie — przy następnym otwarciu Relacje zapytają ponownie.',
    en: 'Could not remember the choice in this document; Relacje will ask again next time.',
  },
  notExcel: {
    pl: 'Dostępne tylko w Excelu.',
    en: 'Available in Excel only.',
  },
  excelTooOld: {
    pl: 'Ta wersja Excela nie ma interfejsu ExcelApi 1.6, którego Relacje potrzebują do pracy na otwartym skoroszycie. Zaktualizuj Microsoft 365 albo użyj wspólnego skoroszytu w SharePoint.',
    en: 'This version of Excel lacks ExcelApi 1.6, which Relacje needs to work on the open workbook. Update Microsoft 365 or use the shared workbook in SharePoint.',
  },
  notConfigured: {
    pl: 'Wspólny skoroszyt nie jest skonfigurowany. Administrator podaje jego położenie oraz rejestrację aplikacji w pliku relacje.config.json obok panelu (zob. docs/DEPLOY.md).',
    en: 'The shared workbook is not configured. An administrator gives its location and the app registration in relacje.config.json beside the pane (see docs/DEPLOY.md).',
  },
  nothingToOpen: {
    pl: 'Żadnego skoroszytu nie można tu otworzyć — powody podano przy każdej możliwości.',
    en: 'No workbook can be opened here; the reason is given with each option.',
  },
  startFailed: {
    pl: 'Relacje nie mogą się uruchomić w tym panelu',
    en: 'Relacje cannot start in this pane',
  },
} satisfies Record<string, Bilingual>;

export type OfficePaneTextKey = keyof typeof OFFICE_PANE_TEXTS;

export function officePaneText(locale: Locale, key: OfficePaneTextKey): string {
  return OFFICE_PANE_TEXTS[key][locale];
}
