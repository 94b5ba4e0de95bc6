/**
 * The shared harness of the browser tests: the built standalone pane, served by the local workbook
 * server over a temporary workbook, in headless Chromium at task-pane width.
 *
 * API
 * - `startPaneHarness({ demo?, locale?, workbookName? })` — builds `dist/` once when it is missing or
 *   older than `src/` (`webpack --mode production`), writes a temporary workbook (the demo data set
 *   unless `demo: false`), starts the server on a free port and launches Chromium. Returns:
 *   - `openPane({ locale?, width?, height?, query?, user? })` — a new page in a browser context of
 *     its own (no storage, cookies or focus shared with another page) at
 *     `taskpane.html?lang=…&workbook=…`, 400×800 unless told otherwise, with the standalone pane's
 *     "who is working" answered as `user` (default `Test`; null to see the question), and
 *     `beforeLoad(page)` run before it loads (routes that must see its first request). Uncaught
 *     page errors are collected in `pageErrors`.
 *   - `closePanes()` — closes every page opened so far with its context: call it in `afterEach`, so
 *     that each test starts on a fresh page.
 *   - `readWorkbook()` — folds what the server holds into the .xlsx and reads it back through the
 *     .xlsx adapter (read-only): what a user opening the file would find. The server reopens the
 *     workbook on its next request.
 *   - `writeFile(name, bytes)` — a file in the harness's temporary folder (fixtures to upload).
 *   - `file`, `dir`, `server`, `browser`, `pageErrors`.
 *   - `close()` — closes the pages, Chromium and the server, and removes the temporary folder.
 * - `axeCheck(page, selector?)` — waits until the page is still (`settled`), then runs axe-core in
 *   it; returns the serious and critical violations (an empty list is a pass), each with its rule,
 *   impact, help and offending targets.
 * - `settled(page)` — resolves once no finite animation or transition runs and a frame has painted.
 * - `screenshot(page, name)` — only when `RELACJE_SCREENSHOTS=1`: writes
 *   `docs/screenshots/<name>.png` and returns its path; otherwise writes nothing (CI never sets it,
 *   so test runs leave the committed pictures alone).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { fillWithDemoData } from '../../../src/cli/commands/init';
import type { Locale } from '../../../src/core/i18n';
import { startServer, type RunningServer } from '../../../src/server/workbook-server';
import type { WorkbookSnapshot } from '../../../src/store/port';
import { createXlsxWorkbook, openXlsxStore } from '../../../src/store/xlsx/xlsx-store';

const ROOT = path.resolve(__dirname, '../../..');
const DIST = path.join(ROOT, 'dist');
const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface PaneOptions {
  locale?: Locale;
  width?: number;
  height?: number;
  /** Further query parameters of the pane's address. */
  query?: Record<string, string>;
  /**
   * The name the standalone pane records in the audit, remembered before the page loads so the
   * "who is working" question is skipped (default `Test`); null leaves the question to the test.
   */
  user?: string | null;
  /** Runs on the new page before it loads the pane: routes that must see the first request. */
  beforeLoad?: (page: Page) => Promise<unknown>;
}

/** Where the standalone pane remembers who is working (src/hosts/browser/StandalonePane.tsx). */
const USER_KEY = 'relacje.user';

export interface PaneHarness {
  dir: string;
  /** The workbook the server answers about. */
  file: string;
  server: RunningServer;
  browser: Browser;
  /** Uncaught errors of every page opened, as `message` texts. */
  pageErrors: string[];
  openPane(options?: PaneOptions): Promise<Page>;
  /** Closes every page opened so far, each with its own browser context. */
  closePanes(): Promise<void>;
  readWorkbook(): Promise<WorkbookSnapshot>;
  writeFile(name: string, bytes: Uint8Array | string): Promise<string>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Fill the workbook with the demo data set (default true). */
  demo?: boolean;
  /** The workbook's own language (default pl). */
  locale?: Locale;
  /** The workbook's file name (default klienci.xlsx). */
  workbookName?: string;
}

function newestChange(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    const time = entry.isDirectory() ? newestChange(full) : statSync(full).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

/** Builds the panes when `dist/taskpane.html` is missing or older than anything in `src/`. */
export function ensurePanesBuilt(): void {
  const page = path.join(DIST, 'taskpane.html');
  const sources = Math.max(
    newestChange(path.join(ROOT, 'src')),
    statSync(path.join(ROOT, 'webpack.config.js')).mtimeMs,
  );
  if (existsSync(page) && statSync(page).mtimeMs >= sources) return;
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], {
    cwd: ROOT,
    stdio: 'pipe',
  });
}

