import type { Bilingual } from '../i18n';
import type { FieldValue } from '../records';
import type { StoredRow } from './client-rows';
import { foldText, nipDigits } from './text-fold';

export type DuplicateReason = 'sameNip' | 'sameName' | 'similarName' | 'sameEmailDomain';

export interface DuplicateWarning {
  clientId: string;
  clientName: string;
  reason: DuplicateReason;
  message: Bilingual;
}

/** Addresses at these providers say nothing about the firm behind them. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'wp.pl',
  'o2.pl',
  'onet.pl',
  'onet.eu',
  'poczta.onet.pl',
  'op.pl',
  'interia.pl',
  'interia.eu',
  'poczta.fm',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'gazeta.pl',
  'tlen.pl',
  'vp.pl',
  'autograf.pl',
  'buziaczek.pl',
  'go2.pl',
  'proton.me',
  'protonmail.com',
  'gmx.com',
]);

/** Legal forms as words after folding and dropping punctuation; `sp. z o.o.` → `sp z o o`. */
const LEGAL_FORMS: readonly (readonly string[])[] = [
  'spolka z ograniczona odpowiedzialnoscia',
  'sp z o o',
  'sp z oo',
  'sp zoo',
  'spzoo',
  'spolka z o o',
  'spolka akcyjna',
  'prosta spolka akcyjna',
  'p s a',
  'psa',
  's a',
  'sa',
  'spolka komandytowo akcyjna',
  's k a',
  'ska',
  'sp k a',
  'spolka jawna',
  'sp j',
  'spj',
  'spolka komandytowa',
  'sp k',
  'spk',
  'spolka partnerska',
  'sp p',
  'spolka cywilna',
  's c',
  'sc',
].map((form) => form.split(' '));

/** Names shorter than this (normalised) must be equal to count as duplicates. */
const FUZZY_MIN_LENGTH = 8;
const MAX_EDITS = 2;

const TEXTS: Record<DuplicateReason, (name: string, detail: string) => Bilingual> = {
  sameNip: (name, nip) => ({
    pl: `Klient „${name}” ma ten sam NIP (${nip}). Sprawdź, czy to nie ta sama firma.`,
    en: `The client "${name}" has the same NIP (${nip}). Check that it is not the same firm.`,
  }),
  sameName: (name) => ({
    pl: `Klient „${name}” ma taką samą nazwę. Sprawdź, czy to nie ta sama firma.`,
    en: `The client "${name}" has the same name. Check that it is not the same firm.`,
  }),
  similarName: (name) => ({
    pl: `Klient „${name}” ma bardzo podobną nazwę. Sprawdź, czy to nie ta sama firma.`,
    en: `The client "${name}" has a very similar name. Check that it is not the same firm.`,
  }),
  sameEmailDomain: (name, domain) => ({
    pl: `Klient „${name}” ma adres e-mail w tej samej domenie (${domain}).`,
    en: `The client "${name}" has an e-mail address in the same domain (${domain}).`,
  }),
};

interface IndexedName {
  position: number;
  name: string;
}

/** Maps over the base, built once per snapshot: checking one client looks at a few buckets only. */
export interface DuplicateIndex {
  readonly clients: readonly StoredRow[];
  readonly byNip: ReadonlyMap<string, number[]>;
  readonly byDomain: ReadonlyMap<string, number[]>;
  readonly byName: ReadonlyMap<string, number[]>;
  /** Names of fuzzy length by their first two and by their last two letters. */
  readonly byNameEnds: ReadonlyMap<string, IndexedName[]>;
}

export function buildDuplicateIndex(clients: readonly StoredRow[]): DuplicateIndex {
  const byNip = new Map<string, number[]>();
  const byDomain = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  const byNameEnds = new Map<string, IndexedName[]>();
  const add = <V>(map: Map<string, V[]>, key: string, value: V) => {
    const bucket = map.get(key);
    if (bucket) bucket.push(value);
    else map.set(key, [value]);
  };
  clients.forEach((client, position) => {
    const { nip, domain, name } = keysOf(client);
    if (nip) add(byNip, nip, position);
    if (domain) add(byDomain, domain, position);
    if (!name) return;
    add(byName, name, position);
    if (name.length >= FUZZY_MIN_LENGTH) {
      for (const key of endKeys(name)) add(byNameEnds, key, { position, name });
    }
  });
  return { clients, byNip, byDomain, byName, byNameEnds };
}

