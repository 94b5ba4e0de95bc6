import { useCallback, useState } from 'react';
import type { SegmentChangePlan } from '../../core/segmentation';
import type { CrmService } from '../../services/crm-service';
import { useBackgroundWork } from '../import/background-work';
import type { SegmentationViewTextKey } from './segmentation-view-texts';

/**
 * The computed changes waiting to be written, and the one batch write. Computing may be
 * cancelled; writing may not (it is one store call: all of it is saved, or nothing).
 */
export function useSegmentChanges(service: CrmService) {
  const [plan, setPlan] = useState<SegmentChangePlan | null>(null);
  const [written, setWritten] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { work, run, cancel } = useBackgroundWork<SegmentationViewTextKey>();

  /** Runs a computation with progress; its plan (or null: nothing to show) replaces the last one. */
  const compute = useCallback(
    async (computation: () => SegmentChangePlan | null) => {
      setError(null);
      setWritten(null);
      setPlan(null);
      try {
        const computed = await run('computing', true, () => Promise.resolve(computation()));
        if (computed) setPlan(computed);
      } catch (failure) {
        setError(failure);
      }
    },
    [run],
  );

  const write = useCallback(async () => {
    if (!plan) return;
    setError(null);
    try {
      const stored = await run('writing', false, () => service.updateClients(plan.updates));
      if (stored) {
        setWritten(stored.length);
        setPlan(null);
      }
    } catch (failure) {
      setError(failure);
    }
  }, [plan, run, service]);

  const reset = useCallback(() => {
    cancel();
    setPlan(null);
    setWritten(null);
    setError(null);
  }, [cancel]);

  return { plan, written, error, work, compute, write, cancel, reset };
}

export type SegmentChanges = ReturnType<typeof useSegmentChanges>;
