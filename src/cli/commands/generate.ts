import { EXIT_OK } from '../cli-failure';
import type { CommandContext } from '../command-context';
import { choiceOption, integerOption } from '../command-line';
import { checkNewWorkbookPath } from './init';
import { LOCALES } from '../../core/i18n';
import { DEFAULT_ACTIVITIES_PER_CLIENT, MAX_GENERATED_CLIENTS } from '../../dev/generator';
import { writeGeneratedWorkbook } from '../../dev/generated-workbook';

/** `relacje generate [file] --clients N [--seed S] [--activities-per-client N]`: a large seeded workbook. */
export async function runGenerate(context: CommandContext): Promise<number> {
  const file = context.workbookFile();
  checkNewWorkbookPath(file, context.line.flags.force === true);
  const rows = await writeGeneratedWorkbook(file, {
    seed: integerOption(context.line, 'seed', 0, 2 ** 31 - 1, 1),
    clients: integerOption(context.line, 'clients', 0, MAX_GENERATED_CLIENTS, 1000),
    activitiesPerClient: integerOption(
      context.line,
      'activities-per-client',
      0,
      1000,
      DEFAULT_ACTIVITIES_PER_CLIENT,
    ),
    locale: choiceOption(context.line, 'locale', LOCALES, 'pl'),
  });
  context.say('generated', { file, rows });
  return EXIT_OK;
}
