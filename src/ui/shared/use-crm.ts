import { useSyncExternalStore } from 'react';
import type { CrmService } from '../../services/crm-service';
import type { WorkbookSnapshot } from '../../store/port';

/** The workbook as the service holds it; the component re-renders after every change. */
export function useCrmSnapshot(service: CrmService): WorkbookSnapshot | null {
  return useSyncExternalStore(
    (listener) => service.subscribe(listener),
    () => service.snapshot,
  );
}
