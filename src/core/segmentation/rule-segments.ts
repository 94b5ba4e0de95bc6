import { z } from 'zod';
import type { Bilingual } from '../i18n';
import type { FieldValue } from '../records';
import { CURRENT_SCHEMA, type WorkbookSchema } from '../schema';
import { parseDate } from '../validation/dates';
import {
  fieldReader,
  segmentFields,
  type SegmentField,
  type SegmentFieldKind,
  type SegmentFieldSources,
} from './segment-fields';
import { RULE_TEXTS, rulePlace } from './segmentation-texts';

export const SEGMENT_OPERATORS = [
  'equals',
  'notEquals',
  'contains',
  'startsWith',
  'greaterThan',
  'lessThan',
  'between',
  'isEmpty',
  'isNotEmpty',
  'in',
] as const;

export type SegmentOperator = (typeof SEGMENT_OPERATORS)[number];

export type SegmentScalar = string | number | boolean;

/** `field operator value`; `between` takes `[from, to]` (both included), `in` a list, the empty checks nothing. */
export interface SegmentCondition {
  field: string;
  operator: SegmentOperator;
  value?: SegmentScalar | SegmentScalar[];
}

export interface SegmentGroup {
  combinator: 'and' | 'or';
  conditions: SegmentNode[];
}

export type SegmentNode = SegmentCondition | SegmentGroup;

/** A segment's rule as kept (as JSON) in the `rule` column of the segments table. */
export type SegmentRule = SegmentNode;

export interface SegmentRuleIssue {
  /** Where in the JSON: keys and list positions from the top. */
  path: (string | number)[];
  message: Bilingual;
}

export type ParsedSegmentRule = { ok: true; rule: SegmentRule } | { ok: false; issues: SegmentRuleIssue[] };

/** Groups in groups: deep enough for "(a and b) or (c and (d or e))", shallow enough to read. */
export const MAX_RULE_DEPTH = 4;

const OPERATORS_BY_KIND: Record<SegmentFieldKind, readonly SegmentOperator[]> = {
  text: ['equals', 'notEquals', 'contains', 'startsWith', 'in', 'isEmpty', 'isNotEmpty'],
  enum: ['equals', 'notEquals', 'in', 'isEmpty', 'isNotEmpty'],
  boolean: ['equals', 'notEquals', 'isEmpty', 'isNotEmpty'],
  number: ['equals', 'notEquals', 'greaterThan', 'lessThan', 'between', 'in', 'isEmpty', 'isNotEmpty'],
  date: ['equals', 'notEquals', 'greaterThan', 'lessThan', 'between', 'isEmpty', 'isNotEmpty'],
};

const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);

const conditionSchema = z
  .object({
    field: z.string().min(1),
    operator: z.enum(SEGMENT_OPERATORS),
    value: z.union([scalarSchema, z.array(scalarSchema)]).optional(),
  })
  .strict();

const nodeSchema: z.ZodType<SegmentNode> = z.lazy(() => z.union([conditionSchema, groupSchema]));

const groupSchema: z.ZodType<SegmentGroup> = z
  .object({
    combinator: z.enum(['and', 'or']),
    conditions: z.array(nodeSchema).min(1),
  })
  .strict();

const isGroup = (node: SegmentNode): node is SegmentGroup => 'combinator' in node;

/**
 * Reads a rule from its JSON text and checks it against the clients table of `schema`: the shape
 * (with zod), that each field exists, that its operator fits the field and the value fits both.
 * Dates typed dd.mm.rrrr are normalised to yyyy-mm-dd. Every problem is returned, each naming
 * its place in the rule, in Polish and English.
 */
export function parseSegmentRule(json: string, schema: WorkbookSchema = CURRENT_SCHEMA): ParsedSegmentRule {
  let input: unknown;
  try {
    input = JSON.parse(json);
  } catch (error) {
    return { ok: false, issues: [{ path: [], message: RULE_TEXTS.notJson((error as Error).message) }] };
  }
  return checkSegmentRule(input, schema);
}

