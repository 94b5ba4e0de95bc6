import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { manifestForBaseUrl, SOURCE_ORIGIN } from '../../scripts/addin-files';
import { child, descendants, parseXml, xsiType, type XmlElement } from './manifest-xml';

/*
 * `office-addin-manifest validate` sends the file to a Microsoft service, and no npm package ships
 * the XML schemas; so the structure the schema and Office demand is checked here, offline.
 */

const ROOT = path.join(__dirname, '..', '..');
const MANIFEST_XML = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const manifest = parseXml(MANIFEST_XML);

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  xmlns: 'http://www.w3.org/2000/xmlns/',
};

/** The children of OfficeApp in the order the schema fixes for a task-pane add-in. */
const TASKPANE_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'Dictionary',
  'VersionOverrides',
];

/** Requirement sets that exist in one Office application only. */
const HOST_SPECIFIC_SETS =
  /^(ExcelApi|WordApi|PowerPointApi|OneNoteApi|Mailbox|ExcelApiOnline|WordApiDesktop)/;

const versionOverrides = required(child(manifest, 'VersionOverrides'), 'VersionOverrides');
const resources = required(child(versionOverrides, 'Resources'), 'Resources');

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`manifest.xml has no ${what}`);
  return value;
}

function attribute(element: XmlElement, name: string): string {
  return required(element.attributes.get(name), `${name} on <${element.local}> (line ${element.line})`);
}

/** Resource ids by the kind of resource that defines them. */
function resourceIds(kind: 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings'): Map<string, XmlElement> {
  const group = required(child(resources, kind), `Resources/${kind}`);
  return new Map(group.children.map((entry) => [attribute(entry, 'id'), entry]));
}

/** Which kind of resource a `resid` must name, by the element that carries it. */
function residKind(element: XmlElement): 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings' {
  if (element.local === 'Image') return 'Images';
  if (['SourceLocation', 'LearnMoreUrl', 'FunctionFile'].includes(element.local)) return 'Urls';
  if (['Label', 'Title'].includes(element.local)) return 'ShortStrings';
  if (element.local === 'Description') return 'LongStrings';
  throw new Error(`Unexpected resid on <${element.local}> (line ${element.line})`);
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The file in assets/ an icon address points at, after the development origin. */
function assetFile(url: string): string {
  expect(url.startsWith(`${SOURCE_ORIGIN}/assets/`)).toBe(true);
  return path.join(ROOT, url.slice(SOURCE_ORIGIN.length + 1));
}

