/**
 * The panes' JavaScript as a browser downloads it, gzip-compressed: a production build into a
 * temporary folder (dist/ is left alone), sized from webpack's own stats. "First render" is what a
 * pane needs before it draws its first screen: the entry's scripts and the lazy chunk group the
 * entry loads at once (the app shell in the standalone pane, the store-choice screen in Office).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { reportProbe } from './probe-output';

interface ChunkGroup {
  assets: { name: string }[];
}

interface Stats {
  entrypoints: Record<string, ChunkGroup>;
  namedChunkGroups: Record<string, ChunkGroup>;
}

/** Each entry and the lazy group it loads before its first screen. */
const FIRST_RENDER: Record<string, string> = { taskpane: 'app', excel: 'office-pane', word: 'office-pane' };

/** Builds the panes into a temporary folder and returns the gzip sizes in KiB. */
export function measureBundles(): Record<string, number> {
  const root = path.join(__dirname, '..', '..');
  const out = mkdtempSync(path.join(os.tmpdir(), 'relacje-bundle-'));
  try {
    return measureBuild(root, out);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function measureBuild(root: string, out: string): Record<string, number> {
  const statsFile = path.join(out, 'stats.json');
  execFileSync(
    process.execPath,
    [
      require.resolve('webpack-cli/bin/cli.js'),
      '--mode',
      'production',
      '--output-path',
      path.join(out, 'dist'),
      '--json',
      statsFile,
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as Stats;
  const gzipped = new Map<string, number>();
  const gzipOf = (asset: string) => {
    if (!gzipped.has(asset)) gzipped.set(asset, gzipSync(readFileSync(path.join(out, 'dist', asset))).length);
    return gzipped.get(asset)!;
  };
  const scripts = (group: ChunkGroup | undefined) =>
    (group?.assets ?? []).map((a) => a.name).filter((name) => name.endsWith('.js'));
  const kib = (assets: Iterable<string>) =>
    [...new Set(assets)].reduce((sum, a) => sum + gzipOf(a), 0) / 1024;

  const figures: Record<string, number> = {};
  for (const [entry, lazyGroup] of Object.entries(FIRST_RENDER)) {
    const initial = scripts(stats.entrypoints[entry]);
    if (initial.length === 0) continue;
    figures[`${entry}EntryKiB`] = kib(initial);
    figures[`${entry}FirstRenderKiB`] = kib([...initial, ...scripts(stats.namedChunkGroups[lazyGroup])]);
  }
  const allScripts = Object.values(stats.namedChunkGroups).flatMap(scripts);
  figures.allJavaScriptKiB = kib([...allScripts, ...Object.values(stats.entrypoints).flatMap(scripts)]);
  return figures;
}

if (require.main === module) reportProbe(measureBundles());
