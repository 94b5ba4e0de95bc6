import { columnName, columnNumber, MAX_COL, MAX_ROW } from './cell-ref';

/**
 * An A1 formula as Excel translates it for the copies of a shared formula: the relative parts of
 * each cell, range, whole-column and whole-row reference move by (dRow, dCol), `$`-anchored parts
 * stay, and a reference pushed off the sheet becomes `#REF!`. Text in string literals, quoted sheet
 * names, brackets (structured references, external workbooks), function and defined names is
 * copied as it is.
 */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = '';
  let pos = 0;
  const length = formula.length;
  while (pos < length) {
    const char = formula[pos];
    if (char === '"' || char === "'") {
      const end = quotedEnd(formula, pos, char);
      out += formula.slice(pos, end);
      pos = end;
    } else if (char === '[') {
      const end = bracketEnd(formula, pos);
      out += formula.slice(pos, end);
      pos = end;
    } else if (char === '#') {
      // An error literal (#REF!, #N/A, #DIV/0!) or a spill operator: never a reference.
      const end = ERROR_LITERAL.exec(formula.slice(pos))?.[0].length ?? 1;
      out += formula.slice(pos, pos + end);
      pos += end;
    } else if (isNameChar(char)) {
      let end = pos + 1;
      while (end < length && isNameChar(formula[end])) end += 1;
      const reference = referenceAt(formula, pos, end);
      if (reference) {
        out += reference.shift(dRow, dCol);
        pos = reference.end;
      } else {
        out += formula.slice(pos, end);
        pos = end;
      }
    } else {
      out += char;
      pos += 1;
    }
  }
  return out;
}

const ERROR_LITERAL = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!)/i;

/** After a string literal or a quoted sheet name; a doubled quote stands for itself. */
function quotedEnd(formula: string, start: number, quote: string): number {
  let pos = start + 1;
  while (pos < formula.length) {
    if (formula[pos] === quote) {
      if (formula[pos + 1] !== quote) return pos + 1;
      pos += 2;
    } else pos += 1;
  }
  return pos;
}

/** After a bracketed part, nested brackets included; `'` escapes the next character in a structured reference. */
function bracketEnd(formula: string, start: number): number {
  let depth = 0;
  let pos = start;
  while (pos < formula.length) {
    const char = formula[pos];
    if (char === "'") pos += 1;
    else if (char === '[') depth += 1;
    else if (char === ']') {
      depth -= 1;
      if (depth === 0) return pos + 1;
    }
    pos += 1;
  }
  return pos;
}

function isNameChar(char: string): boolean {
  const code = char.charCodeAt(0);
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x24 /* $ */ ||
    code === 0x5f /* _ */ ||
    code === 0x2e /* . */ ||
    code === 0x5c /* \ */ ||
    code === 0x3f /* ? */ ||
    code > 0x7f
  );
}

interface Reference {
  end: number;
  shift(dRow: number, dCol: number): string;
}

const CELL_PART = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COLUMN_PART = /^(\$?)([A-Za-z]{1,3})$/;
const ROW_PART = /^(\$?)(\d{1,7})$/;

/** The reference made of the name run `start…end` (and a `:` with a second run), if it is one. */
function referenceAt(formula: string, start: number, end: number): Reference | undefined {
  const next = formula[end];
  // A function, a table (structured reference) or a sheet name.
  if (next === '(' || next === '[' || next === '!') return undefined;
  const first = formula.slice(start, end);
  let second: string | undefined;
  let rangeEnd = end;
  if (next === ':') {
    let after = end + 1;
    while (after < formula.length && isNameChar(formula[after])) after += 1;
    const following = formula[after];
    if (after > end + 1 && following !== '(' && following !== '[' && following !== '!') {
      second = formula.slice(end + 1, after);
      rangeEnd = after;
    }
  }
  const cell = cellPart(first);
  if (cell) {
    const other = second === undefined ? undefined : cellPart(second);
    if (second !== undefined && other) {
      return { end: rangeEnd, shift: (dRow, dCol) => joinOrRef(cell(dRow, dCol), other(dRow, dCol)) };
    }
    return { end, shift: (dRow, dCol) => cell(dRow, dCol) ?? '#REF!' };
  }
  if (second === undefined) return undefined;
  const columns = [linePart(first, COLUMN_PART, 'col'), linePart(second, COLUMN_PART, 'col')];
  const rows = [linePart(first, ROW_PART, 'row'), linePart(second, ROW_PART, 'row')];
  const [a, b] = columns[0] && columns[1] ? columns : rows[0] && rows[1] ? rows : [];
  if (!a || !b) return undefined;
  return { end: rangeEnd, shift: (dRow, dCol) => joinOrRef(a(dRow, dCol), b(dRow, dCol)) };
}

type Part = (dRow: number, dCol: number) => string | undefined;

function joinOrRef(first: string | undefined, second: string | undefined): string {
  return first === undefined || second === undefined ? '#REF!' : `${first}:${second}`;
}

function cellPart(text: string): Part | undefined {
  const match = CELL_PART.exec(text);
  if (!match) return undefined;
  const [, colAnchor, letters, rowAnchor, digits] = match;
  const col = columnNumber(letters);
  const row = Number(digits);
  // Past the grid (XFE1, A1048577) it is a name, not a cell.
  if (!(col > 0) || row < 1 || row > MAX_ROW) return undefined;
  return (dRow, dCol) => {
    const c = colAnchor ? col : col + dCol;
    const r = rowAnchor ? row : row + dRow;
    if (c < 1 || c > MAX_COL || r < 1 || r > MAX_ROW) return undefined;
    return `${colAnchor}${colAnchor ? letters : columnName(c)}${rowAnchor}${r}`;
  };
}

function linePart(text: string, pattern: RegExp, kind: 'row' | 'col'): Part | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  const [, anchor, body] = match;
  const value = kind === 'col' ? columnNumber(body) : Number(body);
  const max = kind === 'col' ? MAX_COL : MAX_ROW;
  if (!(value >= 1 && value <= max)) return undefined;
  return (dRow, dCol) => {
    if (anchor) return text;
    const moved = value + (kind === 'col' ? dCol : dRow);
    if (moved < 1 || moved > max) return undefined;
    return `${kind === 'col' ? columnName(moved) : moved}`;
  };
}
