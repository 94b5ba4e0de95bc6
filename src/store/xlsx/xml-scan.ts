import { LeanReadUnsupported } from './zip-entries';

/**
 * A small XML scanner for the parts of an .xlsx the lean reader needs. It reads text the way
 * ExcelJS's parser (saxes) hands it over: line ends normalized, the five predefined entities and
 * character references decoded. What it does not handle the same way (CDATA, a DOCTYPE, an
 * unknown entity, a malformed tag) is `LeanReadUnsupported`, and the file goes to ExcelJS.
 */

export interface XmlVisitor {
  open(name: string, attributes: string, selfClosing: boolean): void;
  /** Raw text between tags: `decodeXmlText` gives it as saxes would. */
  text?(raw: string): void;
  close(name: string): void;
}

export function scanXml(xml: string, visitor: XmlVisitor): void {
  let pos = 0;
  const length = xml.length;
  while (pos < length) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) {
      visitor.text?.(xml.slice(pos));
      return;
    }
    if (lt > pos && visitor.text) visitor.text(xml.slice(pos, lt));
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new LeanReadUnsupported('processing instruction');
      pos = end + 2;
      continue;
    }
    if (next === 0x21 /* ! */) {
      if (!xml.startsWith('<!--', lt)) throw new LeanReadUnsupported('CDATA or DOCTYPE');
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) throw new LeanReadUnsupported('comment');
      pos = end + 3;
      continue;
    }
    let gt = xml.indexOf('>', lt);
    if (gt < 0) throw new LeanReadUnsupported('unterminated tag');
    if (next === 0x2f /* / */) {
      visitor.close(xml.slice(lt + 2, gt).trimEnd());
    } else {
      // A '>' may stand unescaped in an attribute value: the tag ends at the first one outside quotes.
      gt = tagEndOf(xml, lt, gt);
      if (gt < 0) throw new LeanReadUnsupported('unterminated tag');
      const selfClosing = xml.charCodeAt(gt - 1) === 0x2f;
      const tagEnd = selfClosing ? gt - 1 : gt;
      let nameEnd = lt + 1;
      while (nameEnd < tagEnd && !isSpace(xml.charCodeAt(nameEnd))) nameEnd += 1;
      const name = xml.slice(lt + 1, nameEnd);
      if (name === '') throw new LeanReadUnsupported('tag');
      visitor.open(name, xml.slice(nameEnd, tagEnd), selfClosing);
      if (selfClosing) visitor.close(name);
    }
    pos = gt + 1;
  }
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/**
 * Where the tag opened at `lt` ends: its first '>' outside a quoted attribute value, or -1. Each
 * character is looked at once, so a tag whose quotes never close costs one pass, not one per '>'.
 */
function tagEndOf(xml: string, lt: number, firstGt: number): number {
  let gt = firstGt;
  let i = lt + 1;
  while (i < gt) {
    const code = xml.charCodeAt(i);
    if (code === 0x22 /* " */ || code === 0x27 /* ' */) {
      const close = xml.indexOf(code === 0x22 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      if (close > gt) {
        gt = xml.indexOf('>', close + 1);
        if (gt < 0) return -1;
      }
      i = close + 1;
    } else {
      i += 1;
    }
  }
  return gt;
}

/** The tag's attributes by name, values decoded and normalized as an XML parser does. */
export function attributesOf(attributes: string): Record<string, string> {
  const result: Record<string, string> = {};
  // By hand rather than by a regular expression: linear whatever the text, even a malformed one.
  const length = attributes.length;
  let pos = 0;
  while (pos < length) {
    const eq = attributes.indexOf('=', pos);
    if (eq < 0) break;
    let nameEnd = eq;
    while (nameEnd > pos && isSpace(attributes.charCodeAt(nameEnd - 1))) nameEnd -= 1;
    let nameStart = nameEnd;
    while (nameStart > pos && !isSpace(attributes.charCodeAt(nameStart - 1))) nameStart -= 1;
    let open = eq + 1;
    while (open < length && isSpace(attributes.charCodeAt(open))) open += 1;
    const quote = attributes[open];
    if (quote !== '"' && quote !== "'") {
      pos = open > eq ? open : eq + 1;
      continue;
    }
    const close = attributes.indexOf(quote, open + 1);
    if (close < 0) break;
    if (nameEnd > nameStart) {
      const raw = attributes.slice(open + 1, close);
      // An attribute value's line ends, tabs and newlines are spaces once read (XML 1.0, 3.3.3).
      result[attributes.slice(nameStart, nameEnd)] = decodeEntities(
        raw.replace(/\r\n?/g, '\n').replace(/[\t\n]/g, ' '),
      );
    }
    pos = close + 1;
  }
  return result;
}

/** An element's or attribute's name without its namespace prefix (`x:row` → `row`). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** One attribute's value, or undefined; cheaper than `attributesOf` for the few a cell has. */
export function attributeOf(attributes: string, name: string): string | undefined {
  let at = attributes.indexOf(` ${name}=`);
  if (at < 0) {
    // Attributes may also be separated by tabs or newlines.
    return /[\t\n\r]/.test(attributes) ? attributesOf(attributes)[name] : undefined;
  }
  at += name.length + 2;
  const quote = attributes[at];
  const end = quote === '"' || quote === "'" ? attributes.indexOf(quote, at + 1) : -1;
  if (end < 0) return attributesOf(attributes)[name];
  const raw = attributes.slice(at + 1, end);
  return /[&\t\n\r]/.test(raw) ? attributesOf(` ${name}=${quote}${raw}${quote}`)[name] : raw;
}

/** Text content as saxes reports it. */
export function decodeXmlText(raw: string): string {
  if (raw.indexOf('&') < 0 && raw.indexOf('\r') < 0) return raw;
  return decodeEntities(raw.replace(/\r\n?/g, '\n'));
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&([^;&\s]*);|&/g, (whole, name: string | undefined) => {
    if (name === undefined) throw new LeanReadUnsupported('a bare ampersand');
    if (name in PREDEFINED) return PREDEFINED[name];
    const code = /^#x[0-9a-fA-F]+$/.test(name)
      ? parseInt(name.slice(2), 16)
      : /^#[0-9]+$/.test(name)
        ? parseInt(name.slice(1), 10)
        : NaN;
    if (!isXmlChar(code)) throw new LeanReadUnsupported(`entity ${whole}`);
    return String.fromCodePoint(code);
  });
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
