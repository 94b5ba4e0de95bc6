/** The encodings a spreadsheet export from a Polish office arrives in. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'windows-1250' | 'iso-8859-2';

export interface DecodedText {
  /** The text, without a byte order mark. */
  text: string;
  encoding: TextEncodingName;
  /** Whether the bytes started with a byte order mark (Excel's "CSV UTF-8" writes one). */
  hadBom: boolean;
}

type SingleByteEncoding = 'windows-1250' | 'iso-8859-2';

/*
 * The upper halves (0x80–0xFF) of the two single-byte tables, as code points. Where Windows-1250
 * leaves a byte undefined (0x81, 0x83, 0x88, 0x90, 0x98) it decodes to the C1 control of the same
 * number, as the WHATWG Encoding Standard does; the detection below counts those as noise.
 */
const WINDOWS_1250_HIGH: readonly number[] = [
  0x20ac, 0x0081, 0x201a, 0x0083, 0x201e, 0x2026, 0x2020, 0x2021, 0x0088, 0x2030, 0x0160, 0x2039, 0x015a,
  0x0164, 0x017d, 0x0179, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x0098, 0x2122,
  0x0161, 0x203a, 0x015b, 0x0165, 0x017e, 0x017a, 0x00a0, 0x02c7, 0x02d8, 0x0141, 0x00a4, 0x0104, 0x00a6,
  0x00a7, 0x00a8, 0x00a9, 0x015e, 0x00ab, 0x00ac, 0x00ad, 0x00ae, 0x017b, 0x00b0, 0x00b1, 0x02db, 0x0142,
  0x00b4, 0x00b5, 0x00b6, 0x00b7, 0x00b8, 0x0105, 0x015f, 0x00bb, 0x013d, 0x02dd, 0x013e, 0x017c, 0x0154,
  0x00c1, 0x00c2, 0x0102, 0x00c4, 0x0139, 0x0106, 0x00c7, 0x010c, 0x00c9, 0x0118, 0x00cb, 0x011a, 0x00cd,
  0x00ce, 0x010e, 0x0110, 0x0143, 0x0147, 0x00d3, 0x00d4, 0x0150, 0x00d6, 0x00d7, 0x0158, 0x016e, 0x00da,
  0x0170, 0x00dc, 0x00dd, 0x0162, 0x00df, 0x0155, 0x00e1, 0x00e2, 0x0103, 0x00e4, 0x013a, 0x0107, 0x00e7,
  0x010d, 0x00e9, 0x0119, 0x00eb, 0x011b, 0x00ed, 0x00ee, 0x010f, 0x0111, 0x0144, 0x0148, 0x00f3, 0x00f4,
  0x0151, 0x00f6, 0x00f7, 0x0159, 0x016f, 0x00fa, 0x0171, 0x00fc, 0x00fd, 0x0163, 0x02d9,
];

/** ISO-8859-2 keeps 0x80–0x9F as C1 controls and shares 0xC0–0xFF with Windows-1250. */
const ISO_8859_2_HIGH: readonly number[] = [
  ...Array.from({ length: 32 }, (_, i) => 0x80 + i),
  0x00a0,
  0x0104,
  0x02d8,
  0x0141,
  0x00a4,
  0x013d,
  0x015a,
  0x00a7,
  0x00a8,
  0x0160,
  0x015e,
  0x0164,
  0x0179,
  0x00ad,
  0x017d,
  0x017b,
  0x00b0,
  0x0105,
  0x02db,
  0x0142,
  0x00b4,
  0x013e,
  0x015b,
  0x02c7,
  0x00b8,
  0x0161,
  0x015f,
  0x0165,
  0x017a,
  0x02dd,
  0x017e,
  0x017c,
  ...WINDOWS_1250_HIGH.slice(0x40),
];

const HIGH_HALVES: Record<SingleByteEncoding, readonly number[]> = {
  'windows-1250': WINDOWS_1250_HIGH,
  'iso-8859-2': ISO_8859_2_HIGH,
};

const POLISH_LETTERS = new Set('ąćęłńóśźżĄĆĘŁŃÓŚŹŻ');

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

