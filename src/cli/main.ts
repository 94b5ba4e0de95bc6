import { CliFailure, EXIT_OK, EXIT_USAGE, EXIT_USER_ERROR, usageFailure } from './cli-failure';
import { cliMessage } from './cli-messages';
import { CommandContext, languageFromEnv, type CliIo } from './command-context';
import { choiceOption, parseCommandLine } from './command-line';
import { isRelacjeError } from '../core/errors';
import { LOCALES, type Locale } from '../core/i18n';

export type { CliIo } from './command-context';

type Command = (context: CommandContext) => Promise<number>;

/*
 * Loaded on demand: `relacje --help` or a usage error then need neither ExcelJS nor the server.
 * require(), not import(): the launcher runs the sources through tsx's CommonJS hook, and a
 * native import() would bypass it.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const COMMANDS: Readonly<Record<string, () => Command>> = {
  init: () => (require('./commands/init') as typeof import('./commands/init')).runInit,
  validate: () => (require('./commands/validate') as typeof import('./commands/validate')).runValidate,
  repair: () => (require('./commands/repair') as typeof import('./commands/repair')).runRepair,
  stats: () => (require('./commands/stats') as typeof import('./commands/stats')).runStats,
  serve: () => (require('./commands/serve') as typeof import('./commands/serve')).runServe,
  generate: () => (require('./commands/generate') as typeof import('./commands/generate')).runGenerate,
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** Runs `relacje` with these arguments (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let lang: Locale = languageFromEnv(io.env);
  try {
    // Looked up before parsing, so that even a wrong command line is answered in the language asked for.
    lang = requestedLanguage(argv) ?? lang;
    const line = parseCommandLine(argv);
    lang = choiceOption(line, 'lang', LOCALES, lang);
    if (line.command === undefined || line.command === 'help') {
      const helpAsked = line.flags.help === true || line.command === 'help';
      (helpAsked ? io.stdout : io.stderr).write(cliMessage('usage', {})[lang] + '\n');
      return helpAsked ? EXIT_OK : EXIT_USAGE;
    }
    const loadCommand = Object.hasOwn(COMMANDS, line.command) ? COMMANDS[line.command] : undefined;
    if (!loadCommand) throw usageFailure('unknownCommand', { command: line.command });
    if (line.flags.help) {
      io.stdout.write(cliMessage('usage', {})[lang] + '\n');
      return EXIT_OK;
    }
    const command = await loadCommand();
    return await command(new CommandContext(io, line, lang));
  } catch (error) {
    return reportFailure(error, io, lang);
  }
}

function reportFailure(error: unknown, io: CliIo, lang: Locale): number {
  if (io.env.RELACJE_DEBUG === '1' && error instanceof Error && error.stack) {
    io.stderr.write(error.stack + '\n');
  }
  if (error instanceof CliFailure) {
    io.stderr.write(error.texts[lang] + '\n');
    if (error.exitCode === EXIT_USAGE) io.stderr.write(cliMessage('helpHint', {})[lang] + '\n');
    return error.exitCode;
  }
  if (isRelacjeError(error)) {
    io.stderr.write(error.messageIn(lang) + '\n');
    return EXIT_USER_ERROR;
  }
  const detail = error instanceof Error ? error.message : String(error);
  io.stderr.write(cliMessage('unexpected', { detail })[lang] + '\n');
  return EXIT_USER_ERROR;
}

function requestedLanguage(argv: readonly string[]): Locale | undefined {
  const at = argv.indexOf('--lang');
  const value = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  return value === 'pl' || value === 'en' ? value : undefined;
}

/** The process glue: real streams, the exit code, and a clean stop on Ctrl+C for `serve`. */
export async function runCliProcess(): Promise<void> {
  const io: CliIo = {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    onShutdown: (stop) => {
      const onSignal = () => {
        stop().then(
          () => process.exit(EXIT_OK),
          (error: unknown) => process.exit(reportFailure(error, io, languageFromEnv(process.env))),
        );
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
    },
  };
  // exitCode, not exit(): a running server must keep the process alive.
  process.exitCode = await main(process.argv.slice(2), io);
}
