/**
 * Text folded for comparing what people typed: lower case, no diacritics (ł, which Unicode does
 * not decompose, included), punctuation as spaces, runs of spaces as one. `Miejscowość (służbowy)`
 * and `miejscowosc sluzbowy` fold alike.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a folded text. */
export function foldedWords(text: string): string[] {
  const folded = foldText(text);
  return folded ? folded.split(' ') : [];
}
