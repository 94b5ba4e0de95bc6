/**
 * The kill -9 cycles of the xlsx store: a child writes through `openXlsxStore` (`store-writer.ts`),
 * is killed at a seeded random moment, and the workbook is opened again and compared with what
 * the child had acknowledged. Only the public API is used, so the checks hold for any engine
 * behind it.
 */
import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { journalPathOf } from '../../src/store/xlsx/journal';
import { createXlsxWorkbook, openXlsxStore } from '../../src/store/xlsx/xlsx-store';
import { Child, sleep } from './child-process';
import { integerBelow, pick, prng, subSeed } from './random';
import {
  applyOp,
  cloneModel,
  describeDifference,
  emptyModel,
  modelOf,
  stateKey,
  type Model,
  type Op,
} from './workload';

/** The child that writes (bundle it with `bundleChild` for faster starts). */
export const STORE_WRITER = path.join(__dirname, 'store-writer.ts');

export interface CrashStats {
  kills: number;
  /** Writes whose promise had resolved before the kill, each checked after it. */
  acknowledgedWrites: number;
  /** Client rows compared after the kills, summed over the kills. */
  rowsChecked: number;
  /** Kills while a write was under way; and how many of those the workbook then held, whole. */
  inFlight: number;
  inFlightApplied: number;
  /** Kills during a forced fold (`fold(true)`), and kills that left a temporary file of a save. */
  foldsInterrupted: number;
  savesInterrupted: number;
  /** Kills while the store was opening (replaying and folding what the last kill left). */
  killsDuringOpen: number;
  /** Journals cut at a random byte or given garbage before the reopen. */
  journalsDamaged: number;
}

export function emptyStats(): CrashStats {
  return {
    kills: 0,
    acknowledgedWrites: 0,
    rowsChecked: 0,
    inFlight: 0,
    inFlightApplied: 0,
    foldsInterrupted: 0,
    savesInterrupted: 0,
    killsDuringOpen: 0,
    journalsDamaged: 0,
  };
}

export function addStats(into: CrashStats, from: CrashStats): void {
  for (const key of Object.keys(into) as (keyof CrashStats)[]) into[key] += from[key];
}

export function formatStats(stats: CrashStats): string {
  return (
    `kills ${stats.kills}, acknowledged writes checked ${stats.acknowledgedWrites}, ` +
    `rows checked ${stats.rowsChecked}, in-flight writes ${stats.inFlight} (applied whole ${stats.inFlightApplied}, ` +
    `half-applied 0), folds interrupted ${stats.foldsInterrupted}, saves interrupted ${stats.savesInterrupted}, ` +
    `kills while opening ${stats.killsDuringOpen}, journals damaged ${stats.journalsDamaged}`
  );
}

export interface LaneOptions {
  dir: string;
  /** `STORE_WRITER` or its bundle. */
  writer?: string;
  seed: number;
  lane: number;
  kills: number;
  /** A fresh workbook every this many kills, so that each cycle stays small and fast. */
  workbookEvery: number;
  /** Damage the journal after every other kill (cut at a random byte, garbage appended). */
  damageJournals?: boolean;
  /** Set by the caller when another lane has failed: this one stops at its next kill. */
  stop?: { requested: boolean };
  /** Told each workbook once its last kill has been checked. */
  onWorkbookDone?: (file: string) => void | Promise<void>;
}

const hashOf = (model: Model) => createHash('sha1').update(stateKey(model)).digest('hex');

