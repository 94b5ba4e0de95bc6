import { EXIT_OK } from '../cli-failure';
import type { CommandContext } from '../command-context';
import { repairWorkbookFile } from '../../store/xlsx/workbook-file';

/** `relacje repair [file]`: restores missing tables and columns; never drops data. */
export async function runRepair(context: CommandContext): Promise<number> {
  const file = context.existingWorkbookFile();
  const report = await repairWorkbookFile(file);
  if (report.changes.length === 0) {
    context.say('repairNotNeeded', { file });
    return EXIT_OK;
  }
  for (const change of report.changes) context.sayText(`- ${change[context.lang]}`);
  context.say('repaired', { file, changes: report.changes.length });
  return EXIT_OK;
}
