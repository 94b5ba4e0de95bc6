import * as os from 'node:os';
import { runCli } from './cli-harness';

const cwd = os.tmpdir();
const polish = { LANG: 'pl_PL.UTF-8' };

describe('relacje command line', () => {
  it('prints the help on --help and exits 0', async () => {
    const run = await runCli(['--help'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: relacje <command>');
    expect(run.stderr).toBe('');
  });

  it('prints the help to standard error and exits 2 without a command', async () => {
    const run = await runCli([], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: relacje <command>');
  });

  it('names an unknown command and exits 2', async () => {
    const run = await runCli(['frobnicate'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown command "frobnicate"');
    expect(run.stdout).toBe('');
  });

  it('treats names of object properties as unknown commands', async () => {
    expect((await runCli(['constructor'], { cwd })).code).toBe(2);
  });

  it('names an option the command does not take and exits 2', async () => {
    const run = await runCli(['stats', '--demo'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('The command stats has no option --demo');
  });

  it('names an option nobody knows and exits 2', async () => {
    const run = await runCli(['init', '--colour', 'red'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--colour');
  });

  it('rejects a locale outside pl and en, listing the allowed ones', async () => {
    const run = await runCli(['init', 'x.xlsx', '--locale', 'de'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Invalid value for --locale: "de". Allowed: pl, en.');
  });

  it('asks for the value of an option given without one', async () => {
    const run = await runCli(['init', '--locale'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('The option --locale needs a value');
  });

  it('rejects a port that is not a number', async () => {
    const run = await runCli(['serve', '--port', 'eighty'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Invalid value for --port: "eighty"');
  });

  it('speaks Polish when LANG is Polish', async () => {
    const run = await runCli(['frobnicate'], { cwd, env: polish });
    expect(run.stderr).toContain('Nieznane polecenie „frobnicate”');
  });

  it('speaks English when LANG is not Polish or not set', async () => {
    expect((await runCli(['frobnicate'], { cwd, env: { LANG: 'de_DE.UTF-8' } })).stderr).toContain(
      'Unknown command',
    );
    expect((await runCli(['frobnicate'], { cwd, env: {} })).stderr).toContain('Unknown command');
  });

  it('lets --lang override LANG, in both directions', async () => {
    expect((await runCli(['--lang', 'en', 'frobnicate'], { cwd, env: polish })).stderr).toContain(
      'Unknown command',
    );
    expect((await runCli(['frobnicate', '--lang=pl'], { cwd })).stderr).toContain('Nieznane polecenie');
  });

  it('prints the help in Polish', async () => {
    const run = await runCli(['--help', '--lang', 'pl'], { cwd });
    expect(run.stdout).toContain('Użycie: relacje <polecenie>');
  });

  it('rejects a --lang outside pl and en', async () => {
    const run = await runCli(['--lang', 'fr', 'stats'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Invalid value for --lang: "fr"');
  });

  it('takes one file only', async () => {
    const run = await runCli(['stats', 'a.xlsx', 'b.xlsx'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('extra arguments: b.xlsx');
  });
});
