import {
  Button,
  Caption1,
  Field,
  Input,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Locale } from '../../core/i18n';
import { lineNet } from '../../core/sales/opportunity-transitions';
import type { StoredRecord } from '../../store/port';
import { enumOptions } from '../shared/enum-options';
import { shownMoney } from '../shared/format';
import { EMPTY_LINE, lineFromProduct, parseLine, type LineInputs } from './opportunity-draft';
import { salesText } from './sales-texts';

export interface LinesEditorProps {
  locale: Locale;
  lines: readonly LineInputs[];
  products: readonly StoredRecord[];
  /** Show each line's problems (after a save was tried). */
  showProblems: boolean;
  onChange: (lines: LineInputs[]) => void;
  /** Takes the lines' net total as the opportunity's value. */
  onUseTotal: (grosze: number) => void;
}

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  line: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(110px, 1fr))',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
  },
  wide: { gridColumn: '1 / -1' },
  total: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

/** The products and services of an opportunity: from the catalogue or typed, with their net total. */
export function LinesEditor({
  locale,
  lines,
  products,
  showProblems,
  onChange,
  onUseTotal,
}: LinesEditorProps) {
  const styles = useStyles();
  const vatRates = enumOptions('vatRate', locale);
  const parsed = lines.map(parseLine);
  const total = parsed.reduce((sum, p) => sum + (p.line ? lineNet(p.line) : 0), 0);
  const set = (index: number, next: Partial<LineInputs>) =>
    onChange(lines.map((line, i) => (i === index ? { ...line, ...next } : line)));
  const problem = (index: number, key: keyof LineInputs) => {
    const code = showProblems ? parsed[index].problems[key] : undefined;
    return code ? { validationState: 'error' as const, validationMessage: salesText(locale, code) } : {};
  };
  return (
    <section className={styles.section} aria-labelledby="opportunity-lines-title">
      <Subtitle2 as="h3" id="opportunity-lines-title" className={styles.heading}>
        {salesText(locale, 'lines')}
      </Subtitle2>
      {lines.map((line, index) => {
        const no = index + 1;
        const net = parsed[index].line ? lineNet(parsed[index].line) : null;
        return (
          <fieldset key={index} className={styles.line}>
            <legend>{salesText(locale, 'line', { no })}</legend>
            <Field label={salesText(locale, 'product')} className={styles.wide}>
              <Select
                value={line.productId}
                onChange={(_e, data) => {
                  const product = products.find((p) => p.id === data.value);
                  set(index, product ? lineFromProduct(product, locale, line.quantity) : { productId: '' });
                }}
              >
                <option value="">{salesText(locale, 'otherProduct')}</option>
                {products.map((product) => (
                  <option key={product.id} value={product.id}>
                    {String(product.code ?? '')} — {String(product.name ?? '')}
                  </option>
                ))}
              </Select>
            </Field>
            <Field
              label={salesText(locale, 'description')}
              className={styles.wide}
              required
              {...problem(index, 'description')}
            >
              <Input value={line.description} onChange={(_e, d) => set(index, { description: d.value })} />
            </Field>
            <Field label={salesText(locale, 'quantity')} required {...problem(index, 'quantity')}>
              <Input
                inputMode="decimal"
                value={line.quantity}
                onChange={(_e, d) => set(index, { quantity: d.value })}
              />
            </Field>
            <Field label={salesText(locale, 'unit')}>
              <Input value={line.unit} onChange={(_e, d) => set(index, { unit: d.value })} />
            </Field>
            <Field label={salesText(locale, 'netPrice')} required {...problem(index, 'netPrice')}>
              <Input
                inputMode="decimal"
                value={line.netPrice}
                onChange={(_e, d) => set(index, { netPrice: d.value })}
              />
            </Field>
            <Field label={salesText(locale, 'discount')} {...problem(index, 'discount')}>
              <Input
                inputMode="decimal"
                value={line.discount}
                onChange={(_e, d) => set(index, { discount: d.value })}
              />
            </Field>
            <Field label={salesText(locale, 'vat')}>
              <Select value={line.vatRate} onChange={(_e, d) => set(index, { vatRate: d.value })}>
                {vatRates.map((rate) => (
                  <option key={rate.key} value={rate.key}>
                    {rate.label}
                  </option>
                ))}
              </Select>
            </Field>
            <Caption1 className={styles.wide} aria-live="polite">
              {salesText(locale, 'lineTotal')}: {net === null ? '—' : shownMoney(net, locale)}
            </Caption1>
            <Button
              size="small"
              className={styles.wide}
              aria-label={salesText(locale, 'removeLine', { no })}
              onClick={() => onChange(lines.filter((_line, i) => i !== index))}
            >
              {salesText(locale, 'removeLine', { no })}
            </Button>
          </fieldset>
        );
      })}
      <div className={styles.total}>
        <Button size="small" onClick={() => onChange([...lines, EMPTY_LINE])}>
          {salesText(locale, 'addLine')}
        </Button>
        {lines.length > 0 && (
          <>
            <strong>
              {salesText(locale, 'netTotal')}: {shownMoney(total, locale)}
            </strong>
            <Button size="small" appearance="subtle" onClick={() => onUseTotal(total)}>
              {salesText(locale, 'useLinesTotal')}
            </Button>
          </>
        )}
      </div>
    </section>
  );
}
