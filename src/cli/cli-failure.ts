import { cliMessage, type CliMessageKey, type CliMessageParams } from './cli-messages';
import type { Bilingual } from '../core/i18n';

/** Exit codes: 1 when the file or its data is the problem, 2 when the command line is. */
export const EXIT_OK = 0;
export const EXIT_USER_ERROR = 1;
export const EXIT_USAGE = 2;

/** A failure of the command line itself, with the text to print and the exit code to return. */
export class CliFailure extends Error {
  readonly exitCode: number;
  readonly texts: Bilingual;

  constructor(exitCode: number, texts: Bilingual) {
    super(texts.en);
    this.name = 'CliFailure';
    this.exitCode = exitCode;
    this.texts = texts;
  }
}

export function usageFailure<K extends CliMessageKey>(key: K, params: CliMessageParams[K]): CliFailure {
  return new CliFailure(EXIT_USAGE, cliMessage(key, params));
}

export function userFailure<K extends CliMessageKey>(key: K, params: CliMessageParams[K]): CliFailure {
  return new CliFailure(EXIT_USER_ERROR, cliMessage(key, params));
}
