import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'relacje.js');

function runBin(args: readonly string[], cwd: string) {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', RELACJE_DEBUG: '' },
    timeout: 120_000,
  });
}

describe('bin/relacje.js as a real process', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'relacje-bin-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the TypeScript sources without a build and prints the help', () => {
    const run = runBin(['--help'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: relacje <command>');
  });

  it('exits 2 on an unknown command', () => {
    const run = runBin(['frobnicate'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Unknown command "frobnicate"');
  });

  it('writes the demo workbook with init --demo', () => {
    const run = runBin(['init', '--demo', 'demo.xlsx'], dir);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(run.stdout).toContain('with sample data');
    expect(existsSync(path.join(dir, 'demo.xlsx'))).toBe(true);
  });

  it('reports a bad file as a message, without a stack trace, and exits 1', () => {
    const run = runBin(['stats', path.join(dir, 'missing.xlsx')], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('missing.xlsx');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
