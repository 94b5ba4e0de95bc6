import { EXIT_OK, EXIT_USER_ERROR } from '../cli-failure';
import type { CommandContext } from '../command-context';
import { repairWorkbookFile } from '../../store/xlsx/workbook-file';

/**
 * `relacje repair [file]`: takes rows left below a table into it, matches table definitions to
 * their ranges and headers, gives renamed columns their headers back, restores missing tables
 * and columns; never drops data. What it cannot fix is listed, and the exit code is then 1.
 */
export async function runRepair(context: CommandContext): Promise<number> {
  const file = context.existingWorkbookFile();
  const report = await repairWorkbookFile(file);
  if (report.changes.length === 0 && report.remaining.length === 0) {
    context.say('repairNotNeeded', { file });
    return EXIT_OK;
  }
  for (const change of report.changes) context.sayText(`- ${change[context.lang]}`);
  if (report.changes.length) context.say('repaired', { file, changes: report.changes.length });
  if (report.remaining.length === 0) return EXIT_OK;
  for (const problem of report.remaining) context.sayText(`- ${problem.messageIn(context.lang)}`);
  context.say('repairRemaining', { count: report.remaining.length });
  return EXIT_USER_ERROR;
}
