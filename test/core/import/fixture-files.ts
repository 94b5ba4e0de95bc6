import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The bytes of a file in test/fixtures/import. */
export function importFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'import', name)));
}
