import { attributesOf } from '../xml-scan';
import { replaceInTag, setAttribute } from './table-part';
import { escapeXmlAttribute } from './xml-escape';

/**
 * The content types and workbook relationships without the calculation chain (the caller leaves
 * its part out of the package): once formula cells move, the chain names cells that no longer
 * hold them, which Excel reports as damage; without one it builds a new chain.
 */
export function removeCalcChain(parts: { contentTypes: string; workbookRels: string }): {
  contentTypes: string;
  workbookRels: string;
} {
  return {
    contentTypes: parts.contentTypes.replace(
      /<Override\b[^>]*?ContentType\s*=\s*"[^"]*calcChain\+xml"[^>]*?\/>/g,
      '',
    ),
    workbookRels: parts.workbookRels.replace(
      /<Relationship\b[^>]*?Type\s*=\s*"[^"]*\/calcChain"[^>]*?\/>/g,
      '',
    ),
  };
}

/** Children of <workbook> that come after <calcPr>, in schema order (CT_Workbook). */
const AFTER_CALC_PR = [
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

/**
 * The workbook part asking for a full calculation on load, so that Excel (and LibreOffice, when set
 * to) computes formula cells written without a cached value.
 */
export function setFullCalcOnLoad(workbookXml: string): string {
  const prefix = /<(\w+:)?workbook\b/.exec(workbookXml)?.[1] ?? '';
  const existing = new RegExp(`<${prefix}calcPr\\b[^>]*?/?>`).exec(workbookXml);
  if (existing) {
    const tag = setAttribute(existing[0], 'fullCalcOnLoad', '1');
    return (
      workbookXml.slice(0, existing.index) + tag + workbookXml.slice(existing.index + existing[0].length)
    );
  }
  const element = `<${prefix}calcPr fullCalcOnLoad="1"/>`;
  const later = AFTER_CALC_PR.map((name) => workbookXml.search(new RegExp(`<${prefix}${name}[\\s/>]`)))
    .filter((at) => at >= 0)
    .sort((a, b) => a - b)[0];
  const at = later ?? workbookXml.lastIndexOf(`</${prefix}workbook>`);
  if (at < 0) throw new Error('The workbook part has no <workbook> element');
  return workbookXml.slice(0, at) + element + workbookXml.slice(at);
}

const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SPREADSHEET_TYPES = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** The parts of a package that adding a sheet changes, and what it must not clash with. */
export interface WorkbookParts {
  workbook: string;
  workbookRels: string;
  contentTypes: string;
  /** Every entry name in the package, to choose part names that are free. */
  partNames: readonly string[];
  /** The `id` of every table in the workbook: a table's id must be unique in it. */
  tableIds: readonly number[];
}

export interface NewWorksheet {
  /** The tab's name: at most 31 characters, none of `[]:*?/\`, unlike every other sheet's. */
  name: string;
  sheetXml: string;
  /** A table part for a table on the sheet; its `id` is set to one the workbook does not use. */
  tableXml?: string;
}

/**
 * The workbook with one more worksheet (and its table): the `<sheet>` in workbook.xml, its
 * relationship, content types, and the new parts (the sheet's relationships and `<tableParts>`
 * when it has a table). The caller adds `added` to the package and writes the three parts back.
 */
export function addWorksheet(
  parts: WorkbookParts,
  sheet: NewWorksheet,
): {
  workbook: string;
  workbookRels: string;
  contentTypes: string;
  added: { name: string; content: string }[];
} {
  checkSheetName(parts.workbook, sheet.name);
  const sheetNumber = freeNumber(parts.partNames, /^xl\/worksheets\/sheet(\d+)\.xml$/);
  const sheetPart = `xl/worksheets/sheet${sheetNumber}.xml`;
  const relId = `rId${freeNumber(relationshipIds(parts.workbookRels), /^rId(\d+)$/)}`;
  const sheetIds = [...parts.workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*?\ssheetId="(\d+)"/g)].map((m) =>
    Number(m[1]),
  );
  const sheetId = Math.max(0, ...sheetIds) + 1;
  const prefix =
    /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
      parts.workbook,
    )?.[1];
  const idAttribute = prefix ? `${prefix}:id="${relId}"` : `xmlns:r="${RELATIONSHIPS_NS}" r:id="${relId}"`;
  const ns = /<(\w+:)?workbook\b/.exec(parts.workbook)?.[1] ?? '';
  const element = `<${ns}sheet name="${escapeXmlAttribute(sheet.name)}" sheetId="${sheetId}" ${idAttribute}/>`;
  const sheetsClose = parts.workbook.indexOf(`</${ns}sheets>`);
  if (sheetsClose < 0) throw new Error('The workbook part lists no sheets');
  const workbook = parts.workbook.slice(0, sheetsClose) + element + parts.workbook.slice(sheetsClose);
  const workbookRels = withRelationship(
    parts.workbookRels,
    relId,
    'worksheet',
    `worksheets/sheet${sheetNumber}.xml`,
  );
  let contentTypes = withOverride(parts.contentTypes, `/${sheetPart}`, `${SPREADSHEET_TYPES}.worksheet+xml`);
  const added: { name: string; content: string }[] = [];
  let sheetXml = sheet.sheetXml;
  if (sheet.tableXml !== undefined) {
    const tableNumber = freeNumber(parts.partNames, /^xl\/tables\/table(\d+)\.xml$/);
    const tablePart = `xl/tables/table${tableNumber}.xml`;
    const tableId = Math.max(0, ...parts.tableIds) + 1;
    added.push({
      name: tablePart,
      content: replaceInTag(sheet.tableXml, 'table', (tag) => setAttribute(tag, 'id', String(tableId))),
    });
    added.push({
      name: `xl/worksheets/_rels/sheet${sheetNumber}.xml.rels`,
      content: withRelationship(EMPTY_RELATIONSHIPS, 'rId1', 'table', `../tables/table${tableNumber}.xml`),
    });
    contentTypes = withOverride(contentTypes, `/${tablePart}`, `${SPREADSHEET_TYPES}.table+xml`);
    if (!/<(?:\w+:)?tableParts\b/.test(sheetXml)) {
      const parts = `<tableParts count="1"><tablePart xmlns:r="${RELATIONSHIPS_NS}" r:id="rId1"/></tableParts>`;
      // <tableParts> is the last child of a worksheet but for <extLst>.
      const at = sheetXml.search(/<extLst[\s>]/);
      const end = at >= 0 ? at : sheetXml.lastIndexOf('</worksheet>');
      sheetXml = sheetXml.slice(0, end) + parts + sheetXml.slice(end);
    }
  }
  added.unshift({ name: sheetPart, content: sheetXml });
  return { workbook, workbookRels, contentTypes, added };
}

