/**
 * The shared strings part with the strings at `indices` emptied, every other byte kept. Each
 * `<si>` stays, so every index the other sheets use still means the same string; only the text of
 * the ones no cell shows any more (a deleted client's name) leaves the file.
 */
export function blankSharedStrings(xml: Buffer, indices: ReadonlySet<number>): Buffer {
  if (indices.size === 0) return xml;
  const pieces: Buffer[] = [];
  let copied = 0;
  forEachString(xml, (index, start, end) => {
    if (!indices.has(index)) return;
    pieces.push(xml.subarray(copied, start), BLANK);
    copied = end;
  });
  pieces.push(xml.subarray(copied));
  return Buffer.concat(pieces);
}

/** How many strings (`<si>`) the part holds. */
export function sharedStringCount(xml: Buffer): number {
  let count = 0;
  forEachString(xml, () => {
    count += 1;
  });
  return count;
}

const BLANK = Buffer.from('<si><t></t></si>');

function forEachString(xml: Buffer, visit: (index: number, start: number, end: number) => void): void {
  let index = 0;
  let pos = 0;
  for (;;) {
    const start = xml.indexOf('<si', pos);
    if (start < 0) return;
    const next = xml[start + 3];
    // <sst> has another name; <si> elements never nest.
    if (next !== 0x3e && next !== 0x2f && next !== 0x20 && next !== 0x09 && next !== 0x0a && next !== 0x0d) {
      pos = start + 3;
      continue;
    }
    const tagEnd = xml.indexOf('>', start);
    const close = xml[tagEnd - 1] === 0x2f ? tagEnd + 1 : xml.indexOf('</si>', tagEnd);
    if (tagEnd < 0 || close < 0) throw new Error('The shared strings part has an unterminated <si>');
    const end = xml[tagEnd - 1] === 0x2f ? close : close + '</si>'.length;
    visit(index, start, end);
    index += 1;
    pos = end;
  }
}