/** As `parseSegmentRule`, for a rule already read from JSON (e.g. built by the segment editor). */
export function checkSegmentRule(input: unknown, schema: WorkbookSchema = CURRENT_SCHEMA): ParsedSegmentRule {
  const shape = nodeSchema.safeParse(input);
  if (!shape.success) return { ok: false, issues: shapeIssues(shape.error.issues, input) };
  const fields = new Map(segmentFields(schema).map((field) => [field.key, field]));
  const issues: SegmentRuleIssue[] = [];
  const rule = checkNode(shape.data, [], 1, fields, issues);
  return issues.length === 0 ? { ok: true, rule } : { ok: false, issues };
}

/** The rule as JSON text for the `rule` column, keys in a fixed order so equal rules give equal text. */
export function serializeSegmentRule(rule: SegmentRule): string {
  return JSON.stringify(canonical(rule));
}

function canonical(node: SegmentNode): SegmentNode {
  if (isGroup(node)) return { combinator: node.combinator, conditions: node.conditions.map(canonical) };
  return node.value === undefined
    ? { field: node.field, operator: node.operator }
    : { field: node.field, operator: node.operator, value: node.value };
}

type Path = (string | number)[];

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Zod's issues in our words. A node that fails both shapes is reported by the shape it looks like. */
function shapeIssues(zodIssues: readonly z.ZodIssue[], input: unknown): SegmentRuleIssue[] {
  const issues: SegmentRuleIssue[] = [];
  for (const issue of zodIssues) {
    const path = issue.path;
    const at = (message: Bilingual) => issues.push({ path, message: placed(path, message) });
    switch (issue.code) {
      case 'invalid_union': {
        const node = valueAt(input, path);
        if (node === null || typeof node !== 'object' || Array.isArray(node)) {
          at(RULE_TEXTS.expectedNode());
          break;
        }
        const looksLikeGroup = 'combinator' in node || 'conditions' in node;
        issues.push(...shapeIssues(issue.unionErrors[looksLikeGroup ? 1 : 0].issues, input));
        break;
      }
      case 'invalid_type':
        at(issue.received === 'undefined' ? RULE_TEXTS.missing() : RULE_TEXTS.wrongType(issue.expected));
        break;
      case 'invalid_enum_value':
        at(RULE_TEXTS.unknownOption(String(issue.received), issue.options.map(String)));
        break;
      case 'unrecognized_keys':
        at(RULE_TEXTS.unknownKeys(issue.keys));
        break;
      case 'too_small':
        at(issue.type === 'array' ? RULE_TEXTS.emptyGroup() : RULE_TEXTS.missing());
        break;
      default:
        at(RULE_TEXTS.expectedNode());
    }
  }
  return issues;
}

const placed = (path: Path, message: Bilingual): Bilingual => {
  const place = rulePlace(path);
  return { pl: `${place.pl}: ${message.pl}`, en: `${place.en}: ${message.en}` };
};

function checkNode(
  node: SegmentNode,
  path: Path,
  depth: number,
  fields: ReadonlyMap<string, SegmentField>,
  issues: SegmentRuleIssue[],
): SegmentNode {
  const report = (at: Path, message: Bilingual) => issues.push({ path: at, message: placed(at, message) });
  if (isGroup(node)) {
    if (depth > MAX_RULE_DEPTH) report(path, RULE_TEXTS.tooDeep(MAX_RULE_DEPTH));
    return {
      combinator: node.combinator,
      conditions: node.conditions.map((child, i) =>
        checkNode(child, [...path, 'conditions', i], depth + 1, fields, issues),
      ),
    };
  }
  const field = fields.get(node.field);
  if (!field) {
    report([...path, 'field'], RULE_TEXTS.unknownField(node.field, [...fields.keys()]));
    return node;
  }
  const allowed = OPERATORS_BY_KIND[field.kind];
  if (!allowed.includes(node.operator)) {
    report([...path, 'operator'], RULE_TEXTS.operatorNotForField(node.operator, field.label, allowed));
    return node;
  }
  const value = checkValue(node, field, [...path, 'value'], report);
  return value === undefined ? { field: node.field, operator: node.operator } : { ...node, value };
}

