import type { RuleCode } from './messages';

/** What a parser gives: the normalised value, or the rule the input broke. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; rule: RuleCode };

export const accept = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const reject = (rule: RuleCode): Parsed<never> => ({ ok: false, rule });
