import { RelacjeError, type FieldIssue } from '../errors';
import { validateRecord, type RecordFields, type ValidationMode } from '../records';
import { CURRENT_SCHEMA, tableByKey } from '../schema';

/**
 * A goal's fields checked the core's way, plus its own rules: the period ends on or after it
 * starts, and the target is above zero. `invalidRecord` names each bad field.
 */
export function checkedGoal(
  fields: RecordFields,
  mode: ValidationMode,
  stored: RecordFields = {},
): RecordFields {
  // The service gives a new goal its id; checked here before it has one.
  const stubId = mode === 'create' && !fields.id;
  const input = stubId ? { ...fields, id: 'new' } : fields;
  const checked = validateRecord(tableByKey(CURRENT_SCHEMA, 'goals'), input, {
    mode,
    schema: CURRENT_SCHEMA,
  });
  const issues: FieldIssue[] = [...checked.issues];
  const record = checked.record;
  if (stubId) delete record.id;
  const start = record.periodStart ?? stored.periodStart;
  const end = record.periodEnd ?? stored.periodEnd;
  if (typeof start === 'string' && typeof end === 'string' && end < start) {
    issues.push({
      field: 'periodEnd',
      value: end,
      rule: 'periodOrder',
      message: {
        pl: 'Koniec okresu („Do”) jest przed jego początkiem („Od”): podaj późniejszą datę',
        en: 'The period\'s end ("To") is before its start ("From"): give a later date',
      },
    });
  }
  if (typeof record.target === 'number' && record.target <= 0) {
    issues.push({
      field: 'target',
      value: String(record.target),
      rule: 'positive',
      message: {
        pl: 'Wartość docelowa musi być większa od zera',
        en: 'The target must be above zero',
      },
    });
  }
  if (issues.length > 0) throw new RelacjeError('invalidRecord', { table: 'goals', issues });
  return record;
}
