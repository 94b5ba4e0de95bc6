import { useCallback, useEffect, useState } from 'react';
import type { CrmService } from '../../services/crm-service';

export type WorkbookLoad = { kind: 'loading' } | { kind: 'loaded' } | { kind: 'failed'; error: unknown };

/** Loads the workbook once when the pane opens (unless the host already did) and on retry. */
export function useWorkbookLoad(service: CrmService): { state: WorkbookLoad; retry: () => void } {
  const [state, setState] = useState<WorkbookLoad>(() =>
    service.snapshot ? { kind: 'loaded' } : { kind: 'loading' },
  );
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (attempt === 0 && service.snapshot) return;
    let current = true;
    setState({ kind: 'loading' });
    service.load().then(
      () => current && setState({ kind: 'loaded' }),
      (error: unknown) => current && setState({ kind: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [service, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
