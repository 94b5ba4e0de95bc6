import { setAttribute } from './table-part';

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
