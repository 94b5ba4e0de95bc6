import type { Bilingual } from '../core/i18n';
import { countOf, type CountForms } from '../core/plural';

const ROWS: CountForms = { pl: ['wiersz', 'wiersze', 'wierszy'], en: ['row', 'rows'] };

/**
 * Every text the command line prints, in Polish and English, written once here.
 * Failures the store reports come as `RelacjeError`s and carry their own texts.
 */
export interface CliMessageParams {
  usage: Record<string, never>;
  helpHint: Record<string, never>;
  unknownCommand: { command: string };
  unknownOption: { option: string; command: string };
  missingOptionValue: { option: string };
  badOptionValue: { option: string; value: string; allowed: string };
  tooManyArguments: { command: string; extra: string };
  fileExists: { file: string };
  folderMissing: { file: string; folder: string };
  created: { file: string; locale: string };
  createdDemo: { file: string; locale: string; rows: number };
  upgraded: { file: string; from: number; to: number };
  generated: { file: string; rows: number };
  validOk: { file: string };
  problemsFound: { file: string; count: number };
  recordProblem: { sheet: string; row: number; issues: string };
  danglingReference: { sheet: string; row: number; column: string; value: string; target: string };
  repairNotNeeded: { file: string };
  repaired: { file: string; changes: number };
  repairRemaining: { count: number };
  statsWorkbook: { file: string };
  statsMeta: { version: number; locale: string };
  statsTableColumn: Record<string, never>;
  statsRowsColumn: Record<string, never>;
  statsTotal: { rows: number };
  statsPending: { entries: number };
  serving: { url: string; file: string };
  stopping: Record<string, never>;
  unexpected: { detail: string };
}

export type CliMessageKey = keyof CliMessageParams;

type Texts = { [K in CliMessageKey]: (p: CliMessageParams[K]) => Bilingual };

const USAGE_PL = `Relacje — CRM w skoroszycie Excela

Użycie: relacje <polecenie> [plik] [opcje]

Polecenia:
  init [plik]      tworzy nowy skoroszyt klientów
      --demo           wypełnia go przykładowymi danymi polskiej firmy
      --locale pl|en   język nagłówków i list w skoroszycie (domyślnie pl)
      --force          nadpisuje istniejący plik
  validate [plik]  sprawdza skoroszyt i wypisuje wszystkie problemy
  repair [plik]    odtwarza brakujące tabele i kolumny, naprawia definicje tabel; nie usuwa danych
  stats [plik]     liczba wierszy w tabelach, wersja schematu, język
  serve [plik]     uruchamia lokalny serwer skoroszytu i okienek dodatku
      --port N         port (domyślnie 3000)

Opcje ogólne:
  --lang pl|en     język komunikatów (domyślnie według zmiennej LANG)
  --help, -h       ta pomoc

Plik domyślny: relacje.xlsx w bieżącym katalogu albo zmienna RELACJE_WORKBOOK.
Kody wyjścia: 0 — sukces, 1 — problem z plikiem lub danymi, 2 — błędne wywołanie.`;

const USAGE_EN = `Relacje — a CRM in an Excel workbook

Usage: relacje <command> [file] [options]

Commands:
  init [file]      creates a new client workbook
      --demo           fills it with a sample data set of a Polish firm
      --locale pl|en   language of the workbook's headers and lists (default pl)
      --force          overwrites an existing file
  validate [file]  checks the workbook and lists every problem
  repair [file]    restores missing tables and columns, fixes table definitions; never deletes data
  stats [file]     row counts per table, schema version, language
  serve [file]     starts the local workbook server and the add-in panes
      --port N         port (default 3000)

General options:
  --lang pl|en     language of messages (default from the LANG variable)
  --help, -h       this help

Default file: relacje.xlsx in the current folder, or the RELACJE_WORKBOOK variable.
Exit codes: 0 success, 1 a problem with the file or the data, 2 wrong usage.`;