function checkValue(
  node: SegmentCondition,
  field: SegmentField,
  path: Path,
  report: (at: Path, message: Bilingual) => void,
): SegmentScalar | SegmentScalar[] | undefined {
  const { operator, value } = node;
  if (operator === 'isEmpty' || operator === 'isNotEmpty') {
    if (value !== undefined) report(path, RULE_TEXTS.valueNotAllowed(operator));
    return undefined;
  }
  if (value === undefined) {
    report(path, RULE_TEXTS.valueMissing(operator));
    return undefined;
  }
  if (operator === 'in') {
    if (!Array.isArray(value) || value.length === 0) {
      report(path, RULE_TEXTS.expectedList(operator));
      return value;
    }
    return value.map((item, i) => checkScalar(item, field, [...path, i], report));
  }
  if (operator === 'between') {
    if (!Array.isArray(value) || value.length !== 2) {
      report(path, RULE_TEXTS.expectedRange());
      return value;
    }
    const range = value.map((item, i) => checkScalar(item, field, [...path, i], report));
    if (typeof range[0] === typeof range[1] && range[0] > range[1]) report(path, RULE_TEXTS.expectedRange());
    return range;
  }
  if (Array.isArray(value)) {
    report(path, RULE_TEXTS.wrongValue(JSON.stringify(value), field.label, field.kind));
    return value;
  }
  return checkScalar(value, field, path, report);
}