const EMPTY_RELATIONSHIPS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

function checkSheetName(workbook: string, name: string): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
    throw new RangeError(`Not a sheet name Excel accepts: ${name}`);
  }
  const taken = [...workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)].map(
    (m) => attributesOf(m[1]).name ?? '',
  );
  if (taken.some((other) => other.toLowerCase() === name.toLowerCase())) {
    throw new RangeError(`The workbook already has a sheet named ${name}`);
  }
}

function relationshipIds(rels: string): string[] {
  return [...rels.matchAll(/<Relationship\b[^>]*?\sId="([^"]*)"/g)].map((m) => m[1]);
}

/** One more than the highest number the names matching `pattern` carry. */
function freeNumber(names: readonly string[], pattern: RegExp): number {
  return Math.max(0, ...names.map((name) => Number(pattern.exec(name)?.[1] ?? 0))) + 1;
}

function withRelationship(rels: string, id: string, type: string, target: string): string {
  const element = `<Relationship Id="${id}" Type="${RELATIONSHIPS_NS}/${type}" Target="${target}"/>`;
  const close = rels.lastIndexOf('</Relationships>');
  if (close < 0) throw new Error('A relationships part without <Relationships>');
  return rels.slice(0, close) + element + rels.slice(close);
}

function withOverride(contentTypes: string, partName: string, type: string): string {
  const close = contentTypes.lastIndexOf('</Types>');
  if (close < 0) throw new Error('The content types part has no <Types>');
  return `${contentTypes.slice(0, close)}<Override PartName="${partName}" ContentType="${type}"/>${contentTypes.slice(close)}`;
}
