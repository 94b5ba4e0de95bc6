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
      while (gt >= 0 && xml.indexOf('=', lt) < gt && !quotesBalanced(xml, lt, gt))
        gt = xml.indexOf('>', gt + 1);
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

function quotesBalanced(xml: string, from: number, to: number): boolean {
  const tag = xml.slice(from, to);
  const quotes = occurrences(tag, '"');
  // Apostrophes inside double-quoted values (a sheet name) need not pair up.
  return quotes % 2 === 0 && (quotes > 0 || occurrences(tag, "'") % 2 === 0);
}

function occurrences(text: string, char: string): number {
  let count = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) count += 1;
  return count;
}

const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The tag's attributes by name, values decoded and normalized as an XML parser does. */
export function attributesOf(attributes: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of attributes.matchAll(ATTRIBUTE)) {
    const raw = match[2] ?? match[3];
    // An attribute value's line ends, tabs and newlines are spaces once read (XML 1.0, 3.3.3).
    result[match[1]] = decodeEntities(raw.replace(/\r\n?/g, '\n').replace(/[\t\n]/g, ' '));
  }
  return result;
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
  const end = attributes.indexOf(quote, at + 1);
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