/** Runs one lane of kill cycles; throws, naming the seed, at the first check that fails. */
export async function runStoreLane(options: LaneOptions): Promise<CrashStats> {
  const stats = emptyStats();
  let file = '';
  let model = emptyModel();
  let trail: string[] = [];
  for (let cycle = 0; cycle < options.kills && !options.stop?.requested; cycle += 1) {
    const where = `seed ${options.seed}, lane ${options.lane}, kill ${cycle + 1}`;
    if (cycle % options.workbookEvery === 0) {
      if (file) await options.onWorkbookDone?.(file);
      file = path.join(options.dir, `lane${options.lane}-${cycle}.xlsx`);
      await createXlsxWorkbook(file, { locale: cycle % 2 === 0 ? 'pl' : 'en' });
      model = emptyModel();
      trail = [hashOf(model)];
    }
    try {
      model = await killCycle(
        file,
        model,
        subSeed(options.seed, options.lane, cycle),
        `l${options.lane}c${cycle}`,
        {
          damageJournal: options.damageJournals === true && cycle % 2 === 1,
          afterDamage: options.damageJournals === true && cycle % 2 === 0 && cycle > 0,
          stats,
          trail,
          writer: options.writer ?? STORE_WRITER,
        },
      );
    } catch (error) {
      throw new Error(`${where} (workbook ${path.basename(file)}): ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  if (file) await options.onWorkbookDone?.(file);
  return stats;
}

async function killCycle(
  file: string,
  before: Model,
  seed: number,
  tag: string,
  {
    damageJournal,
    afterDamage,
    stats,
    trail,
    writer,
  }: {
    writer: string;
    damageJournal: boolean;
    /** The last check damaged the journal: no early fold may tidy the damage away before this kill. */
    afterDamage: boolean;
    stats: CrashStats;
    /**
     * The states the workbook went through since it was last known to be folded (hashes, oldest
     * first): what a cut journal may take it back to. Updated here as the states go on.
     */
    trail: string[];
  },
): Promise<Model> {
  const random = prng(seed);
  const idle = afterDamage ? 2000 : pick(random, [1, 5, 25, 2000]);
  const bytes = afterDamage ? 4 * 2 ** 20 : pick(random, [600, 2500, 4 * 2 ** 20]);
  const duringOpen = !afterDamage && random() < 0.12;
  const delay = duringOpen ? random() * 40 : random() < 0.3 ? random() * 15 : random() * 300;
  const child = new Child(writer, [file, String(subSeed(seed, 1)), tag, String(idle), String(bytes)]);
  let killedByUs: boolean;
  try {
    const opened = await child.waitFor((line) => line.t === (duringOpen ? 'opening' : 'open'));
    if (!duringOpen && opened.state !== hashOf(before))
      throw new Error('the writer opened the workbook in another state than the last check read');
    // After damage the point is the writes made on top of it: the kill comes after the first one.
    if (afterDamage) await child.waitFor((line) => line.t === 'ack');
    await sleep(delay);
  } finally {
    killedByUs = await child.kill();
  }
  if (!killedByUs || child.lines.some((line) => line.t === 'error'))
    throw new Error(`the writer stopped by itself:\n${child.describe()}`);
  stats.kills += 1;
  if (!child.lines.some((line) => line.t === 'open')) stats.killsDuringOpen += 1;

  // What the workbook may hold now: everything acknowledged, and the write under way whole or not at all.
  const acked = new Set(child.lines.filter((l) => l.t === 'ack').map((l) => l.n as number));
  const current = cloneModel(before);
  let underWay: Op | undefined;
  for (const line of child.lines.filter((l) => l.t === 'begin')) {
    if (underWay) throw new Error('the writer began a write before the last one was acknowledged');
    const op = line.op as Op;
    if (!acked.has(line.n as number)) {
      underWay = op;
      continue;
    }
    applyOp(current, op);
    trail.push(hashOf(current));
    if (op.kind !== 'fold') stats.acknowledgedWrites += 1;
  }
  const allowed = [hashOf(current)];
  let withUnderWay: string | undefined;
  if (underWay) {
    stats.inFlight += 1;
    if (underWay.kind === 'fold') stats.foldsInterrupted += 1;
    const applied = cloneModel(current);
    applyOp(applied, underWay);
    withUnderWay = hashOf(applied);
    allowed.push(withUnderWay);
  }

  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.tmp-`;
  if ((await fs.readdir(dir)).some((name) => name.startsWith(prefix))) stats.savesInterrupted += 1;

  let damaged = '';
  if (damageJournal) {
    damaged = await damage(journalPathOf(file), random);
    stats.journalsDamaged += 1;
  }
  // A cut journal may lose any write not folded yet, never one the .xlsx holds, and nothing comes
  // back half-done: the workbook is in one of the states the writes passed through since the fold.
  const acceptable = damaged.startsWith('cut') ? [...trail, ...allowed.slice(1)] : allowed;

  // Most checks read only (no lock, no fold); every sixth opens for writing, which folds on close.
  const readWrite = integerBelow(random, 6) === 0;
  const store = await openXlsxStore(file, readWrite ? {} : { readOnly: true });
  let observed: Model;
  try {
    observed = modelOf(await store.readAll());
  } finally {
    await store.close();
  }
  const key = hashOf(observed);
  if (!acceptable.includes(key)) {
    throw new Error(
      `the reopened workbook (${readWrite ? 'read-write' : 'read-only'}${damaged ? `, journal ${damaged}` : ''}) ` +
        `holds another state than the acknowledged writes made:\n${describeDifference(current, observed)}` +
        (underWay ? `\n(write under way at the kill: ${JSON.stringify(underWay).slice(0, 300)})` : ''),
    );
  }
  if (key === withUnderWay && key !== allowed[0]) {
    stats.inFlightApplied += 1;
    trail.push(key);
  }
  // The states after the one found are gone for good (cut off); a read-write open folded on close.
  trail.splice(readWrite ? 0 : trail.lastIndexOf(key) + 1);
  if (readWrite) trail.push(key);
  stats.rowsChecked += observed.rows.size;
  return observed;
}

/** Cuts the journal at a random byte and/or appends garbage; says what it did. */
async function damage(journal: string, random: () => number): Promise<string> {
  const content = existsSync(journal) ? await fs.readFile(journal) : Buffer.alloc(0);
  const mode = pick(random, ['cut', 'garbage', 'cut+garbage', 'first line'] as const);
  let next = content;
  let said: string = mode;
  if (mode === 'first line') {
    // As a kill during the first append after a fold leaves it: one torn line and nothing else.
    const firstLine = content.indexOf(0x0a) < 0 ? content.length : content.indexOf(0x0a);
    const torn =
      firstLine > 0 ? content.subarray(0, 1 + integerBelow(random, firstLine)) : Buffer.from('{"seq":1,');
    await fs.writeFile(journal, torn);
    return `cut inside its first line, ${torn.length} bytes left`;
  }
  if (mode !== 'garbage') {
    const at = integerBelow(random, content.length + 1);
    next = content.subarray(0, at);
    said = `cut at byte ${at} of ${content.length}`;
  }
  if (mode !== 'cut') {
    const garbage = Buffer.from(
      Array.from({ length: 1 + integerBelow(random, 120) }, () =>
        random() < 0.1
          ? 0x0a
          : random() < 0.5
            ? integerBelow(random, 256)
            : pick(random, [...Buffer.from('{"seq":9,\t}')]),
      ),
    );
    next = Buffer.concat([
      next,
      random() < 0.3 ? Buffer.from('{"seq":99999,"op":"put"') : Buffer.alloc(0),
      garbage,
    ]);
    said += `${mode === 'garbage' ? '' : ','} ${garbage.length} bytes of garbage appended`;
  }
  await fs.writeFile(journal, next);
  return said;
}
