import { useCallback, useMemo } from 'react';
import {
  buildDuplicateIndex,
  findDuplicates,
  type DuplicateWarning,
} from '../../core/clients/client-duplicates';
import type { RecordFields, StoredRecord } from '../../store/port';

/** The core's duplicate check over the base, its index built once per snapshot. */
export function useDuplicateCheck(
  clients: readonly StoredRecord[],
): (fields: RecordFields, ownId?: string) => DuplicateWarning[] {
  const index = useMemo(() => buildDuplicateIndex(clients), [clients]);
  return useCallback(
    (fields: RecordFields, ownId?: string) =>
      findDuplicates(index, { id: ownId, name: fields.name, nip: fields.nip, email: fields.email }),
    [index],
  );
}
