// Search as you type over a generated client base: the index built once, then one search per keystroke.
import { buildClientCard, indexByClient } from '../../src/core/clients/client-card';
import { buildDuplicateIndex, findDuplicates } from '../../src/core/clients/client-duplicates';
import { buildClientSearchIndex, filterOptions, searchClients } from '../../src/core/clients/client-search';
import { generateDataset } from '../../src/dev/generator';
import { median, millisecondsSince, percentile, reportProbe } from './probe-output';

const CLIENTS = Number(process.env.BENCH_FILTER_CLIENTS ?? 50_000);
const ROUNDS = 5;

function timed<T>(work: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = work();
  return { ms: millisecondsSince(start), value };
}

function typing(word: string): string[] {
  return Array.from({ length: word.length }, (_, i) => word.slice(0, i + 1));
}

function main(): void {
  const tables = generateDataset({ seed: 7, clients: CLIENTS, activitiesPerClient: 3 });
  const clients = tables.clients;
  const build = timed(() => buildClientSearchIndex(clients));
  const index = build.value;
  const nip = String(clients.find((c) => c.nip)?.nip);
  const dashedNip = `${nip.slice(0, 3)}-${nip.slice(3, 6)}-${nip.slice(6, 8)}-${nip.slice(8)}`;
  const keystrokes = [...typing('kowal'), ...typing(dashedNip), ...typing('łódź'), ...typing('bud kra')];
  const byName = { field: 'name', direction: 'asc' } as const;

  const latencies: number[] = [];
  let lastHits = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const text of keystrokes) {
      const search = timed(() => searchClients(index, { text }, byName));
      latencies.push(search.ms);
      lastHits = search.value.length;
    }
  }
  const filtered = timed(() => searchClients(index, { text: 'sp', status: 'active', abcClass: 'A' }, byName));
  const firstCitySort = timed(() =>
    searchClients(index, { text: 'k' }, { field: 'city', direction: 'desc' }),
  );
  const options = timed(() => filterOptions(clients));

  const duplicates = timed(() => buildDuplicateIndex(clients));
  const checks: number[] = [];
  for (let i = 0; i < 200; i++) {
    const client = clients[(i * 997) % clients.length];
    checks.push(timed(() => findDuplicates(duplicates.value, { ...client, id: 'candidate' })).ms);
  }
  const cardIndex = timed(() => indexByClient(tables));
  const cards: number[] = [];
  for (let i = 0; i < 200; i++) {
    const id = clients[(i * 613) % clients.length].id;
    cards.push(timed(() => buildClientCard(cardIndex.value, id, '2026-12-01')).ms);
  }

  // After one client is edited the snapshot shares every other record and table: rebuild from there.
  const edited = [...clients];
  edited[1] = { ...edited[1], name: `${String(edited[1].name)} (zmiana)`, version: 2 };
  const editedTables = { ...tables, clients: edited };
  const rebuild = timed(() => buildClientSearchIndex(edited, index));
  const duplicatesRebuild = timed(() => buildDuplicateIndex(edited));
  const cardRebuild = timed(() => indexByClient(editedTables));

  reportProbe({
    clients: clients.length,
    indexBuildMs: build.ms,
    keystrokes: latencies.length,
    keystrokeMedianMs: median(latencies),
    keystrokeP95Ms: percentile(latencies, 95),
    keystrokeMaxMs: Math.max(...latencies),
    lastKeystrokeHits: lastHits,
    filteredSearchMs: filtered.ms,
    firstSortByCityMs: firstCitySort.ms,
    filterOptionsMs: options.ms,
    duplicateIndexMs: duplicates.ms,
    duplicateCheckMedianMs: median(checks),
    duplicateCheckMaxMs: Math.max(...checks),
    cardIndexMs: cardIndex.ms,
    cardOpenMedianMs: median(cards),
    indexRebuildAfterEditMs: rebuild.ms,
    duplicateIndexRebuildMs: duplicatesRebuild.ms,
    cardIndexRebuildMs: cardRebuild.ms,
  });
}

main();
