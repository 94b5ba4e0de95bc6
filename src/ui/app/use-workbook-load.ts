import { useCallback, useEffect, useRef, useState } from 'react';
import type { CrmService } from '../../services/crm-service';
import { isReadCancelled } from '../../store/port';

export type WorkbookLoad =
  /** `progress` 0–1 once the store knows how many rows the workbook holds. */
  | { kind: 'loading'; progress?: number }
  | { kind: 'loaded' }
  /** The user stopped the load; nothing was read into the pane and nothing written. */
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: unknown };

export interface WorkbookLoadControl {
  state: WorkbookLoad;
  /** Loads again (after a failure or a cancel). */
  retry: () => void;
  /** Stops the load under way. */
  cancel: () => void;
}

/** Loads the workbook once when the pane opens (unless the host already did) and on retry. */
export function useWorkbookLoad(service: CrmService): WorkbookLoadControl {
  const [state, setState] = useState<WorkbookLoad>(() =>
    service.snapshot ? { kind: 'loaded' } : { kind: 'loading' },
  );
  const [attempt, setAttempt] = useState(0);
  const running = useRef<AbortController | null>(null);

  useEffect(() => {
    if (attempt === 0 && service.snapshot) return;
    const controller = new AbortController();
    running.current = controller;
    let current = true;
    setState({ kind: 'loading' });
    service
      .load({
        signal: controller.signal,
        onProgress: (done, total) => {
          if (current && total > 0) setState({ kind: 'loading', progress: done / total });
        },
      })
      .then(
        () => current && setState({ kind: 'loaded' }),
        (error: unknown) =>
          current && setState(isReadCancelled(error) ? { kind: 'cancelled' } : { kind: 'failed', error }),
      );
    return () => {
      current = false;
      controller.abort();
    };
  }, [service, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const cancel = useCallback(() => running.current?.abort(), []);
  return { state, retry, cancel };
}
