import type { Bilingual } from '../i18n';

/** Every text of the import domain people see, in both languages, written once. */
export const IMPORT_TEXTS = {
  duplicateNipInFile: (nip: string, firstRow: number, firstName: string): Bilingual => ({
    pl: `NIP „${nip}”: ten sam NIP jest już w wierszu ${firstRow} pliku pod inną nazwą („${firstName}”) — popraw NIP albo nazwę firmy`,
    en: `NIP "${nip}": the same NIP is already in row ${firstRow} of the file under another name ("${firstName}"); correct the NIP or the company name`,
  }),
  fieldMappedTwice: (field: Bilingual, headers: readonly string[]): Bilingual => ({
    pl: `Pole „${field.pl}” wskazano dla kilku kolumn (${headers.join(', ')}) — wybierz jedną`,
    en: `The field "${field.en}" is chosen for several columns (${headers.join(', ')}); choose one`,
  }),
  noNameColumn: {
    pl: 'Żadna kolumna nie daje nazwy klienta — wskaż kolumnę z nazwą firmy albo z imieniem i nazwiskiem',
    en: "No column gives the client's name; choose the column with the company name, or first and last name",
  },
  unknownField: (id: string): Bilingual => ({
    pl: `Nieznane pole importu „${id}”`,
    en: `Unknown import field "${id}"`,
  }),
  listValueRead: (field: Bilingual, typed: string, label: Bilingual): Bilingual => ({
    pl: `${field.pl} „${typed}” odczytano jako „${label.pl}”`,
    en: `${field.en} "${typed}" read as "${label.en}"`,
  }),
  allowedValues: (labels: Bilingual): Bilingual => ({
    pl: `dozwolone: ${labels.pl}`,
    en: `allowed: ${labels.en}`,
  }),
  krsFromNumberCell: (typed: string, krs: string): Bilingual => ({
    pl: `KRS „${typed}” był w arkuszu liczbą, a Excel usuwa z liczb zera z przodu — zapisany jako ${krs}; sprawdź go w rejestrze`,
    en: `KRS "${typed}" was a number in the sheet, and Excel drops a number's leading zeros; saved as ${krs}, check it in the register`,
  }),
  reportRowHeader: { pl: 'Wiersz', en: 'Row' },
  reportReasonsHeader: { pl: 'Powody odrzucenia', en: 'Reasons for rejection' },
} satisfies Record<string, Bilingual | ((...args: never[]) => Bilingual)>;
