import { foldText as foldCase } from '../clients/text-fold';

/**
 * Text folded for comparing headers people typed: lower case, no diacritics, punctuation as
 * spaces, runs of spaces as one. `Miejscowość (służbowy)` and `miejscowosc sluzbowy` fold alike.
 */
export function foldText(text: string): string {
  return foldCase(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The words of a folded text. */
export function foldedWords(text: string): string[] {
  const folded = foldText(text);
  return folded ? folded.split(' ') : [];
}
