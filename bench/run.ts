/**
 * `npm run bench`: every probe of `PROBES` whose file exists, each run in a fresh process so that
 * timings and peak memory are its own. Figures go to docs/BENCHMARKS.md, as ratios against a
 * baseline measured in the same run.
 *
 * BENCH_SIZES=10000,100000 (client counts), BENCH_REPEATS=3, BENCH_ACTIVITIES_PER_CLIENT=3,
 * BENCH_OUTPUT (default docs/BENCHMARKS.md); BENCH_PROBES=segmentation,client-filter runs those only
 * (into BENCH_OUTPUT, which is then required).
 */
import { execFileSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeGeneratedWorkbook } from '../src/dev/generated-workbook';
import { median } from './probes/probe-output';

const sizes = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const activitiesPerClient = Number(process.env.BENCH_ACTIVITIES_PER_CLIENT ?? 3);
const output = process.env.BENCH_OUTPUT ?? path.join(__dirname, '..', 'docs', 'BENCHMARKS.md');

type Figures = Record<string, number>;

/**
 * One probe: `bench/probes/<file>`, run as `node <file> [workbook]`, printing its figures as one
 * JSON line last (`reportProbe` in probe-output.ts adds its peak memory).
 */
interface Probe {
  name: string;
  file: string;
  /** The generated workbook, a copy of it (for probes that write), or nothing (e.g. bundle size). */
  input: 'workbook' | 'copy' | 'none';
  /** Run at every workbook size, or at the smallest only. */
  sizes: 'every' | 'smallest';
  /** Run once, not once per round: for probes that take their own medians. */
  once?: boolean;
  /**
   * Bundled into one scope with esbuild before it runs, as webpack bundles the panes. Under tsx's
   * CommonJS every call of an imported function goes through a property getter, which in a loop
   * over a million rows costs about as much as the work itself: pure core code is measured as shipped.
   */
  bundled?: boolean;
  /** How its figures are written, for probes without a section of their own below. */
  title?: string;
  about?: string;
  /** The figures to print, in order, with their headings; all of them when not given. */
  figures?: { key: string; heading: string; digits?: number }[];
  /** Run with Node's default heap, as a user's `npm start` or `relacje` runs: no larger heap given. */
  defaultHeap?: boolean;
}

