import path from 'node:path';
import { attributeOf, attributesOf, scanXml } from '../xml-scan';
import type { ZipEntries } from '../zip-entries';

/** A worksheet as `xl/workbook.xml` lists it, with the table parts its relationships name. */
export interface SheetPart {
  name: string;
  /** The part's name in the package, e.g. `xl/worksheets/sheet3.xml`. */
  part: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Table parts of the sheet, e.g. `xl/tables/table2.xml`. */
  tableParts: string[];
}

export interface WorkbookStructure {
  sheets: SheetPart[];
  date1904: boolean;
  sharedStringsPart?: string;
  stylesPart?: string;
}

const OFFICE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

/** The relationships of `part` (`dir/_rels/name.rels`), targets resolved to part names. */
export function relationshipsOf(
  zip: ZipEntries,
  part: string,
): { id: string; type: string; target: string }[] {
  const dir = path.posix.dirname(part);
  const relsPart = path.posix.join(dir, '_rels', `${path.posix.basename(part)}.rels`);
  const xml = zip.read(relsPart)?.toString('utf8');
  if (xml === undefined) return [];
  const rels: { id: string; type: string; target: string }[] = [];
  scanXml(xml, {
    open: (name, attributes) => {
      if (name !== 'Relationship') return;
      const attrs = attributesOf(attributes);
      if (attrs.TargetMode === 'External' || !attrs.Target) return;
      rels.push({ id: attrs.Id, type: attrs.Type ?? '', target: resolveTarget(dir, attrs.Target) });
    },
    close: () => undefined,
  });
  return rels;
}

/** A relationship's target as a part name: absolute (`/xl/…`) or relative to the source's folder. */
export function resolveTarget(dir: string, target: string): string {
  const clean = target.replace(/\\/g, '/');
  return clean.startsWith('/') ? clean.slice(1) : path.posix.normalize(path.posix.join(dir, clean));
}

/** The workbook's sheets in order, their tables, and the parts every sheet shares. */
export function readWorkbookStructure(zip: ZipEntries): WorkbookStructure {
  const workbookPart = workbookPartOf(zip);
  const xml = zip.read(workbookPart)?.toString('utf8');
  if (xml === undefined) throw new Error('no workbook part');
  const rels = relationshipsOf(zip, workbookPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetPart[] = [];
  let date1904 = false;
  scanXml(xml, {
    open: (name, attributes) => {
      const local = name.slice(name.indexOf(':') + 1);
      if (local === 'workbookPr') {
        const value = attributeOf(attributes, 'date1904');
        date1904 = value === '1' || value === 'true';
      }
      if (local !== 'sheet') return;
      const attrs = attributesOf(attributes);
      const relId = attrs['r:id'] ?? Object.entries(attrs).find(([key]) => key.endsWith(':id'))?.[1];
      const rel = relId === undefined ? undefined : byId.get(relId);
      // Chart sheets and dialog sheets are no worksheets: they hold no cells.
      if (!rel || !rel.type.endsWith('/worksheet') || !zip.has(rel.target)) return;
      const state = attrs.state === 'hidden' || attrs.state === 'veryHidden' ? attrs.state : 'visible';
      const tableParts = relationshipsOf(zip, rel.target)
        .filter((r) => r.type.endsWith('/table') && zip.has(r.target))
        .map((r) => r.target);
      sheets.push({ name: attrs.name, part: rel.target, state, tableParts });
    },
    close: () => undefined,
  });
  const shared = rels.find(
    (r) => r.type === `${OFFICE_REL}sharedStrings` || r.type.endsWith('/sharedStrings'),
  );
  const styles = rels.find((r) => r.type.endsWith('/styles'));
  return { sheets, date1904, sharedStringsPart: shared?.target, stylesPart: styles?.target };
}

/** The workbook part, from the package's root relationships (`xl/workbook.xml` almost always). */
export function workbookPartOf(zip: ZipEntries): string {
  const root = zip.read('_rels/.rels')?.toString('utf8');
  let found: string | undefined;
  if (root !== undefined) {
    scanXml(root, {
      open: (name, attributes) => {
        if (name !== 'Relationship' || found) return;
        const attrs = attributesOf(attributes);
        if (attrs.Type?.endsWith('/officeDocument')) found = resolveTarget('', attrs.Target);
      },
      close: () => undefined,
    });
  }
  return found && zip.has(found) ? found : 'xl/workbook.xml';
}
