// The board's grouping and sums over a generated base of opportunities: each pipeline's stages with
// count, sum, weighted sum and stale count, the forecast by month and the win rate, as the Board recomputes
// them after every move or filter change.
import { pipelineNames } from '../../src/core/sales/pipeline-reading';
import { buildBoard } from '../../src/core/sales/board';
import { generateDataset } from '../../src/dev/generator';
import { median, millisecondsSince, reportProbe } from './probe-output';

const OPPORTUNITIES = Number(process.env.BENCH_BOARD_OPPORTUNITIES ?? 50_000);
const ROUNDS = 20;
const TODAY = '2025-06-30';

function timed(work: () => unknown): number {
  const start = process.hrtime.bigint();
  work();
  return millisecondsSince(start);
}

function main(): void {
  // Every client has an opportunity, a quarter of them two: 1.25 a client on average.
  const tables = generateDataset({
    seed: 1,
    clients: Math.ceil(OPPORTUNITIES / 1.25),
    activitiesPerClient: 0,
    opportunityShare: 1,
  });
  tables.opportunities = tables.opportunities.slice(0, OPPORTUNITIES);
  const pipelines = pipelineNames(tables);
  const largest = pipelines
    .map((name) => ({ name, count: tables.opportunities.filter((o) => o.pipeline === name).length }))
    .sort((a, b) => b.count - a.count)[0].name;
  const owner = String(tables.opportunities[0].owner);
  const segment = String(tables.clients[0].segment);

  // The floor: one pass that any grouping makes, summing the open opportunities' values by stage.
  const floor = () => {
    const sums = new Map<unknown, number>();
    for (const o of tables.opportunities) {
      if (o.pipeline !== largest || o.status !== 'open') continue;
      sums.set(o.stage, (sums.get(o.stage) ?? 0) + Number(o.value ?? 0));
    }
    return sums;
  };
  const floors: number[] = [];
  const onePipeline: number[] = [];
  const afterWrite: number[] = [];
  const everyPipeline: number[] = [];
  const filtered: number[] = [];
  let openCards = 0;
  for (let round = 0; round < ROUNDS; round++) {
    floors.push(timed(floor));
    onePipeline.push(
      timed(() => {
        const board = buildBoard(tables, largest, { today: TODAY });
        openCards = board.columns.reduce((sum, c) => sum + c.count, 0);
      }),
    );
    // After a write the snapshot holds a new opportunities array: the board sorts it by pipeline again.
    const written = { ...tables, opportunities: tables.opportunities.slice() };
    afterWrite.push(timed(() => buildBoard(written, largest, { today: TODAY })));
    everyPipeline.push(timed(() => pipelines.map((p) => buildBoard(tables, p, { today: TODAY }))));
    filtered.push(
      timed(() =>
        buildBoard(tables, largest, { today: TODAY, filters: { owner, segment, closeMonth: '2025-08' } }),
      ),
    );
  }
  reportProbe({
    opportunities: tables.opportunities.length,
    pipelines: pipelines.length,
    openInLargestPipeline: openCards,
    floorMedianMs: median(floors),
    onePipelineMedianMs: median(onePipeline),
    onePipelineToFloor: median(onePipeline) / median(floors),
    onePipelineMaxMs: Math.max(...onePipeline),
    afterWriteMedianMs: median(afterWrite),
    everyPipelineMedianMs: median(everyPipeline),
    filteredMedianMs: median(filtered),
  });
}

main();
