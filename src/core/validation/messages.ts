import type { Bilingual } from '../i18n';

/** Every validation rule, with the text that explains it (what is expected). */
const RULES = {
  required: { pl: 'pole jest wymagane', en: 'the field is required' },
  tooLong: { pl: 'tekst jest za długi', en: 'the text is too long' },
  nipFormat: {
    pl: 'NIP ma 10 cyfr (dopuszczalny prefiks PL, spacje i myślniki)',
    en: 'a NIP has 10 digits (PL prefix, spaces and dashes allowed)',
  },
  nipChecksum: {
    pl: 'niepoprawna cyfra kontrolna NIP (ostatnia cyfra jest sumą kontrolną)',
    en: 'wrong NIP check digit (the last digit is a checksum)',
  },
  regonFormat: { pl: 'REGON ma 9 albo 14 cyfr', en: 'a REGON has 9 or 14 digits' },
  regonChecksum: { pl: 'niepoprawna cyfra kontrolna REGON', en: 'wrong REGON check digit' },
  krsFormat: {
    pl: 'numer KRS ma 10 cyfr — wpisz go w całości, z zerami na początku, np. 0000123456',
    en: 'a KRS number has 10 digits; type all of them, with the leading zeros, e.g. 0000123456',
  },
  peselFormat: { pl: 'PESEL ma 11 cyfr', en: 'a PESEL has 11 digits' },
  peselChecksum: { pl: 'niepoprawna cyfra kontrolna PESEL', en: 'wrong PESEL check digit' },
  peselBirthDate: {
    pl: 'PESEL zawiera niemożliwą datę urodzenia',
    en: 'the PESEL holds an impossible birth date',
  },
  email: {
    pl: 'oczekiwano adresu e-mail, np. jan.kowalski@firma.pl',
    en: 'expected an e-mail address, e.g. jan.kowalski@firma.pl',
  },
  phone: {
    pl: 'oczekiwano numeru telefonu: 9 cyfr, opcjonalnie +48, albo numer międzynarodowy z +',
    en: 'expected a phone number: 9 digits, optionally +48, or an international number with +',
  },
  postalCode: {
    pl: 'kod pocztowy ma postać NN-NNN, np. 00-950',
    en: 'a postal code looks like NN-NNN, e.g. 00-950',
  },
  currency: {
    pl: 'kod waluty to trzy litery ISO 4217, np. PLN',
    en: 'a currency code is three ISO 4217 letters, e.g. PLN',
  },
  url: {
    pl: 'oczekiwano adresu WWW, np. https://firma.pl',
    en: 'expected a web address, e.g. https://firma.pl',
  },
  integer: { pl: 'oczekiwano liczby całkowitej', en: 'expected a whole number' },
  number: { pl: 'oczekiwano liczby, np. 12,5', en: 'expected a number, e.g. 12.5' },
  money: {
    pl: 'oczekiwano kwoty z najwyżej dwoma miejscami po przecinku, np. 1 234,56 zł',
    en: 'expected an amount with at most two decimals, e.g. 1 234,56 zł',
  },
  percent: { pl: 'oczekiwano procentu jako liczby całkowitej 0–100', en: 'expected a whole percent 0–100' },
  date: {
    pl: 'oczekiwano istniejącej daty dd.mm.rrrr albo rrrr-mm-dd',
    en: 'expected an existing date dd.mm.yyyy or yyyy-mm-dd',
  },
  datetime: {
    pl: 'oczekiwano daty i godziny ISO 8601, np. 2026-11-22T10:00:00Z',
    en: 'expected an ISO 8601 timestamp, e.g. 2026-11-22T10:00:00Z',
  },
  boolean: { pl: 'oczekiwano tak/nie (PRAWDA/FAŁSZ)', en: 'expected yes/no (TRUE/FALSE)' },
  enum: { pl: 'wartość spoza listy', en: 'the value is not in the list' },
  id: { pl: 'identyfikator nie może być pusty', en: 'an identifier cannot be empty' },
  unknownField: { pl: 'tabela nie ma takiego pola', en: 'the table has no such field' },
  readOnlyField: { pl: 'tego pola nie zmienia się ręcznie', en: 'this field cannot be changed by hand' },
} satisfies Record<string, Bilingual>;

export type RuleCode = keyof typeof RULES;

/** The explanation of a rule alone, e.g. for a hint under a form field. */
export function ruleText(rule: RuleCode): Bilingual {
  return RULES[rule];
}

/** `NIP „123-456-78-90”: niepoprawna cyfra kontrolna NIP …` — field, value and rule in one line. */
export function fieldMessage(field: Bilingual, value: string, rule: RuleCode, extra?: Bilingual): Bilingual {
  const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  const tail = (locale: 'pl' | 'en') => (extra ? ` (${extra[locale]})` : '');
  return {
    pl: `${field.pl} „${shown}”: ${RULES[rule].pl}${tail('pl')}`,
    en: `${field.en} "${shown}": ${RULES[rule].en}${tail('en')}`,
  };
}
