import type { SeededRandom } from './seeded-random';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A ULID whose time part is `time` (ms since the epoch) and whose 80 random bits come from `rng`,
 * so ids are the same for the same seed. Written out here rather than through the `ulid` package
 * because the generator makes millions of them and this is several times faster.
 */
export function generateUlid(rng: SeededRandom, time: number): string {
  let timePart = '';
  let rest = time;
  for (let i = 0; i < 10; i++) {
    timePart = CROCKFORD[rest % 32] + timePart;
    rest = Math.floor(rest / 32);
  }
  let randomPart = '';
  let word = 0;
  for (let i = 0; i < 16; i++) {
    // Six 5-bit characters from each 32-bit draw.
    if (i % 6 === 0) word = rng.nextUint32();
    randomPart += CROCKFORD[(word >>> ((i % 6) * 5)) & 31];
  }
  return timePart + randomPart;
}
