/**
 * Workbooks with what users and other programs put in them, made by editing a product workbook's
 * package part by part: a chart on the Dashboard, a calculated column and a user column in a table.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { columnName, parseRange } from '../../../src/store/xlsx/package/cell-ref';
import { writeZipAtomically, type ZipOutputEntry } from '../../../src/store/xlsx/package/zip-writer';
import { ZipEntries } from '../../../src/store/xlsx/zip-entries';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Rewrites the package at `file` with `edit` applied to the parts it names (new parts added). */
export async function editPackage(
  file: string,
  edit: (zip: ZipEntries, text: (name: string) => string) => Record<string, string>,
): Promise<void> {
  const zip = new ZipEntries(readFileSync(file));
  const text = (name: string) => zip.read(name)!.toString('utf8');
  const changed = edit(zip, text);
  const entries: ZipOutputEntry[] = zip
    .names()
    .map((name) => (name in changed ? { name, content: changed[name] } : { name, copyFrom: zip }));
  for (const [name, content] of Object.entries(changed)) if (!zip.has(name)) entries.push({ name, content });
  await writeZipAtomically(file, entries);
}

/** The worksheet part of the sheet named `sheetName`. */
export function sheetPartNamed(text: (name: string) => string, sheetName: string): string {
  const workbook = text('xl/workbook.xml');
  const id = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(
    text('xl/_rels/workbook.xml.rels'),
  );
  const relative = (target?.[1] ?? target?.[2])!.replace(/^\/?xl\//, '');
  return `xl/${relative}`;
}

function relsPartOf(part: string): string {
  return `${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`;
}

export const CHART_PARTS = [
  'xl/charts/chart1.xml',
  'xl/drawings/drawing1.xml',
  'xl/drawings/_rels/drawing1.xml.rels',
];

/** A minimal DrawingML bar chart on the Dashboard sheet, over the Dashboard's cells A1:B3. */
export async function addDashboardChart(file: string): Promise<void> {
  await editPackage(file, (zip, text) => {
    const sheet = sheetPartNamed(text, 'Dashboard');
    const rels = relsPartOf(sheet);
    const sheetXml = text(sheet);
    const drawing = '<drawing r:id="rIdRelacjeChart"/>';
    const withDrawing = /<\/worksheet>$/.test(sheetXml.trimEnd())
      ? sheetXml.replace(/(<tableParts|<extLst|<\/worksheet>)/, `${drawing}$1`)
      : sheetXml;
    const rel = `<Relationship Id="rIdRelacjeChart" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/>`;
    const sheetRels = zip.has(rels)
      ? text(rels).replace('</Relationships>', `${rel}</Relationships>`)
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${rel}</Relationships>`;
    const contentTypes = text('[Content_Types].xml').replace(
      '</Types>',
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
        '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
    );
    return {
      [sheet]: withDrawing.includes('xmlns:r=')
        ? withDrawing
        : withDrawing.replace('<worksheet ', `<worksheet xmlns:r="${REL}" `),
      [rels]: sheetRels,
      '[Content_Types].xml': contentTypes,
      'xl/drawings/drawing1.xml': DRAWING,
      'xl/drawings/_rels/drawing1.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
      'xl/charts/chart1.xml': CHART,
    };
  });
}

const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Lejek sprzedaży"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Lejek sprzedaży</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:plotArea><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>Dashboard!$A$1:$A$3</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>Dashboard!$B$1:$B$3</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;

/**
 * Two columns of the user's at the right of tClients: "Kod", a calculated column (each row's
 * formula from the name), and "Notatka" after it, with a note typed into the first data row.
 */
export async function addCalculatedColumns(file: string): Promise<{ formula: string }> {
  const formula = 'UPPER(LEFT(tClients[[#This Row],[Nazwa]],3))';
  await editPackage(file, (zip, text) => {
    const tablePart = zip
      .names()
      .find((n) => n.startsWith('xl/tables/') && text(n).includes('name="tClients"'))!;
    const tableXml = text(tablePart);
    const ref = /<table\b[^>]*?\sref="([^"]+)"/.exec(tableXml)![1];
    const range = parseRange(ref)!;
    const [kod, notatka] = [range.right + 1, range.right + 2].map(columnName);
    const newRef = `${columnName(range.left)}${range.top}:${notatka}${range.bottom}`;
    const count = Number(/<tableColumns count="(\d+)"/.exec(tableXml)![1]);
    const patchedTable = tableXml
      .replace(/(<table\b[^>]*?\sref=")[^"]+"/, `$1${newRef}"`)
      .replace(
        /(<autoFilter ref=")[^"]+"/,
        `$1${columnName(range.left)}${range.top}:${notatka}${range.bottom}"`,
      )
      .replace(`<tableColumns count="${count}">`, `<tableColumns count="${count + 2}">`)
      .replace(
        '</tableColumns>',
        `<tableColumn id="${count + 1}" name="Kod"><calculatedColumnFormula>${formula}</calculatedColumnFormula></tableColumn>` +
          `<tableColumn id="${count + 2}" name="Notatka"/></tableColumns>`,
      );
    const clientsSheet = sheetPartNamed(text, 'Klienci');
    const sheetXml = text(clientsSheet);
    const inline = (col: string, row: number, value: string) =>
      `<c r="${col}${row}" t="inlineStr"><is><t>${value}</t></is></c>`;
    let patchedSheet = sheetXml.replace(
      new RegExp(`(<row r="${range.top}"[^>]*>[\\s\\S]*?)(</row>)`),
      `$1${inline(kod, range.top, 'Kod')}${inline(notatka, range.top, 'Notatka')}$2`,
    );
    const firstData = range.top + 1;
    patchedSheet = patchedSheet.replace(
      new RegExp(`(<row r="${firstData}"[^>]*>[\\s\\S]*?)(</row>)`),
      `$1<c r="${kod}${firstData}"><f>${formula}</f></c>${inline(notatka, firstData, 'stały klient od 2019')}$2`,
    );
    return { [tablePart]: patchedTable, [clientsSheet]: patchedSheet };
  });
  return { formula };
}
