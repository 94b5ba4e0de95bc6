import type { Bilingual, Locale } from '../i18n';
import type { RecordFields } from '../records';
import { isEmptyValue } from './client-rows';

/** The tables whose records the client card lists, edits and deletes one at a time. */
export const CARD_RECORD_TABLES = [
  'people',
  'activities',
  'tasks',
  'opportunities',
  'offers',
  'projects',
  'surveyAnswers',
  'complaints',
] as const;

export type CardRecordTable = (typeof CARD_RECORD_TABLES)[number];

export function isCardRecordTable(table: string): table is CardRecordTable {
  return (CARD_RECORD_TABLES as readonly string[]).includes(table);
}

/** What a record of each table is called in a sentence ("Usunięto zadanie: …"). */
const NOUNS: Record<CardRecordTable, Bilingual> = {
  people: { pl: 'osobę', en: 'person' },
  activities: { pl: 'wpis historii', en: 'history entry' },
  tasks: { pl: 'zadanie', en: 'task' },
  opportunities: { pl: 'szansę', en: 'opportunity' },
  offers: { pl: 'ofertę', en: 'offer' },
  projects: { pl: 'projekt', en: 'project' },
  surveyAnswers: { pl: 'odpowiedź ankiety', en: 'survey answer' },
  complaints: { pl: 'reklamację', en: 'complaint' },
};

/** The fields that name a record of each table, joined with a space. */
const TITLE_FIELDS: Record<CardRecordTable, readonly string[]> = {
  people: ['firstName', 'lastName'],
  activities: ['subject'],
  tasks: ['title'],
  opportunities: ['name'],
  offers: ['number'],
  projects: ['name'],
  surveyAnswers: ['question'],
  complaints: ['subject'],
};

/** The record's noun in the accusative ("zadanie", "osobę"), as in "Usunąć zadanie …?". */
export function recordNoun(table: CardRecordTable, locale: Locale): string {
  return NOUNS[table][locale];
}

/** How people name the record: a person's name, a task's title, an offer's number. */
export function recordTitle(table: CardRecordTable, record: RecordFields): string {
  return TITLE_FIELDS[table]
    .map((field) => record[field])
    .filter((value) => !isEmptyValue(value))
    .map(String)
    .join(' ')
    .trim();
}
