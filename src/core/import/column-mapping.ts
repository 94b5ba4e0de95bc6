import { editDistanceWithin } from '../clients/client-duplicates';
import type { Bilingual } from '../i18n';
import { CURRENT_SCHEMA, ID_COLUMN, TRACKING_COLUMNS, tableByKey } from '../schema';
import type { ColumnSchema } from '../schema/types';
import { IMPORT_TEXTS } from './import-texts';
import { foldText, foldedWords } from './text-folding';

/** The tables an import row writes to: the client, and optionally its contact person. */
export type ImportTable = 'clients' | 'people';

/** A target of a source column: `clients.nip`, `people.firstName`… */
export type ImportFieldId = `${ImportTable}.${string}`;

export interface ImportFieldInfo {
  id: ImportFieldId;
  table: ImportTable;
  field: string;
  /** The column header in the workbook, for the wizard's drop-down. */
  header: Bilingual;
  required: boolean;
}

/** For each source column (by index), the field it fills, or null when it is ignored. */
export type ColumnMapping = readonly (ImportFieldId | null)[];

export type MatchKind = 'exact' | 'fuzzy' | 'none';

export interface ColumnSuggestion {
  column: number;
  header: string;
  field: ImportFieldId | null;
  /** 1 for a known header, less for a similar one, 0 when nothing fits. */
  confidence: number;
  match: MatchKind;
}

export interface MappingSuggestion {
  mapping: ColumnMapping;
  columns: ColumnSuggestion[];
}

/** Fields the row-building fills itself or that only Relacje computes. */
const NOT_IMPORTED = new Set([
  ID_COLUMN.key,
  ...TRACKING_COLUMNS.map((c) => c.key),
  'rfmScore',
  'segmentedAt',
]);
const NOT_IMPORTED_PERSON = new Set([...NOT_IMPORTED, 'clientId']);

const importable = (table: ImportTable, skip: Set<string>): ColumnSchema[] =>
  tableByKey(CURRENT_SCHEMA, table).columns.filter((c) => !skip.has(c.key));

/** Every field a source column can be mapped to, clients first. */
export const IMPORT_FIELDS: readonly ImportFieldInfo[] = [
  ...importable('clients', NOT_IMPORTED).map((c) => fieldInfo('clients', c)),
  ...importable('people', NOT_IMPORTED_PERSON).map((c) => fieldInfo('people', c)),
];

function fieldInfo(table: ImportTable, column: ColumnSchema): ImportFieldInfo {
  return {
    id: `${table}.${column.key}`,
    table,
    field: column.key,
    header: column.header,
    required: column.required,
  };
}

/*
 * Headers people and programs write, beyond the workbook's own: Polish and English spreadsheets,
 * and the Outlook contacts export in both languages (English "Business City", Polish
 * "Miejscowość (służbowy)" or "Miasto służbowe" depending on the Outlook version).
 */
