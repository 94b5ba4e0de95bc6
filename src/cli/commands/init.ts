import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { EXIT_OK, userFailure } from '../cli-failure';
import type { CommandContext } from '../command-context';
import { choiceOption } from '../command-line';
import { LOCALES } from '../../core/i18n';
import { appendDataset } from '../../dev/append-dataset';
import { buildDemoDataset } from '../../dev/demo-data';
import { createXlsxWorkbook, openXlsxStore } from '../../store/xlsx/xlsx-store';

/** Fails, before anything is written, when `file` exists (unless forced) or its folder does not. */
export function checkNewWorkbookPath(file: string, force: boolean): void {
  const folder = path.dirname(file);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw userFailure('folderMissing', { file, folder });
  if (existsSync(file) && !force) throw userFailure('fileExists', { file });
}

/** `relacje init [file] [--demo] [--locale pl|en] [--force]` */
export async function runInit(context: CommandContext): Promise<number> {
  const file = context.workbookFile();
  const locale = choiceOption(context.line, 'locale', LOCALES, 'pl');
  const force = context.line.flags.force === true;
  checkNewWorkbookPath(file, force);
  await createXlsxWorkbook(file, { locale, overwrite: force });
  if (context.line.flags.demo !== true) {
    context.say('created', { file, locale });
    return EXIT_OK;
  }
  const rows = await fillWithDemoData(file);
  context.say('createdDemo', { file, locale, rows });
  return EXIT_OK;
}

/** Appends the demo data set to a new workbook; returns how many rows it wrote. */
export async function fillWithDemoData(file: string): Promise<number> {
  const store = await openXlsxStore(file);
  try {
    return await appendDataset(store, buildDemoDataset());
  } finally {
    await store.close();
  }
}
