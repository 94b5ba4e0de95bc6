/** Each non-ASCII character's fold, worked out once: a file repeats the same few letters. */
const FOLDED_CHARS = new Map<string, string>();

function foldedChar(char: string): string {
  let folded = FOLDED_CHARS.get(char);
  if (folded === undefined) {
    // ł and Ł do not decompose in Unicode, so NFD alone would keep them.
    const base =
      char === 'ł' || char === 'Ł' ? 'l' : char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    folded = /^[\p{L}\p{N}]+$/u.test(base) ? base : ' ';
    FOLDED_CHARS.set(char, folded);
  }
  return folded;
}

/**
 * Text folded for comparing what people typed: lower case, no diacritics, punctuation as spaces,
 * runs of spaces as one. `Miejscowość (służbowy)` and `miejscowosc sluzbowy` fold alike.
 */
export function foldText(text: string): string {
  let folded = '';
  let pendingSpace = false;
  for (const char of text) {
    const code = char.charCodeAt(0);
    let piece: string;
    if (code < 0x80) {
      if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) piece = char;
      else if (code >= 0x41 && code <= 0x5a) piece = String.fromCharCode(code + 0x20);
      else piece = ' ';
    } else {
      piece = foldedChar(char);
    }
    if (piece === ' ') {
      pendingSpace = folded !== '';
      continue;
    }
    if (pendingSpace) folded += ' ';
    pendingSpace = false;
    folded += piece;
  }
  return folded;
}

/** The words of a folded text. */
export function foldedWords(text: string): string[] {
  const folded = foldText(text);
  return folded ? folded.split(' ') : [];
}
