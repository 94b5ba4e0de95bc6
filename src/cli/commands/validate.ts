import { EXIT_OK, EXIT_USER_ERROR } from '../cli-failure';
import type { CommandContext } from '../command-context';
import { recordProblems } from '../record-problems';
import { openXlsxStore } from '../../store/xlsx/xlsx-store';
import { inspectWorkbookFile } from '../../store/xlsx/workbook-file';

/** `relacje validate [file]`: every problem of the file's structure, else of its rows; exit 1 if any. */
export async function runValidate(context: CommandContext): Promise<number> {
  const file = context.existingWorkbookFile();
  const structural = await inspectWorkbookFile(file);
  let problems = structural.map((problem) => problem.messageIn(context.lang));
  // Rows can only be read once the tables and columns are where they belong.
  if (problems.length === 0) {
    const store = await openXlsxStore(file, { readOnly: true });
    try {
      problems = recordProblems(await store.readAll(), context.lang);
    } finally {
      await store.close();
    }
  }
  if (problems.length === 0) {
    context.say('validOk', { file });
    return EXIT_OK;
  }
  for (const problem of problems) context.sayText(`- ${problem}`);
  context.say('problemsFound', { file, count: problems.length });
  return EXIT_USER_ERROR;
}
