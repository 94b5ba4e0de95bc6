// The Board's first render with 5,000 open opportunities in one pipeline, drawn by react-dom/server
// inside the pane's FluentProvider: the view's grouping (core), the columns, the cards shown, the
// forecast. A render in a browser adds layout and paint; this is the part our code decides.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { boardView } from '../../src/core/sales/board-view';
import { generateDataset } from '../../src/dev/generator';
import type { StoredRecord, WorkbookSnapshot } from '../../src/store/port';
import { Board } from '../../src/ui/sales/Board';
import type { SalesService } from '../../src/ui/sales/sales-service';
import { median, millisecondsSince, reportProbe } from './probe-output';

const OPEN = Number(process.env.BENCH_BOARD_OPEN ?? 5_000);
const ROUNDS = 7;
const TODAY = '2026-12-04';

function timed<T>(work: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = work();
  return { ms: millisecondsSince(start), value };
}

function main(): void {
  const tables = generateDataset({
    seed: 11,
    clients: OPEN * 4,
    activitiesPerClient: 0,
    opportunityShare: 1,
  });
  const pipeline = String(tables.stages[0].pipeline);
  // The first OPEN open opportunities of one pipeline; its other opportunities stay as they are.
  let open = 0;
  const opportunities = (tables.opportunities as StoredRecord[]).filter((o) => {
    if (o.pipeline !== pipeline || o.status !== 'open') return true;
    open += 1;
    return open <= OPEN;
  });
  const snapshot = {
    meta: { schemaVersion: 3, locale: 'pl' },
    tables: { ...tables, opportunities },
  } as unknown as WorkbookSnapshot;
  // The board reads the snapshot it is given; the service is called only when a card moves.
  const service = { snapshot, user: 'Bench', subscribe: () => () => undefined } as unknown as SalesService;
  const render = () =>
    renderToString(
      createElement(
        FluentProvider,
        { theme: webLightTheme },
        createElement(Board, {
          locale: 'pl',
          service,
          snapshot,
          pipeline,
          filter: {},
          today: TODAY,
          onPipelineChange: () => undefined,
          onFilterChange: () => undefined,
          onOpen: () => undefined,
          onNew: () => undefined,
        }),
      ),
    );

  const first = timed(render);
  const again: number[] = [];
  for (let i = 0; i < ROUNDS; i++) again.push(timed(render).ms);
  const grouping: number[] = [];
  let view = boardView(snapshot.tables, pipeline, {}, TODAY);
  for (let i = 0; i < ROUNDS; i++) {
    const run = timed(() => boardView(snapshot.tables, pipeline, {}, TODAY));
    grouping.push(run.ms);
    view = run.value;
  }
  const cardsDrawn = (first.value.match(/data-opportunity=/g) ?? []).length;
  reportProbe({
    openOpportunities: view.columns.reduce((n, c) => n + c.count, 0),
    stages: view.columns.length,
    cardsDrawn,
    firstRenderMs: first.ms,
    renderMedianMs: median(again),
    boardViewMedianMs: median(grouping),
    htmlKiB: first.value.length / 1024,
  });
}

main();
