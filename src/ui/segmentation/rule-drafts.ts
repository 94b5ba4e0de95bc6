import {
  checkSegmentRule,
  SEGMENT_OPERATORS,
  type SegmentField,
  type SegmentGroup,
  type SegmentOperator,
  type SegmentScalar,
} from '../../core/segmentation';
import { parseMoney } from '../../core/validation/money';

/** One condition row of the rule builder, as typed. */
export interface ConditionDraft {
  field: string;
  operator: SegmentOperator;
  value: string;
  valueTo: string;
}

export interface RuleDraft {
  combinator: 'and' | 'or';
  conditions: ConditionDraft[];
}

/**
 * The operators the core accepts for a field: an operator is offered unless the core's own rule
 * check objects to the operator itself (the value is checked later, when the rule is complete).
 */
export function operatorsFor(field: string): SegmentOperator[] {
  return SEGMENT_OPERATORS.filter((operator) => {
    const checked = checkSegmentRule({ field, operator });
    return checked.ok || !checked.issues.some((issue) => issue.path[issue.path.length - 1] === 'operator');
  });
}

export const takesNoValue = (operator: SegmentOperator) =>
  operator === 'isEmpty' || operator === 'isNotEmpty';

function typed(text: string, field: SegmentField | undefined): SegmentScalar {
  const trimmed = text.trim();
  if (field?.kind === 'boolean') return trimmed === 'true' ? true : trimmed === 'false' ? false : trimmed;
  if (field?.money) {
    // Typed in złote ("1 000,50"), kept in grosze as the rule compares them.
    const grosze = parseMoney(trimmed);
    return trimmed !== '' && grosze.ok ? grosze.value : trimmed;
  }
  if (field?.kind === 'number') {
    const number = Number(trimmed.replace(/\s/g, '').replace(',', '.'));
    return trimmed !== '' && Number.isFinite(number) ? number : trimmed;
  }
  return trimmed;
}

/** The draft as a rule for the core to check: values typed by their field's kind, money in grosze. */
export function ruleOfDraft(draft: RuleDraft, fields: ReadonlyMap<string, SegmentField>): SegmentGroup {
  return {
    combinator: draft.combinator,
    conditions: draft.conditions.map((condition) => {
      const field = fields.get(condition.field);
      const { operator } = condition;
      if (takesNoValue(operator)) return { field: condition.field, operator };
      if (operator === 'in') {
        const items = condition.value
          .split(';')
          .map((item) => item.trim())
          .filter((item) => item !== '');
        return { field: condition.field, operator, value: items.map((item) => typed(item, field)) };
      }
      if (operator === 'between') {
        return {
          field: condition.field,
          operator,
          value: [typed(condition.value, field), typed(condition.valueTo, field)],
        };
      }
      return { field: condition.field, operator, value: typed(condition.value, field) };
    }),
  };
}