export async function startPaneHarness(options: HarnessOptions = {}): Promise<PaneHarness> {
  ensurePanesBuilt();
  const dir = await mkdtemp(path.join(tmpdir(), 'relacje-pane-'));
  const workbookName = options.workbookName ?? 'klienci.xlsx';
  const file = path.join(dir, workbookName);
  await createXlsxWorkbook(file, { locale: options.locale ?? 'pl' });
  if (options.demo !== false) await fillWithDemoData(file);
  const server = await startServer({ port: 0, workbookFile: file, staticDir: DIST, log: () => undefined });
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (error) {
    await server.close();
    throw error;
  }
  const pageErrors: string[] = [];
  const contexts = new Set<BrowserContext>();

  return {
    dir,
    file,
    server,
    browser,
    pageErrors,
    async openPane({ locale = 'pl', width = 400, height = 800, query = {}, user = 'Test', beforeLoad } = {}) {
      const context = await browser.newContext({
        viewport: { width, height },
        locale: locale === 'pl' ? 'pl-PL' : 'en-GB',
      });
      contexts.add(context);
      context.on('close', () => contexts.delete(context));
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      if (user !== null) {
        await page.addInitScript(([key, name]) => window.localStorage.setItem(key, name), [USER_KEY, user]);
      }
      await beforeLoad?.(page);
      const params = new URLSearchParams({ lang: locale, workbook: workbookName, ...query });
      await page.goto(`${server.url}taskpane.html?${params.toString()}`);
      return page;
    },
    async closePanes() {
      await Promise.all([...contexts].map((context) => context.close()));
    },
    async readWorkbook() {
      // Closing the server's document folds its journal into the .xlsx; the next request reopens it.
      await server.graph.close();
      const store = await openXlsxStore(file, { readOnly: true });
      try {
        return await store.readAll();
      } finally {
        await store.close();
      }
    },
    async writeFile(name, bytes) {
      const target = path.join(dir, name);
      await writeFile(target, bytes);
      return target;
    },
    async close() {
      await Promise.all([...contexts].map((context) => context.close()));
      await browser.close();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

interface AxeResults {
  violations: {
    id: string;
    impact?: string | null;
    help: string;
    nodes: { target: unknown[]; html: string }[];
  }[];
}

/*
 * Fluent UI's focus manager (tabster) puts focusable, aria-hidden <i data-tabster-dummy> sentinels
 * around tab lists and other arrow-key groups; they only pass focus on. Fluent and tabster call
 * the resulting aria-hidden-focus finding by design (microsoft/tabster#288, fluentui#27517), and
 * Accessibility Insights suppresses it, so only these nodes of only this rule are left out.
 */
const isTabsterSentinel = (id: string, html: string) =>
  id === 'aria-hidden-focus' && html.includes('data-tabster-dummy');

/**
 * Resolves once the page is still: no finite animation or transition running or about to run, and
 * one more frame painted after that. axe reads computed colours, so a check in the middle of a
 * transition (Fluent fades a button's colours for about 100 ms when it is enabled again) measures
 * a colour the user only sees for a moment and reports a contrast that is not there. Waiting for
 * the animations themselves, not for a fixed time, keeps the check both exact and fast. Endless
 * animations (a spinner) never finish and are not waited for.
 */
export async function settled(page: Page, timeoutMs = 10_000): Promise<void> {
  await page.waitForFunction(
    () =>
      document.getAnimations().every((animation) => {
        if (animation.playState === 'finished' || animation.playState === 'idle') return true;
        if (animation.playState === 'paused') return true;
        const end = animation.effect?.getComputedTiming().endTime;
        return end === undefined || !Number.isFinite(Number(end));
      }),
    undefined,
    { polling: 'raf', timeout: timeoutMs },
  );
  // The frame after the last animation ended, so that its final style is the painted one.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
}

/** axe-core over the page (or the part under `selector`), once still; only serious and critical findings. */
export async function axeCheck(page: Page, selector?: string): Promise<AxeViolation[]> {
  await settled(page);
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await page.evaluate(async (context) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } })
      .axe;
    return (await axe.run(context ?? document, { resultTypes: ['violations'] })) as AxeResults;
  }, selector ?? null);
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes
        .filter((node) => !isTabsterSentinel(violation.id, node.html))
        .map((node) => node.target.map(String).join(' ')),
    }))
    .filter((violation) => violation.targets.length > 0);
}

/** Whether this run was asked to write the documentation's screenshots (`RELACJE_SCREENSHOTS=1`). */
export const screenshotsWanted = (): boolean => process.env.RELACJE_SCREENSHOTS === '1';

/**
 * The pane as `docs/screenshots/<name>.png`, at its width and as tall as its content: the pane
 * scrolls inside its own area, so the viewport is stretched for the picture and then restored.
 * Only when `RELACJE_SCREENSHOTS=1`; otherwise nothing is written and the result is undefined.
 */
export async function screenshot(page: Page, name: string): Promise<string | undefined> {
  if (!screenshotsWanted()) return undefined;
  await settled(page);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  const viewport = page.viewportSize();
  const hidden = await page.evaluate(() =>
    Math.max(
      0,
      ...Array.from(document.querySelectorAll('*'), (element) => element.scrollHeight - element.clientHeight),
    ),
  );
  if (viewport && hidden > 0)
    await page.setViewportSize({ width: viewport.width, height: viewport.height + hidden });
  try {
    await page.screenshot({ path: file, fullPage: true });
  } finally {
    if (viewport) await page.setViewportSize(viewport);
  }
  return file;
}