/** To add a probe: a row here and its file in bench/probes/. Probes whose file is not there are left out. */
const PROBES: readonly Probe[] = [
  { name: 'read-exceljs', file: 'read-exceljs.ts', input: 'workbook', sizes: 'every' },
  { name: 'read-relacje', file: 'read-relacje.ts', input: 'workbook', sizes: 'every' },
  {
    name: 'read-scan',
    file: 'read-scan.ts',
    input: 'workbook',
    sizes: 'smallest',
    // It takes its own medians (BENCH_SCAN_ROUNDS, default 5).
    once: true,
    title: 'Lean read against a byte-level scan',
    about:
      'The permissive lean reader (every table of the workbook, its cells, then decoded into records) against the least any reader of the same XML does, in the same run: inflating the sheets and a byte-level scan that finds every cell and makes one string of each value. Target: the cells within 2× of inflating plus the scan.',
    figures: [
      { key: 'xmlMiB', heading: 'sheet XML (MiB)', digits: 1 },
      { key: 'inflateMs', heading: 'inflate (ms)' },
      { key: 'byteScanMs', heading: 'byte scan (ms)' },
      { key: 'leanCellsMs', heading: 'lean read, cells (ms)' },
      { key: 'leanRecordsMs', heading: 'lean read, records (ms)' },
      { key: 'cellsToScan', heading: 'cells / (inflate + scan)', digits: 2 },
      { key: 'recordsToScan', heading: 'records / (inflate + scan)', digits: 2 },
    ],
  },
  { name: 'append-and-fold', file: 'append-and-fold.ts', input: 'copy', sizes: 'every' },
  {
    name: 'fold-patch',
    file: 'fold-patch.ts',
    input: 'copy',
    sizes: 'every',
    defaultHeap: true,
    title: 'Fold after a write, against its floor',
    about:
      "One client appended, then the fold: the engine patches the package (the clients sheet rebuilt from its rows, its table part, every other part copied as stored). Floor, measured in the same process first: the clients sheet inflated and deflated again and every other part copied, which any fold that rewrites that sheet must do. Target: within 2× the floor. Node's default heap.",
    figures: [
      { key: 'floorMs', heading: 'floor (ms)' },
      { key: 'foldMs', heading: 'fold (ms)' },
      { key: 'foldToFloor', heading: 'fold / floor', digits: 2 },
      { key: 'openMs', heading: 'open before it (ms)' },
      { key: 'rssAfterOpenMiB', heading: 'RSS after open (MiB)' },
      { key: 'peakRssMiB', heading: 'peak RSS with the fold (MiB)' },
    ],
  },
  {
    name: 'append-after-open',
    file: 'append-after-open.ts',
    input: 'copy',
    sizes: 'every',
    defaultHeap: true,
    title: 'Appends from the first moment after an open',
    about:
      'One client per call, each awaited (acknowledged means fsynced), for the first seconds after the store opened (BENCH_APPEND_SECONDS, 3). Floor: the same number of journal-sized lines appended to a file with fdatasync each. Target: p99 under 20 ms.',
    figures: [
      { key: 'appends', heading: 'appends' },
      { key: 'appendMedianMs', heading: 'median (ms)', digits: 2 },
      { key: 'appendP99Ms', heading: 'p99 (ms)', digits: 2 },
      { key: 'appendMaxMs', heading: 'max (ms)', digits: 1 },
      { key: 'floorP99Ms', heading: 'floor p99 (ms)', digits: 2 },
      { key: 'p99ToFloor', heading: 'p99 / floor p99', digits: 2 },
    ],
  },
  {
    name: 'server-open',
    file: 'server-open.ts',
    input: 'copy',
    sizes: 'every',
    defaultHeap: true,
    title: 'The local server opening a workbook',
    about:
      "What `npm start` does before the first pane loads: `startServer` and the workbook opened by the engine (lean reader, no ExcelJS), with Node's default heap.",
    figures: [
      { key: 'openMs', heading: 'open (ms)' },
      { key: 'rssAfterOpenMiB', heading: 'RSS after open (MiB)' },
      { key: 'peakRssMiB', heading: 'peak RSS (MiB)' },
    ],
  },
  { name: 'graph-load', file: 'graph-load.ts', input: 'copy', sizes: 'smallest' },
  {
    name: 'graph-load-split',
    file: 'graph-load-split.ts',
    // The server writes its journal beside the file it serves; it takes its own medians.
    input: 'copy',
    sizes: 'every',
    once: true,
    title: 'Where a Graph-path load spends its time',
    about:
      'A full load over the Graph adapter and the local server, split into the server opening the .xlsx, its work per request, the adapter decoding rows and the rest (HTTP and JSON), against the xlsx adapter reading the same file.',
    figures: [
      { key: 'rows', heading: 'rows' },
      { key: 'xlsxReadAllMs', heading: 'xlsx adapter readAll (ms)' },
      { key: 'coldLoadMs', heading: 'cold load, server opens the .xlsx (ms)' },
      { key: 'openMs', heading: 'of which the server opening it (ms)' },
      { key: 'warmLoadMs', heading: 'warm load (ms)' },
      { key: 'warmServerMs', heading: 'of which the server answering (ms)' },
      { key: 'warmDecodeMs', heading: 'of which decoding rows (ms)' },
      { key: 'warmTransportMs', heading: 'of which HTTP and JSON (ms)' },
      { key: 'coldToXlsx', heading: 'cold load / xlsx readAll', digits: 2 },
      { key: 'loadRequests', heading: 'HTTP requests per load' },
    ],
  },
  {
    name: 'segmentation',
    file: 'segmentation.ts',
    // It generates its own client base (BENCH_CLIENTS, default 100,000) and repeats itself.
    input: 'none',
    sizes: 'smallest',
    once: true,
    bundled: true,
    title: 'Segmentation',
    about:
      'One "Segment now" over a whole generated client base in memory: facts, ABC, RFM, a rule segment and the planned updates.',
  },
  {
    name: 'client-filter',
    file: 'client-filter.ts',
    // It generates its own client base (BENCH_FILTER_CLIENTS, default 50,000).
    input: 'none',
    sizes: 'smallest',
    bundled: true,
    title: 'Client list search and filter',
    about: 'Search as you type over a generated client base, filters, duplicate checks and client cards.',
  },
  {
    name: 'task-list',
    file: 'task-list.ts',
    // It generates its own task table (BENCH_TASKS, default 200,000).
    input: 'none',
    sizes: 'smallest',
    once: true,
    bundled: true,
    title: 'Task lists',
    about:
      "Task lists of a period over a generated task table (due dates over two years, five owners): the team's and one owner's week, a month across the year end, the overdue list (most of the table), the month's completion per owner and stage; each a median of 15 runs, against one bare pass comparing due dates. Target: under 50 ms at 200,000 tasks.",
  },
  {
    name: 'board-grouping',
    file: 'board-grouping.ts',
    // It generates its own opportunities (BENCH_BOARD_OPPORTUNITIES, default 50,000) and takes its own medians.
    input: 'none',
    sizes: 'smallest',
    once: true,
    bundled: true,
    title: 'Sales board grouping and sums',
    about:
      "The Board's computation (`core/sales/board.ts` `buildBoard`) over generated opportunities: the largest pipeline's stages with count, sum, weighted sum and stale count, the forecast by expected-close month and the win rate; every pipeline's board; the same after a write (a new opportunities array, sorted by pipeline again); the largest with owner, segment and close-month filters. Floor, in the same run: one pass summing the open opportunities' values by stage. Target: under 50 ms.",
    figures: [
      { key: 'opportunities', heading: 'opportunities' },
      { key: 'openInLargestPipeline', heading: 'open in the largest pipeline' },
      { key: 'floorMedianMs', heading: 'floor (ms)', digits: 1 },
      { key: 'onePipelineMedianMs', heading: 'one pipeline’s board (ms)', digits: 1 },
      { key: 'onePipelineToFloor', heading: 'board / floor', digits: 2 },
      { key: 'afterWriteMedianMs', heading: 'board after a write (ms)', digits: 1 },
      { key: 'everyPipelineMedianMs', heading: 'every pipeline’s board (ms)', digits: 1 },
      { key: 'filteredMedianMs', heading: 'filtered board (ms)', digits: 1 },
    ],
  },
  {
    name: 'board-render',
    file: 'board-render.ts',
    // It generates its own opportunities (BENCH_BOARD_OPEN open ones in one pipeline, default 5,000).
    input: 'none',
    sizes: 'smallest',
    once: true,
    bundled: true,
    title: 'Sales board first render',
    about:
      "The Board screen's first render (`ui/sales/Board.tsx`, react-dom/server inside the FluentProvider) with 5,000 open opportunities in one pipeline: the view over the core's board, every stage's column with its first 20 cards, the filters and the forecast; then the median of later renders and of the view's computation alone. Layout and paint in the browser come on top. Target: the first render under 200 ms.",
    figures: [
      { key: 'openOpportunities', heading: 'open opportunities' },
      { key: 'stages', heading: 'stages' },
      { key: 'cardsDrawn', heading: 'cards drawn' },
      { key: 'firstRenderMs', heading: 'first render (ms)', digits: 1 },
      { key: 'renderMedianMs', heading: 'later renders, median (ms)', digits: 1 },
      { key: 'boardViewMedianMs', heading: 'board view alone (ms)', digits: 1 },
    ],
  },
  {
    name: 'bulk-append',
    file: 'bulk-append.ts',
    // It makes its own empty workbooks, one per size (BENCH_BULK_SIZES, default 2,500 to 20,000 rows).
    input: 'none',
    sizes: 'smallest',
    once: true,
    title: 'Bulk client import over the Graph path',
    about:
      'An import of new clients from an empty workbook: the CRM service over the Graph adapter, HTTP and the local server (its journal and folds), and the same rows through `append` alone. Linear work grows as the rows do (growth: the largest size against a quarter of it).',
  },
  {
    name: 'bundle-size',
    file: 'bundle-size.ts',
    input: 'none',
    sizes: 'smallest',
    title: 'Bundle size',
    about:
      'JavaScript of each pane, gzip: the entry alone, and everything it loads before its first screen (target: under 300 KiB). Built into a temporary folder.',
  },
];

