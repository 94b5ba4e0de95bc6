import type { Locale } from '../../core/i18n';
import type { RecordFields } from '../../core/records';
import { parseTypedNumber } from '../../core/cells';
import { parseMoney } from '../../core/validation/money';
import type { OpportunityLineDraft } from '../../services/sales-process';
import type { StoredRecord } from '../../store/port';
import { inputValueOf } from '../shared/record-inputs';
import { columnOf } from './sales-columns';
import type { SalesTextKey } from './sales-texts';

/** A line as typed: every number as the user's text (money in złote). */
export interface LineInputs {
  productId: string;
  description: string;
  quantity: string;
  unit: string;
  netPrice: string;
  discount: string;
  vatRate: string;
}

export const EMPTY_LINE: LineInputs = {
  productId: '',
  description: '',
  quantity: '1',
  unit: 'szt.',
  netPrice: '',
  discount: '',
  vatRate: '23',
};

/** A stored line of an opportunity as the form shows it again. */
export function lineInputsOf(line: StoredRecord, locale: Locale): LineInputs {
  const shown = (key: string) => String(inputValueOf(columnOf('opportunityLines', key), line[key], locale));
  return {
    productId: shown('productId'),
    description: shown('description'),
    quantity: shown('quantity').replace('.', locale === 'pl' ? ',' : '.'),
    unit: shown('unit'),
    netPrice: shown('netPrice'),
    discount: shown('discount'),
    vatRate: shown('vatRate'),
  };
}

/** A product of the catalogue as a new line: its name, unit, net price and VAT rate. */
export function lineFromProduct(product: StoredRecord, locale: Locale, quantity = '1'): LineInputs {
  const shown = (key: string) => String(inputValueOf(columnOf('products', key), product[key], locale));
  return {
    productId: product.id,
    description: shown('name'),
    quantity,
    unit: shown('unit'),
    netPrice: shown('netPrice'),
    discount: '',
    vatRate: shown('vatRate') || '23',
  };
}

export type LineProblems = Partial<Record<keyof LineInputs, SalesTextKey>>;

/** A typed line as the service takes it (grosze, numbers), or what is wrong with each field. */
export function parseLine(line: LineInputs): { line?: OpportunityLineDraft; problems: LineProblems } {
  const problems: LineProblems = {};
  if (line.description.trim() === '') problems.description = 'fieldMissing';
  const quantity = parseTypedNumber(line.quantity);
  if (quantity === undefined || !Number.isFinite(quantity) || quantity <= 0) problems.quantity = 'badNumber';
  const price = parseMoney(line.netPrice);
  if (!price.ok) problems.netPrice = 'badMoney';
  let discount: number | null = null;
  if (line.discount.trim() !== '') {
    const parsed = parseTypedNumber(line.discount);
    if (parsed === undefined || parsed < 0 || parsed > 100) problems.discount = 'badPercent';
    else discount = parsed;
  }
  if (Object.keys(problems).length > 0 || quantity === undefined || !price.ok) return { problems };
  return {
    problems,
    line: {
      productId: line.productId || null,
      description: line.description.trim(),
      quantity,
      unit: line.unit.trim() || 'szt.',
      netPrice: price.value,
      discount,
      vatRate: line.vatRate || '23',
    },
  };
}

/** Fields of the opportunity form, by key, as their text (money in złote). */
export type OpportunityInputs = Record<string, string>;

export const FORM_FIELDS = [
  'clientId',
  'personId',
  'name',
  'value',
  'currency',
  'probability',
  'expectedClose',
  'owner',
] as const;

/** A stored opportunity as the form shows it. */
export function opportunityInputsOf(opportunity: StoredRecord, locale: Locale): OpportunityInputs {
  return Object.fromEntries(
    FORM_FIELDS.map((key) => [
      key,
      String(inputValueOf(columnOf('opportunities', key), opportunity[key], locale)),
    ]),
  );
}

/** The typed fields as the service takes them: blanks as null, the rest as typed (the core parses). */
export function opportunityFields(inputs: OpportunityInputs): RecordFields {
  return Object.fromEntries(
    FORM_FIELDS.map((key) => [key, (inputs[key] ?? '').trim() === '' ? null : inputs[key].trim()]),
  );
}

/** A tender's documents checklist: each item and whether it is ready (marked ✓). */
export function documentItems(text: string): { name: string; ready: boolean }[] {
  return text
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => ({ name: item.replace(/^✓\s*/, ''), ready: item.startsWith('✓') }));
}

export function documentsText(items: readonly { name: string; ready: boolean }[]): string {
  return items.map((item) => `${item.ready ? '✓ ' : ''}${item.name}`).join('; ');
}
