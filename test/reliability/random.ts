/** Seeded randomness for the reliability suite: the same seed gives the same workload. */
import { SeededRandom } from '../../src/dev/seeded-random';

/** Numbers in [0, 1) from the project's seeded generator. */
export function prng(seed: number): () => number {
  const random = new SeededRandom(seed);
  return () => random.next();
}

/** A seed for one part of a run, derived from the run's seed, so that parts stay independent. */
export function subSeed(seed: number, ...parts: number[]): number {
  let hash = seed >>> 0;
  for (const part of parts) hash = Math.imul(hash ^ (part + 0x9e3779b9), 0x85ebca6b) >>> 0;
  return hash;
}

export function integerBelow(random: () => number, n: number): number {
  return Math.floor(random() * n);
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[integerBelow(random, items.length)];
}

/** The run's seed: `RELIABILITY_SEED` to repeat a run, otherwise a new one (printed with the results). */
export function runSeed(): number {
  const fromEnv = process.env.RELIABILITY_SEED;
  if (fromEnv !== undefined && fromEnv !== '') {
    const seed = Number(fromEnv);
    if (!Number.isInteger(seed) || seed < 0)
      throw new Error(`RELIABILITY_SEED must be an integer ≥ 0, not ${fromEnv}`);
    return seed;
  }
  return Math.floor(Math.random() * 2 ** 31);
}

/** A whole number from the environment, or the default. */
export function envCount(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number ≥ 1, not ${text}`);
  return value;
}
