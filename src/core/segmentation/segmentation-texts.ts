import type { Bilingual } from '../i18n';

/** Where in a rule's JSON an issue is, for people: `conditions[1].value`, or the whole rule. */
export function rulePlace(path: readonly (string | number)[]): Bilingual {
  if (path.length === 0) return { pl: 'reguła', en: 'rule' };
  const place = path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
  return { pl: `reguła, miejsce ${place}`, en: `rule, at ${place}` };
}

const list = (items: readonly string[]) => items.join(', ');

const KIND_NAMES: Record<string, Bilingual> = {
  object: { pl: 'obiekt { … }', en: 'an object { … }' },
  array: { pl: 'lista [ … ]', en: 'a list [ … ]' },
  string: { pl: 'tekst', en: 'a text' },
  number: { pl: 'liczba', en: 'a number' },
  money: { pl: 'kwota w złotych, np. 1 000,50', en: 'an amount in złoty, e.g. 1 000.50' },
  boolean: { pl: 'true albo false', en: 'true or false' },
  text: { pl: 'tekst', en: 'a text' },
  enum: { pl: 'klucz z listy', en: 'a key of the list' },
  date: { pl: 'data rrrr-mm-dd', en: 'a date yyyy-mm-dd' },
};

const kindName = (kind: string): Bilingual => KIND_NAMES[kind] ?? { pl: kind, en: kind };

/** The text of every kind of problem a segment rule can have, in both languages. */
export const RULE_TEXTS = {
  notJson: (detail: string): Bilingual => ({
    pl: `Reguła segmentu nie jest poprawnym JSON-em (${detail}). Zapisz regułę ponownie w kreatorze segmentów.`,
    en: `The segment rule is not valid JSON (${detail}). Save the rule again in the segment editor.`,
  }),
  expectedNode: (): Bilingual => ({
    pl: 'oczekiwano warunku { "field", "operator", "value" } albo grupy { "combinator": "and"/"or", "conditions": [ … ] }',
    en: 'expected a condition { "field", "operator", "value" } or a group { "combinator": "and"/"or", "conditions": [ … ] }',
  }),
  missing: (): Bilingual => ({ pl: 'brakuje tego pola', en: 'this key is missing' }),
  wrongType: (expected: string): Bilingual => ({
    pl: `oczekiwano: ${kindName(expected).pl}`,
    en: `expected ${kindName(expected).en}`,
  }),
  unknownOption: (value: string, options: readonly string[]): Bilingual => ({
    pl: `nieznana wartość „${value}” — dozwolone: ${list(options)}`,
    en: `unknown value "${value}"; allowed: ${list(options)}`,
  }),
  unknownKeys: (keys: readonly string[]): Bilingual => ({
    pl: `nieznane pola: ${list(keys)}`,
    en: `unknown keys: ${list(keys)}`,
  }),
  emptyGroup: (): Bilingual => ({
    pl: 'grupa nie ma żadnego warunku — dodaj warunek albo usuń grupę',
    en: 'the group has no condition; add one or remove the group',
  }),
  tooDeep: (max: number): Bilingual => ({
    pl: `grupy są zagnieżdżone zbyt głęboko (najwyżej ${max} poziomy)`,
    en: `groups are nested too deeply (at most ${max} levels)`,
  }),
  unknownField: (field: string, known: readonly string[]): Bilingual => ({
    pl: `nie ma pola „${field}” w tabeli klientów ani wśród pól wyliczanych — dostępne: ${list(known)}`,
    en: `there is no field "${field}" in the clients table nor among the computed fields; available: ${list(known)}`,
  }),
  operatorNotForField: (operator: string, field: Bilingual, allowed: readonly string[]): Bilingual => ({
    pl: `operator „${operator}” nie pasuje do pola „${field.pl}” — dozwolone: ${list(allowed)}`,
    en: `the operator "${operator}" does not fit the field "${field.en}"; allowed: ${list(allowed)}`,
  }),
  valueNotAllowed: (operator: string): Bilingual => ({
    pl: `operator „${operator}” nie przyjmuje wartości — usuń „value”`,
    en: `the operator "${operator}" takes no value; remove "value"`,
  }),
  valueMissing: (operator: string): Bilingual => ({
    pl: `operator „${operator}” wymaga wartości „value”`,
    en: `the operator "${operator}" needs a "value"`,
  }),
  expectedList: (operator: string): Bilingual => ({
    pl: `operator „${operator}” wymaga niepustej listy wartości`,
    en: `the operator "${operator}" needs a non-empty list of values`,
  }),
  expectedRange: (): Bilingual => ({
    pl: 'operator „between” wymaga listy dwóch wartości [od, do], gdzie od ≤ do',
    en: 'the operator "between" needs a list of two values [from, to] with from ≤ to',
  }),
  wrongValue: (value: string, field: Bilingual, kind: string): Bilingual => ({
    pl: `wartość „${value}” nie pasuje do pola „${field.pl}” — oczekiwano: ${kindName(kind).pl}`,
    en: `the value "${value}" does not fit the field "${field.en}"; expected ${kindName(kind).en}`,
  }),
  notInList: (value: string, field: Bilingual, keys: readonly string[]): Bilingual => ({
    pl: `wartości „${value}” nie ma na liście pola „${field.pl}” — dozwolone: ${list(keys)}`,
    en: `the value "${value}" is not in the list of the field "${field.en}"; allowed: ${list(keys)}`,
  }),
} as const;

