import { escapeOoxmlText } from './ooxml-text';

/**
 * Corrections to ExcelJS 4.4, applied once per process: two to its reader (table header rows,
 * data-validation ranges), one to its writer (text escaping), one for the reader's speed and one
 * for the writer's.
 */

interface XmlNode {
  name: string;
  attributes: Record<string, string | undefined>;
}

interface TableXformLike {
  model: { headerRow: boolean };
}

interface DataValidationsXformLike {
  model: Record<string, unknown>;
  _address: string;
  _dataValidation: { formulae?: unknown[]; operator?: string };
}

interface XformClass<T> {
  prototype: {
    parseOpen(this: T, node: XmlNode): boolean;
    parseClose(this: T, name: string): boolean;
  };
}

interface StyleCache {
  has(model: object): boolean;
  get(model: object): number | undefined;
  set(model: object, styleId: number): unknown;
}

interface StylesXformClass {
  prototype: { init(this: { weakMap?: StyleCache }): void };
}

interface TextXformClass {
  prototype: { render(this: unknown, xmlStream: unknown, model: unknown): void };
}

/* eslint-disable @typescript-eslint/no-require-imports -- ExcelJS exposes its xforms only by path */
const TextXform = require('exceljs/lib/xlsx/xform/strings/text-xform') as TextXformClass;
const StylesXform = require('exceljs/lib/xlsx/xform/style/styles-xform') as StylesXformClass;
const TableXform = require('exceljs/lib/xlsx/xform/table/table-xform') as XformClass<TableXformLike>;
const DataValidationsXform =
  require('exceljs/lib/xlsx/xform/sheet/data-validations-xform') as XformClass<DataValidationsXformLike>;
const colCache = require('exceljs/lib/utils/col-cache') as {
  decodeEx(address: string): { dimensions?: string; address?: string };
};
const excelUtils = require('exceljs/lib/utils/utils') as { isDateFmt(format: string | undefined): boolean };
/* eslint-enable @typescript-eslint/no-require-imports */

let applied = false;

export function applyExcelJsFixes(): void {
  if (applied) return;
  applied = true;

  // OOXML's default headerRowCount is 1 and Excel omits it, but ExcelJS reads a missing
  // attribute as "no header row" and would then write headerRowCount="0": a table saved by
  // Excel would lose its header row on our next write.
  const tableParseOpen = TableXform.prototype.parseOpen;
  TableXform.prototype.parseOpen = function parseOpen(node) {
    const result = tableParseOpen.call(this, node);
    if (node.name === 'table') this.model.headerRow = node.attributes.headerRowCount !== '0';
    return result;
  };

  // ExcelJS expands every validated range into one entry per cell when reading: a list on
  // 100,000 rows costs 100,000 entries, and a whole column validated in Excel 1,048,576.
  // Keeping the range as one entry is what its writer accepts anyway (it writes `A2:A9` keys
  // as they are); only per-cell look-ups (`cell.dataValidation`) no longer see ranges.
  const dvParseClose = DataValidationsXform.prototype.parseClose;
  DataValidationsXform.prototype.parseClose = function parseClose(name) {
    if (name !== 'dataValidation') return dvParseClose.call(this, name);
    const validation = this._dataValidation;
    if (!validation.formulae || !validation.formulae.length) {
      delete validation.formulae;
      delete validation.operator;
    }
    for (const address of this._address.split(/\s+/).filter(Boolean)) {
      const decoded = colCache.decodeEx(address);
      this.model[decoded.dimensions ?? address] = validation;
    }
    return true;
  };

  // ExcelJS writes text as it is: it silently drops control characters, and a carriage return
  // comes back as a line feed, while its reader decodes `_xHHHH_` — so a user's literal
  // `_x0041_` would come back as `A`. Every string element (shared strings, rich text, notes)
  // goes through this one renderer, so escaping here keeps every sheet's text exact.
  const textRender = TextXform.prototype.render;
  TextXform.prototype.render = function render(xmlStream, model) {
    textRender.call(this, xmlStream, typeof model === 'string' ? escapeOoxmlText(model) : model);
  };

  // The writer remembers each cell's style object in a WeakMap, and every cell has its own style
  // object, so a save puts one entry per cell into it; V8's WeakMaps slow down superlinearly with
  // millions of live keys (6 million take minutes, a Map seconds). The cache lives for one save
  // only, so holding its keys strongly costs nothing the cells do not hold anyway.
  const stylesInit = StylesXform.prototype.init;
  StylesXform.prototype.init = function init() {
    stylesInit.call(this);
    this.weakMap = new IdentityCache();
  };

  // The reader asks whether a number's format is a date's for every numeric cell, with three
  // regular expressions each time; a workbook has a handful of formats, so each is asked once.
  const isDateFmt = excelUtils.isDateFmt.bind(excelUtils);
  const dateFormats = new Map<string, boolean>();
  excelUtils.isDateFmt = (format) => {
    if (!format) return false;
    let known = dateFormats.get(format);
    if (known === undefined) {
      known = isDateFmt(format);
      dateFormats.set(format, known);
    }
    return known;
  };
}

/** Style ids by style object, as ExcelJS's WeakMap keeps them, beyond one Map's limit of 2^24 keys. */
class IdentityCache implements StyleCache {
  private static readonly MAP_SIZE = 1 << 23;
  private readonly maps = [new Map<object, number>()];

  has(model: object): boolean {
    return this.maps.some((map) => map.has(model));
  }

  get(model: object): number | undefined {
    for (const map of this.maps) {
      const styleId = map.get(model);
      if (styleId !== undefined) return styleId;
    }
    return undefined;
  }

  set(model: object, styleId: number): this {
    let last = this.maps[this.maps.length - 1];
    if (last.size >= IdentityCache.MAP_SIZE && !last.has(model)) {
      last = new Map();
      this.maps.push(last);
    }
    last.set(model, styleId);
    return this;
  }
}
