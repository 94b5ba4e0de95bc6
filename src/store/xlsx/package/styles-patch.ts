import { attributesOf } from '../xml-scan';
import { setAttribute } from './table-part';
import { escapeXmlAttribute } from './xml-escape';

/** Built-in number formats (ECMA-376, 18.8.30) by their code, for those a caller may ask for. */
const BUILT_IN: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  'mm-dd-yy': 14,
  'd-mmm-yy': 15,
  'd-mmm': 16,
  'mmm-yy': 17,
  'h:mm AM/PM': 18,
  'h:mm:ss AM/PM': 19,
  'h:mm': 20,
  'h:mm:ss': 21,
  'm/d/yy h:mm': 22,
  'mm:ss': 45,
  '[h]:mm:ss': 46,
  'mmss.0': 47,
  '@': 49,
};

const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Whether a number format code shows a date or time: d, m, y, h or s outside quotes, brackets and escapes. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, '');
  return /[dmyhs]/i.test(bare);
}

/** The cell styles (indices into `<cellXfs>`) whose number format is a date or time. */
export function dateStyleIds(stylesXml: string): Set<number> {
  const formats = customFormats(stylesXml);
  const ids = new Set<number>();
  cellXfs(stylesXml)?.xfs.forEach((xf, i) => {
    const id = Number(attributesOf(openTagOf(xf)).numFmtId ?? 0);
    const code = formats.get(id);
    if (code === undefined ? BUILT_IN_DATES.has(id) : isDateFormat(code)) ids.add(i);
  });
  return ids;
}

/**
 * A cell style showing numbers in `formatCode`, based on `baseStyle` (its font, fill, borders and
 * alignment): an existing one when the styles hold it, else one added to `<cellXfs>` (and the format
 * to `<numFmts>`, with an id from 164 up, when it is not built in). Counts follow.
 */
export function ensureNumberFormatStyle(
  stylesXml: string,
  formatCode: string,
  baseStyle?: number,
): { xml: string; styleId: number; changed: boolean } {
  let xml = stylesXml;
  const formats = customFormats(xml);
  let numFmtId = BUILT_IN[formatCode];
  if (numFmtId === undefined) {
    numFmtId = [...formats].find(([, code]) => code === formatCode)?.[0] ?? -1;
    if (numFmtId < 0) {
      numFmtId = Math.max(163, ...formats.keys()) + 1;
      xml = withNumberFormat(xml, numFmtId, formatCode);
    }
  }
  const section = cellXfs(xml);
  if (!section) throw new Error('The styles part has no <cellXfs>');
  const base =
    section.xfs[baseStyle ?? 0] ??
    section.xfs[0] ??
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
  const wanted = withFormat(base, numFmtId);
  const found = section.xfs.findIndex((xf) => sameStyle(xf, wanted));
  if (found >= 0) return { xml, styleId: found, changed: xml !== stylesXml };
  const open = setAttribute(section.open, 'count', String(section.xfs.length + 1));
  xml = xml.slice(0, section.start) + open + section.body + wanted + xml.slice(section.closeStart);
  return { xml, styleId: section.xfs.length, changed: true };
}

function withFormat(xf: string, numFmtId: number): string {
  const open = openTagOf(xf);
  const changed = setAttribute(setAttribute(open, 'numFmtId', String(numFmtId)), 'applyNumberFormat', '1');
  return changed + xf.slice(open.length);
}

/** Two `<xf>` are the same style when all but `applyNumberFormat` (a hint) agree. */
function sameStyle(a: string, b: string): boolean {
  const key = (xf: string) => {
    const open = openTagOf(xf);
    const attrs = attributesOf(open.slice(3, open.endsWith('/>') ? -2 : -1));
    delete attrs.applyNumberFormat;
    const sorted = Object.keys(attrs)
      .sort()
      .map((name) => `${name}=${attrs[name]}`);
    return `${sorted.join(' ')}|${xf.slice(open.length).replace(/\s+/g, ' ')}`;
  };
  return key(a) === key(b);
}

function openTagOf(xf: string): string {
  return xf.slice(0, xf.indexOf('>') + 1);
}

function customFormats(xml: string): Map<number, string> {
  const formats = new Map<number, string>();
  for (const match of xml.matchAll(/<numFmt\b([^>]*?)\/?>/g)) {
    const attrs = attributesOf(match[1]);
    if (attrs.numFmtId !== undefined && attrs.formatCode !== undefined) {
      formats.set(Number(attrs.numFmtId), attrs.formatCode);
    }
  }
  return formats;
}

function withNumberFormat(xml: string, id: number, code: string): string {
  const format = `<numFmt numFmtId="${id}" formatCode="${escapeXmlAttribute(code)}"/>`;
  const open = /<numFmts\b[^>]*?(\/?)>/.exec(xml);
  if (open && open[1] !== '/') {
    const close = xml.indexOf('</numFmts>', open.index);
    const count = (xml.slice(open.index, close).match(/<numFmt\b/g) ?? []).length + 1;
    const tag = setAttribute(open[0], 'count', String(count));
    return (
      xml.slice(0, open.index) +
      tag +
      xml.slice(open.index + open[0].length, close) +
      format +
      xml.slice(close)
    );
  }
  const element = `<numFmts count="1">${format}</numFmts>`;
  if (open) return xml.slice(0, open.index) + element + xml.slice(open.index + open[0].length);
  // <numFmts> is the first child of <styleSheet>.
  const root = /<styleSheet\b[^>]*>/.exec(xml);
  if (!root) throw new Error('The styles part has no <styleSheet>');
  const at = root.index + root[0].length;
  return xml.slice(0, at) + element + xml.slice(at);
}

interface XfSection {
  start: number;
  open: string;
  body: string;
  closeStart: number;
  xfs: string[];
}

function cellXfs(xml: string): XfSection | undefined {
  const open = /<cellXfs\b[^>]*>/.exec(xml);
  if (!open) return undefined;
  const bodyStart = open.index + open[0].length;
  const closeStart = xml.indexOf('</cellXfs>', bodyStart);
  if (closeStart < 0) return undefined;
  const body = xml.slice(bodyStart, closeStart);
  const xfs = [...body.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((match) => match[0]);
  return { start: open.index, open: open[0], body, closeStart, xfs };
}
