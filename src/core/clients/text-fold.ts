const BEYOND_PRINTABLE_ASCII = /[^ -~]/;
const COMBINING_MARK = /\p{M}/gu;

/**
 * Lower case without diacritics: `Łódź` → `lodz`, so people may type either. NFD takes the marks
 * off every Polish letter but `ł`, which Unicode does not decompose.
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (!BEYOND_PRINTABLE_ASCII.test(lower)) return lower;
  return lower.normalize('NFD').replace(COMBINING_MARK, '').replace(/ł/g, 'l');
}

/** The digits of a NIP as typed (`PL 526-000-12-46` → `5260001246`). */
export function nipDigits(text: string): string {
  return text.replace(/^\s*pl/i, '').replace(/\D/g, '');
}
