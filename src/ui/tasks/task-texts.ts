import type { Bilingual, Locale } from '../../core/i18n';
import type { CountForms } from '../../core/plural';

/** Texts of the Tasks view (and its Goals section's switch). */
export const TASK_TEXTS = {
  title: { pl: 'Zadania', en: 'Tasks' },
  sections: { pl: 'Zadania i cele', en: 'Tasks and goals' },
  tasksSection: { pl: 'Zadania', en: 'Tasks' },
  goalsSection: { pl: 'Cele', en: 'Goals' },
  period: { pl: 'Okres', en: 'Period' },
  today: { pl: 'Dziś', en: 'Today' },
  week: { pl: 'Ten tydzień', en: 'This week' },
  overdue: { pl: 'Zaległe', en: 'Overdue' },
  range: { pl: 'Zakres dat', en: 'Date range' },
  from: { pl: 'Od', en: 'From' },
  to: { pl: 'Do', en: 'To' },
  badRange: {
    pl: 'Podaj daty zakresu jako dd.mm.rrrr, np. 01.12.2026.',
    en: 'Give the range as dates dd.mm.yyyy or yyyy-mm-dd, e.g. 2026-12-01.',
  },
  whose: { pl: 'Czyje', en: 'Whose' },
  mine: { pl: 'Moje', en: 'Mine' },
  team: { pl: 'Zespołu', en: "The team's" },
  none: { pl: 'Brak zadań w tym okresie.', en: 'No tasks in this period.' },
  due: { pl: 'Termin', en: 'Due' },
  noDue: { pl: 'bez terminu', en: 'no date' },
  owner: { pl: 'Wykonawca', en: 'Owner' },
  nobody: { pl: 'bez wykonawcy', en: 'no owner' },
  noStage: { pl: 'bez etapu', en: 'no stage' },
  overdueMark: { pl: 'Po terminie', en: 'Overdue' },
  staleMark: { pl: 'Szansa utknęła w etapie', en: 'Opportunity stuck in its stage' },
  complete: { pl: 'Wykonane', en: 'Done' },
  reopen: { pl: 'Wznów', en: 'Reopen' },
  reschedule: { pl: 'Przesuń termin', en: 'Reschedule' },
  newDue: { pl: 'Nowy termin', en: 'New due date' },
  save: { pl: 'Zapisz', en: 'Save' },
  cancel: { pl: 'Anuluj', en: 'Cancel' },
  client: { pl: 'Klient', en: 'Client' },
  showMore: { pl: 'Pokaż więcej', en: 'Show more' },
  summary: { pl: 'Wykonanie w okresie', en: 'Completion in the period' },
  byOwner: { pl: 'Według wykonawcy', en: 'By owner' },
  byStage: { pl: 'Według etapu', en: 'By stage' },
  doneOfDue: { pl: 'Wykonane z należnych', en: 'Done of due' },
  onTime: { pl: 'W terminie', en: 'On time' },
  overdueCount: { pl: 'Zaległe', en: 'Overdue' },
  actionFailed: { pl: 'Nie zapisano zmiany zadania', en: 'The task was not changed' },
} satisfies Record<string, Bilingual>;

export type TaskTextKey = keyof typeof TASK_TEXTS;

export function taskText(locale: Locale, key: TaskTextKey): string {
  return TASK_TEXTS[key][locale];
}

export const TASKS: CountForms = { pl: ['zadanie', 'zadania', 'zadań'], en: ['task', 'tasks'] };

/** What the live region says after a change. */
export function taskDoneNotice(
  locale: Locale,
  kind: 'complete' | 'reopen' | 'reschedule',
  title: string,
): string {
  if (kind === 'complete') return locale === 'pl' ? `Zadanie „${title}” wykonane.` : `Task "${title}" done.`;
  if (kind === 'reopen')
    return locale === 'pl' ? `Zadanie „${title}” wznowione.` : `Task "${title}" reopened.`;
  return locale === 'pl' ? `Termin zadania „${title}” przesunięty.` : `Task "${title}" rescheduled.`;
}

/** A share as a whole percent, or a dash when there is nothing to divide. */
export function shownRate(rate: number | null, locale: Locale): string {
  if (rate === null) return '–';
  return `${Math.round(rate * 100).toLocaleString(locale === 'pl' ? 'pl-PL' : 'en-GB')}%`;
}
