import type { Bilingual, Locale } from '../../core/i18n';
import { countForm, countOf, type CountForms } from '../../core/plural';
import type { SegmentOperator } from '../../core/segmentation';

/** Every text of the segmentation view, in both languages. */
export const SEGMENTATION_VIEW_TEXTS = {
  title: { pl: 'Segmentacja klientów', en: 'Client segmentation' },
  methodLabel: { pl: 'Metoda', en: 'Method' },
  methodAbc: { pl: 'ABC', en: 'ABC' },
  methodRfm: { pl: 'RFM', en: 'RFM' },
  methodRule: { pl: 'Reguła', en: 'Rule' },
  methodReadiness: { pl: 'Klient kluczowy', en: 'Key account' },
  abcHint: {
    pl: 'Klasa A: klienci, którzy dają pierwsze 80% wartości wygranych w wybranym okresie; B: kolejne 15%; C: pozostali.',
    en: 'Class A: the clients making the first 80% of the won value in the chosen period; B: the next 15%; C: the rest.',
  },
  rfmHint: {
    pl: 'Ocena 1–5 za świeżość ostatniego kontaktu (R), liczbę kontaktów (F) i wartość wygranych (M) w okresie, np. „545”.',
    en: 'A 1–5 score for the recency of the last contact (R), the number of contacts (F) and the won value (M) in the period, e.g. "545".',
  },
  ruleHint: {
    pl: 'Klienci spełniający warunki trafią do segmentu o podanej nazwie; pozostali zachowają swój segment.',
    en: 'Clients meeting the conditions go to the segment of the given name; the others keep their segment.',
  },
  readinessHint: {
    pl: 'Oceń gotowość klienta do współpracy (1 — wcale, 5 — w pełni) i jego znaczenie dla firmy. Ocena zaproponuje wariant współpracy: negocjacje, kooperację albo integrację.',
    en: "Rate the client's readiness to cooperate (1: not at all, 5: fully) and its importance to us. The assessment proposes the cooperation variant: negotiation, cooperation or integration.",
  },
  windowFrom: { pl: 'Okres od', en: 'Period from' },
  windowTo: { pl: 'do', en: 'to' },
  windowInvalid: {
    pl: 'Podaj okres: dwie daty, pierwsza nie późniejsza niż druga.',
    en: 'Give the period: two dates, the first not after the second.',
  },
  compute: { pl: 'Oblicz', en: 'Compute' },
  computing: { pl: 'Obliczanie…', en: 'Computing…' },
  cancel: { pl: 'Przerwij', en: 'Cancel' },
  classColumn: { pl: 'Klasa', en: 'Class' },
  clientsColumn: { pl: 'Klienci', en: 'Clients' },
  valueShareColumn: { pl: 'Udział w wartości', en: 'Share of value' },
  abcSummaryCaption: { pl: 'Klasy ABC w okresie', en: 'ABC classes in the period' },
  previewTitle: { pl: 'Co się zmieni', en: 'What will change' },
  noChanges: {
    pl: 'Nic się nie zmieni — skoroszyt ma już te wyniki.',
    en: 'Nothing changes: the workbook already holds these results.',
  },
  changesCaption: { pl: 'Zmieniani klienci', en: 'Clients that change' },
  clientColumn: { pl: 'Klient', en: 'Client' },
  changeColumn: { pl: 'Zmiana', en: 'Change' },
  empty: { pl: '(puste)', en: '(empty)' },
  write: { pl: 'Zapisz w skoroszycie', en: 'Write to the workbook' },
  writing: { pl: 'Zapisywanie w skoroszycie…', en: 'Writing to the workbook…' },
  writeFailed: {
    pl: 'Nie udało się zapisać wyników — skoroszyt pozostał bez zmian.',
    en: 'Could not write the results; the workbook is unchanged.',
  },
  noWorkbook: { pl: 'Skoroszyt nie jest jeszcze wczytany.', en: 'The workbook is not loaded yet.' },
  segmentName: { pl: 'Nazwa segmentu', en: 'Segment name' },
  segmentNameMissing: { pl: 'Podaj nazwę segmentu.', en: 'Give the segment a name.' },
  combinator: { pl: 'Klient musi spełniać', en: 'The client must meet' },
  combinatorAnd: { pl: 'wszystkie warunki (i)', en: 'all conditions (and)' },
  combinatorOr: { pl: 'dowolny warunek (lub)', en: 'any condition (or)' },
  condition: { pl: 'Warunek', en: 'Condition' },
  field: { pl: 'Pole', en: 'Field' },
  operator: { pl: 'Operator', en: 'Operator' },
  value: { pl: 'Wartość', en: 'Value' },
  valueTo: { pl: 'Wartość do', en: 'Value to' },
  listHint: { pl: 'Wartości rozdziel średnikiem.', en: 'Separate the values with semicolons.' },
  moneyHint: {
    pl: 'Kwota w złotych, np. 1 000,50 albo 1000.50.',
    en: 'An amount in złoty, e.g. 1 000.50 or 1000,50.',
  },
  choose: { pl: '— wybierz —', en: '— choose —' },
  yes: { pl: 'tak', en: 'yes' },
  no: { pl: 'nie', en: 'no' },
  clientFieldsGroup: { pl: 'Pola klienta', en: 'Client fields' },
  computedFieldsGroup: { pl: 'Wyliczane', en: 'Computed' },
  addCondition: { pl: 'Dodaj warunek', en: 'Add a condition' },
  removeCondition: { pl: 'Usuń warunek', en: 'Remove the condition' },
  ruleProblems: { pl: 'Popraw regułę', en: 'Fix the rule' },
  findClient: { pl: 'Szukaj klienta', en: 'Find a client' },
  chosenClient: { pl: 'Klient', en: 'Client' },
  chooseClient: { pl: '— wybierz klienta —', en: '— choose a client —' },
  clientMissing: { pl: 'Wybierz klienta do oceny.', en: 'Choose the client to assess.' },
  assess: { pl: 'Oceń', en: 'Assess' },
  proposal: { pl: 'Propozycja', en: 'Proposal' },
  keyAccountYes: { pl: 'Klient kluczowy: tak', en: 'Key account: yes' },
  keyAccountNo: { pl: 'Klient kluczowy: nie', en: 'Key account: no' },
  noVariant: { pl: 'bez wariantu współpracy', en: 'no cooperation variant' },
  holdingBack: { pl: 'Do poprawy przed głębszym wariantem:', en: 'To improve before a deeper variant:' },
  confirmTitle: { pl: 'Zapisać wyniki segmentacji?', en: 'Write the segmentation results?' },
  confirmNote: {
    pl: 'Zapis można później cofnąć: przyciskiem „Cofnij” albo z listy ostatnich zapisów segmentacji.',
    en: 'You can undo it later: with "Undo" or from the list of recent segmentation writes.',
  },
  confirmWrite: { pl: 'Zapisz', en: 'Write' },
  cancelWrite: { pl: 'Anuluj', en: 'Cancel' },
  undo: { pl: 'Cofnij', en: 'Undo' },
  undoing: { pl: 'Cofanie zapisu…', en: 'Undoing the write…' },
  undoTitle: { pl: 'Cofnąć zapis segmentacji?', en: 'Undo the segmentation write?' },
  undoConfirm: { pl: 'Przywróć', en: 'Restore' },
  undoFailed: {
    pl: 'Nie udało się cofnąć zapisu — skoroszyt pozostał bez zmian. Wczytaj skoroszyt ponownie i spróbuj jeszcze raz.',
    en: 'Could not undo the write; the workbook is unchanged. Reload the workbook and try again.',
  },
  recentWrites: { pl: 'Ostatnie zapisy segmentacji', en: 'Recent segmentation writes' },
  undoneMark: { pl: 'cofnięto', en: 'undone' },
  noAbcData: {
    pl: 'W wybranym okresie nie ma wygranych szans ani zaakceptowanych ofert, więc klas ABC nie da się wyliczyć — nic nie zostanie zmienione. Wybierz okres, w którym były wygrane.',
    en: 'The chosen period has no won opportunities or accepted offers, so there is nothing to compute ABC classes from; nothing will be changed. Choose a period with won deals.',
  },
  noRfmData: {
    pl: 'Żaden klient nie ma kontaktów ani wygranych do dnia dzisiejszego, więc ocen RFM nie da się wyliczyć — nic nie zostanie zmienione.',
    en: 'No client has any contact or won deal up to today, so there is nothing to score; nothing will be changed.',
  },
} satisfies Record<string, Bilingual>;

