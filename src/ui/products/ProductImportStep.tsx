import { Button, Caption1, Label, Subtitle2, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { decodeText, detectDelimiter, parseCsv } from '../../core/import';
import type { Locale } from '../../core/i18n';
import { planProductImport, type ProductImportPlan } from '../../core/products/product-import';
import type { CrmService } from '../../services/crm-service';
import type { StoredRecord } from '../../store/port';
import { isXlsxFile, type XlsxRowsReader } from '../import/spreadsheet-rows';
import { failureText } from '../shared/failure-text';
import { writeFailureText } from '../tasks/issue-text';
import { importedNotice, plannedNotice, productText } from './product-texts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
  problems: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    color: tokens.colorPaletteRedForeground1,
  },
});

export interface ProductImportStepProps {
  locale: Locale;
  service: CrmService;
  products: readonly StoredRecord[];
  readXlsxRows?: XlsxRowsReader;
  onImported: (notice: string) => void;
}

/** The cells of an .xlsx read by the host's reader, whichever shape it gives (rows, or rows with number cells). */
function rowsOf(read: unknown): string[][] {
  if (Array.isArray(read)) return read as string[][];
  const rows = (read as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? (rows as string[][]) : [];
}

/**
 * The products import: a CSV (any of the encodings and delimiters the clients' import reads) or an
 * .xlsx file, its rows checked before anything is written, then one write of all of them.
 */
export function ProductImportStep({
  locale,
  service,
  products,
  readXlsxRows,
  onImported,
}: ProductImportStepProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const fileInputId = useId('product-file');
  const [fileName, setFileName] = useState('');
  const [plan, setPlan] = useState<ProductImportPlan | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const read = async (file: File) => {
    setFailure(null);
    setPlan(null);
    setFileName(file.name);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let table: string[][];
      if (isXlsxFile(file.name, bytes)) {
        if (!readXlsxRows) {
          setFailure(productText(locale, 'xlsxUnavailable'));
          return;
        }
        table = rowsOf(await readXlsxRows(bytes.slice().buffer));
      } else {
        const { text } = decodeText(bytes);
        table = parseCsv(text, detectDelimiter(text));
      }
      setPlan(planProductImport(table, products));
    } catch (error) {
      setFailure(`${productText(locale, 'fileUnreadable')}: ${failureText(error, locale)}`);
    }
  };

  const write = async () => {
    if (!plan) return;
    setBusy(true);
    setFailure(null);
    try {
      const outcome = await service.importProducts(plan);
      setPlan(null);
      setFileName('');
      if (input.current) input.current.value = '';
      onImported(importedNotice(locale, outcome.created, outcome.updated));
    } catch (error) {
      setFailure(writeFailureText(error, locale));
    } finally {
      setBusy(false);
    }
  };

  const count = plan ? plan.create.length + plan.update.length : 0;
  return (
    <section className={styles.root} aria-label={productText(locale, 'importTitle')}>
      <Subtitle2 as="h3">{productText(locale, 'importTitle')}</Subtitle2>
      <Caption1>{productText(locale, 'importHint')}</Caption1>
      {/* A native file input: Fluent's Field labels only its own controls, so the label is tied by id. */}
      <Label htmlFor={fileInputId}>{productText(locale, 'chooseFile')}</Label>
      <input
        id={fileInputId}
        ref={input}
        type="file"
        accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void read(file);
        }}
      />
      {failure && <div role="alert">{failure}</div>}
      {plan && plan.problems.length > 0 && (
        <div role="alert">
          <Caption1>
            {fileName}: {productText(locale, 'importProblems')}
          </Caption1>
          <ul className={styles.problems}>
            {plan.problems.map((problem, i) => (
              <li key={i}>
                {productText(locale, 'row')} {problem.row}: {problem.message[locale]}
              </li>
            ))}
          </ul>
        </div>
      )}
      {plan && plan.problems.length === 0 && (
        <div role="status">
          <Caption1>
            {count === 0
              ? productText(locale, 'nothingToImport')
              : plannedNotice(locale, plan.create.length, plan.update.length)}
          </Caption1>
          {count > 0 && (
            <Button appearance="primary" disabled={busy} onClick={() => void write()}>
              {productText(locale, 'importButton')}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
