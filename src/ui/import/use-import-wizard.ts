import { useCallback, useMemo, useState } from 'react';
import {
  mappingProblems,
  planImport,
  previewImportInSteps,
  suggestColumnMapping,
  type ClientMatch,
  type ColumnMapping,
  type CsvDelimiter,
  type ExistingClient,
  type ExistingPerson,
  type ImportDecision,
  type ImportPlan,
  type ImportRowsResult,
  type MappingSuggestion,
  type TextEncodingName,
} from '../../core/import';
import type { ClientImportOutcome, CrmService } from '../../services/crm-service';
import { runInSlices, useBackgroundWork } from './background-work';
import { dataRowsOf, headersOf, readCsvSource, type ImportSource } from './import-source';
import type { ImportWizardTextKey } from './import-wizard-texts';
import { cellKey, isXlsxFile, type XlsxRowsReader } from './spreadsheet-rows';

export type ImportStep = 'file' | 'format' | 'mapping' | 'preview' | 'matches' | 'result';

export interface ImportResult {
  outcome: ClientImportOutcome;
  skipped: number;
}

/** What the wizard knows so far; each step fills in the next part. */
interface WizardState {
  step: ImportStep;
  source: ImportSource | null;
  suggestion: MappingSuggestion | null;
  mapping: ColumnMapping;
  rows: ImportRowsResult | null;
  matches: ReadonlyMap<number, ClientMatch>;
  decisions: ReadonlyMap<number, ImportDecision>;
  result: ImportResult | null;
  /** A problem of the current step the user can fix (a bad file, a failed write). */
  error: unknown;
  /** The last job was cancelled: nothing was saved. */
  cancelled: boolean;
}

const INITIAL: WizardState = {
  step: 'file',
  source: null,
  suggestion: null,
  mapping: [],
  rows: null,
  matches: new Map(),
  decisions: new Map(),
  result: null,
  error: null,
  cancelled: false,
};

/** A problem with the chosen file, told in the wizard's own words. */
export class ImportFileProblem extends Error {
  constructor(readonly text: ImportWizardTextKey) {
    super(text);
  }
}

/** Which cells of the source held numbers, by file row (1-based) and column; none in a CSV. */
const numberCellsOf = ({ numberCells }: ImportSource) =>
  numberCells && numberCells.size > 0
    ? (rowNumber: number, column: number) => numberCells.has(cellKey(rowNumber - 1, column))
    : undefined;

const existingClients = (service: CrmService) => (service.snapshot?.tables.clients ?? []) as ExistingClient[];
const existingPeople = (service: CrmService) => (service.snapshot?.tables.people ?? []) as ExistingPerson[];

/**
 * The import wizard's state and transitions. Every decision about data — decoding, splitting,
 * mapping suggestions, validation, matching, the plan — is the core's; this only sequences them,
 * keeps the user's choices and runs the heavy stages with progress and Cancel.
 */
