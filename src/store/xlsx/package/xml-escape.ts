/** Text content: only `&` and `<` must be escaped; `>` too, so that `]]>` never appears. */
export function escapeXmlText(text: string): string {
  return /[&<>]/.test(text) ? text.replace(/[&<>]/g, (char) => ENTITY[char]) : text;
}

/**
 * An attribute value in double quotes. Tabs and line ends become character references: a parser
 * would read them as spaces otherwise (XML 1.0, 3.3.3).
 */
export function escapeXmlAttribute(text: string): string {
  return /[&<>"\t\n\r]/.test(text) ? text.replace(/[&<>"\t\n\r]/g, (char) => ENTITY[char]) : text;
}

const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};