/** Texts of the key-account readiness assessment. */
export const READINESS_TEXTS = {
  missingScore: (factor: Bilingual): Bilingual => ({
    pl: `Brak oceny: ${factor.pl}. Wybierz ocenę od 1 do 5.`,
    en: `No score for: ${factor.en}. Choose a score from 1 to 5.`,
  }),
  scoreOutOfRange: (factor: Bilingual, value: string): Bilingual => ({
    pl: `Ocena „${value}” dla „${factor.pl}” jest spoza skali — wybierz liczbę całkowitą od 1 do 5.`,
    en: `The score "${value}" for "${factor.en}" is off the scale; choose a whole number from 1 to 5.`,
  }),
  unknownFactor: (key: string): Bilingual => ({
    pl: `Nieznane kryterium oceny „${key}”.`,
    en: `Unknown assessment criterion "${key}".`,
  }),
  notImportant: (importance: number, needed: number): Bilingual => ({
    pl: `Znaczenie klienta (${importance}) jest niższe niż ${needed}: nie proponujemy współpracy jak z klientem kluczowym.`,
    en: `The client's importance (${importance}) is below ${needed}: key-account cooperation is not proposed.`,
  }),
  integration: (): Bilingual => ({
    pl: 'Klient jest bardzo ważny i w pełni gotowy we wszystkich kryteriach: integracja — wspólny zespół od etapu gromadzenia danych.',
    en: 'The client is very important and fully ready on every criterion: integration — one joint team from data gathering on.',
  }),
  cooperation: (): Bilingual => ({
    pl: 'Klient spełnia warunki gotowości we wszystkich kryteriach: kooperacja — klient dołącza na etapie planu strategicznego, dane obu stron są konsolidowane.',
    en: 'The client meets the readiness conditions on every criterion: cooperation — the client joins at the strategic plan and both sides consolidate their data.',
  }),
  negotiation: (weakest: readonly Bilingual[]): Bilingual => ({
    pl: `Klient jest ważny, ale nie jest jeszcze gotowy (${weakest.map((w) => w.pl).join(', ')}): negocjacja — proces prowadzimy sami, klient poza procesem.`,
    en: `The client is important but not ready yet (${weakest.map((w) => w.en).join(', ')}): negotiation — we run the process ourselves, the client stays outside it.`,
  }),
} as const;