const CLI_TEXTS: Texts = {
  usage: () => ({ pl: USAGE_PL, en: USAGE_EN }),
  helpHint: () => ({ pl: 'Pomoc: relacje --help', en: 'Help: relacje --help' }),
  unknownCommand: (p) => ({
    pl: `Nieznane polecenie „${p.command}”. Dostępne: init, validate, repair, stats, serve (relacje --help).`,
    en: `Unknown command "${p.command}". Available: init, validate, repair, stats, serve (relacje --help).`,
  }),
  unknownOption: (p) => ({
    pl: `Polecenie ${p.command} nie zna opcji ${p.option}. Zobacz relacje --help.`,
    en: `The command ${p.command} has no option ${p.option}. See relacje --help.`,
  }),
  missingOptionValue: (p) => ({
    pl: `Opcja ${p.option} wymaga wartości, np. ${p.option} pl.`,
    en: `The option ${p.option} needs a value, e.g. ${p.option} en.`,
  }),
  badOptionValue: (p) => ({
    pl: `Niepoprawna wartość opcji ${p.option}: „${p.value}”. Dozwolone: ${p.allowed}.`,
    en: `Invalid value for ${p.option}: "${p.value}". Allowed: ${p.allowed}.`,
  }),
  tooManyArguments: (p) => ({
    pl: `Polecenie ${p.command} przyjmuje jeden plik; nadmiarowe argumenty: ${p.extra}.`,
    en: `The command ${p.command} takes one file; extra arguments: ${p.extra}.`,
  }),
  fileExists: (p) => ({
    pl: `Plik ${p.file} już istnieje — nie nadpisano go. Wskaż inną nazwę albo dodaj --force, aby go zastąpić.`,
    en: `The file ${p.file} already exists and was not overwritten. Choose another name or add --force to replace it.`,
  }),
  folderMissing: (p) => ({
    pl: `Nie można utworzyć ${p.file}: katalog ${p.folder} nie istnieje. Utwórz go albo wskaż inną ścieżkę.`,
    en: `Cannot create ${p.file}: the folder ${p.folder} does not exist. Create it or choose another path.`,
  }),
  created: (p) => ({
    pl: `Utworzono pusty skoroszyt ${p.file} (język: ${p.locale}).`,
    en: `Created an empty workbook ${p.file} (language: ${p.locale}).`,
  }),
  createdDemo: (p) => ({
    pl: `Utworzono skoroszyt ${p.file} (język: ${p.locale}) z danymi przykładowymi: ${countOf('pl', p.rows, ROWS)}.`,
    en: `Created the workbook ${p.file} (language: ${p.locale}) with sample data: ${countOf('en', p.rows, ROWS)}.`,
  }),
  upgraded: (p) => ({
    pl: `Uzupełniono skoroszyt ${p.file} o tabele i kolumny nowej wersji Relacji (schemat ${p.from} → ${p.to}); dane pozostały bez zmian.`,
    en: `Completed the workbook ${p.file} with the tables and columns of the new Relacje (schema ${p.from} → ${p.to}); its data is unchanged.`,
  }),
  generated: (p) => ({
    pl: `Wygenerowano ${p.file}: ${countOf('pl', p.rows, ROWS)}.`,
    en: `Generated ${p.file}: ${countOf('en', p.rows, ROWS)}.`,
  }),
  validOk: (p) => ({
    pl: `Skoroszyt ${p.file} jest poprawny.`,
    en: `The workbook ${p.file} is valid.`,
  }),
  problemsFound: (p) => ({
    pl: `W skoroszycie ${p.file} znaleziono problemy: ${p.count}. Brakujące tabele i kolumny, wiersze pod tabelą i niezgodne definicje tabel naprawi „relacje repair”.`,
    en: `Problems found in ${p.file}: ${p.count}. Missing tables and columns, rows below a table and table definitions that do not fit can be fixed with "relacje repair".`,
  }),
  recordProblem: (p) => ({
    pl: `Arkusz „${p.sheet}”, wiersz ${p.row}: ${p.issues}. Popraw komórkę w Excelu.`,
    en: `Sheet "${p.sheet}", row ${p.row}: ${p.issues}. Correct the cell in Excel.`,
  }),
  danglingReference: (p) => ({
    pl: `Arkusz „${p.sheet}”, wiersz ${p.row}, kolumna „${p.column}”: nie ma wiersza o ID „${p.value}” w arkuszu „${p.target}”. Wpisz istniejący identyfikator albo wyczyść komórkę.`,
    en: `Sheet "${p.sheet}", row ${p.row}, column "${p.column}": there is no row with the ID "${p.value}" on the sheet "${p.target}". Enter an existing ID or clear the cell.`,
  }),
  repairNotNeeded: (p) => ({
    pl: `Skoroszyt ${p.file} nie wymagał naprawy.`,
    en: `The workbook ${p.file} needed no repair.`,
  }),
  repaired: (p) => ({
    pl: `Naprawiono skoroszyt ${p.file} (zmiany: ${p.changes}); żadne dane nie zostały usunięte.`,
    en: `Repaired the workbook ${p.file} (changes: ${p.changes}); no data was deleted.`,
  }),
  repairRemaining: (p) => ({
    pl: `Do poprawienia ręcznie zostało: ${p.count}. Popraw to w Excelu i uruchom „relacje validate”.`,
    en: `Left to correct by hand: ${p.count}. Correct it in Excel and run "relacje validate".`,
  }),
  statsWorkbook: (p) => ({ pl: `Skoroszyt: ${p.file}`, en: `Workbook: ${p.file}` }),
  statsMeta: (p) => ({
    pl: `Wersja schematu: ${p.version}, język skoroszytu: ${p.locale}`,
    en: `Schema version: ${p.version}, workbook language: ${p.locale}`,
  }),
  statsTableColumn: () => ({ pl: 'Tabela', en: 'Table' }),
  statsRowsColumn: () => ({ pl: 'Wiersze', en: 'Rows' }),
  statsTotal: (p) => ({ pl: `Razem wierszy: ${p.rows}`, en: `Total rows: ${p.rows}` }),
  statsPending: (p) => ({
    pl: `Zmiany w dzienniku, jeszcze niezapisane w .xlsx: ${p.entries}`,
    en: `Changes in the journal not yet folded into the .xlsx: ${p.entries}`,
  }),
  serving: (p) => ({
    pl: `Relacje działa pod adresem ${p.url} (skoroszyt: ${p.file}). Ctrl+C kończy pracę.`,
    en: `Relacje is running at ${p.url} (workbook: ${p.file}). Press Ctrl+C to stop.`,
  }),
  stopping: () => ({
    pl: 'Zatrzymywanie — zapisywanie skoroszytu…',
    en: 'Stopping; saving the workbook…',
  }),
  unexpected: (p) => ({
    pl: `Nieoczekiwany błąd: ${p.detail}. Zgłoś go, dołączając wynik uruchomienia z RELACJE_DEBUG=1.`,
    en: `Unexpected error: ${p.detail}. Please report it with the output of a run with RELACJE_DEBUG=1.`,
  }),
};

export function cliMessage<K extends CliMessageKey>(key: K, params: CliMessageParams[K]): Bilingual {
  return (CLI_TEXTS[key] as (p: CliMessageParams[K]) => Bilingual)(params);
}
