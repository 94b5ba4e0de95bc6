import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Bundles a child script of the suite, with the sources it imports, into `outDir`: a kill cycle
 * is mostly the child's start, and a bundle starts in half the time tsx takes to load the same
 * files one by one. Packages stay outside the bundle, loaded from this checkout's node_modules.
 */
export function bundleChild(script: string, outDir: string): string {
  const outfile = path.join(outDir, `${path.basename(script, '.ts')}.js`);
  buildSync({
    entryPoints: [script],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}

/** One line a child of the suite printed on stdout: a JSON object with its kind in `t`. */
export type ChildLine = { t: string } & Record<string, unknown>;

/**
 * A child process of the suite, a bundle of `bundleChild` (or a .ts file, run through tsx like
 * the CLI), that reports on stdout one JSON line per event. A line is written in one synchronous write to a pipe (smaller than PIPE_BUF),
 * so a kill leaves either the whole line or none of it.
 */
export class Child {
  readonly lines: ChildLine[] = [];
  private readonly process: ChildProcess;
  private stdoutRest = '';
  private stderrText = '';
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private readonly exited: Promise<void>;
  private readonly listeners = new Set<() => void>();

  constructor(script: string, args: readonly string[]) {
    const node = script.endsWith('.ts') ? ['--require', 'tsx/cjs'] : ['--enable-source-maps'];
    this.process = spawn(process.execPath, [...node, script, ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
      // stdin stays open while this process lives: the child stops when it closes (child-guard.ts).
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.process.stdout!.on('data', (chunk: Buffer) => {
      const parts = (this.stdoutRest + chunk.toString('utf8')).split('\n');
      this.stdoutRest = parts.pop() ?? '';
      for (const part of parts) if (part) this.lines.push(parseLine(part));
      this.notify();
    });
    this.process.stderr!.on('data', (chunk: Buffer) => {
      // The last few kilobytes are enough to say what went wrong.
      this.stderrText = (this.stderrText + chunk.toString('utf8')).slice(-8000);
    });
    this.exited = new Promise((resolve) => {
      // 'close', not 'exit': after 'exit' the pipe may still hold lines the child wrote before it
      // died, and a write it acknowledged that the check never heard of would look like a defect.
      this.process.once('close', (code, signal) => {
        this.exitInfo = { code, signal };
        this.notify();
        resolve();
      });
    });
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  get stderr(): string {
    return this.stderrText;
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** The first line `matches`; rejects when the child exits before printing it. */
  waitFor(matches: (line: ChildLine) => boolean): Promise<ChildLine> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.lines.find(matches);
        if (found) {
          this.listeners.delete(check);
          resolve(found);
        } else if (this.exitInfo) {
          this.listeners.delete(check);
          reject(new Error(`the child exited (${JSON.stringify(this.exitInfo)}) first:\n${this.describe()}`));
        }
      };
      this.listeners.add(check);
      check();
    });
  }

  /** SIGKILL, then waits for the exit. Returns whether it was still running (the kill was ours). */
  async kill(): Promise<boolean> {
    const running = this.exitInfo === undefined;
    if (running) this.process.kill('SIGKILL');
    await this.exited;
    return running && this.exitInfo?.signal === 'SIGKILL';
  }

  /** What the child said, for a failure message. */
  describe(): string {
    const errors = this.lines
      .filter((line) => line.t === 'error' || line.t === 'text')
      .map((line) => String(line.message ?? line.text));
    return [...errors, this.stderrText.trim()].filter(Boolean).join('\n') || '(nothing on stderr)';
  }
}

/** A line of the protocol, or any other text a library printed (kept for the failure message). */
function parseLine(text: string): ChildLine {
  try {
    const line = JSON.parse(text) as unknown;
    if (typeof line === 'object' && line !== null && typeof (line as ChildLine).t === 'string')
      return line as ChildLine;
  } catch {
    // Not ours: fall through.
  }
  return { t: 'text', text };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