const chosen = process.env.BENCH_PROBES?.split(',').map((name) => name.trim());
if (chosen && !process.env.BENCH_OUTPUT) {
  throw new Error(
    'BENCH_PROBES runs some probes only: give BENCH_OUTPUT too, or the full report is replaced.',
  );
}
const available = PROBES.filter(
  (probe) =>
    existsSync(path.join(__dirname, 'probes', probe.file)) && (!chosen || chosen.includes(probe.name)),
);

/** Probes that failed, with their first line of error: the report says so instead of stopping. */
const failures = new Map<string, string>();

function runProbe(probe: Probe, file: string | undefined): Figures | undefined {
  try {
    return probeFigures(probe, file);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    const reason = stderr.split('\n').find((line) => /Error/.test(line)) ?? stderr.split('\n')[0];
    // The report is committed: no path of this machine goes into it.
    const root = path.resolve(__dirname, '..') + path.sep;
    failures.set(probe.name, reason.trim().split(root).join('').split(os.tmpdir()).join('<tmp>'));
    log(`${probe.name} failed: ${reason.trim()}`);
    return undefined;
  }
}

function probeFigures(probe: Probe, file: string | undefined): Figures {
  const script = path.join(__dirname, 'probes', probe.file);
  const bundleDir = probe.bundled ? mkdtempSync(path.join(os.tmpdir(), 'relacje-probe-')) : undefined;
  try {
    let command = ['--require', 'tsx/cjs', script];
    if (bundleDir) {
      const bundle = path.join(bundleDir, `${probe.name}.cjs`);
      buildSync({ entryPoints: [script], bundle: true, platform: 'node', format: 'cjs', outfile: bundle });
      command = [bundle];
    }
    const stdout = execFileSync(process.execPath, [...command, ...(file ? [file] : [])], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
      env: probe.defaultHeap
        ? { ...process.env, NODE_OPTIONS: '' }
        : { ...process.env, NODE_OPTIONS: '--max-old-space-size=16384' },
    });
    const last = stdout.trim().split('\n').pop() ?? '{}';
    return JSON.parse(last) as Figures;
  } finally {
    if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
  }
}

