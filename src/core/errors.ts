import type { Bilingual, Locale } from './i18n';
import { countForm, countOf, type CountForms } from './plural';

const OPEN_OPPORTUNITIES: CountForms = {
  pl: ['otwarta szansa', 'otwarte szanse', 'otwartych szans'],
  en: ['open opportunity', 'open opportunities'],
};
const STAND: CountForms = { pl: ['jest', 'są', 'jest'], en: ['stands', 'stand'] };

/**
 * Every failure a user can cause, by kind. Each kind's Polish and English text is written
 * once, in `ERROR_TEXTS` below.
 */
export interface ErrorParams {
  /** A record failed validation; `issues` say which field, value and rule. */
  invalidRecord: { table: string; issues: readonly FieldIssue[]; row?: number };
  /** The row was changed by someone else since the caller read it. */
  conflict: { table: string; id: string; expectedVersion: number; actualVersion: number };
  recordNotFound: { table: string; id: string };
  /** Another process holds the workbook open for writing. */
  workbookInUse: { file: string; holder: string };
  notAWorkbook: { file: string; reason: Bilingual };
  workbookNotFound: { file: string };
  missingTable: { table: string; sheet: string };
  missingColumn: { table: string; sheet: string; column: string };
  /**
   * A write to a table or column a newer schema added, in a workbook of an older one that this
   * adapter reads as it is (Graph, Office.js before its upgrade): `column` absent for a whole table.
   */
  upgradeNeeded: { table: string; column?: string; version: number; supported: number };
  duplicateColumn: { table: string; sheet: string; column: string };
  badCell: { sheet: string; column: string; row: number; value: string; expected: Bilingual };
  newerSchema: { file: string; version: number; supported: number };
  duplicateId: { table: string; id: string };
  noPermission: { resource: string };
  throttled: { retryAfterSeconds: number };
  unavailable: { detail: string };
  /** A ZIP package past one of its limits (parts, sizes, compression ratio); `part` is absent for the whole. */
  workbookTooLarge: { file?: string; part?: string; limit: Bilingual | string; actual: string };
  /** A part of the package does not inflate, or inflates to other bytes than its checksum says. */
  damagedPart: { file?: string; part: string; reason: Bilingual };
  /** Cells in the table's columns just below it (rows `first`–`last`): what deleting its last rows once left. */
  ghostRows: { table: string; sheet: string; first: number; last: number };
  /**
   * The table part lists `columns` columns (its `count` says `declared`, when that differs) but its
   * range `ref` is `width` columns wide: Excel offers to repair such a file.
   */
  tableWidthMismatch: {
    table: string;
    sheet: string;
    ref: string;
    columns: number;
    width: number;
    declared?: number;
  };
  /** The header cell `cell` reads `header`, the table part names its column `column`. */
  tableHeaderMismatch: { table: string; sheet: string; cell: string; header: string; column: string };
  /** Our column `column` found under the header `header` the user gave it (repair restores ours). */
  renamedColumn: { table: string; sheet: string; column: string; header: string };
  /** No pipeline of that name in the workbook (tPipelines or tStages). */
  unknownPipeline: { pipeline: string };
  /** The stage is not one of the pipeline's `stages`. */
  unknownStage: { pipeline: string; stage: string; stages: readonly string[] };
  /** A stage's required fields name `name`, which is no field of an opportunity. */
  unknownRequiredField: { pipeline: string; stage: string; name: string };
  /** Entering `stage` needs `fields` (their headers) filled in. */
  missingStageFields: { opportunity: string; stage: string; fields: readonly Bilingual[] };
  /** The opportunity is won or lost; it must be reopened first. */
  opportunityClosed: { opportunity: string; status: Bilingual };
  /** Only a won or lost opportunity can be reopened. */
  opportunityNotClosed: { opportunity: string };
  /** Won needs every offer of the opportunity closed: `open` are the numbers still draft or sent. */
  offersNotClosed: { opportunity: string; open: readonly string[] };
  /** Won needs one accepted offer when the opportunity has offers. */
  noAcceptedOffer: { opportunity: string; offers: readonly string[] };
  /** Lost needs a reason: one of `reasons` when the pipeline lists them. */
  lostReasonRequired: { opportunity: string; reasons: readonly string[] };
  unknownLostReason: { reason: string; reasons: readonly string[] };
  unknownReadyFunnel: { key: string; keys: readonly string[] };
  /** A pipeline of that name is already in the workbook. */
  pipelineExists: { pipeline: string };
  /** A stage cannot be deleted while `count` open opportunities stand in it. */
  stageInUse: { pipeline: string; stage: string; count: number };
}