export type SegmentationViewTextKey = keyof typeof SEGMENTATION_VIEW_TEXTS;

export function segmentationViewText(locale: Locale, key: SegmentationViewTextKey): string {
  return SEGMENTATION_VIEW_TEXTS[key][locale];
}

export const OPERATOR_TEXTS: Record<SegmentOperator, Bilingual> = {
  equals: { pl: 'jest równe', en: 'equals' },
  notEquals: { pl: 'jest różne od', en: 'is not' },
  contains: { pl: 'zawiera', en: 'contains' },
  startsWith: { pl: 'zaczyna się od', en: 'starts with' },
  greaterThan: { pl: 'większe / później niż', en: 'greater / later than' },
  lessThan: { pl: 'mniejsze / wcześniej niż', en: 'less / earlier than' },
  between: { pl: 'pomiędzy', en: 'between' },
  isEmpty: { pl: 'jest puste', en: 'is empty' },
  isNotEmpty: { pl: 'nie jest puste', en: 'is not empty' },
  in: { pl: 'jest jednym z', en: 'is one of' },
};

const CLIENTS: CountForms = { pl: ['klient', 'klienci', 'klientów'], en: ['client', 'clients'] };
/** After "u", "z", "of": "u 1 klienta", "z 5 klientów". */
const OF_CLIENTS: CountForms = { pl: ['klienta', 'klientów', 'klientów'], en: ['client', 'clients'] };
/** Verbs agreeing with a count of clients: "zmieni się 1 klient", "zmienią się 2 klienci", "zmieni się 5 klientów". */
const WILL_CHANGE: CountForms = { pl: ['Zmieni się', 'Zmienią się', 'Zmieni się'], en: ['', ''] };
const MOVES: CountForms = { pl: ['przechodzi', 'przechodzą', 'przechodzi'], en: ['moves', 'move'] };
const MEETS: CountForms = { pl: ['spełnia', 'spełniają', 'spełnia'], en: ['meets', 'meet'] };
const GOES: CountForms = { pl: ['trafi', 'trafią', 'trafi'], en: ['goes', 'go'] };

