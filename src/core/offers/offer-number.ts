import { RelacjeError } from '../errors';
import type { Bilingual } from '../i18n';
import { META_SHEET } from '../schema';

/**
 * Offer numbers from the workbook's `offerNumberFormat` (in `_meta`), e.g. `OF/{YYYY}/{NNN}`:
 * - `{YYYY}` the year, `{YY}` its last two digits, `{MM}` the month, `{DD}` the day (of issue);
 * - `{N…}` the counter, zero-padded to as many digits as there are N's (a wider value is not cut);
 * - anything else is copied as it is. Tokens are case-insensitive.
 * A format that shows the year draws from a counter per year (`offers-2026`), so the numbering
 * starts again each year; any other format draws from the one counter `offers`.
 */

type DateToken = 'YYYY' | 'YY' | 'MM' | 'DD';

type FormatPart =
  { kind: 'text'; text: string } | { kind: 'date'; token: DateToken } | { kind: 'counter'; width: number };

export interface OfferNumberFormat {
  format: string;
  parts: readonly FormatPart[];
  /** Whether the numbering starts again each year. */
  perYear: boolean;
}

/** How a new offer gets its number on one day: the counter to draw from and the number of a value. */
export interface OfferNumbering {
  counterName: string;
  numberFor(sequence: number): string;
}

export const OFFER_COUNTER = 'offers';

const DATE_TOKENS: readonly DateToken[] = ['YYYY', 'YY', 'MM', 'DD'];

const PROBLEMS = {
  empty: { pl: 'format jest pusty', en: 'the format is empty' },
  noCounter: {
    pl: 'brak pola licznika, np. {NNN}',
    en: 'it has no counter token such as {NNN}',
  },
  twoCounters: {
    pl: 'pole licznika {N…} występuje więcej niż raz',
    en: 'the counter token {N…} appears more than once',
  },
  unmatchedBrace: { pl: 'nawias klamrowy bez pary', en: 'a brace without its pair' },
} satisfies Record<string, Bilingual>;

function unknownToken(token: string): Bilingual {
  return {
    pl: `nieznane pole {${token}} (dozwolone: {YYYY}, {YY}, {MM}, {DD}, {NNN})`,
    en: `unknown token {${token}} (allowed: {YYYY}, {YY}, {MM}, {DD}, {NNN})`,
  };
}

/** The error of a format no number can be made from: the offer is not saved, `_meta` needs fixing. */
function badFormat(format: string, problem: Bilingual): RelacjeError<'invalidRecord'> {
  const where = `${META_SHEET}, offerNumberFormat`;
  return new RelacjeError('invalidRecord', {
    table: 'offers',
    issues: [
      {
        field: 'number',
        value: format,
        rule: 'offerNumberFormat',
        message: {
          pl: `numeru oferty nie da się utworzyć z formatu „${format}” (${where}): ${problem.pl}; popraw format, np. OF/{YYYY}/{NNN}`,
          en: `no offer number can be made from the format "${format}" (${where}): ${problem.en}; correct the format, e.g. OF/{YYYY}/{NNN}`,
        },
      },
    ],
  });
}

/** Reads a format into its parts, or throws an `invalidRecord` error naming what is wrong. */
export function parseOfferNumberFormat(format: string): OfferNumberFormat {
  if (format.trim() === '') throw badFormat(format, PROBLEMS.empty);
  const parts: FormatPart[] = [];
  const tokenPattern = /\{([^{}]*)\}/g;
  let last = 0;
  const addText = (text: string) => {
    if (text === '') return;
    if (/[{}]/.test(text)) throw badFormat(format, PROBLEMS.unmatchedBrace);
    parts.push({ kind: 'text', text });
  };
  for (const match of format.matchAll(tokenPattern)) {
    addText(format.slice(last, match.index));
    last = (match.index ?? 0) + match[0].length;
    const token = match[1].toUpperCase();
    if (/^N+$/.test(token)) {
      if (parts.some((p) => p.kind === 'counter')) throw badFormat(format, PROBLEMS.twoCounters);
      parts.push({ kind: 'counter', width: token.length });
    } else if ((DATE_TOKENS as readonly string[]).includes(token)) {
      parts.push({ kind: 'date', token: token as DateToken });
    } else {
      throw badFormat(format, unknownToken(match[1]));
    }
  }
  addText(format.slice(last));
  if (!parts.some((p) => p.kind === 'counter')) throw badFormat(format, PROBLEMS.noCounter);
  const perYear = parts.some((p) => p.kind === 'date' && (p.token === 'YYYY' || p.token === 'YY'));
  return { format, parts, perYear };
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

function dateText(token: DateToken, on: Date): string {
  switch (token) {
    case 'YYYY':
      return pad(on.getFullYear(), 4);
    case 'YY':
      return pad(on.getFullYear() % 100, 2);
    case 'MM':
      return pad(on.getMonth() + 1, 2);
    case 'DD':
      return pad(on.getDate(), 2);
  }
}

/** The numbering of offers issued on `on` (its local date): which counter, and each value's number. */
export function offerNumbering(format: OfferNumberFormat, on: Date): OfferNumbering {
  const fixed = format.parts.map((part) =>
    part.kind === 'text' ? part.text : part.kind === 'date' ? dateText(part.token, on) : null,
  );
  return {
    counterName: format.perYear ? `${OFFER_COUNTER}-${on.getFullYear()}` : OFFER_COUNTER,
    numberFor(sequence) {
      return format.parts
        .map((part, i) => (part.kind === 'counter' ? pad(sequence, part.width) : fixed[i]))
        .join('');
    },
  };
}

/** A local date as `yyyy-mm-dd`: the day an offer is issued on. */
export function localIsoDate(on: Date): string {
  return `${pad(on.getFullYear(), 4)}-${pad(on.getMonth() + 1, 2)}-${pad(on.getDate(), 2)}`;
}
