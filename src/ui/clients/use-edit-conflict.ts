import { useCallback, useState } from 'react';
import { describeConflict, type EditConflict } from '../../core/clients/edit-conflict';
import { isRelacjeError } from '../../core/errors';
import type { RecordFields } from '../../core/records';
import { CURRENT_SCHEMA, tableByKey, type TableKey } from '../../core/schema';
import type { CrmService } from '../../services/crm-service';
import type { StoredRecord } from '../../store/port';

/** A refused save, described from the workbook as it is now. */
export interface ConflictFound {
  table: TableKey;
  conflict: EditConflict;
  /** The record as stored now; null when it was deleted. */
  fresh: StoredRecord | null;
}

/**
 * After a save refused as a conflict: reads the workbook again (one store call) and compares the
 * record the user loaded with the stored one. Resolves to false when the reading itself fails, so
 * the form shows the original refusal instead.
 */
export function useEditConflict(service: CrmService, table: TableKey) {
  const [found, setFound] = useState<ConflictFound | null>(null);
  const inspect = useCallback(
    async (loaded: StoredRecord, mine: RecordFields): Promise<boolean> => {
      try {
        await service.load();
      } catch {
        return false;
      }
      const tables = service.snapshot?.tables ?? {};
      const fresh = (tables[table] ?? []).find((row) => row.id === loaded.id) ?? null;
      const conflict = describeConflict({
        table: tableByKey(CURRENT_SCHEMA, table),
        loaded,
        stored: fresh,
        mine,
        audit: tables.audit ?? [],
      });
      setFound({ table, conflict, fresh });
      return true;
    },
    [service, table],
  );
  const clear = useCallback(() => setFound(null), []);
  /** Describes a refused save when it is a conflict or the record is gone; true when it did. */
  const explain = useCallback(
    async (error: unknown, loaded: StoredRecord | undefined, mine: RecordFields): Promise<boolean> => {
      const refused = isRelacjeError(error, 'conflict') || isRelacjeError(error, 'recordNotFound');
      return loaded !== undefined && refused && inspect(loaded, mine);
    },
    [inspect],
  );
  /** Closes the question: the stored record to go on from, or null when it is gone. */
  const answer = useCallback((): StoredRecord | null => {
    const fresh = found?.fresh ?? null;
    setFound(null);
    return fresh;
  }, [found]);
  return { found, explain, answer, clear };
}