function checkScalar(
  value: SegmentScalar,
  field: SegmentField,
  path: Path,
  report: (at: Path, message: Bilingual) => void,
): SegmentScalar {
  const wrong = () => {
    report(path, RULE_TEXTS.wrongValue(String(value), field.label, field.money ? 'money' : field.kind));
    return value;
  };
  switch (field.kind) {
    case 'text':
      return typeof value === 'string' ? value : wrong();
    case 'enum': {
      if (typeof value !== 'string') return wrong();
      const keys = field.enumKeys ?? [];
      if (!keys.includes(value)) report(path, RULE_TEXTS.notInList(value, field.label, keys));
      return value;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : wrong();
    case 'number':
      if (field.money) return typeof value === 'number' && Number.isSafeInteger(value) ? value : wrong();
      return typeof value === 'number' && Number.isFinite(value) ? value : wrong();
    case 'date': {
      const parsed = typeof value === 'string' ? parseDate(value) : undefined;
      return parsed?.ok ? parsed.value : wrong();
    }
  }
}

/** A rule made ready to test clients by their index in the facts. */
export type ClientPredicate = (index: number) => boolean;

/**
 * Compiles a checked rule once into a predicate; testing a client is then a few comparisons.
 * Text compares ignoring letter case; an empty value matches only `isEmpty` and `notEquals`;
 * an empty yes/no field counts as "no" for `equals`/`notEquals`; dates compare by day.
 */
export function compileSegmentRule(
  rule: SegmentRule,
  sources: SegmentFieldSources,
  schema: WorkbookSchema = CURRENT_SCHEMA,
): ClientPredicate {
  const fields = new Map(segmentFields(schema).map((field) => [field.key, field]));
  return compileNode(rule, sources, fields);
}

function compileNode(
  node: SegmentNode,
  sources: SegmentFieldSources,
  fields: ReadonlyMap<string, SegmentField>,
): ClientPredicate {
  if (isGroup(node)) {
    const parts = node.conditions.map((child) => compileNode(child, sources, fields));
    // Plain loops: `every`/`some` with an arrow would make a closure per client tested.
    return node.combinator === 'and'
      ? (index) => {
          for (const part of parts) if (!part(index)) return false;
          return true;
        }
      : (index) => {
          for (const part of parts) if (part(index)) return true;
          return false;
        };
  }
  const field = fields.get(node.field);
  if (!field) throw new Error(`Unchecked segment rule: unknown field ${node.field}`);
  const read = fieldReader(field, sources);
  const test = valueTest(node, field);
  return (index) => test(read(index));
}

const isEmptyValue = (value: FieldValue) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

type ValueTest = (value: FieldValue) => boolean;

function valueTest(node: SegmentCondition, field: SegmentField): ValueTest {
  const { operator } = node;
  if (operator === 'isEmpty') return isEmptyValue;
  if (operator === 'isNotEmpty') return (value) => !isEmptyValue(value);
  // Text compares without letter case; every other kind compares as kept.
  const fold =
    field.kind === 'text' ? (v: FieldValue) => (typeof v === 'string' ? v.toLowerCase() : v) : null;
  const normal = (v: FieldValue): FieldValue => {
    if (field.kind === 'boolean') return v === true;
    return fold ? fold(v) : v;
  };
  const ruleValues = (Array.isArray(node.value) ? node.value : [node.value ?? null]).map((v) => normal(v));
  const [first, second] = ruleValues;
  const present =
    (test: (value: NonNullable<FieldValue>) => boolean): ValueTest =>
    (value) => {
      if (field.kind !== 'boolean' && isEmptyValue(value)) return false;
      return test(normal(value) as NonNullable<FieldValue>);
    };
  switch (operator) {
    case 'equals':
      return present((v) => v === first);
    case 'notEquals': {
      const equals = present((v) => v === first);
      return (value) => !equals(value);
    }
    case 'contains':
      return present((v) => typeof v === 'string' && v.includes(first as string));
    case 'startsWith':
      return present((v) => typeof v === 'string' && v.startsWith(first as string));
    case 'greaterThan':
      return present((v) => v > (first as NonNullable<FieldValue>));
    case 'lessThan':
      return present((v) => v < (first as NonNullable<FieldValue>));
    case 'between':
      return present(
        (v) => v >= (first as NonNullable<FieldValue>) && v <= (second as NonNullable<FieldValue>),
      );
    case 'in': {
      const allowed = new Set(ruleValues);
      return present((v) => allowed.has(v));
    }
  }
}

/** The ids of the facts' clients the rule selects, in client order. */
export function selectSegmentClients(
  rule: SegmentRule,
  sources: SegmentFieldSources,
  schema: WorkbookSchema = CURRENT_SCHEMA,
): string[] {
  const matches = compileSegmentRule(rule, sources, schema);
  const ids: string[] = [];
  for (const index of sources.facts.clientIndices) {
    if (matches(index)) ids.push(sources.facts.clients[index].id);
  }
  return ids;
}

/** A named segment with its checked rule, e.g. a row of the segments table after `parseSegmentRule`. */
export interface NamedSegmentRule {
  name: string;
  rule: SegmentRule;
}

/**
 * Each client's segment, by its index in the facts' clients: the name of the first segment (in
 * the order given) whose rule selects it. Clients no rule selects get undefined, so their
 * segment is kept as the user set it.
 */
export function assignRuleSegments(
  segments: readonly NamedSegmentRule[],
  sources: SegmentFieldSources,
  schema: WorkbookSchema = CURRENT_SCHEMA,
): (string | undefined)[] {
  const compiled = segments.map((segment) => ({
    name: segment.name,
    matches: compileSegmentRule(segment.rule, sources, schema),
  }));
  const { facts } = sources;
  const assigned = new Array<string | undefined>(facts.clients.length).fill(undefined);
  for (const index of facts.clientIndices) {
    for (const segment of compiled) {
      if (segment.matches(index)) {
        assigned[index] = segment.name;
        break;
      }
    }
  }
  return assigned;
}