export function useImportWizard(service: CrmService, readXlsxRows?: XlsxRowsReader) {
  const [state, setState] = useState<WizardState>(INITIAL);
  const { work, run, cancel } = useBackgroundWork<ImportWizardTextKey>();
  const update = (changes: Partial<WizardState>) => setState((previous) => ({ ...previous, ...changes }));

  const adoptSource = useCallback((source: ImportSource, step: ImportStep) => {
    if (source.table.length === 0) throw new ImportFileProblem('emptyFile');
    const suggestion = suggestColumnMapping(headersOf(source));
    setState((previous) => ({
      ...previous,
      step,
      source,
      suggestion,
      mapping: suggestion.mapping,
      rows: null,
      error: null,
      cancelled: false,
    }));
  }, []);

  const chooseFile = useCallback(
    async (file: File) => {
      update({ error: null, cancelled: false });
      try {
        await run('readingFile', true, async (control) => {
          const bytes = new Uint8Array(await file.arrayBuffer());
          if (control.cancelled) return;
          if (isXlsxFile(file.name, bytes)) {
            if (!readXlsxRows) throw new ImportFileProblem('xlsxUnavailable');
            const { rows: table, numberCells } = await readXlsxRows(bytes.slice().buffer);
            if (control.cancelled) return;
            adoptSource(
              {
                fileName: file.name,
                kind: 'xlsx',
                bytes,
                encoding: null,
                delimiter: null,
                table,
                numberCells,
              },
              'mapping',
            );
          } else {
            adoptSource(readCsvSource(file.name, bytes), 'format');
          }
        });
      } catch (error) {
        update({ error });
      }
    },
    [run, readXlsxRows, adoptSource],
  );

  const changeFormat = useCallback(
    (choice: { encoding?: TextEncodingName; delimiter?: CsvDelimiter }) => {
      const source = state.source;
      if (!source || source.kind !== 'csv') return;
      try {
        adoptSource(
          readCsvSource(source.fileName, source.bytes, {
            encoding: choice.encoding ?? source.encoding ?? undefined,
            delimiter: choice.delimiter ?? source.delimiter ?? undefined,
          }),
          'format',
        );
      } catch (error) {
        update({ error });
      }
    },
    [state.source, adoptSource],
  );

  const setColumn = (column: number, field: ColumnMapping[number]) =>
    setState((previous) => {
      const mapping = [...previous.mapping];
      mapping[column] = field;
      return { ...previous, mapping };
    });

  const problems = useMemo(
    () => (state.source ? mappingProblems(state.mapping, headersOf(state.source)) : []),
    [state.source, state.mapping],
  );

  /** Checks every row in time slices (the bar moves, Cancel works), then finds the valid ones in the base. */
  const checkRows = useCallback(async (): Promise<boolean> => {
    const source = state.source;
    if (!source) return false;
    update({ error: null, cancelled: false });
    const dataRows = dataRowsOf(source);
    if (dataRows.length === 0) {
      update({ error: new ImportFileProblem('noDataRows') });
      return false;
    }
    const checked = await run('checkingRows', true, (control) =>
      // One pass over every row, so a NIP repeated anywhere in the file is found.
      runInSlices(
        previewImportInSteps(source.table, existingClients(service), {
          headerRowNumber: 1,
          mapping: state.mapping,
          existingPeople: existingPeople(service),
          isNumberCell: numberCellsOf(source),
        }),
        control,
      ),
    );
    if (!checked) return false;
    update({ step: 'preview', rows: checked.rows, matches: checked.matches, decisions: checked.decisions });
    return true;
  }, [state.source, state.mapping, run, service]);

  const decide = (rowNumbers: readonly number[], decision: ImportDecision) =>
    setState((previous) => {
      const decisions = new Map(previous.decisions);
      for (const rowNumber of rowNumbers) decisions.set(rowNumber, decision);
      return { ...previous, decisions };
    });

  const plan: ImportPlan | null = useMemo(
    () =>
      state.rows
        ? planImport(state.rows.valid, state.matches, state.decisions, {
            existingPeople: existingPeople(service),
          })
        : null,
    [state.rows, state.matches, state.decisions, service],
  );

  const skipped = useMemo(() => {
    let count = 0;
    for (const decision of state.decisions.values()) if (decision.action === 'skip') count += 1;
    return count;
  }, [state.decisions]);

  /** Writes the plan in one call: all of it or nothing. Not cancellable once it has started. */
  const importPlan = useCallback(async () => {
    if (!plan) return;
    update({ error: null, cancelled: false });
    try {
      const outcome = await run('writing', false, () => service.importClients(plan));
      if (outcome) update({ step: 'result', result: { outcome, skipped } });
    } catch (error) {
      update({ error });
    }
  }, [plan, run, service, skipped]);

  /** After a failed write (someone changed a client meanwhile): read the base again and match anew. */
  const recheck = useCallback(async () => {
    // The old matches go at once: they hold the versions that were just refused.
    update({ error: null, rows: null });
    try {
      await service.load();
    } catch (error) {
      update({ error });
      return;
    }
    update({ step: (await checkRows()) ? 'matches' : 'mapping' });
  }, [service, checkRows]);

  const cancelWork = () => {
    cancel();
    update({ cancelled: true });
  };

  const goTo = (step: ImportStep) => update({ step, error: null, cancelled: false });
  const startOver = () => setState(INITIAL);

  return {
    state,
    work,
    problems,
    plan,
    skipped,
    chooseFile,
    changeFormat,
    setColumn,
    checkRows,
    decide,
    importPlan,
    recheck,
    cancelWork,
    goTo,
    startOver,
  };
}

export type ImportWizardModel = ReturnType<typeof useImportWizard>;