export type ErrorCode = keyof ErrorParams;

/** One failed rule on one field: which field, what value, which rule, and the text for people. */
export interface FieldIssue {
  field: string;
  value: string;
  rule: string;
  message: Bilingual;
}

type Texts = { [C in ErrorCode]: (p: ErrorParams[C]) => Bilingual };

const issueList = (issues: readonly FieldIssue[], locale: Locale) =>
  issues.map((i) => i.message[locale]).join('; ');

const quotedList = (items: readonly string[], locale: Locale) =>
  items.map((item) => (locale === 'pl' ? `„${item}”` : `"${item}"`)).join(', ');

const ERROR_TEXTS: Texts = {
  invalidRecord: (p) => ({
    pl: `Nie zapisano${p.row ? ` wiersza ${p.row}` : ''} (${p.table}): ${issueList(p.issues, 'pl')}. Popraw dane i spróbuj ponownie.`,
    en: `Not saved${p.row ? `: row ${p.row}` : ''} (${p.table}): ${issueList(p.issues, 'en')}. Correct the data and try again.`,
  }),
  conflict: (p) => ({
    pl: `Rekord ${p.id} w tabeli ${p.table} zmienił ktoś inny (wersja ${p.actualVersion}, a wczytano ${p.expectedVersion}). Odśwież dane i wprowadź zmianę ponownie.`,
    en: `Record ${p.id} in ${p.table} was changed by someone else (version ${p.actualVersion}, you read ${p.expectedVersion}). Refresh and make your change again.`,
  }),
  recordNotFound: (p) => ({
    pl: `Nie ma rekordu ${p.id} w tabeli ${p.table} — mógł zostać usunięty. Odśwież dane.`,
    en: `There is no record ${p.id} in ${p.table}; it may have been deleted. Refresh the data.`,
  }),
  workbookInUse: (p) => ({
    pl: `Skoroszyt ${p.file} jest otwarty do zapisu przez inny proces (${p.holder}). Zamknij go tam albo poczekaj i spróbuj ponownie.`,
    en: `The workbook ${p.file} is open for writing by another process (${p.holder}). Close it there or wait and try again.`,
  }),
  notAWorkbook: (p) => ({
    pl: `Plik ${p.file} nie jest skoroszytem .xlsx (${p.reason.pl}). Wskaż plik zapisany przez Excel jako .xlsx.`,
    en: `The file ${p.file} is not an .xlsx workbook (${p.reason.en}). Choose a file saved by Excel as .xlsx.`,
  }),
  workbookNotFound: (p) => ({
    pl: `Nie znaleziono skoroszytu ${p.file}. Utwórz go poleceniem „relacje init” albo wskaż istniejący plik.`,
    en: `The workbook ${p.file} was not found. Create it with "relacje init" or point to an existing file.`,
  }),
  missingTable: (p) => ({
    pl: `W skoroszycie brakuje tabeli ${p.table} (arkusz „${p.sheet}”). Uruchom „relacje repair”, aby ją odtworzyć.`,
    en: `The workbook has no table ${p.table} (sheet "${p.sheet}"). Run "relacje repair" to restore it.`,
  }),
  missingColumn: (p) => ({
    pl: `W tabeli ${p.table} (arkusz „${p.sheet}”) brakuje kolumny „${p.column}” — może zmieniono jej nagłówek. Przywróć nagłówek albo uruchom „relacje repair”.`,
    en: `The table ${p.table} (sheet "${p.sheet}") has no column "${p.column}"; its header may have been renamed. Restore the header or run "relacje repair".`,
  }),
  upgradeNeeded: (p) => ({
    pl: `Skoroszyt pochodzi z wcześniejszej wersji Relacji (schemat ${p.version}, obecny ${p.supported}) i nie ma jeszcze ${p.column ? `kolumny „${p.column}” w tabeli ${p.table}` : `tabeli ${p.table}`}. Otwórz go raz w Excelu z dodatkiem Relacje — dodatek uzupełni skoroszyt — i spróbuj ponownie. Nic nie zostało zapisane.`,
    en: `The workbook comes from an earlier Relacje (schema ${p.version}, current ${p.supported}) and has no ${p.column ? `column "${p.column}" in the table ${p.table}` : `table ${p.table}`} yet. Open it once in Excel with the Relacje add-in, which completes the workbook, and try again. Nothing was saved.`,
  }),
  duplicateColumn: (p) => ({
    pl: `W tabeli ${p.table} (arkusz „${p.sheet}”) kolumna „${p.column}” występuje dwa razy. Usuń lub przemianuj jedną z nich.`,
    en: `The table ${p.table} (sheet "${p.sheet}") has the column "${p.column}" twice. Remove or rename one of them.`,
  }),
  badCell: (p) => ({
    pl: `Arkusz „${p.sheet}”, kolumna „${p.column}”, wiersz ${p.row}: wartość „${p.value}” — oczekiwano: ${p.expected.pl}. Popraw komórkę w Excelu.`,
    en: `Sheet "${p.sheet}", column "${p.column}", row ${p.row}: the value "${p.value}" is not ${p.expected.en}. Correct the cell in Excel.`,
  }),
  newerSchema: (p) => ({
    pl: `Skoroszyt ${p.file} ma wersję schematu ${p.version}, a ta wersja Relacji obsługuje najwyżej ${p.supported}. Zaktualizuj Relacje.`,
    en: `The workbook ${p.file} has schema version ${p.version}; this Relacje supports up to ${p.supported}. Update Relacje.`,
  }),
  duplicateId: (p) => ({
    pl: `W tabeli ${p.table} jest już inny rekord o identyfikatorze ${p.id}.`,
    en: `The table ${p.table} already has a different record with the id ${p.id}.`,
  }),
  noPermission: (p) => ({
    pl: `Brak uprawnień do skoroszytu (${p.resource}). Poproś właściciela pliku w SharePoint o dostęp do edycji.`,
    en: `No permission to the workbook (${p.resource}). Ask the file's owner in SharePoint for edit access.`,
  }),
  throttled: (p) => ({
    pl: `Serwer jest przeciążony i prosi o ponowienie za ${p.retryAfterSeconds} s. Nic nie zostało utracone — spróbuj za chwilę.`,
    en: `The server is busy and asks to retry in ${p.retryAfterSeconds} s. Nothing was lost; try again in a moment.`,
  }),
  unavailable: (p) => ({
    pl: `Skoroszyt jest chwilowo niedostępny (${p.detail}). Nic nie zostało utracone — spróbuj ponownie.`,
    en: `The workbook is unavailable right now (${p.detail}). Nothing was lost; try again.`,
  }),
  workbookTooLarge: (p) => {
    const limit = typeof p.limit === 'string' ? { pl: p.limit, en: p.limit } : p.limit;
    const file = p.file ? ` ${p.file}` : '';
    return {
      pl: `Skoroszyt${file} jest za duży, by go bezpiecznie otworzyć: ${p.part ? `część ${p.part}` : 'pakiet jako całość'} przekracza limit (${limit.pl}): ${p.actual}. Usuń zbędne arkusze lub obrazy albo podziel dane na kilka skoroszytów; pliku z nieznanego źródła nie otwieraj.`,
      en: `The workbook${file} is too large to open safely: ${p.part ? `its part ${p.part}` : 'the package as a whole'} exceeds the limit (${limit.en}): ${p.actual}. Remove sheets or images you do not need or split the data into several workbooks; do not open a file from an unknown source.`,
    };
  },
  damagedPart: (p) => {
    const file = p.file ? ` ${p.file}` : '';
    return {
      pl: `Skoroszyt${file} jest uszkodzony: nie da się odczytać części ${p.part} (${p.reason.pl}). Otwórz go w Excelu, który zaproponuje naprawę, albo przywróć kopię zapasową.`,
      en: `The workbook${file} is damaged: its part ${p.part} cannot be read (${p.reason.en}). Open it in Excel, which offers to repair it, or restore a backup.`,
    };
  },
  ghostRows: (p) => {
    const one = p.first === p.last;
    return {
      pl: one
        ? `Wiersz ${p.first} pod tabelą ${p.table} na arkuszu „${p.sheet}” zawiera dane, ale nie należy do tabeli — to zwykle pozostałość usuniętego rekordu. Uruchom „relacje repair”: dołączy go do tabeli; potem sprawdź go i usuń, jeśli jest zbędny.`
        : `Wiersze ${p.first}–${p.last} pod tabelą ${p.table} na arkuszu „${p.sheet}” zawierają dane, ale nie należą do tabeli — to zwykle pozostałości usuniętych rekordów. Uruchom „relacje repair”: dołączy je do tabeli; potem sprawdź je i usuń zbędne.`,
      en: one
        ? `Row ${p.first} below the table ${p.table} on the sheet "${p.sheet}" holds data but is not part of the table, usually a leftover of a deleted record. Run "relacje repair": it takes the row into the table; then check it and delete it if you do not need it.`
        : `Rows ${p.first}–${p.last} below the table ${p.table} on the sheet "${p.sheet}" hold data but are not part of the table, usually leftovers of deleted records. Run "relacje repair": it takes them into the table; then check them and delete those you do not need.`,
    };
  },
  tableWidthMismatch: (p) => {
    const declared = p.declared !== undefined && p.declared !== p.columns;
    return {
      pl: `Tabela ${p.table} na arkuszu „${p.sheet}” ma w definicji inną liczbę kolumn (${p.columns}${declared ? `, a deklaruje ${p.declared}` : ''}) niż szerokość jej zakresu ${p.ref} (${p.width}), więc Excel zaproponuje naprawę pliku. Uruchom „relacje repair”, aby dopasować kolumny tabeli do nagłówków.`,
      en: `The table ${p.table} on the sheet "${p.sheet}" defines ${p.columns} columns${declared ? ` (and declares ${p.declared})` : ''} but its range ${p.ref} is ${p.width} wide, so Excel will offer to repair the file. Run "relacje repair" to match the table's columns to its headers.`,
    };
  },
  tableHeaderMismatch: (p) => ({
    pl: `Nagłówek w komórce ${p.cell} („${p.header}”) różni się od nazwy kolumny „${p.column}” w definicji tabeli ${p.table} na arkuszu „${p.sheet}”, więc Excel zaproponuje naprawę pliku. Uruchom „relacje repair”, aby je uzgodnić.`,
    en: `The header in the cell ${p.cell} ("${p.header}") differs from the name "${p.column}" the table ${p.table} on the sheet "${p.sheet}" gives its column, so Excel will offer to repair the file. Run "relacje repair" to make them agree.`,
  }),
  renamedColumn: (p) => ({
    pl: `Kolumna „${p.column}” tabeli ${p.table} (arkusz „${p.sheet}”) ma teraz nagłówek „${p.header}” — wygląda na przemianowaną. Uruchom „relacje repair”, aby przywrócić jej nagłówek; dane w niej zostaną.`,
    en: `The column "${p.column}" of the table ${p.table} (sheet "${p.sheet}") is now headed "${p.header}"; it looks renamed. Run "relacje repair" to restore its header; its data stays.`,
  }),
  unknownPipeline: (p) => ({
    pl: `W skoroszycie nie ma lejka „${p.pipeline}”. Wybierz lejek z listy albo dodaj go w projektancie lejków.`,
    en: `The workbook has no pipeline "${p.pipeline}". Choose a pipeline from the list or add it in the funnel designer.`,
  }),
  unknownStage: (p) => ({
    pl: `Lejek „${p.pipeline}” nie ma etapu „${p.stage}”. Wybierz jeden z etapów: ${quotedList(p.stages, 'pl')}.`,
    en: `The pipeline "${p.pipeline}" has no stage "${p.stage}". Choose one of its stages: ${quotedList(p.stages, 'en')}.`,
  }),
  unknownRequiredField: (p) => ({
    pl: `Etap „${p.stage}” lejka „${p.pipeline}” wymaga pola „${p.name}”, którego szansa nie ma. Popraw listę pól wymaganych etapu (nazwy pól po średniku, np. „Wartość; Planowane zamknięcie”).`,
    en: `The stage "${p.stage}" of the pipeline "${p.pipeline}" requires the field "${p.name}", which an opportunity does not have. Correct the stage's required fields (field names separated by semicolons, e.g. "Value; Expected close").`,
  }),
  missingStageFields: (p) => ({
    pl: `Szansa „${p.opportunity}” nie może wejść do etapu „${p.stage}”: uzupełnij ${quotedList(
      p.fields.map((f) => f.pl),
      'pl',
    )}.`,
    en: `The opportunity "${p.opportunity}" cannot enter the stage "${p.stage}": fill in ${quotedList(
      p.fields.map((f) => f.en),
      'en',
    )}.`,
  }),
  opportunityClosed: (p) => ({
    pl: `Szansa „${p.opportunity}” jest już zamknięta (${p.status.pl}). Otwórz ją ponownie, aby ją zmienić.`,
    en: `The opportunity "${p.opportunity}" is already closed (${p.status.en}). Reopen it to change it.`,
  }),
  opportunityNotClosed: (p) => ({
    pl: `Szansa „${p.opportunity}” jest otwarta — ponownie otworzyć można tylko szansę wygraną albo przegraną.`,
    en: `The opportunity "${p.opportunity}" is open; only a won or lost opportunity can be reopened.`,
  }),
  offersNotClosed: (p) => ({
    pl: `Szansy „${p.opportunity}” nie można oznaczyć jako wygranej: oferty ${quotedList(p.open, 'pl')} nie są zamknięte. Oznacz je jako zaakceptowane, odrzucone albo wygasłe.`,
    en: `The opportunity "${p.opportunity}" cannot be marked won: the offers ${quotedList(p.open, 'en')} are not closed. Mark them accepted, rejected or expired.`,
  }),
  noAcceptedOffer: (p) => ({
    pl: `Szansy „${p.opportunity}” nie można oznaczyć jako wygranej: żadna z jej ofert (${quotedList(p.offers, 'pl')}) nie została zaakceptowana. Oznacz zaakceptowaną ofertę albo zamknij szansę jako przegraną.`,
    en: `The opportunity "${p.opportunity}" cannot be marked won: none of its offers (${quotedList(p.offers, 'en')}) was accepted. Mark the accepted offer or close the opportunity as lost.`,
  }),
  lostReasonRequired: (p) => ({
    pl:
      p.reasons.length > 0
        ? `Podaj powód przegranej szansy „${p.opportunity}”: ${quotedList(p.reasons, 'pl')}.`
        : `Podaj powód przegranej szansy „${p.opportunity}”.`,
    en:
      p.reasons.length > 0
        ? `Give the reason the opportunity "${p.opportunity}" was lost: ${quotedList(p.reasons, 'en')}.`
        : `Give the reason the opportunity "${p.opportunity}" was lost.`,
  }),
  unknownLostReason: (p) => ({
    pl: `Powodu „${p.reason}” nie ma na liście powodów przegranej tego lejka. Wybierz jeden z nich: ${quotedList(p.reasons, 'pl')}; inny dopisz do listy w projektancie lejków.`,
    en: `The reason "${p.reason}" is not in this pipeline's list of lost reasons. Choose one of them: ${quotedList(p.reasons, 'en')}; add another to the list in the funnel designer.`,
  }),
  unknownReadyFunnel: (p) => ({
    pl: `Nie ma gotowego lejka „${p.key}”. Dostępne: ${quotedList(p.keys, 'pl')}.`,
    en: `There is no ready funnel "${p.key}". Available: ${quotedList(p.keys, 'en')}.`,
  }),
  pipelineExists: (p) => ({
    pl: `Lejek „${p.pipeline}” już jest w skoroszycie. Nadaj nowemu lejkowi inną nazwę.`,
    en: `The pipeline "${p.pipeline}" is already in the workbook. Give the new pipeline another name.`,
  }),
  stageInUse: (p) => ({
    pl: `Etapu „${p.stage}” lejka „${p.pipeline}” nie można usunąć: ${countOf('pl', p.count, OPEN_OPPORTUNITIES)} wciąż w nim ${countForm('pl', p.count, STAND)}. Przenieś je najpierw do innego etapu.`,
    en: `The stage "${p.stage}" of the pipeline "${p.pipeline}" cannot be deleted: ${countOf('en', p.count, OPEN_OPPORTUNITIES)} still ${countForm('en', p.count, STAND)} in it. Move them to another stage first.`,
  }),
};

/** The product's error: a kind, its parameters, and a message in both languages. */
export class RelacjeError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly params: ErrorParams[C];
  readonly texts: Bilingual;

  constructor(code: C, params: ErrorParams[C], options?: { cause?: unknown }) {
    const texts = (ERROR_TEXTS[code] as (p: ErrorParams[C]) => Bilingual)(params);
    super(texts.en, options);
    this.name = 'RelacjeError';
    this.code = code;
    this.params = params;
    this.texts = texts;
  }

  messageIn(locale: Locale): string {
    return this.texts[locale];
  }
}

export function isRelacjeError<C extends ErrorCode>(error: unknown, code?: C): error is RelacjeError<C> {
  return error instanceof RelacjeError && (code === undefined || error.code === code);
}
