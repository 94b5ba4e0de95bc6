import { useMemo } from 'react';
import { buildClientCard, indexByClient, type ClientCard } from '../../core/clients/client-card';
import type { StoredRecord, WorkbookSnapshot } from '../../store/port';
import { todayIso } from '../shared/format';

/** The core's 360° card of one client; the index over every table is built once per snapshot. */
export function useClientCard(
  snapshot: WorkbookSnapshot | null,
  clientId: string | null,
): ClientCard<StoredRecord> | undefined {
  const index = useMemo(() => (snapshot ? indexByClient(snapshot.tables) : null), [snapshot]);
  return useMemo(
    () => (index && clientId ? buildClientCard(index, clientId, todayIso()) : undefined),
    [index, clientId],
  );
}
