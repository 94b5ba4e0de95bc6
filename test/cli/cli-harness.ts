import { main } from '../../src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process with captured output, in `cwd`, with only the given variables. */
export async function runCli(
  argv: readonly string[],
  options: { cwd: string; env?: Record<string, string>; onShutdown?: (stop: () => Promise<void>) => void },
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: options.cwd,
    env: options.env ?? { LANG: 'en_US.UTF-8' },
    onShutdown: options.onShutdown,
  });
  return { code, stdout, stderr };
}
