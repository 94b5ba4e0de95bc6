/**
 * A small seeded pseudo-random generator (the mulberry32 mixing function), so generated data
 * is the same for the same seed on every machine and Node version. Not for anything secret.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = 0;
    this.reseed(seed);
  }

  /** Starts the stream again from `seed`: one generator can serve many independent streams. */
  reseed(seed: number): void {
    // Scramble the seed so that neighbouring seeds (1, 2, 3…) start far apart.
    this.state = Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  }

  /** A seed for the `index`-th independent stream under `seed`. */
  static streamSeed(seed: number, index: number): number {
    return (seed ^ Math.imul(index + 1, 0x27d4eb2f)) | 0;
  }

  /** An unsigned 32-bit integer. */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A digit 0–9. */
  digit(): number {
    return Math.floor(this.next() * 10);
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}