const SYNONYMS: Partial<Record<ImportFieldId, readonly string[]>> = {
  'clients.name': [
    'Nazwa firmy',
    'Firma',
    'Nazwa klienta',
    'Klient',
    'Kontrahent',
    'Nazwa kontrahenta',
    'Nazwa pełna',
    'Company',
    'Company name',
    'Organization',
    'Organisation',
    'Customer',
    'Client',
    'Account name',
  ],
  'clients.type': ['Typ', 'Typ klienta', 'Rodzaj klienta', 'Client type', 'Customer type'],
  'clients.nip': ['Numer NIP', 'NIP UE', 'Tax ID', 'VAT ID', 'VAT number', 'Tax number', 'TIN', 'NIP VAT'],
  'clients.regon': ['Numer REGON'],
  'clients.krs': ['Numer KRS'],
  'clients.industry': ['Sektor', 'Dziedzina', 'Sector'],
  'clients.city': [
    'Miasto',
    'Miejscowość',
    'Town',
    'Business City',
    'Miasto służbowe',
    'Miejscowość (służbowy)',
    'Miejscowość służbowa',
  ],
  'clients.street': [
    'Ulica',
    'Adres',
    'Address',
    'Street',
    'Business Street',
    'Ulica służbowa',
    'Ulica (służbowy)',
    'Adres służbowy',
  ],
  'clients.postalCode': [
    'Kod',
    'Kod pocztowy',
    'ZIP',
    'ZIP code',
    'Postcode',
    'Business Postal Code',
    'Kod pocztowy służbowy',
    'Kod pocztowy (służbowy)',
  ],
  'clients.country': [
    'Country/Region',
    'Business Country/Region',
    'Kraj/region służbowy',
    'Kraj/region (służbowy)',
  ],
  'clients.email': [
    'Email',
    'Adres e-mail',
    'Adres email',
    'E-mail Address',
    'Mail',
    'Poczta e-mail',
    'E-mail 1',
  ],
  'clients.phone': [
    'Tel.',
    'Tel',
    'Telephone',
    'Business Phone',
    'Telefon służbowy',
    'Numer telefonu',
    'Phone number',
    'Company Main Phone',
    'Telefon stacjonarny',
  ],
  'clients.website': [
    'WWW',
    'Strona internetowa',
    'Strona',
    'Witryna',
    'Web page',
    'Strona sieci Web',
    'URL',
    'Web site',
  ],
  'clients.source': ['Źródło pozyskania', 'Lead source'],
  'clients.sourceDetail': ['Kampania', 'Campaign'],
  'clients.owner': ['Handlowiec', 'Opiekun klienta', 'Account manager', 'Sales rep'],
  'clients.segment': ['Grupa', 'Group'],
  'clients.abcClass': ['ABC'],
  'clients.notes': ['Notatki', 'Komentarz', 'Comments', 'Uwagi (notatki)'],
  'people.firstName': ['Imie', 'Given name', 'First'],
  'people.lastName': ['Surname', 'Family name', 'Last'],
  'people.role': ['Job Title', 'Funkcja', 'Position'],
  'people.email': ['E-mail osoby kontaktowej', 'E-mail kontaktu', 'Contact e-mail'],
  'people.phone': ['Telefon osoby kontaktowej', 'Telefon kontaktu', 'Contact phone'],
};

/** Headers that fit a field but less well than its own (a mobile number where a desk one is missing). */
const SECOND_CHOICE: Partial<Record<ImportFieldId, readonly string[]>> = {
  'clients.phone': ['Mobile Phone', 'Telefon komórkowy', 'Komórka', 'Tel. kom.', 'Mobile', 'Home Phone'],
  'clients.email': ['E-mail 2 Address', 'Adres e-mail 2'],
  'clients.segment': ['Kategoria', 'Kategorie', 'Category', 'Categories'],
  'clients.notes': ['Opis', 'Description'],
  'clients.name': ['Nazwa skrócona', 'Skrót'],
  // A bare "VAT" is a NIP in a client list, but may be a rate elsewhere.
  'clients.nip': ['VAT'],
};

const EXACT = 1;
const SECOND = 0.9;
const FUZZY_WEIGHT = 0.8;
const WORDS_WEIGHT = 0.7;
const MIN_FUZZY_SIMILARITY = 0.8;
const MIN_CONFIDENCE = 0.4;

interface Synonym {
  field: ImportFieldId;
  folded: string;
  words: string[];
  weight: number;
}

/** Each folded header text belongs to one field: the first that claims it (clients before people). */
const SYNONYM_INDEX: ReadonlyMap<string, Synonym> = (() => {
  const index = new Map<string, Synonym>();
  const add = (field: ImportFieldId, text: string, weight: number) => {
    const folded = foldText(text);
    if (folded && !index.has(folded)) index.set(folded, { field, folded, words: folded.split(' '), weight });
  };
  for (const info of IMPORT_FIELDS) {
    add(info.id, info.header.pl, EXACT);
    add(info.id, info.header.en, EXACT);
    for (const text of SYNONYMS[info.id] ?? []) add(info.id, text, EXACT);
  }
  for (const info of IMPORT_FIELDS)
    for (const text of SECOND_CHOICE[info.id] ?? []) add(info.id, text, SECOND);
  return index;
})();

