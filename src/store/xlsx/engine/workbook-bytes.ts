import { promises as fs } from 'node:fs';
import path from 'node:path';
import { RelacjeError } from '../../../core/errors';
import { NOT_A_WORKBOOK_REASONS } from '../sheet-texts';

const ZIP_SIGNATURE = [0x50, 0x4b];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

export function notAWorkbook(file: string, reason: keyof typeof NOT_A_WORKBOOK_REASONS, cause?: unknown) {
  return new RelacjeError(
    'notAWorkbook',
    { file: path.basename(file), reason: NOT_A_WORKBOOK_REASONS[reason] },
    { cause },
  );
}

/**
 * The file's bytes, once they look like an .xlsx package; a file that is not one (missing, empty,
 * .xls, not a ZIP, no workbook inside) is a `RelacjeError` saying which.
 */
export async function readWorkbookBytes(file: string): Promise<Buffer> {
  const content = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new RelacjeError('workbookNotFound', { file: path.basename(file) });
    throw error;
  });
  if (content.length === 0) throw notAWorkbook(file, 'empty');
  const startsWith = (signature: number[]) => signature.every((byte, i) => content[i] === byte);
  if (startsWith(OLE_SIGNATURE)) throw notAWorkbook(file, 'legacy');
  if (!startsWith(ZIP_SIGNATURE)) throw notAWorkbook(file, 'notZip');
  // A ZIP archive names its entries uncompressed in its central directory.
  if (!content.includes('xl/workbook.xml')) throw notAWorkbook(file, 'noWorkbookPart');
  return content;
}
