import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Journal, readJournal } from '../../src/store/xlsx/journal';
import { envCount, runSeed } from './random';

/*
 * Replay of damaged journals: whatever was done to the bytes (cut short, garbage appended, bytes
 * flipped, inserted or zeroed, as crashes, file systems and disks do), `readJournal` returns the
 * entries before the damage, in order, and nothing else; and a journal opened after the damage
 * takes new entries that read back after them.
 */
const SEED = runSeed();
const RUNS = envCount('RELIABILITY_JOURNAL_RUNS', 300);

type Entry = { seq: number; op: string; payload: unknown };

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'append'; bytes: Uint8Array }
  | { kind: 'flip'; at: number; xor: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'zero'; at: number; length: number };

const entryArb: fc.Arbitrary<Entry> = fc.record({
  seq: fc.integer({ min: 0, max: 1_000_000 }),
  op: fc.constantFrom('put', 'delete', 'counter', 'insertRows', 'base'),
  payload: fc.jsonValue({ maxDepth: 3 }),
});

/** Offsets as fractions, so that they fall inside a file of any length. */
const at = fc.double({ min: 0, max: 1, noNaN: true });
const bytes = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 64 }),
  fc.constantFrom(...['\n', '{"seq":1}\n', '\t00000000\n', '{"seq":2,"op":"put"'].map((s) => Buffer.from(s))),
);
const mutationArb = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at }),
  fc.record({ kind: fc.constant('append' as const), bytes }),
  fc.record({ kind: fc.constant('flip' as const), at, xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at, bytes }),
  fc.record({ kind: fc.constant('zero' as const), at, length: fc.integer({ min: 1, max: 600 }) }),
);

/** The damaged bytes, and the first offset at which they differ from the journal's. */
function mutate(content: Buffer, mutation: { kind: string } & Record<string, unknown>): Buffer {
  const offset = (fraction: unknown, length: number) => Math.floor((fraction as number) * length);
  const m = mutation as Mutation & { at: number };
  switch (m.kind) {
    case 'truncate':
      return content.subarray(0, offset(m.at, content.length + 1));
    case 'append':
      return Buffer.concat([content, m.bytes]);
    case 'flip': {
      if (content.length === 0) return content;
      const copy = Buffer.from(content);
      const i = Math.min(offset(m.at, content.length), content.length - 1);
      copy[i] ^= m.xor;
      return copy;
    }
    case 'insert': {
      const i = offset(m.at, content.length + 1);
      return Buffer.concat([content.subarray(0, i), m.bytes, content.subarray(i)]);
    }
    case 'zero': {
      const copy = Buffer.from(content);
      const i = offset(m.at, content.length);
      copy.fill(0, i, Math.min(content.length, i + m.length));
      return copy;
    }
  }
}

function firstDifference(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) if (a[i] !== b[i]) return i;
  return a.length === b.length ? Infinity : n;
}

describe('journal replay of damaged files', () => {
  let dir: string;
  let run = 0;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'relacje-journal-replay-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test(`returns the entries before the damage and takes new ones after it (${RUNS} runs, seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(entryArb, { maxLength: 12 }),
        fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
        async (entries, mutations) => {
          const file = path.join(dir, `j${(run += 1)}.journal`);
          const journal = new Journal<Entry>(file);
          await journal.open();
          for (const entry of entries) await journal.append(entry);
          await journal.close();
          const written = readFileSync(file);
          const damaged = mutations.reduce(mutate, written);
          writeFileSync(file, damaged);
          // What JSON keeps of the entries (-0 becomes 0, and so on).
          const expected = JSON.parse(JSON.stringify(entries)) as Entry[];

          const read = await readJournal<Entry>(file);
          // Every line wholly before the first damaged byte is read back.
          const intact = firstDifference(written, damaged);
          let before = 0;
          for (let i = written.indexOf(0x0a); i >= 0 && i < intact; i = written.indexOf(0x0a, i + 1))
            before += 1;
          expect(read.length).toBeGreaterThanOrEqual(before);
          // Once its first checksummed line is intact, nothing but the entries written comes back.
          // (Before it, plain JSON lines are read as a journal of the versions without checksums:
          // damage that leaves exactly such a line at the start cannot be told from one.)
          if (before > 0) expect(read).toEqual(expected.slice(0, read.length));

          const reopened = new Journal<Entry>(file);
          await reopened.open();
          const next: Entry = { seq: -1, op: 'after-damage', payload: run };
          await reopened.append(next);
          await reopened.close();
          expect(await readJournal<Entry>(file)).toEqual([...read, next]);
          for (const name of readdirSync(dir)) rmSync(path.join(dir, name), { recursive: true });
        },
      ),
      { seed: SEED, numRuns: RUNS, timeout: 10_000 },
    );
  });

  test('a journal that cannot be read is a clear I/O error, not a wrong replay', async () => {
    const notAFile = path.join(dir, 'katalog.journal');
    mkdirSync(notAFile);
    await expect(readJournal(notAFile)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
