import { escapeXmlAttribute } from '../package/xml-escape';

/*
 * Small edits of the package's shared parts a fold may need: shared strings blanked, a number
 * format style added, the calculation chain dropped, a full recalculation asked for.
 */

/** Replaces the `<si>` at each index with an empty one; every other index stays where it is. */
export function blankSharedStrings(xml: Buffer, indices: ReadonlySet<number>): Buffer {
  const chunks: Buffer[] = [];
  let index = -1;
  let copied = 0;
  let pos = xml.indexOf('<si');
  while (pos >= 0) {
    const after = xml[pos + 3];
    if (after !== 0x3e && after !== 0x20 && after !== 0x2f) {
      pos = xml.indexOf('<si', pos + 3);
      continue;
    }
    index += 1;
    const tagEnd = xml.indexOf('>', pos);
    const end = xml[tagEnd - 1] === 0x2f ? tagEnd + 1 : xml.indexOf('</si>', tagEnd) + '</si>'.length;
    if (indices.has(index)) {
      chunks.push(xml.subarray(copied, pos), Buffer.from('<si><t></t></si>'));
      copied = end;
    }
    pos = xml.indexOf('<si', end);
  }
  chunks.push(xml.subarray(copied));
  return Buffer.concat(chunks);
}

const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** A format code shows a date or time when it has d, m, y, h or s outside quotes and brackets. */
export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dmyhs]/i.test(bare) && !/^(General|@)$/i.test(bare);
}

interface StyleSheet {
  formats: Map<number, string>;
  /** numFmtId of each cell format (`<cellXfs>`), by style id. */
  xfFormats: number[];
}

function readStyles(xml: string): StyleSheet {
  const formats = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*?numFmtId="(\d+)"[^>]*?formatCode="([^"]*)"/g)) {
    formats.set(Number(m[1]), decodeAttribute(m[2]));
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const xfFormats = [...cellXfs.matchAll(/<xf\b([^>]*?)\/?>/g)].map((m) =>
    Number(/numFmtId="(\d+)"/.exec(m[1])?.[1] ?? 0),
  );
  return { formats, xfFormats };
}

function decodeAttribute(text: string): string {
  return text.replace(
    /&(quot|amp|lt|gt|apos);/g,
    (_, name: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" })[name]!,
  );
}

/** The style ids (`s`) whose number format shows a date. */
export function dateStyleIds(stylesXml: string): Set<number> {
  const { formats, xfFormats } = readStyles(stylesXml);
  const ids = new Set<number>();
  xfFormats.forEach((id, style) => {
    const code = formats.get(id);
    if (BUILT_IN_DATE_FORMATS.has(id) || (code !== undefined && isDateFormatCode(code))) ids.add(style);
  });
  return ids;
}

/**
 * A cell style with `formatCode`: an existing one that has it (and the base style's other looks,
 * when that is the base itself), or a copy of `baseStyle` with it, added to `<cellXfs>`.
 */
export function ensureNumberFormatStyle(
  stylesXml: string,
  formatCode: string,
  baseStyle?: number,
): { xml: string; styleId: number; changed: boolean } {
  const { formats, xfFormats } = readStyles(stylesXml);
  let numFmtId = [...formats].find(([, code]) => code === formatCode)?.[0];
  if (baseStyle !== undefined && numFmtId !== undefined && xfFormats[baseStyle] === numFmtId) {
    return { xml: stylesXml, styleId: baseStyle, changed: false };
  }
  let xml = stylesXml;
  if (numFmtId === undefined) {
    numFmtId = Math.max(163, ...formats.keys()) + 1;
    const entry = `<numFmt numFmtId="${numFmtId}" formatCode="${escapeXmlAttribute(formatCode)}"/>`;
    xml = /<numFmts\b/.test(xml)
      ? xml.replace(/<numFmts\b([^>]*?)(\/?)>/, (_, attrs: string, selfClosing: string) =>
          selfClosing ? `<numFmts${attrs}>${entry}</numFmts>` : `<numFmts${attrs}>${entry}`,
        )
      : xml.replace(/<styleSheet\b[^>]*>/, (tag) => `${tag}<numFmts count="1">${entry}</numFmts>`);
    xml = xml.replace(/<numFmts\b[^>]*>[\s\S]*?<\/numFmts>/, (block) =>
      block.replace(/ count="\d+"/, ` count="${(block.match(/<numFmt\b/g) ?? []).length}"`),
    );
  }
  const existing = xfFormats.findIndex((id) => id === numFmtId);
  if (baseStyle === undefined && existing >= 0) return { xml, styleId: existing, changed: xml !== stylesXml };
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
  if (!cellXfs) return { xml: stylesXml, styleId: baseStyle ?? 0, changed: false };
  const xfs = [...cellXfs[1].matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
  const base = xfs[baseStyle ?? 0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
  const copy = base
    .replace(/ numFmtId="\d+"/, '')
    .replace(/ applyNumberFormat="[^"]*"/, '')
    .replace(/^<xf\b/, `<xf numFmtId="${numFmtId}" applyNumberFormat="1"`);
  const styleId = xfs.length;
  xml = xml.replace(
    /(<cellXfs\b[^>]*>)([\s\S]*?)(<\/cellXfs>)/,
    (_, open: string, body: string, close: string) =>
      `${open.replace(/ count="\d+"/, ` count="${styleId + 1}"`)}${body}${copy}${close}`,
  );
  return { xml, styleId, changed: true };
}

/** The content types and workbook relationships without the calculation chain (Excel rebuilds it). */
export function removeCalcChain(parts: { contentTypes: string; workbookRels: string }): {
  contentTypes: string;
  workbookRels: string;
} {
  return {
    contentTypes: parts.contentTypes.replace(
      /<Override\b[^>]*?PartName="\/xl\/calcChain\.xml"[^>]*?\/>/g,
      '',
    ),
    workbookRels: parts.workbookRels.replace(/<Relationship\b[^>]*?Type="[^"]*\/calcChain"[^>]*?\/>/g, ''),
  };
}

/** Asks Excel to compute every formula when it opens the file: new formula cells carry no result. */
export function setFullCalcOnLoad(workbookXml: string): string {
  if (/<calcPr\b/.test(workbookXml)) {
    return workbookXml.replace(/<calcPr\b([^>]*?)(\/?)>/, (_, attrs: string, selfClosing: string) => {
      const rest = attrs.replace(/ fullCalcOnLoad="[^"]*"/, '');
      return `<calcPr${rest} fullCalcOnLoad="1"${selfClosing}>`;
    });
  }
  // calcPr follows sheets, functionGroups, externalReferences and definedNames (CT_Workbook order).
  return workbookXml.replace(
    /(<\/definedNames>|<\/externalReferences>|<\/functionGroups>|<\/sheets>)(?![\s\S]*(<\/definedNames>|<\/externalReferences>|<\/functionGroups>))/,
    '$1<calcPr fullCalcOnLoad="1"/>',
  );
}
