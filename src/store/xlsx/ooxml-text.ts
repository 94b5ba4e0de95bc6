/**
 * Text as an .xlsx file must carry it. XML 1.0 cannot hold most control characters, and an XML
 * reader turns a carriage return into a line feed, so OOXML spells such characters `_xHHHH_`
 * (ST_Xstring). A literal `_xHHHH_` typed by a user is protected by escaping its underscore as
 * `_x005F_`, which is what Excel itself writes. Readers (Excel, LibreOffice, ExcelJS) decode it.
 */

// One pass, so that the escapes it produces are never escaped again: an underscore that starts
// an escape-like sequence; C0 controls other than tab and line feed (CR included); DEL, which
// ExcelJS would drop; the non-characters U+FFFE/U+FFFF; surrogates without their pair.
const NEEDS_ESCAPE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /_(?=x[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text as an OOXML string element must hold it so that it reads back exactly. */
export function escapeOoxmlText(text: string): string {
  return text.replace(
    NEEDS_ESCAPE,
    (char) => `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}