const SYNONYM_LIST = [...SYNONYM_INDEX.values()];

interface Candidate {
  column: number;
  field: ImportFieldId;
  confidence: number;
  match: MatchKind;
}

/**
 * Suggests a field for each header: known header texts first, then similar ones (typos, extra
 * words). No field gets two columns; the surer match wins, then the column further left.
 */
export function suggestColumnMapping(headers: readonly string[]): MappingSuggestion {
  const candidates = headers.flatMap((header, column) => candidatesFor(header, column));
  candidates.sort((a, b) => b.confidence - a.confidence || a.column - b.column);
  const chosen = new Map<number, Candidate>();
  const taken = new Set<ImportFieldId>();
  for (const candidate of candidates) {
    if (chosen.has(candidate.column) || taken.has(candidate.field)) continue;
    chosen.set(candidate.column, candidate);
    taken.add(candidate.field);
  }
  const columns = headers.map((header, column): ColumnSuggestion => {
    const pick = chosen.get(column);
    return pick
      ? { column, header, field: pick.field, confidence: round(pick.confidence), match: pick.match }
      : { column, header, field: null, confidence: 0, match: 'none' };
  });
  return { mapping: columns.map((c) => c.field), columns };
}

function candidatesFor(header: string, column: number): Candidate[] {
  const folded = foldText(header);
  if (!folded) return [];
  const exact = SYNONYM_INDEX.get(folded);
  if (exact) return [{ column, field: exact.field, confidence: exact.weight, match: 'exact' }];
  const words = foldedWords(header);
  const found: Candidate[] = [];
  for (const synonym of SYNONYM_LIST) {
    const confidence =
      Math.max(
        folded.length >= 4 ? fuzzyConfidence(folded, synonym.folded) : 0,
        wordsConfidence(words, synonym.words),
      ) * synonym.weight;
    if (confidence >= MIN_CONFIDENCE)
      found.push({ column, field: synonym.field, confidence, match: 'fuzzy' });
  }
  return found;
}

/** Typos: one edit in five characters still counts; fewer edits, more confidence. */
function fuzzyConfidence(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  const maxEdits = Math.floor((1 - MIN_FUZZY_SIMILARITY) * longer);
  for (let edits = 0; edits <= maxEdits; edits++) {
    if (editDistanceWithin(a, b, edits)) return (1 - edits / longer) * FUZZY_WEIGHT;
  }
  return 0;
}

/** Extra words: "Nazwa firmy klienta" holds every word of "Nazwa firmy". */
function wordsConfidence(headerWords: readonly string[], synonymWords: readonly string[]): number {
  if (synonymWords.length > headerWords.length) return 0;
  const present = new Set(headerWords);
  if (!synonymWords.every((w) => present.has(w))) return 0;
  return WORDS_WEIGHT * (synonymWords.length / headerWords.length);
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The field's description, or undefined for an id no import writes. */
export function importField(id: string): ImportFieldInfo | undefined {
  return IMPORT_FIELDS.find((f) => f.id === id);
}

/** What stops a mapping from being imported, in words for the wizard. */
export function mappingProblems(mapping: ColumnMapping, headers: readonly string[]): Bilingual[] {
  const problems: Bilingual[] = [];
  const columnsByField = new Map<ImportFieldId, number[]>();
  mapping.forEach((field, column) => {
    if (field) columnsByField.set(field, [...(columnsByField.get(field) ?? []), column]);
  });
  for (const [field, columns] of columnsByField) {
    const info = importField(field);
    if (!info) problems.push(IMPORT_TEXTS.unknownField(field));
    else if (columns.length > 1) {
      problems.push(
        IMPORT_TEXTS.fieldMappedTwice(
          info.header,
          columns.map((c) => headers[c] ?? `#${c + 1}`),
        ),
      );
    }
  }
  const names: ImportFieldId[] = ['clients.name', 'people.firstName', 'people.lastName'];
  if (!names.some((field) => columnsByField.has(field))) problems.push(IMPORT_TEXTS.noNameColumn);
  return problems;
}
