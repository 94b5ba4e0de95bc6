import type { Bilingual } from '../i18n';
import { CURRENT_SCHEMA, enumByKey, tableByKey, type ColumnType, type WorkbookSchema } from '../schema';
import type { AbcResult } from './abc';
import type { ClientFacts } from './client-facts';
import type { FieldValue } from '../records';

/** How a rule compares a field: which operators fit it and what values it takes. */
export type SegmentFieldKind = 'text' | 'enum' | 'boolean' | 'number' | 'date';

export interface SegmentField {
  key: string;
  kind: SegmentFieldKind;
  label: Bilingual;
  /** For `enum` fields: the keys a value may take. */
  enumKeys?: readonly string[];
  /** Computed from the other tables, not a column of the clients table. */
  derived: boolean;
  /** An amount of money: the rule holds grosze (integers), people type złote. */
  money?: boolean;
}

/** What the computed fields are read from; `abc` is needed only for `computedAbcClass`. */
export interface SegmentFieldSources {
  facts: ClientFacts;
  abc?: AbcResult;
}

/** Reads one field of the client at `index` of the facts. */
export type FieldReader = (index: number) => FieldValue;

const KIND_OF_COLUMN: Record<ColumnType, SegmentFieldKind> = {
  id: 'text',
  ref: 'text',
  text: 'text',
  enum: 'enum',
  boolean: 'boolean',
  integer: 'number',
  number: 'number',
  money: 'number',
  percent: 'number',
  date: 'date',
  // A timestamp is compared by its day: rules speak of days.
  datetime: 'date',
};

interface DerivedField extends SegmentField {
  reader: (sources: SegmentFieldSources) => FieldReader;
}

const DERIVED_FIELDS: readonly DerivedField[] = [
  {
    key: 'wonValue',
    kind: 'number',
    label: { pl: 'Wartość wygranych w okresie (zł)', en: 'Won value in the period (PLN)' },
    derived: true,
    money: true,
    reader:
      ({ facts }) =>
      (index) =>
        facts.wonValue[index],
  },
  {
    key: 'wonDeals',
    kind: 'number',
    label: { pl: 'Liczba wygranych (w okresie)', en: 'Deals won (in the period)' },
    derived: true,
    reader:
      ({ facts }) =>
      (index) =>
        facts.wonDeals[index],
  },
  {
    key: 'activityCount',
    kind: 'number',
    label: { pl: 'Liczba kontaktów (w okresie)', en: 'Activities (in the period)' },
    derived: true,
    reader:
      ({ facts }) =>
      (index) =>
        facts.activityCount[index],
  },
  {
    key: 'lastActivityOn',
    kind: 'date',
    label: { pl: 'Ostatni kontakt', en: 'Last activity' },
    derived: true,
    reader:
      ({ facts }) =>
      (index) =>
        facts.lastActivityOn[index],
  },
  {
    key: 'lastWonOn',
    kind: 'date',
    label: { pl: 'Ostatnia wygrana', en: 'Last deal won' },
    derived: true,
    reader:
      ({ facts }) =>
      (index) =>
        facts.lastWonOn[index],
  },
  {
    key: 'computedAbcClass',
    kind: 'enum',
    label: { pl: 'Klasa ABC (wyliczona)', en: 'ABC class (computed)' },
    enumKeys: ['A', 'B', 'C'],
    derived: true,
    reader:
      ({ abc }) =>
      (index) =>
        abc?.byIndex[index]?.abcClass ?? null,
  },
];

/** Every field a segment rule may use: the clients table's columns and the computed fields. */
export function segmentFields(schema: WorkbookSchema = CURRENT_SCHEMA): SegmentField[] {
  const columns = tableByKey(schema, 'clients').columns.map((column): SegmentField => ({
    key: column.key,
    kind: KIND_OF_COLUMN[column.type],
    label: column.header,
    enumKeys: column.enumKey ? enumByKey(schema, column.enumKey).values.map((v) => v.key) : undefined,
    derived: false,
    ...(column.type === 'money' ? { money: true } : {}),
  }));
  const derived = DERIVED_FIELDS.map(({ reader: _reader, ...field }) => field);
  return [...columns, ...derived];
}

/** A reader of `field` over the facts' clients. */
export function fieldReader(field: SegmentField, sources: SegmentFieldSources): FieldReader {
  const derived = DERIVED_FIELDS.find((candidate) => candidate.key === field.key);
  if (derived) return derived.reader(sources);
  const { clients } = sources.facts;
  const key = field.key;
  if (field.kind === 'date') {
    return (index) => {
      const value = clients[index][key];
      return typeof value === 'string' && value !== '' ? value.slice(0, 10) : null;
    };
  }
  return (index) => clients[index][key] ?? null;
}
