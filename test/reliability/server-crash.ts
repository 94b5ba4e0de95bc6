/**
 * The kill -9 cycles of the local workbook server: rows posted through the Graph API
 * (`POST …/workbook/tables/tClients/rows`), the server killed at a seeded random moment with
 * requests under way, started again on the same workbook, and the rows read back over HTTP.
 * A row whose POST was answered 201 must be there exactly once; a request the kill cut off
 * holds all its rows or none, also after later kills.
 */
import path from 'node:path';
import { Child, sleep } from './child-process';
import { integerBelow, pick, prng, subSeed } from './random';

/** The server's child (bundle it with `bundleChild` for faster starts). */
export const SERVER_CHILD = path.join(__dirname, 'server-child.ts');

export interface ServerStats {
  kills: number;
  /** POSTs answered 201 before a kill, and the rows they held, each checked after every later kill. */
  acknowledgedPosts: number;
  acknowledgedRows: number;
  /** Row checks made, summed over the kills. */
  rowsChecked: number;
  /** POSTs cut off by a kill; and how many of those the workbook held afterwards, whole. */
  cutOff: number;
  cutOffApplied: number;
  /** Kills just after the first request of a start, which opens the workbook and replays the last kill's journal. */
  killsDuringOpen: number;
}

export function formatServerStats(stats: ServerStats): string {
  return (
    `kills ${stats.kills}, acknowledged POSTs ${stats.acknowledgedPosts} (${stats.acknowledgedRows} rows), ` +
    `row checks ${stats.rowsChecked}, cut-off POSTs ${stats.cutOff} (applied whole ${stats.cutOffApplied}, ` +
    `half-applied 0), kills while opening ${stats.killsDuringOpen}`
  );
}

export interface ServerRunOptions {
  file: string;
  /** `SERVER_CHILD` or its bundle. */
  server?: string;
  seed: number;
  kills: number;
}

/** The Graph address of the served workbook's clients table. */
function tableUrl(base: string, file: string): string {
  return `${base}v1.0/me/drive/root:/${encodeURIComponent(path.basename(file))}:/workbook/tables/tClients`;
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
  if (response.status !== 200)
    throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** Every value of the ID column, in table order. */
async function readIds(table: string): Promise<{ headers: string[]; ids: string[] }> {
  const header = (await getJson(`${table}/headerRowRange`)) as { values: string[][] };
  const headers = header.values[0];
  const idColumn = headers.indexOf('ID');
  if (idColumn < 0) throw new Error(`tClients has no ID column: ${headers.join(', ')}`);
  const rows = (await getJson(`${table}/rows`)) as { value: { values: unknown[][] }[] };
  return { headers, ids: rows.value.map((row) => String(row.values[0][idColumn])) };
}

/** Runs the cycles on one workbook; throws, naming the seed, at the first check that fails. */
export async function runServerCycles({
  file,
  seed,
  kills,
  server = SERVER_CHILD,
}: ServerRunOptions): Promise<ServerStats> {
  const stats: ServerStats = {
    kills: 0,
    acknowledgedPosts: 0,
    acknowledgedRows: 0,
    rowsChecked: 0,
    cutOff: 0,
    cutOffApplied: 0,
    killsDuringOpen: 0,
  };
  /** Rows that must be there exactly once from now on. */
  const durable = new Set<string>();
  /** Requests a kill cut off and no check has seen yet. */
  let unresolved: string[][] = [];
  /** Rows of cut-off requests a check found absent: they must never appear later. */
  const absent = new Set<string>();
  // One more start than kills: the last one only checks.
  for (let cycle = 0; cycle <= kills; cycle += 1) {
    const where = `seed ${seed}, server kill ${cycle + 1}`;
    const random = prng(subSeed(seed, 7, cycle));
    const child = new Child(server, [file, String(pick(random, [5, 25, 200, 2000]))]);
    const posts: Promise<void>[] = [];
    let stopped = false;
    let killedByUs = false;
    try {
      const { url } = (await child.waitFor((line) => line.t === 'listening')) as { url?: unknown };
      const table = tableUrl(String(url), file);
      if (cycle < kills && random() < 0.15) {
        // A kill while the first request opens the workbook and replays what the last kill left.
        void fetch(`${table}/rows`).catch(() => undefined);
        await sleep(random() * 120);
        stats.killsDuringOpen += 1;
      } else {
        const { headers, ids } = await readIds(table);
        unresolved = check(ids, { durable, absent, unresolved }, stats, where);
        if (cycle === kills) break;
        const sent = { count: 0 };
        const post = async (lane: number): Promise<void> => {
          while (!stopped) {
            const group = Array.from(
              { length: 1 + integerBelow(random, 3) },
              (_, j) => `srv-c${cycle}-l${lane}-${sent.count++}-${j}`,
            );
            const values = group.map((id) =>
              headers.map((h) => (h === 'ID' ? id : h === 'Nazwa' ? `Firma ${id}` : '')),
            );
            let status: number;
            try {
              const response = await fetch(`${table}/rows`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ values }),
              });
              status = response.status;
              await response.arrayBuffer();
            } catch {
              // The kill cut the request off: it is all there or not at all, never in part.
              unresolved.push(group);
              stats.cutOff += 1;
              return;
            }
            if (status !== 201) throw new Error(`${where}: a POST of rows answered ${status}`);
            for (const id of group) durable.add(id);
            stats.acknowledgedPosts += 1;
            stats.acknowledgedRows += group.length;
          }
        };
        posts.push(post(0), post(1));
        await Promise.race([sleep(20 + random() * 600), ...posts]);
      }
    } catch (error) {
      throw new Error(`${where}: ${(error as Error).message}\n${child.describe()}`, { cause: error });
    } finally {
      killedByUs = await child.kill();
      stopped = true;
      // A failed POST has already been thrown above, with the seed.
      await Promise.allSettled(posts);
    }
    if (!killedByUs) throw new Error(`${where}: the server stopped by itself:\n${child.describe()}`);
    stats.kills += 1;
  }
  return stats;
}

function check(
  ids: string[],
  { durable, absent, unresolved }: { durable: Set<string>; absent: Set<string>; unresolved: string[][] },
  stats: ServerStats,
  where: string,
): string[][] {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  const problems: string[] = [];
  for (const id of durable) {
    const count = counts.get(id) ?? 0;
    if (count !== 1) problems.push(`acknowledged row ${id} is there ${count} times`);
  }
  for (const group of unresolved) {
    const present = group.map((id) => counts.get(id) ?? 0);
    if (present.some((n) => n > 1) || (present.some((n) => n === 1) && present.some((n) => n === 0)))
      problems.push(`a cut-off POST of ${group.join(', ')} is there in part: ${present.join(', ')}`);
    else if (present[0] === 1) {
      stats.cutOffApplied += 1;
      for (const id of group) durable.add(id);
    } else {
      for (const id of group) absent.add(id);
    }
  }
  for (const id of counts.keys()) {
    if (absent.has(id)) problems.push(`row ${id} of a cut-off POST came back after a check found it absent`);
    else if (!durable.has(id)) problems.push(`a row nobody posted: ${id}`);
  }
  if (problems.length) throw new Error(`${where}: ${problems.slice(0, 12).join('\n')}`);
  stats.rowsChecked += ids.length;
  return [];
}