/** Decodes a file's bytes, detecting the encoding unless `encoding` says which it is. */
export function decodeText(bytes: Uint8Array, options: { encoding?: TextEncodingName } = {}): DecodedText {
  if (startsWith(bytes, UTF8_BOM) && (options.encoding ?? 'utf-8') === 'utf-8') {
    // A broken sequence after the BOM becomes U+FFFD rather than costing the whole text.
    const text = decodeUtf8(bytes.subarray(3)) ?? decodeUtf8(bytes.subarray(3), false) ?? '';
    return { text, encoding: 'utf-8', hadBom: true };
  }
  if (startsWith(bytes, UTF16LE_BOM) && (options.encoding ?? 'utf-16le') === 'utf-16le') {
    return { text: decodeUtf16le(bytes.subarray(2)), encoding: 'utf-16le', hadBom: true };
  }
  const encoding = options.encoding ?? detectEncoding(bytes);
  const text =
    encoding === 'utf-8'
      ? (decodeUtf8(bytes) ?? decodeUtf8(bytes, false) ?? '')
      : encoding === 'utf-16le'
        ? decodeUtf16le(bytes)
        : decodeSingleByte(bytes, encoding);
  return { text, encoding, hadBom: false };
}

/**
 * Valid UTF-8 is UTF-8 (plain ASCII included). Otherwise the file is one of the two Polish
 * single-byte encodings, which put ą, ś, ź, Ą, Ś, Ź on different bytes: the one whose reading
 * gives more Polish letters and fewer control characters wins; a tie goes to Windows-1250,
 * which is what Polish Excel writes.
 */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  if (startsWith(bytes, UTF8_BOM)) return 'utf-8';
  if (startsWith(bytes, UTF16LE_BOM)) return 'utf-16le';
  if (decodeUtf8(bytes) !== undefined) return 'utf-8';
  const windows = singleByteScore(bytes, WINDOWS_1250_HIGH);
  const iso = singleByteScore(bytes, ISO_8859_2_HIGH);
  return iso > windows ? 'iso-8859-2' : 'windows-1250';
}

function singleByteScore(bytes: Uint8Array, high: readonly number[]): number {
  let score = 0;
  for (const byte of bytes) {
    if (byte < 0x80) continue;
    const codePoint = high[byte - 0x80];
    if (POLISH_LETTERS.has(String.fromCharCode(codePoint))) score += 2;
    else if (codePoint < 0xa0) score -= 3;
  }
  return score;
}

/** Decodes Windows-1250 or ISO-8859-2 bytes with the tables above. */
export function decodeSingleByte(bytes: Uint8Array, encoding: SingleByteEncoding): string {
  const high = HIGH_HALVES[encoding];
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (b) => (b < 0x80 ? b : high[b - 0x80]));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/**
 * Encodes text in Windows-1250 or ISO-8859-2, for files the other way round (and test fixtures);
 * a character the encoding cannot hold becomes `?`, as Excel's own "Save as CSV" does.
 */
export function encodeSingleByte(text: string, encoding: SingleByteEncoding): Uint8Array<ArrayBuffer> {
  const byCodePoint = new Map(HIGH_HALVES[encoding].map((codePoint, i) => [codePoint, 0x80 + i]));
  return Uint8Array.from(text, (char) => {
    const code = char.codePointAt(0) ?? 0x3f;
    return code < 0x80 ? code : (byCodePoint.get(code) ?? 0x3f);
  });
}

/** UTF-8 with a byte order mark: what Polish Excel needs to open a CSV with the right letters. */
export function encodeUtf8WithBom(text: string): Uint8Array<ArrayBuffer> {
  const body = new TextEncoder().encode(text);
  const bytes = new Uint8Array(body.length + UTF8_BOM.length);
  bytes.set(UTF8_BOM, 0);
  bytes.set(body, UTF8_BOM.length);
  return bytes;
}

/** The text, or `undefined` when the bytes are not valid UTF-8 (unless `fatal` is off). */
function decodeUtf8(bytes: Uint8Array, fatal = true): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeUtf16le(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start + 1 < bytes.length; start += CHUNK * 2) {
    const codes: number[] = [];
    const end = Math.min(bytes.length - 1, start + CHUNK * 2);
    for (let i = start; i < end; i += 2) codes.push(bytes[i] | (bytes[i + 1] << 8));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}
