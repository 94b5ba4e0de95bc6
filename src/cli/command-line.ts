import { parseArgs } from 'node:util';
import { usageFailure } from './cli-failure';

/** The options any command may take, and which commands take which. */
const OPTION_TYPES = {
  help: 'boolean',
  lang: 'string',
  demo: 'boolean',
  locale: 'string',
  force: 'boolean',
  port: 'string',
  seed: 'string',
  clients: 'string',
  'activities-per-client': 'string',
} as const;

export type OptionName = keyof typeof OPTION_TYPES;

const GLOBAL_OPTIONS: readonly OptionName[] = ['help', 'lang'];

export const COMMAND_OPTIONS: Readonly<Record<string, readonly OptionName[]>> = {
  init: ['demo', 'locale', 'force'],
  validate: [],
  repair: [],
  stats: [],
  serve: ['port'],
  // Not in the help: a developer's tool for benchmarks and load tests.
  generate: ['seed', 'clients', 'activities-per-client', 'locale', 'force'],
};

export interface CommandLine {
  command: string | undefined;
  /** Arguments after the command (the file). */
  args: string[];
  flags: Partial<Record<OptionName, boolean>>;
  values: Partial<Record<OptionName, string>>;
}

function isOptionName(name: string): name is OptionName {
  return Object.hasOwn(OPTION_TYPES, name);
}

/** Splits argv into a command, its arguments and its options; a wrong command line is a usage failure. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const { tokens } = parseArgs({
    args: [...argv],
    options: {
      help: { type: 'boolean', short: 'h' },
      lang: { type: 'string' },
      locale: { type: 'string' },
      port: { type: 'string' },
      seed: { type: 'string' },
      clients: { type: 'string' },
      'activities-per-client': { type: 'string' },
    },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positionals: string[] = [];
  const line: CommandLine = { command: undefined, args: [], flags: {}, values: {} };
  const seen: { name: OptionName; raw: string }[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    if (!isOptionName(token.name)) {
      throw usageFailure('unknownOption', { option: token.rawName, command: positionals[0] ?? 'relacje' });
    }
    seen.push({ name: token.name, raw: token.rawName });
    if (OPTION_TYPES[token.name] === 'boolean') {
      line.flags[token.name] = true;
    } else {
      // Without strict parsing, `--locale --demo` would take "--demo" as the locale.
      if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))) {
        throw usageFailure('missingOptionValue', { option: token.rawName });
      }
      line.values[token.name] = token.value;
    }
  }
  line.command = positionals[0];
  line.args = positionals.slice(1);
  const allowed =
    line.command !== undefined && Object.hasOwn(COMMAND_OPTIONS, line.command)
      ? COMMAND_OPTIONS[line.command]
      : undefined;
  if (allowed) {
    for (const { name, raw } of seen) {
      if (!GLOBAL_OPTIONS.includes(name) && !allowed.includes(name)) {
        throw usageFailure('unknownOption', { option: raw, command: line.command ?? 'relacje' });
      }
    }
  }
  return line;
}

/** The value of an option restricted to a closed list, or `fallback` when not given. */
export function choiceOption<T extends string>(
  line: CommandLine,
  name: OptionName,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = line.values[name];
  if (value === undefined) return fallback;
  const found = allowed.find((a) => a === value.toLowerCase());
  if (!found)
    throw usageFailure('badOptionValue', { option: `--${name}`, value, allowed: allowed.join(', ') });
  return found;
}

/** The value of a whole-number option within [min, max], or `fallback` when not given. */
export function integerOption(
  line: CommandLine,
  name: OptionName,
  min: number,
  max: number,
  fallback: number,
): number {
  const value = line.values[name];
  if (value === undefined) return fallback;
  const parsed = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(parsed >= min && parsed <= max)) {
    throw usageFailure('badOptionValue', { option: `--${name}`, value, allowed: `${min}–${max}` });
  }
  return parsed;
}
