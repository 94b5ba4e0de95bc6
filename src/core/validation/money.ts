import { canonicalTypedNumber } from '../cells';
import type { Locale } from '../i18n';
import { accept, reject, type Parsed } from './parsed';

/** An amount typed the Polish way (`1 234,56 zł`, `1234,56`, `1 234.56 PLN`) → integer grosze. */
export function parseMoney(input: string | number): Parsed<number> {
  if (typeof input === 'number') {
    // Numbers reaching the core are already grosze (money is integers everywhere inside).
    return Number.isSafeInteger(input) ? accept(input) : reject('money');
  }
  const canonical = canonicalTypedNumber(input);
  // Worked out on the digits, not on a float: 2 499 899 724,20 × 100 is not exact in binary.
  const m = canonical === undefined ? null : /^([-+]?)(\d*)(?:\.(\d{0,2}))?$/.exec(canonical);
  if (!m) return reject('money');
  const grosze = Number(m[2] || '0') * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(grosze)) return reject('money');
  return accept(m[1] === '-' && grosze !== 0 ? -grosze : grosze);
}

/** Grosze → `1 234,56 zł` (pl) or `PLN 1,234.56` (en). */
export function formatMoney(grosze: number, locale: Locale, currency = 'PLN'): string {
  const sign = grosze < 0 ? '-' : '';
  const abs = Math.abs(grosze);
  const whole = Math.floor(abs / 100).toString();
  const cents = (abs % 100).toString().padStart(2, '0');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'pl' ? '\u00a0' : ',');
  if (locale === 'pl') return `${sign}${grouped},${cents}\u00a0${currency === 'PLN' ? 'zł' : currency}`;
  return `${sign}${currency} ${grouped}.${cents}`;
}
