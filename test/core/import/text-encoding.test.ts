import {
  decodeSingleByte,
  decodeText,
  detectEncoding,
  encodeSingleByte,
  encodeUtf8WithBom,
} from '../../../src/core/import';
import { importFixture } from './fixture-files';

const POLISH = 'ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ';

describe('single-byte tables', () => {
  it.each(['windows-1250', 'iso-8859-2'] as const)(
    'decode all 256 bytes of %s as the WHATWG decoder of Node does',
    (encoding) => {
      const every = Uint8Array.from({ length: 256 }, (_, i) => i);
      expect(decodeSingleByte(every, encoding)).toBe(new TextDecoder(encoding).decode(every));
    },
  );

  it.each([
    ['windows-1250', [0xb9, 0xe6, 0xea, 0xb3, 0xf1, 0xf3, 0x9c, 0x9f, 0xbf]],
    ['iso-8859-2', [0xb1, 0xe6, 0xea, 0xb3, 0xf1, 0xf3, 0xb6, 0xbc, 0xbf]],
  ] as const)('put the Polish lower-case letters of %s on their bytes', (encoding, bytes) => {
    expect(decodeSingleByte(Uint8Array.from(bytes), encoding)).toBe('ąćęłńóśźż');
  });

  it.each(['windows-1250', 'iso-8859-2'] as const)(
    'encode and decode every Polish letter in %s',
    (encoding) => {
      const bytes = encodeSingleByte(POLISH, encoding);
      expect(bytes).toHaveLength(POLISH.length);
      expect(decodeSingleByte(bytes, encoding)).toBe(POLISH);
    },
  );

  it('encodes a character the table cannot hold as a question mark', () => {
    expect(decodeSingleByte(encodeSingleByte('€ ż', 'iso-8859-2'), 'iso-8859-2')).toBe('? ż');
  });
});

describe('decodeText', () => {
  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const decoded = decodeText(encodeUtf8WithBom(`Nazwa;Miasto\r\nŻak;Łódź`));
    expect(decoded).toEqual({ text: 'Nazwa;Miasto\r\nŻak;Łódź', encoding: 'utf-8', hadBom: true });
  });

  it('keeps the rest of a UTF-8 file with a BOM when one sequence is broken', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0xff, 0xc5, 0x82]);
    expect(decodeText(bytes)).toEqual({ text: 'A\ufffdł', encoding: 'utf-8', hadBom: true });
  });

  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(new TextEncoder().encode(POLISH))).toEqual({
      text: POLISH,
      encoding: 'utf-8',
      hadBom: false,
    });
  });

  it('takes plain ASCII as UTF-8', () => {
    expect(detectEncoding(new TextEncoder().encode('Name;City\nACME;Warsaw'))).toBe('utf-8');
  });

  it.each(['windows-1250', 'iso-8859-2'] as const)('tells %s apart by the letters it yields', (encoding) => {
    const text = 'Nazwa;Miasto\r\nŚwiętokrzyska Ąę;Kielce\r\nŹródło Żabka;Łódź\r\nścieżka;źdźbło';
    expect(decodeText(encodeSingleByte(text, encoding))).toEqual({ text, encoding, hadBom: false });
  });

  it('prefers Windows-1250 when nothing tells the two apart', () => {
    // ł, ó, ż are the same bytes in both.
    expect(detectEncoding(encodeSingleByte('łóż', 'iso-8859-2'))).toBe('windows-1250');
  });

  it('decodes as told when the caller names the encoding', () => {
    const bytes = encodeSingleByte('ąś', 'iso-8859-2');
    expect(decodeText(bytes, { encoding: 'windows-1250' }).text).toBe('±¶');
  });

  it.each([
    ['clients-windows-1250.csv', 'windows-1250', false],
    ['clients-iso-8859-2.csv', 'iso-8859-2', false],
    ['clients-utf8-bom.csv', 'utf-8', true],
    ['clients-tab-utf16le.txt', 'utf-16le', true],
  ] as const)('reads the fixture %s as %s', (file, encoding, hadBom) => {
    const decoded = decodeText(importFixture(file));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.hadBom).toBe(hadBom);
    expect(decoded.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(decoded.text).toContain('Łódź');
  });

  it('reads the same text from the three encodings of one sheet', () => {
    const texts = ['clients-windows-1250.csv', 'clients-iso-8859-2.csv', 'clients-utf8-bom.csv'].map(
      (file) => decodeText(importFixture(file)).text,
    );
    expect(texts[0]).toContain('Zażółć gęślą jaźń');
    expect(texts[0]).toContain('ŚĆŹŻŃÓŁĘĄ ściółka');
    expect(texts[1]).toBe(texts[0]);
    expect(texts[2]).toBe(texts[0]);
  });
});
