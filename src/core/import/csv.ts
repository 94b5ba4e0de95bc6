import { protectText } from '../cell-safety';

/** The field separators spreadsheets write: `;` (Polish Excel), `,` and tab. */
export type CsvDelimiter = ';' | ',' | '\t';

export const CSV_DELIMITERS: readonly CsvDelimiter[] = [';', ',', '\t'];

const SAMPLE_RECORDS = 20;

/**
 * Picks the delimiter whose field count is the same on most of the first records (counted outside
 * quotes) and splits them into more than one field; a tie goes to the wider split, then to `;`.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; consistency: number; fields: number } | undefined;
  for (const delimiter of CSV_DELIMITERS) {
    const counts = parseCsv(text, delimiter, SAMPLE_RECORDS)
      .filter((row) => row.some((cell) => cell.trim() !== ''))
      .map((row) => row.length);
    if (counts.length === 0) continue;
    const [fields, times] = mostCommon(counts);
    if (fields < 2) continue;
    const consistency = times / counts.length;
    if (
      !best ||
      consistency > best.consistency ||
      (consistency === best.consistency && fields > best.fields)
    ) {
      best = { delimiter, consistency, fields };
    }
  }
  return best?.delimiter ?? ';';
}

function mostCommon(values: readonly number[]): [value: number, times: number] {
  const times = new Map<number, number>();
  for (const value of values) times.set(value, (times.get(value) ?? 0) + 1);
  let best: [number, number] = [0, 0];
  for (const [value, n] of times) if (n > best[1] || (n === best[1] && value > best[0])) best = [value, n];
  return best;
}

/**
 * RFC 4180 records: quoted fields may hold the delimiter, doubled quotes and line breaks; lines end
 * in CRLF or LF; the line break after the last record makes no empty record. Leniently, a quote
 * inside an unquoted field is kept as text and an unclosed quote runs to the end of the file.
 */
export function parseCsv(text: string, delimiter: CsvDelimiter, maxRecords = Infinity): string[][] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const length = source.length;
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  // Each turn reads one field and what ends it; fields are sliced, not built a character at a time.
  while (i < length && rows.length < maxRecords) {
    let field: string;
    if (source[i] === '"') {
      const parts: string[] = [];
      let from = i + 1;
      for (;;) {
        const quote = source.indexOf('"', from);
        if (quote === -1) {
          parts.push(source.slice(from));
          i = length;
          break;
        }
        parts.push(source.slice(from, quote));
        if (source[quote + 1] === '"') {
          parts.push('"');
          from = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      // Text after the closing quote (`"a"b`) is kept, as spreadsheets do.
      const rest = i;
      while (i < length && source[i] !== delimiter && source[i] !== '\r' && source[i] !== '\n') i += 1;
      field = parts.join('') + source.slice(rest, i);
    } else {
      const from = i;
      while (i < length && source[i] !== delimiter && source[i] !== '\r' && source[i] !== '\n') i += 1;
      field = source.slice(from, i);
    }
    row.push(field);
    if (i >= length) break;
    if (source[i] === delimiter) {
      i += 1;
      if (i === length) row.push('');
      continue;
    }
    i += source[i] === '\r' && source[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
  }
  if (row.length > 0 && rows.length < maxRecords) rows.push(row);
  return rows;
}

/**
 * A CSV that Polish Excel opens as it was meant: `;`, CRLF, fields quoted where they hold a
 * delimiter, quote or line break, and text that Excel would run as a formula neutralised.
 */
export function writeCsv(rows: readonly (readonly string[])[], delimiter: CsvDelimiter = ';'): string {
  return (
    rows
      .map((row) => row.map((cell) => csvField(protectText(cell), delimiter)).join(delimiter))
      .join('\r\n') + '\r\n'
  );
}

function csvField(text: string, delimiter: CsvDelimiter): string {
  const needsQuotes = text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim();
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}
