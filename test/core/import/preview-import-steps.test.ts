import {
  previewImport,
  previewImportInSteps,
  type ExistingClient,
  type ImportProgress,
} from '../../../src/core/import';

const HEADER = ['Nazwa', 'NIP', 'Miasto', 'E-mail'];

/** A file of `count` rows: every 7th has a broken NIP, every 5th names a client of the base. */
function sheet(count: number): string[][] {
  const rows = [HEADER];
  for (let i = 0; i < count; i++) {
    rows.push([
      i % 5 === 0 ? `Baza ${i}` : `Firma ${i}`,
      i % 7 === 0 ? '123' : '',
      'Łódź',
      `biuro@firma${i}.pl`,
    ]);
  }
  return rows;
}

const base: ExistingClient[] = Array.from({ length: 1200 }, (_, i) => ({
  id: `c${i}`,
  version: 1,
  name: `Baza ${i}`,
  type: 'company',
  status: 'active',
}));

function drain(steps: Generator<ImportProgress, unknown>): { progress: ImportProgress[]; result: unknown } {
  const progress: ImportProgress[] = [];
  for (;;) {
    const step = steps.next();
    if (step.done) return { progress, result: step.value };
    progress.push(step.value);
  }
}

describe('previewImportInSteps', () => {
  const table = sheet(2600);

  it('ends with what previewImport gives in one call', () => {
    const { result } = drain(previewImportInSteps(table, base, { headerRowNumber: 1 }));
    const whole = previewImport(table, base, { headerRowNumber: 1 });
    expect(result).toEqual(whole);
    expect(whole.rows.rejected.length).toBe(Math.ceil(2600 / 7));
    expect(whole.matches.size).toBeGreaterThan(0);
  });

  it('reports progress through the row check, the indexing of the base and the matching', () => {
    const { progress } = drain(previewImportInSteps(table, base, { headerRowNumber: 1 }));
    const done = progress.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(new Set(done).size).toBe(done.length);
    for (const p of progress) expect(p.done).toBeLessThanOrEqual(p.total);
    // Steps of 500: 2,600 rows (5 steps), 1,200 clients (2), the 2,228 valid rows (4).
    expect(progress).toHaveLength(5 + 2 + 4);
    const valid = 2600 - Math.ceil(2600 / 7);
    expect(progress[progress.length - 1].total).toBe(2600 + 1200 + valid);
  });

  it('stops where the caller stops asking: nothing past the first step is checked', () => {
    const steps = previewImportInSteps(table, base, { headerRowNumber: 1 });
    const first = steps.next();
    expect(first.done).toBe(false);
    expect(first.value).toEqual({ done: 500, total: 2600 + 1200 + 2600 });
    expect(steps.return(undefined as never).done).toBe(true);
  });

  it('yields nothing for a file smaller than one step', () => {
    const { progress, result } = drain(previewImportInSteps(sheet(3), [], { headerRowNumber: 1 }));
    expect(progress).toEqual([]);
    expect(result).toEqual(previewImport(sheet(3), [], { headerRowNumber: 1 }));
  });
});
