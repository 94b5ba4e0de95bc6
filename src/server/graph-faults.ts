/**
 * Faults the local server can be told to show, one test at a time; none is on by default.
 * Each rule matches requests by method and by a piece of their path (a `$batch` matches when
 * any request inside it does) and fires a given number of times.
 */
export type Fault =
  /** Answer 429 or 503 with `Retry-After`, without doing the work. */
  | { kind: 'throttle'; status: 429 | 503; retryAfterSeconds: number }
  /** Answer this status and Graph error code, without doing the work. */
  | { kind: 'fail'; status: number; code: string }
  /** Do the work, then reset the connection: the client cannot know whether it was done. */
  | { kind: 'dropAfterApply' }
  /** Do the work, then answer only after this long. */
  | { kind: 'delay'; ms: number }
  /** Expire every open session before answering, as an idle timeout would. */
  | { kind: 'expireSessions' };

export interface FaultMatch {
  method?: string;
  pathIncludes?: string;
  /** How many matching requests get the fault (default 1). */
  times?: number;
}

interface FaultRule {
  fault: Fault;
  method?: string;
  pathIncludes?: string;
  remaining: number;
}

export interface RequestTarget {
  method: string;
  path: string;
}

export class FaultInjector {
  private rules: FaultRule[] = [];

  add(fault: Fault, match: FaultMatch = {}): void {
    this.rules.push({
      fault,
      method: match.method?.toUpperCase(),
      pathIncludes: match.pathIncludes,
      remaining: match.times ?? 1,
    });
  }

  clear(): void {
    this.rules = [];
  }

  /** The faults for a request made of these targets (one, or a batch's), used up as they fire. */
  take(targets: readonly RequestTarget[]): Fault[] {
    const fired: Fault[] = [];
    for (const rule of this.rules) {
      if (rule.remaining <= 0) continue;
      const hit = targets.some(
        (t) =>
          (!rule.method || t.method.toUpperCase() === rule.method) &&
          (!rule.pathIncludes || t.path.includes(rule.pathIncludes)),
      );
      if (!hit) continue;
      rule.remaining -= 1;
      fired.push(rule.fault);
    }
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return fired;
  }
}