interface ClientKeys {
  nip: string;
  domain: string;
  name: string;
}

/** A record's keys, kept while the record lives: snapshots share the records they did not change. */
const KEYS = new WeakMap<StoredRow, ClientKeys>();

function keysOf(client: StoredRow): ClientKeys {
  let keys = KEYS.get(client);
  if (!keys) {
    keys = {
      nip: nipOf(client.nip),
      domain: companyDomainOf(client.email),
      name: normalizeClientName(text(client.name)),
    };
    KEYS.set(client, keys);
  }
  return keys;
}

/**
 * Warnings for a new or edited client: other clients with its NIP, its company e-mail domain, or a
 * name equal or within two edits after normalising. At most one warning per client, the strongest.
 */
export function findDuplicates(
  index: DuplicateIndex,
  candidate: { id?: FieldValue; name?: FieldValue; nip?: FieldValue; email?: FieldValue },
): DuplicateWarning[] {
  const warned = new Map<number, DuplicateWarning>();
  const warn = (position: number, reason: DuplicateReason, detail: string) => {
    const client = index.clients[position];
    if (client.id === candidate.id || warned.has(position)) return;
    const clientName = text(client.name);
    warned.set(position, {
      clientId: client.id,
      clientName,
      reason,
      message: TEXTS[reason](clientName, detail),
    });
  };
  const nip = nipOf(candidate.nip);
  if (nip) for (const p of index.byNip.get(nip) ?? []) warn(p, 'sameNip', nip);
  const name = normalizeClientName(text(candidate.name));
  if (name) {
    for (const p of index.byName.get(name) ?? []) warn(p, 'sameName', '');
    if (name.length >= FUZZY_MIN_LENGTH) {
      for (const key of endKeys(name)) {
        for (const other of index.byNameEnds.get(key) ?? []) {
          if (!warned.has(other.position) && editDistanceWithin(name, other.name, MAX_EDITS)) {
            warn(other.position, 'similarName', '');
          }
        }
      }
    }
  }
  const domain = companyDomainOf(candidate.email);
  if (domain) for (const p of index.byDomain.get(domain) ?? []) warn(p, 'sameEmailDomain', domain);
  return [...warned.values()];
}

/** A firm's name for comparison: folded, without punctuation, spacing or its legal form. */
export function normalizeClientName(name: string): string {
  const words = foldText(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let stripped = true;
  while (stripped) {
    stripped = false;
    for (const form of LEGAL_FORMS) {
      if (words.length > form.length && form.every((w, i) => words[words.length - form.length + i] === w)) {
        words.length -= form.length;
        stripped = true;
        break;
      }
    }
  }
  return words.join('');
}

/**
 * Whether `a` becomes `b` in at most `max` insertions, deletions or substitutions: Levenshtein in
 * a band of width 2·max+1, stopping as soon as a whole row exceeds `max`.
 */
export function editDistanceWithin(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (a === b) return true;
  const beyond = max + 1;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j <= max ? j : beyond;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    current[0] = i <= max ? i : beyond;
    if (from > 1) current[from - 1] = beyond;
    let rowBest = current[0];
    for (let j = from; j <= to; j++) {
      const substitution = previous[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const deletion = (j <= i - 1 + max ? previous[j] : beyond) + 1;
      const insertion = current[j - 1] + 1;
      current[j] = Math.min(substitution, deletion, insertion, beyond);
      if (current[j] < rowBest) rowBest = current[j];
    }
    if (to < b.length) current[to + 1] = beyond;
    if (rowBest > max) return false;
    [previous, current] = [current, previous];
  }
  return previous[b.length] <= max;
}

/**
 * Two buckets per name. Names within two edits nearly always share their first or their last two
 * letters; a pair edited at both ends is missed, which a warning (not a rule) can afford.
 */
function endKeys(name: string): [string, string] {
  return [`^${name.slice(0, 2)}`, `${name.slice(-2)}$`];
}

function nipOf(value: FieldValue | undefined): string {
  const digits = typeof value === 'string' ? nipDigits(value) : '';
  return digits.length === 10 ? digits : '';
}

function companyDomainOf(value: FieldValue | undefined): string {
  if (typeof value !== 'string') return '';
  const at = value.lastIndexOf('@');
  const domain =
    at < 0
      ? ''
      : value
          .slice(at + 1)
          .trim()
          .toLowerCase();
  return domain && !FREE_MAIL_DOMAINS.has(domain) ? domain : '';
}

function text(value: FieldValue | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}