function medianOf(runs: readonly Figures[], key: string): number {
  return median(runs.map((r) => r[key]));
}

function maxOf(runs: readonly Figures[], key: string): number {
  return Math.max(...runs.map((r) => r[key]));
}

const fixed = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const count = (n: number) => n.toLocaleString('en');

interface SizeResult {
  clients: number;
  fileMiB: number;
  generateMs: number;
  /** Each probe's runs at this size, by probe name. */
  runs: Map<string, Figures[]>;
}

async function measureSize(dir: string, clients: number, smallest: boolean): Promise<SizeResult> {
  const file = path.join(dir, `bench-${clients}.xlsx`);
  const generateStart = Date.now();
  await writeGeneratedWorkbook(file, { seed: 1, clients, activitiesPerClient, locale: 'pl' });
  const generateMs = Date.now() - generateStart;
  const probes = available.filter((p) => p.sizes === 'every' || smallest);
  const runs = new Map<string, Figures[]>(probes.map((p) => [p.name, []]));
  for (let i = 0; i < repeats; i += 1) {
    // Probes take turns within each round, so that none always runs on a warmer page cache.
    for (const probe of probes.filter((p) => i === 0 || !p.once)) {
      log(`${count(clients)} clients, round ${i + 1}/${repeats}: ${probe.name}`);
      if (probe.input === 'copy') {
        const copy = path.join(dir, `${probe.name}-${clients}-${i}.xlsx`);
        copyFileSync(file, copy);
        const figures = runProbe(probe, copy);
        if (figures) runs.get(probe.name)!.push(figures);
        rmSync(copy, { force: true });
        rmSync(`${copy}.journal`, { force: true });
      } else {
        const figures = runProbe(probe, probe.input === 'workbook' ? file : undefined);
        if (figures) runs.get(probe.name)!.push(figures);
      }
    }
  }
  return { clients, fileMiB: statSync(file).size / 2 ** 20, generateMs, runs };
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

const runsOf = (r: SizeResult, probe: string) => r.runs.get(probe) ?? [];

function readSection(results: readonly SizeResult[]): string[] {
  const lines = [
    '## Open and read every table (.xlsx adapter)',
    '',
    'Baseline: ExcelJS alone (`workbook.xlsx.readFile` and a pass over every cell), with the reader fix Relacje applies',
    '(stock ExcelJS expands a whole-column validation list into 1,048,576 per-cell entries; in an earlier measurement',
    'it took 23 s and 2.1 GiB for 2,000 clients, 17× our time, so the unfixed reader is no fair baseline).',
    'Relacje: `openXlsxStore({ readOnly: true })` + `readAll()`: its lean reader (`src/store/xlsx/lean-workbook.ts`)',
    'reads the ZIP, the shared strings and the rows of each table sheet into typed records with no cell or style model;',
    'ExcelJS parses the file only at the first write of a writable store. Target: ratio under 1.5.',
    '',
    '| clients | rows in all tables | file | ExcelJS alone | Relacje | ratio | peak RSS ExcelJS | peak RSS Relacje |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    const excelJs = runsOf(r, 'read-exceljs');
    const relacje = runsOf(r, 'read-relacje');
    const base = medianOf(excelJs, 'ms');
    const ours = medianOf(relacje, 'ms');
    lines.push(
      `| ${count(r.clients)} | ${count(relacje[0]?.rows ?? NaN)} | ${fixed(r.fileMiB, 1)} MiB | ` +
        `${fixed(base)} ms | ${fixed(ours)} ms | **${fixed(ours / base, 2)}** | ` +
        `${fixed(maxOf(excelJs, 'peakRssMiB'))} MiB | ${fixed(maxOf(relacje, 'peakRssMiB'))} MiB |`,
    );
  }
  return lines;
}

function appendSection(results: readonly SizeResult[]): string[] {
  const lines = [
    '## Durable append and fold (.xlsx adapter)',
    '',
    `${process.env.BENCH_APPENDS ?? 200} appends of one client, each awaited (acknowledged = fsynced to the journal), then \`close()\`,`,
    'which folds the journal into the .xlsx (atomic write). Target: append median under 20 ms, independent of size.',
    '',
    '| clients | open | append median | append p95 | fold on close | peak RSS |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    const append = runsOf(r, 'append-and-fold');
    lines.push(
      `| ${count(r.clients)} | ${fixed(medianOf(append, 'openMs'))} ms | ` +
        `${fixed(medianOf(append, 'appendMedianMs'), 2)} ms | ${fixed(medianOf(append, 'appendP95Ms'), 2)} ms | ` +
        `${fixed(medianOf(append, 'foldMs'))} ms | ${fixed(maxOf(append, 'peakRssMiB'))} MiB |`,
    );
  }
  if (results.length > 1) {
    const [small, large] = [results[0], results[results.length - 1]];
    const ratio =
      medianOf(runsOf(large, 'append-and-fold'), 'appendMedianMs') /
      medianOf(runsOf(small, 'append-and-fold'), 'appendMedianMs');
    lines.push(
      '',
      `Append median at ${count(large.clients)} clients ÷ at ${count(small.clients)}: **${fixed(ratio, 2)}** ` +
        '(1.0 = independent of the workbook size).',
    );
  }
  return lines;
}

function graphSection(results: readonly SizeResult[]): string[] {
  const r = results.find((s) => runsOf(s, 'graph-load').length > 0);
  if (!r) return [];
  const graph = runsOf(r, 'graph-load');
  const direct = medianOf(runsOf(r, 'read-relacje'), 'ms');
  const cold = medianOf(graph, 'coldLoadMs');
  const warm = medianOf(graph, 'warmLoadMs');
  const requests = (key: string) => fixed(medianOf(graph, key));
  return [
    '## The Graph path: Graph adapter → local workbook server over HTTP',
    '',
    `${count(r.clients)} clients (${count(graph[0].rows)} rows in all tables), the same file as above.`,
    '`GraphWorkbookStore.readAll()` over real HTTP on loopback to the local workbook server, which serves the',
    '.xlsx through the same file layer as the .xlsx adapter; the adapter and the server share one process.',
    'Cold: the first load after the server starts, which includes the server opening the .xlsx.',
    'Warm: a new adapter loading while the server has the workbook open (every pane after the first).',
    'Baseline: the .xlsx adapter reading the same file directly (`read-relacje` above, same run).',
    '',
    '| | time | ÷ .xlsx adapter directly |',
    '| --- | ---: | ---: |',
    `| .xlsx adapter directly | ${fixed(direct)} ms | 1.00 |`,
    `| Graph adapter, cold load | ${fixed(cold)} ms | **${fixed(cold / direct, 2)}** |`,
    `| Graph adapter, warm load | ${fixed(warm)} ms | **${fixed(warm / direct, 2)}** |`,
    '',
    `Peak RSS of the Graph probe (server and adapter together): ${fixed(maxOf(graph, 'peakRssMiB'))} MiB.`,
    '',
    'HTTP requests per operation, counted by the server itself (`server.graph.stats.httpRequests`):',
    '',
    '| operation | HTTP requests | time |',
    '| --- | ---: | ---: |',
    `| full load (every table, \`_meta\`, pages of 100,000 rows) | ${requests('loadRequests')} | ${fixed(cold)} ms cold |`,
    `| first write of an adapter (append 1 row, opens the workbook session) | ${requests('firstWriteRequests')} | |`,
    `| append 1 row | ${requests('append1Requests')} | ${fixed(medianOf(graph, 'append1Ms'), 1)} ms |`,
    `| append 1,000 rows | ${requests('append1000Requests')} | ${fixed(medianOf(graph, 'append1000Ms'), 1)} ms |`,
    `| update 1 row (version-checked) | ${requests('update1Requests')} | ${fixed(medianOf(graph, 'update1Ms'), 1)} ms |`,
    `| remove 1 row (version-checked) | ${requests('remove1Requests')} | ${fixed(medianOf(graph, 'remove1Ms'), 1)} ms |`,
    '',
    "A full load is one `$batch` for `_meta` and every table's size and header, then its pages (100,000 rows each) packed",
    'up to 20 a batch within a byte budget (`read-plan.ts`): against the local server 3 requests up to 50,000 clients',
    'and 5 at 100,000 (1,000,000 activities); against Microsoft Graph, whose batches are kept near 4 MB, about one per',
    '4 MB of rows. An append is one request per table whatever the row count (chunked only past 3 MiB). A',
    "version-checked update or removal is two `$batch` requests for up to nine rows: one takes each row's lock (a cell",
    'of the hidden `_meta` sheet, never the row itself) and reads the row as the lock found it, one writes the rows that',
    'still had the version the caller read and gives the locks back (Graph has no conditional write; see `row-locks.ts`).',
  ];
}

/** A probe's figures, medians of its runs: a line per figure, a column per size it ran at. */
function genericSection(probe: Probe, results: readonly SizeResult[]): string[] {
  const measured = results.filter((r) => runsOf(r, probe.name).length > 0);
  if (measured.length === 0) return [];
  const keys = Object.keys(runsOf(measured[0], probe.name)[0]);
  const figures: { key: string; heading: string; digits?: number }[] =
    probe.figures ?? keys.map((key) => ({ key, heading: key }));
  const headings = probe.input === 'none' ? ['median'] : measured.map((r) => `${count(r.clients)} clients`);
  const cell = (r: SizeResult, key: string, digits?: number) => {
    const runs = runsOf(r, probe.name);
    const value = medianOf(runs, key);
    return fixed(value, digits ?? (runs.every((f) => Number.isInteger(f[key])) ? 0 : 1));
  };
  return [
    `## ${probe.title ?? probe.name}`,
    '',
    ...(probe.about ? [probe.about, ''] : []),
    `| figure | ${headings.join(' | ')} |`,
    `| --- | ${headings.map(() => '---:').join(' | ')} |`,
    ...figures.map((f) => `| ${f.heading} | ${measured.map((r) => cell(r, f.key, f.digits)).join(' | ')} |`),
  ];
}

const OWN_SECTIONS = new Set(['read-exceljs', 'read-relacje', 'append-and-fold', 'graph-load']);

/** Figures no probe makes (a browser timed by hand): kept from the marker line on, run after run. */
const BY_HAND_MARKER = '<!-- measured by hand: npm run bench keeps everything from this line on -->';

function measuredByHand(file: string): string {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = text.indexOf(BY_HAND_MARKER);
  return at < 0 ? '' : `\n${text.slice(at)}`;
}

function report(results: readonly SizeResult[]): string {
  const cpus = os.cpus();
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (`bench/run.ts`); do not edit by hand.',
    '',
    `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `- Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${fixed(os.totalmem() / 2 ** 30)} GiB memory, ${os.type()} ${os.release()}`,
    `- Node ${process.version}`,
    `- Each figure is the median of ${repeats} runs, each run in a fresh process. Workbooks come from the seeded`,
    `  generator (seed 1, ${activitiesPerClient} activities per client).`,
    "- The machine's cores are shared with other work, so absolute times vary from run to run: read the ratios,",
    '  each measured against a baseline taken within the same run, rather than the milliseconds.',
    '',
    ...readSection(results),
    '',
    ...appendSection(results),
    '',
    ...graphSection(results),
  ];
  for (const probe of available.filter((p) => !OWN_SECTIONS.has(p.name))) {
    const section = genericSection(probe, results);
    if (section.length) lines.push('', ...section);
  }
  if (failures.size > 0) {
    lines.push('', '## Probes that failed in this run', '');
    for (const [name, reason] of failures) lines.push(`- ${name}: \`${reason.replace(/`/g, "'")}\``);
  }
  lines.push('', '## Generating the workbooks', '');
  for (const r of results) {
    lines.push(
      `- ${count(r.clients)} clients: ${fixed(r.generateMs / 1000, 1)} s (generator + one atomic write), ${fixed(r.fileMiB, 1)} MiB.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'relacje-bench-'));
  try {
    log(`probes: ${available.map((p) => p.name).join(', ')}`);
    const results: SizeResult[] = [];
    const ordered = [...sizes].sort((a, b) => a - b);
    for (const clients of ordered) results.push(await measureSize(dir, clients, clients === ordered[0]));
    writeFileSync(output, report(results) + measuredByHand(output));
    log(`written ${path.relative(process.cwd(), output)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
