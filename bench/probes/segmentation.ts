// Segmentation of a whole client base in memory: facts, ABC, RFM, one rule segment and the
// client updates with their preview, as one "Segment now" in the pane would compute them.
// BENCH_CLIENTS=100000, BENCH_ACTIVITIES_PER_CLIENT=10, BENCH_REPEATS=3. Takes no workbook file.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { dayFromReference, REFERENCE_DAY, timestampFromReference } from '../../src/dev/fixed-calendar';
import { generateDataset } from '../../src/dev/generator';
import {
  assignRuleSegments,
  classifyAbc,
  computeClientFacts,
  parseSegmentRule,
  planSegmentChanges,
  scoreRfm,
  segmentationAssignments,
  type SegmentRule,
} from '../../src/core/segmentation';
import { median, millisecondsSince, reportProbe } from './probe-output';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 100_000);
const ACTIVITIES_PER_CLIENT = Number(process.env.BENCH_ACTIVITIES_PER_CLIENT ?? 10);
const REPEATS = Math.max(1, Number(process.env.BENCH_REPEATS ?? 3));

const RULE_JSON = JSON.stringify({
  combinator: 'or',
  conditions: [
    {
      combinator: 'and',
      conditions: [
        { field: 'wonValue', operator: 'greaterThan', value: 1_000_000 },
        { field: 'status', operator: 'in', value: ['active', 'prospect'] },
      ],
    },
    { field: 'lastActivityOn', operator: 'greaterThan', value: dayFromReference(-30) },
  ],
});

// A full collection before each run, and a pause for the collector's background sweeping to end,
// so that neither the generator's garbage nor its sweeping is charged to segmentation.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const SETTLE_MS = 1500;

function settleHeap(): void {
  collectGarbage();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, SETTLE_MS);
}

/** The result, the wall time and the CPU time of `run`, in ms. */
function timed<T>(run: () => T): [T, number, number] {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = run();
  const wall = millisecondsSince(start);
  const cpu = process.cpuUsage(cpuStart);
  return [result, wall, (cpu.user + cpu.system) / 1000];
}

/**
 * The floor: reading two fields of every activity and nothing else. On a busy machine this
 * alone can take a large part of a second, so the segmentation time is also given against it.
 */
function scanActivities(activities: readonly Record<string, unknown>[]): number {
  let seen = 0;
  for (const activity of activities) {
    if (typeof activity.clientId === 'string' && typeof activity.occurredAt === 'string') seen += 1;
  }
  return seen;
}

function main(): void {
  const [tables, generateMs] = timed(() =>
    generateDataset({ seed: 1, clients: CLIENTS, activitiesPerClient: ACTIVITIES_PER_CLIENT }),
  );
  const parsed = parseSegmentRule(RULE_JSON);
  if (!parsed.ok) throw new Error(parsed.issues.map((issue) => issue.message.en).join('; '));
  const rule: SegmentRule = parsed.rule;
  const segmentedAt = timestampFromReference(0, 18 * 60);

  const runs: Record<string, number>[] = [];
  let changedClients = 0;
  for (let run = 0; run < REPEATS; run++) {
    settleHeap();
    const [, activityScanMs] = timed(() => scanActivities(tables.activities));
    const [facts, factsMs, factsCpuMs] = timed(() =>
      computeClientFacts({
        clients: tables.clients,
        opportunities: tables.opportunities,
        offers: tables.offers,
        activities: tables.activities,
        window: { from: dayFromReference(-364), to: REFERENCE_DAY },
        today: REFERENCE_DAY,
      }),
    );
    const [abc, abcMs, abcCpuMs] = timed(() => classifyAbc(facts));
    const [rfm, rfmMs, rfmCpuMs] = timed(() => scoreRfm(facts));
    const [segments, ruleMs, ruleCpuMs] = timed(() =>
      assignRuleSegments([{ name: 'Aktywni kluczowi', rule }], { facts, abc }),
    );
    const [plan, changesMs, changesCpuMs] = timed(() =>
      planSegmentChanges(tables.clients, segmentationAssignments({ abc, rfm, segments }), segmentedAt),
    );
    changedClients = plan.updates.length;
    // CPU time too: on a shared machine the wall time also counts other processes' turns.
    runs.push({
      factsMs,
      abcMs,
      rfmMs,
      ruleMs,
      changesMs,
      totalMs: factsMs + abcMs + rfmMs + ruleMs + changesMs,
      factsCpuMs,
      abcCpuMs,
      rfmCpuMs,
      ruleCpuMs,
      changesCpuMs,
      totalCpuMs: factsCpuMs + abcCpuMs + rfmCpuMs + ruleCpuMs + changesCpuMs,
      activityScanMs,
    });
  }
  const first = runs[0];
  reportProbe({
    clients: tables.clients.length,
    activities: tables.activities.length,
    opportunities: tables.opportunities.length,
    offers: tables.offers.length,
    generateMs,
    ...first,
    totalMedianMs: median(runs.map((r) => r.totalMs)),
    totalCpuMedianMs: median(runs.map((r) => r.totalCpuMs)),
    activityScanMedianMs: median(runs.map((r) => r.activityScanMs)),
    totalToScanRatio: median(runs.map((r) => r.totalMs / r.activityScanMs)),
    changedClients,
  });
}

main();