/** Texts with figures in them. */
export const SEGMENTATION_VIEW_COUNTS = {
  /** "Zmieni się 19 klientów (5 klientów bez zmian)." */
  changedClients: (locale: Locale, changed: number, unchanged: number) =>
    locale === 'pl'
      ? `${countForm(locale, changed, WILL_CHANGE)} ${countOf(locale, changed, CLIENTS)} (${countOf(locale, unchanged, CLIENTS)} bez zmian).`
      : `${countOf(locale, changed, CLIENTS)} will change (${unchanged} unchanged).`,
  /** The question before a mass write: "Zmieni się 19 klientów. Zapisać?" */
  confirmWrite: (locale: Locale, changed: number) =>
    locale === 'pl'
      ? `${countForm(locale, changed, WILL_CHANGE)} ${countOf(locale, changed, CLIENTS)}. Zapisać?`
      : `${countOf(locale, changed, CLIENTS)} will change. Write the changes?`,
  transition: (locale: Locale, field: string, clients: number, from: string, to: string) =>
    locale === 'pl'
      ? `${field}: ${countOf(locale, clients, CLIENTS)} ${countForm(locale, clients, MOVES)} z ${from} do ${to}`
      : `${field}: ${countOf(locale, clients, CLIENTS)} ${countForm(locale, clients, MOVES)} from ${from} to ${to}`,
  moreChanges: (locale: Locale, count: number) =>
    locale === 'pl' ? `…i ${count} więcej.` : `…and ${count} more.`,
  written: (locale: Locale, count: number) =>
    locale === 'pl'
      ? `Zapisano w skoroszycie zmiany u ${countOf(locale, count, OF_CLIENTS)}.`
      : `Changes written to the workbook for ${countOf(locale, count, OF_CLIENTS)}.`,
  selected: (locale: Locale, count: number, name: string) =>
    locale === 'pl'
      ? `${countOf(locale, count, CLIENTS)} ${countForm(locale, count, MEETS)} warunki i ${countForm(locale, count, GOES)} do segmentu „${name}”.`
      : `${countOf(locale, count, CLIENTS)} ${countForm(locale, count, MEETS)} the conditions and ${countForm(locale, count, GOES)} to the segment "${name}".`,
  rfmScored: (locale: Locale, scored: number, all: number) => {
    const rest = scored < all;
    return locale === 'pl'
      ? `Oceniono ${scored} z ${countOf(locale, all, OF_CLIENTS)}${rest ? ' (pozostali nie mają kontaktów ani wygranych)' : ''}.`
      : `${scored} of ${countOf(locale, all, OF_CLIENTS)} scored${rest ? ' (the others have no contacts or deals)' : ''}.`;
  },
  confirmUndo: (locale: Locale, restored: number) =>
    locale === 'pl'
      ? `Przywrócić poprzednie wartości u ${countOf(locale, restored, OF_CLIENTS)}?`
      : `Restore the previous values of ${countOf(locale, restored, OF_CLIENTS)}?`,
  /** Clients an undo leaves as they are, because they were changed or deleted after the write. */
  undoLeaves: (locale: Locale, changedSince: number, missing: number) =>
    [
      changedSince > 0 &&
        (locale === 'pl'
          ? `Od tego zapisu zmieniono ${countOf(locale, changedSince, OF_CLIENTS)} — ich obecne wartości zostaną.`
          : `${countOf(locale, changedSince, CLIENTS)} changed since the write; their current values stay.`),
      missing > 0 &&
        (locale === 'pl'
          ? `Od tego zapisu usunięto ${countOf(locale, missing, OF_CLIENTS)}.`
          : `${countOf(locale, missing, CLIENTS)} deleted since the write.`),
    ]
      .filter(Boolean)
      .join(' '),
  undone: (locale: Locale, restored: number) =>
    locale === 'pl'
      ? `Cofnięto zapis: przywrócono poprzednie wartości u ${countOf(locale, restored, OF_CLIENTS)}.`
      : `Write undone: the previous values of ${countOf(locale, restored, OF_CLIENTS)} restored.`,
  writeEntry: (locale: Locale, at: string, user: string, clients: number) =>
    [
      new Intl.DateTimeFormat(locale === 'pl' ? 'pl-PL' : 'en-GB', {
        dateStyle: 'medium',
        timeStyle: 'short',
      }).format(new Date(at)),
      user,
      countOf(locale, clients, CLIENTS),
    ]
      .filter(Boolean)
      .join(' · '),
  score: (locale: Locale, value: number) => (locale === 'pl' ? `ocena ${value}` : `score ${value}`),
};
