import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { usageFailure } from './cli-failure';
import { cliMessage, type CliMessageKey, type CliMessageParams } from './cli-messages';
import type { CommandLine } from './command-line';
import { RelacjeError } from '../core/errors';
import type { Locale } from '../core/i18n';

export interface TextSink {
  write(text: string): unknown;
}

/** What the command line touches of the outside world; tests pass their own. */
export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** `serve` hands over how to stop it; the process glue calls that on Ctrl+C. */
  onShutdown?: (stop: () => Promise<void>) => void;
}

export const DEFAULT_WORKBOOK = 'relacje.xlsx';

/** What a command gets: the parsed command line, the user's language and ways to speak. */
export class CommandContext {
  constructor(
    readonly io: CliIo,
    readonly line: CommandLine,
    readonly lang: Locale,
  ) {}

  say<K extends CliMessageKey>(key: K, params: CliMessageParams[K]): void {
    this.io.stdout.write(cliMessage(key, params)[this.lang] + '\n');
  }

  sayText(text: string): void {
    this.io.stdout.write(text + '\n');
  }

  /** The workbook the command works on: its argument, else RELACJE_WORKBOOK, else relacje.xlsx. */
  workbookFile(): string {
    const [file, ...extra] = this.line.args;
    if (extra.length > 0) {
      throw usageFailure('tooManyArguments', { command: this.line.command ?? '', extra: extra.join(' ') });
    }
    const chosen = file ?? this.io.env.RELACJE_WORKBOOK ?? DEFAULT_WORKBOOK;
    return path.resolve(this.io.cwd, chosen);
  }

  /** `workbookFile()`, which must exist. */
  existingWorkbookFile(): string {
    const file = this.workbookFile();
    if (!existsSync(file)) throw new RelacjeError('workbookNotFound', { file });
    return file;
  }
}

/** The language of messages: `--lang`, else the POSIX locale variables, Polish if they say `pl…`. */
export function languageFromEnv(env: CliIo['env']): Locale {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return tag.toLowerCase().startsWith('pl') ? 'pl' : 'en';
}
