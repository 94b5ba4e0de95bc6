import type { Bilingual, Locale } from '../../core/i18n';
import type { CountForms } from '../../core/plural';

/** Texts of the Goals section. */
export const GOAL_TEXTS = {
  title: { pl: 'Cele sprzedażowe (SMART)', en: 'Sales goals (SMART)' },
  add: { pl: 'Dodaj cel', en: 'Add a goal' },
  edit: { pl: 'Edytuj', en: 'Edit' },
  save: { pl: 'Zapisz cel', en: 'Save the goal' },
  cancel: { pl: 'Anuluj', en: 'Cancel' },
  none: { pl: 'Nie ma jeszcze celów. Dodaj pierwszy.', en: 'No goals yet. Add the first one.' },
  owner: { pl: 'Opiekun (puste = cel zespołu)', en: "Owner (empty = the team's goal)" },
  team: { pl: 'Zespół', en: 'Team' },
  description: {
    pl: 'Cel (konkretny, mierzalny, osiągalny, istotny, określony w czasie)',
    en: 'Goal (specific, measurable, achievable, relevant, time-bound)',
  },
  metric: { pl: 'Miara', en: 'Measure' },
  target: { pl: 'Wartość docelowa', en: 'Target' },
  targetMoneyHint: {
    pl: 'Dla wartości wygranych szans w złotych, np. 150 000',
    en: 'For won value in złoty, e.g. 150 000',
  },
  periodStart: { pl: 'Od', en: 'From' },
  periodEnd: { pl: 'Do (termin)', en: 'To (deadline)' },
  pipeline: { pl: 'Lejek (opcjonalnie)', en: 'Pipeline (optional)' },
  segment: { pl: 'Segment klientów (opcjonalnie)', en: 'Client segment (optional)' },
  product: { pl: 'Produkt (opcjonalnie)', en: 'Product (optional)' },
  any: { pl: '(dowolny)', en: '(any)' },
  actual: { pl: 'Wykonanie', en: 'Actual' },
  of: { pl: 'z', en: 'of' },
  dueByNow: { pl: 'Na dziś należało', en: 'Due by today' },
  previous: { pl: 'Poprzedni okres', en: 'Previous period' },
  onTrack: { pl: 'Zgodnie z planem', en: 'On track' },
  behind: { pl: 'Poniżej planu', en: 'Behind' },
  upcoming: { pl: 'Jeszcze się nie zaczął', en: 'Not started yet' },
  ended: { pl: 'Zakończony', en: 'Ended' },
  elapsed: { pl: 'Upłynęło okresu', en: 'Of the period gone' },
  saved: { pl: 'Cel zapisany.', en: 'Goal saved.' },
  notSaved: { pl: 'Nie zapisano celu', en: 'The goal was not saved' },
} satisfies Record<string, Bilingual>;

export type GoalTextKey = keyof typeof GOAL_TEXTS;

export function goalText(locale: Locale, key: GoalTextKey): string {
  return GOAL_TEXTS[key][locale];
}

export const GOALS: CountForms = { pl: ['cel', 'cele', 'celów'], en: ['goal', 'goals'] };