describe('manifest.xml: the Excel and Word task-pane add-in', () => {
  it('is a TaskPaneApp in the add-in namespaces, with the override namespaces bound', () => {
    expect(manifest.uri).toBe(NS.app);
    expect(manifest.local).toBe('OfficeApp');
    expect(xsiType(manifest)).toBe('TaskPaneApp');
    expect(manifest.attributes.get(`{${NS.xmlns}}xsi`)).toBe(NS.xsi);
    expect(manifest.attributes.get(`{${NS.xmlns}}bt`)).toBe(NS.bt);
    expect(manifest.attributes.get(`{${NS.xmlns}}ov`)).toBe(NS.ov);
    expect(versionOverrides.uri).toBe(NS.ov);
    expect(xsiType(versionOverrides)).toBe('VersionOverridesV1_0');
    expect(resources.children.every((group) => group.uri === NS.bt)).toBe(true);
  });

  it('has its top-level elements in the order the schema fixes, none unknown and none twice', () => {
    const names = manifest.children.map((c) => c.local);
    expect(names.filter((name) => !TASKPANE_ORDER.includes(name))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
    const positions = names.map((name) => TASKPANE_ORDER.indexOf(name));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // The elements the schema requires, and those Office needs to show the add-in.
    for (const name of ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description']) {
      expect(names).toContain(name);
    }
    for (const name of [
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'Hosts',
      'DefaultSettings',
      'Permissions',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('has a GUID id no other manifest of the repository uses, and a four-part version in step with package.json', () => {
    const id = required(child(manifest, 'Id'), 'Id').text.trim();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    const others = readdirSync(ROOT)
      .filter((file) => /^manifest\..+\.xml$/.test(file))
      .map((file) =>
        required(
          child(parseXml(readFileSync(path.join(ROOT, file), 'utf8')), 'Id'),
          `Id in ${file}`,
        ).text.trim(),
      );
    expect(others.map((other) => other.toLowerCase())).not.toContain(id.toLowerCase());

    const version = required(child(manifest, 'Version'), 'Version').text.trim();
    expect(version).toMatch(/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/);
    const packageVersion = (
      JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
    ).version;
    expect(version).toBe(`${packageVersion}.0`);
  });

  it('defaults to Polish and gives every text an English override, within the lengths Office accepts', () => {
    expect(required(child(manifest, 'DefaultLocale'), 'DefaultLocale').text.trim()).toBe('pl-PL');
    const limits: [XmlElement, number][] = [
      [required(child(manifest, 'DisplayName'), 'DisplayName'), 125],
      [required(child(manifest, 'Description'), 'Description'), 250],
      ...[...resourceIds('ShortStrings').values()].map((s): [XmlElement, number] => [s, 125]),
      ...[...resourceIds('LongStrings').values()].map((s): [XmlElement, number] => [s, 250]),
    ];
    for (const [text, limit] of limits) {
      const polish = attribute(text, 'DefaultValue');
      const overrides = text.children.filter((c) => c.local === 'Override');
      expect(overrides.map((o) => attribute(o, 'Locale'))).toEqual(['en-US']);
      const english = attribute(overrides[0], 'Value');
      for (const value of [polish, english]) {
        expect(value.trim()).not.toBe('');
        expect(value.length).toBeLessThanOrEqual(limit);
      }
    }
    // Polish letters survive the file's encoding.
    expect(attribute(required(child(manifest, 'Description'), 'Description'), 'DefaultValue')).toContain(
      'średnich',
    );
  });

  it('resolves every resid to a resource of the right kind, and defines no resource nobody uses', () => {
    const used = new Set<string>();
    for (const element of descendants(versionOverrides)) {
      const resid = element.attributes.get('resid');
      if (resid === undefined) continue;
      expect(resid.length).toBeLessThanOrEqual(32);
      const kind = residKind(element);
      expect([kind, resourceIds(kind).has(resid)]).toEqual([kind, true]);
      used.add(`${kind}/${resid}`);
    }
    const defined = (['Images', 'Urls', 'ShortStrings', 'LongStrings'] as const).flatMap((kind) => {
      const group = required(child(resources, kind), kind);
      const ids = group.children.map((entry) => attribute(entry, 'id'));
      expect(new Set(ids).size).toBe(ids.length);
      return ids.map((id) => `${kind}/${id}`);
    });
    expect(defined.filter((key) => !used.has(key))).toEqual([]);
  });

  it('names only https addresses', () => {
    const addresses = [manifest, ...descendants(manifest)].flatMap((element) => [
      ...[...element.attributes.values()].filter((value) => /^[a-z][a-z0-9+.-]*:\/\//i.test(value)),
      ...(element.children.length === 0 && /:\/\//.test(element.text) ? [element.text.trim()] : []),
    ]);
    const namespaces = new Set(Object.values(NS));
    const urls = addresses.filter((address) => !namespaces.has(address));
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((url) => !url.startsWith('https://'))).toEqual([]);
  });

  it('points every icon at a PNG in assets/ of exactly the size it is declared with', () => {
    const declared: [string, number][] = [
      [attribute(required(child(manifest, 'IconUrl'), 'IconUrl'), 'DefaultValue'), 32],
      [
        attribute(
          required(child(manifest, 'HighResolutionIconUrl'), 'HighResolutionIconUrl'),
          'DefaultValue',
        ),
        64,
      ],
    ];
    const images = resourceIds('Images');
    for (const use of descendants(versionOverrides).filter(
      (e) => e.local === 'Image' && e.attributes.has('resid'),
    )) {
      const image = required(images.get(attribute(use, 'resid')), attribute(use, 'resid'));
      declared.push([attribute(image, 'DefaultValue'), Number(attribute(use, 'size'))]);
    }
    for (const [url, size] of declared) {
      const file = assetFile(url);
      expect([url, existsSync(file)]).toEqual([url, true]);
      expect([url, pngSize(file)]).toEqual([url, { width: size, height: size }]);
    }
    // The ribbon sizes Office asks for are all there.
    expect(new Set(declared.map(([, size]) => size))).toEqual(new Set([16, 32, 64, 80]));
  });

  it('ships the 128 px icon the Office store listing needs, drawn by the committed script', () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(path.join(ROOT, 'assets', `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
    expect(existsSync(path.join(ROOT, 'scripts', 'make-icons.js'))).toBe(true);
  });

  it('runs in Excel and Word, with a ribbon button opening each host its own page', () => {
    const baseHosts = required(child(manifest, 'Hosts'), 'Hosts').children.map((h) => attribute(h, 'Name'));
    expect(baseHosts.sort()).toEqual(['Document', 'Workbook']);
    const urls = resourceIds('Urls');
    const pages = new Map<string, string>();
    const overrideHosts = required(child(versionOverrides, 'Hosts'), 'VersionOverrides/Hosts').children;
    for (const host of overrideHosts) {
      const actions = descendants(host).filter((e) => e.local === 'Action');
      expect(actions.map(xsiType)).toEqual(['ShowTaskpane']);
      const source = required(child(actions[0], 'SourceLocation'), 'SourceLocation');
      pages.set(
        required(xsiType(host), 'host type'),
        attribute(required(urls.get(attribute(source, 'resid')), 'Url'), 'DefaultValue'),
      );
    }
    expect(Object.fromEntries(pages)).toEqual({
      Workbook: `${SOURCE_ORIGIN}/excel.html`,
      Document: `${SOURCE_ORIGIN}/word.html`,
    });
    const taskpaneIds = descendants(versionOverrides)
      .filter((e) => e.local === 'TaskpaneId')
      .map((e) => e.text);
    const controlIds = descendants(versionOverrides)
      .filter((e) => e.local === 'Control')
      .map((e) => attribute(e, 'id'));
    expect(new Set(taskpaneIds).size).toBe(overrideHosts.length);
    expect(new Set(controlIds).size).toBe(overrideHosts.length);
    expect(required(child(manifest, 'Permissions'), 'Permissions').text.trim()).toBe('ReadWriteDocument');
  });

  it('asks for no requirement set only one of its two hosts has, at the top or in VersionOverrides', () => {
    const sets = [manifest, versionOverrides]
      .map((parent) => child(parent, 'Requirements'))
      .flatMap((requirements) => (requirements ? descendants(requirements) : []))
      .filter((e) => e.local === 'Set')
      .map((set) => attribute(set, 'Name'));
    expect(sets.filter((name) => HOST_SPECIFIC_SETS.test(name))).toEqual([]);
  });
});

describe('the production manifest (ADDIN_BASE_URL)', () => {
  it('moves every address to the given https origin and path, and nothing else', () => {
    const rewritten = manifestForBaseUrl(MANIFEST_XML, 'https://crm.example.pl/relacje/');
    const parsed = parseXml(rewritten);
    const values = [parsed, ...descendants(parsed)].flatMap((e) => [...e.attributes.values()]);
    expect(values.filter((value) => value.includes(SOURCE_ORIGIN))).toEqual([]);
    expect(rewritten).toContain(
      '<SourceLocation DefaultValue="https://crm.example.pl/relacje/excel.html" />',
    );
    expect(rewritten).toContain('DefaultValue="https://crm.example.pl/relacje/assets/icon-80.png"');
    expect(rewritten.split('https://crm.example.pl/relacje/').length).toBe(
      MANIFEST_XML.split(`${SOURCE_ORIGIN}/`).length,
    );
    expect(descendants(parsed).length).toBe(descendants(manifest).length);
  });

  it('refuses an address Office would not load, saying what to give instead', () => {
    expect(() => manifestForBaseUrl(MANIFEST_XML, 'http://crm.example.pl')).toThrow(
      /must start with https:\/\//,
    );
    expect(() => manifestForBaseUrl(MANIFEST_XML, 'crm.example.pl')).toThrow(/not an address/);
    expect(() => manifestForBaseUrl(MANIFEST_XML, 'https://crm.example.pl/?x=1')).toThrow(/without a query/);
  });
});
