import { attributesOf, decodeXmlText } from '../xml-scan';
import { cellRef, parseRange, rangeRef } from './cell-ref';
import { shiftFormula } from './formula-shift';
import type { ParsedCell, ParsedRow } from './sheet-rows';
import { setAttribute } from './table-part';
import { escapeXmlText } from './xml-escape';

/**
 * Where a cell of the original goes: its new row (its column never changes), or undefined when it
 * is not written again (its row was deleted, or a new value replaces it).
 */
export type Destination = (row: number, col: number) => number | undefined;

interface SharedGroup {
  master?: { row: number; col: number; formula: string; delta: number | undefined };
  /** Row moves of the members that are written again. */
  deltas: Set<number>;
}

/**
 * The shared formulas of a sheet (`<f t="shared" si=…>`), read in a pre-pass over the rows that
 * hold any, and what moving the cells does to them. A group whose members all move with their
 * master stays shared (the master's `ref` moves along); a group that a move splits, or whose master
 * is not written again, is broken: each of its cells that is written gets its own plain formula,
 * as Excel would translate it for that cell.
 */
export class SharedFormulas {
  private readonly groups = new Map<string, SharedGroup>();
  private readonly rowsOfGroup = new Map<string, Set<number>>();
  /** Original rows holding a cell of a broken group: such rows cannot be copied as they are. */
  readonly brokenRows = new Set<number>();
  private readonly broken = new Set<string>();

  constructor(private readonly destination: Destination) {}

  /** Reads the shared formulas of one original row, in the pre-pass. */
  add(row: ParsedRow): void {
    for (const cell of row.cells) {
      const f = formulaOf(cell);
      if (f?.attributes.t !== 'shared' || f.attributes.si === undefined) continue;
      const si = f.attributes.si;
      const group = this.groups.get(si) ?? { deltas: new Set<number>() };
      this.groups.set(si, group);
      const to = this.destination(row.number, cell.col);
      const delta = to === undefined ? undefined : to - row.number;
      if (f.attributes.ref !== undefined && !group.master) {
        group.master = { row: row.number, col: cell.col, formula: decodeXmlText(f.text), delta };
      } else if (delta !== undefined) group.deltas.add(delta);
      const rows = this.rowsOfGroup.get(si) ?? new Set<number>();
      rows.add(row.number);
      this.rowsOfGroup.set(si, rows);
    }
  }

  /** Decides which groups break, once the pre-pass has read every row. */
  settle(): void {
    for (const [si, group] of this.groups) {
      const master = group.master;
      // Without its master in this sheet a group cannot be translated: it is left as it is.
      if (!master) continue;
      if ([...group.deltas].some((delta) => delta !== master.delta)) {
        this.broken.add(si);
        for (const row of this.rowsOfGroup.get(si)!) this.brokenRows.add(row);
      }
    }
    this.rowsOfGroup.clear();
  }

  /** The cell as it must be written at `toRow` (its `r`, and its formula's `ref` or shared form). */
  moved(cell: ParsedCell, fromRow: number, toRow: number): string {
    let text = toRow === fromRow && /\sr\s*=/.test(cell.attributes) ? cell.text : renumbered(cell, toRow);
    const f = text.includes('<f') ? formulaOf({ ...cell, text }) : undefined;
    if (!f) return text;
    const { t, si, ref } = f.attributes;
    let element: string | undefined;
    if (t === 'shared' && si !== undefined && this.broken.has(si)) {
      const master = this.groups.get(si)!.master!;
      const formula =
        ref !== undefined && fromRow === master.row && cell.col === master.col
          ? master.formula
          : shiftFormula(master.formula, fromRow - master.row, cell.col - master.col);
      element = `<f${withoutAttributes(f.tag, ['t', 'si', 'ref'])}>${escapeXmlText(formula)}</f>`;
    } else if (ref !== undefined && toRow !== fromRow && (t === 'shared' || t === 'array')) {
      const range = parseRange(ref);
      if (range) {
        const delta = toRow - fromRow;
        const moved = rangeRef({ ...range, top: range.top + delta, bottom: range.bottom + delta });
        element = setAttribute(f.openTag, 'ref', moved) + f.element.slice(f.openTag.length);
      }
    }
    if (element === undefined) return text;
    text = text.slice(0, f.start) + element + text.slice(f.start + f.element.length);
    return text;
  }
}

/** The cell's text with `r` set to its column in row `row`. */
export function renumbered(cell: ParsedCell, row: number): string {
  const ref = cellRef(row, cell.col);
  const attributes = /\sr\s*=/.test(cell.attributes)
    ? cell.attributes.replace(/(\sr\s*=\s*)(?:"[^"]*"|'[^']*')/, `$1"${ref}"`)
    : ` r="${ref}"${cell.attributes}`;
  return `<c${attributes}${cell.text.slice(2 + cell.attributes.length)}`;
}

interface FormulaElement {
  start: number;
  /** The whole `<f …>…</f>` or `<f …/>`. */
  element: string;
  openTag: string;
  /** The open tag's attributes, as a string. */
  tag: string;
  attributes: Record<string, string>;
  /** The raw text between the tags. */
  text: string;
}

function formulaOf(cell: ParsedCell): FormulaElement | undefined {
  const match = /<f[\s/>]/.exec(cell.text);
  if (!match) return undefined;
  const start = match.index;
  const openEnd = cell.text.indexOf('>', start) + 1;
  const bare = cell.text[openEnd - 2] === '/';
  const end = bare ? openEnd : cell.text.indexOf('</f>', openEnd) + '</f>'.length;
  const tag = cell.text.slice(start + 2, bare ? openEnd - 2 : openEnd - 1);
  return {
    start,
    element: cell.text.slice(start, end),
    openTag: cell.text.slice(start, openEnd),
    tag,
    attributes: attributesOf(tag),
    text: bare ? '' : cell.text.slice(openEnd, end - '</f>'.length),
  };
}

function withoutAttributes(tag: string, names: readonly string[]): string {
  return names.reduce(
    (rest, name) => rest.replace(new RegExp(`\\s${name}\\s*=\\s*(?:"[^"]*"|'[^']*')`), ''),
    tag,
  );
}

/** Whether a cell holds a formula (for the calculation chain). */
export function hasFormula(cell: ParsedCell): boolean {
  return /<f[\s/>]/.test(cell.text);
}
