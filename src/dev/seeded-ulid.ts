import type { SeededRandom } from './seeded-random';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A ULID whose time part is `time` (ms since the epoch) and whose 80 random bits come from `rng`,
 * so ids are the same for the same seed. Written out here rather than through the `ulid` package
 * because the generator makes millions of them and this is several times faster.
 */
export function generateUlid(rng: SeededRandom, time: number): string {
  // Joined once at the end rather than added to piece by piece: that would make a rope (a tree of
  // pieces) that V8 hashes anew on every Map lookup, ten times slower than the flat text a read gives.
  const chars = new Array<string>(26);
  let rest = time;
  for (let i = 9; i >= 0; i--) {
    chars[i] = CROCKFORD[rest % 32];
    rest = Math.floor(rest / 32);
  }
  let word = 0;
  for (let i = 0; i < 16; i++) {
    // Six 5-bit characters from each 32-bit draw.
    if (i % 6 === 0) word = rng.nextUint32();
    chars[10 + i] = CROCKFORD[(word >>> ((i % 6) * 5)) & 31];
  }
  return chars.join('');
}
