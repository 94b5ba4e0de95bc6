import { accept, reject, type Parsed } from './parsed';

// A pragmatic subset of RFC 5321: dot-atom local part, a domain of labels with a 2+ letter TLD.
const EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** An e-mail address, its domain in lower case. */
export function parseEmail(input: string): Parsed<string> {
  const text = input.trim();
  if (text.length > 254 || !EMAIL.test(text)) return reject('email');
  const at = text.lastIndexOf('@');
  return accept(`${text.slice(0, at)}@${text.slice(at + 1).toLowerCase()}`);
}

/** A phone number: Polish 9 digits → `+48 600 100 200`; other countries kept as `+CC…` digits. */
export function parsePhone(input: string): Parsed<string> {
  const text = input.trim().replace(/[\s\u00a0().\-/]/g, '');
  const international = /^(\+|00)(\d{8,15})$/.exec(text);
  let national: string | undefined;
  if (international) {
    if (!international[2].startsWith('48')) return accept(`+${international[2]}`);
    national = international[2].slice(2);
  } else if (/^0?\d{9}$/.test(text)) {
    national = text.length === 10 ? text.slice(1) : text;
  }
  if (!national || national.length !== 9) return reject('phone');
  return accept(`+48 ${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`);
}

/** A Polish postal code, `NN-NNN` (also typed as `NNNNN`). */
export function parsePostalCode(input: string): Parsed<string> {
  const m = /^(\d{2})-?(\d{3})$/.exec(input.trim());
  return m ? accept(`${m[1]}-${m[2]}`) : reject('postalCode');
}

/** An ISO 4217 currency code in upper case. */
export function parseCurrency(input: string): Parsed<string> {
  const text = input.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(text) ? accept(text) : reject('currency');
}

/** A web address; `firma.pl` is taken as `https://firma.pl`. */
export function parseUrl(input: string): Parsed<string> {
  const text = input.trim();
  const candidate = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  if (/\s/.test(text) || !/^https?:\/\/[^/]+\.[^/]+/i.test(candidate)) return reject('url');
  return accept(candidate);
}
