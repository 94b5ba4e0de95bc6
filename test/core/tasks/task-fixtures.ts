import type { StoredRow } from '../../../src/core/clients/client-rows';

let next = 0;

/** A stored task with the fields a test names; to do, normal priority, no owner otherwise. */
export function task(fields: Partial<StoredRow> & { dueDate?: string | null }): StoredRow {
  next++;
  return {
    id: `T${String(next).padStart(4, '0')}`,
    version: 1,
    title: `Task ${next}`,
    owner: null,
    priority: 'normal',
    status: 'todo',
    completedOn: null,
    clientId: null,
    opportunityId: null,
    stage: null,
    ...fields,
  } as StoredRow;
}
