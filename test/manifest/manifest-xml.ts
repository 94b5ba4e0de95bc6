import { SaxesParser } from 'saxes';

/** One element of a parsed XML document, with namespaces resolved. */
export interface XmlElement {
  /** Namespace URI; '' when the element has none. */
  uri: string;
  local: string;
  /** Attributes by `{uri}local`, or by plain name when the attribute has no namespace. */
  attributes: Map<string, string>;
  children: XmlElement[];
  text: string;
  /** Line of the start tag, for messages that point into the file. */
  line: number;
}

export const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** Parses a whole document strictly (saxes rejects anything not well-formed) into a tree. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('opentag', (tag) => {
    const attributes = new Map<string, string>();
    for (const attribute of Object.values(tag.attributes)) {
      attributes.set(
        attribute.uri ? `{${attribute.uri}}${attribute.local}` : attribute.local,
        attribute.value,
      );
    }
    const element: XmlElement = {
      uri: tag.uri ?? '',
      local: tag.local ?? tag.name,
      attributes,
      children: [],
      text: '',
      line: parser.line,
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    const current = stack[stack.length - 1];
    if (current) current.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (!root) throw new Error('The document has no root element');
  return root;
}

/** Every element of the tree, depth first, in document order. */
export function descendants(element: XmlElement): XmlElement[] {
  return element.children.flatMap((child) => [child, ...descendants(child)]);
}

export function child(element: XmlElement, local: string): XmlElement | undefined {
  return element.children.find((c) => c.local === local);
}

export function xsiType(element: XmlElement): string | undefined {
  return element.attributes.get(`{${XSI}}type`);
}
