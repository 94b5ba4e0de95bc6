import {
  planSegmentationUndo,
  segmentationAuditDetails,
  segmentationWrites,
} from '../../../src/core/segmentation';
import type { SegmentationRow } from '../../../src/core/segmentation';
import { client } from './segmentation-fixtures';

let n = 0;
const auditRow = (at: string, recordId: string, details: unknown, table = 'clients'): SegmentationRow => ({
  id: `a${++n}`,
  at,
  user: 'Anna',
  action: 'update',
  table,
  recordId,
  details: typeof details === 'string' ? details : JSON.stringify(details),
});

describe('the audit of segmentation writes', () => {
  const c1 = client('c1', { abcClass: 'A', segment: null });
  const first = segmentationAuditDetails(
    'w1',
    { id: 'c1', expectedVersion: 3, changes: { abcClass: 'C' } },
    c1,
  );

  test('a write keeps the previous value of each changed field, empty as null', () => {
    const details = segmentationAuditDetails(
      'w2',
      { id: 'c1', expectedVersion: 3, changes: { abcClass: 'B', segment: 'Nowi', segmentedAt: 'x' } },
      c1,
    );
    expect(details).toEqual({
      segmentation: 'w2',
      changes: { abcClass: 'B', segment: 'Nowi', segmentedAt: 'x' },
      before: { abcClass: 'A', segment: null, segmentedAt: null },
      version: 3,
    });
    expect(JSON.stringify(details).startsWith('{"segmentation":')).toBe(true);
  });

  test('writes are listed newest first; other audit rows, cut or hand-edited details are passed over', () => {
    const audit = [
      auditRow('2026-12-01T10:00:00Z', 'c1', first),
      auditRow('2026-12-02T10:00:00Z', 'c1', { segmentation: 'w2', changes: {}, before: {}, version: 4 }),
      auditRow('2026-12-02T10:00:00Z', 'c2', { segmentation: 'w2', changes: {}, before: {}, version: 1 }),
      auditRow('2026-12-03T10:00:00Z', 'c1', { changes: { city: 'Łódź' } }),
      auditRow('2026-12-03T10:00:00Z', 'c1', '{"segmentation":"w3","changes":{"abcClass":"A"},"bef…'),
      auditRow(
        '2026-12-03T10:00:00Z',
        'p1',
        { segmentation: 'w4', changes: {}, before: {}, version: 1 },
        'people',
      ),
    ];
    expect(segmentationWrites(audit).map((w) => [w.id, w.clients, w.undone])).toEqual([
      ['w2', 2, false],
      ['w1', 1, false],
    ]);
  });

  test('an undo restores only clients still as the write left them, and marks the write undone', () => {
    const audit = [
      auditRow('2026-12-01T10:00:00Z', 'c1', first),
      auditRow('2026-12-01T10:00:00Z', 'c2', {
        segmentation: 'w1',
        changes: { abcClass: 'C' },
        before: { abcClass: 'B' },
        version: 3,
      }),
      auditRow('2026-12-01T10:00:00Z', 'gone', {
        segmentation: 'w1',
        changes: { abcClass: 'C' },
        before: { abcClass: 'A' },
        version: 1,
      }),
    ];
    const clients = [
      client('c1', { abcClass: 'C', version: 4 }),
      // Changed by hand after the write: a version more, and not the written class.
      client('c2', { abcClass: 'A', version: 5 }),
    ];
    const plan = planSegmentationUndo(audit, clients, 'w1');
    expect(plan.updates).toEqual([{ id: 'c1', expectedVersion: 4, changes: { abcClass: 'A' } }]);
    expect(plan).toMatchObject({ changedSince: 1, missing: 1, alreadyUndone: false });
    const undone = [...audit, auditRow('2026-12-02T10:00:00Z', 'c1', plan.details[0])];
    expect(segmentationWrites(undone)[0].undone).toBe(true);
    expect(planSegmentationUndo(undone, clients, 'w1')).toMatchObject({ updates: [], alreadyUndone: true });
  });
});
