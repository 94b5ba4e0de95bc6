import { useCallback, useState } from 'react';
import type { SegmentChangePlan } from '../../core/segmentation';
import type { CrmService } from '../../services/crm-service';
import type { SegmentationUndoResult } from '../../services/segmentation-writes';
import { useBackgroundWork } from '../import/background-work';
import type { SegmentationViewTextKey } from './segmentation-view-texts';

/** The last write of this view: how many clients changed, and the id to undo it by. */
export interface WrittenChanges {
  writeId: string;
  clients: number;
}

/**
 * The computed changes waiting to be written, the one batch write and its undo. Computing may be
 * cancelled; writing may not (it is one store call: all of it is saved, or nothing).
 */
export function useSegmentChanges(service: CrmService) {
  const [plan, setPlan] = useState<SegmentChangePlan | null>(null);
  const [written, setWritten] = useState<WrittenChanges | null>(null);
  const [undone, setUndone] = useState<SegmentationUndoResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [failed, setFailed] = useState<'writeFailed' | 'undoFailed'>('writeFailed');
  const { work, run, cancel } = useBackgroundWork<SegmentationViewTextKey>();

  /** Runs a computation with progress; its plan (or null: nothing to show) replaces the last one. */
  const compute = useCallback(
    async (computation: () => SegmentChangePlan | null) => {
      setError(null);
      setWritten(null);
      setUndone(null);
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
    setUndone(null);
    try {
      setFailed('writeFailed');
      const stored = await run('writing', false, () => service.writeSegmentation(plan.updates));
      if (stored) {
        setWritten({ writeId: stored.writeId, clients: stored.clients.length });
        setPlan(null);
      }
    } catch (failure) {
      setError(failure);
    }
  }, [plan, run, service]);

  const undo = useCallback(
    async (writeId: string) => {
      setError(null);
      try {
        setFailed('undoFailed');
        const result = await run('undoing', false, () => service.undoSegmentation(writeId));
        if (result) {
          setUndone(result);
          setWritten(null);
          setPlan(null);
        }
      } catch (failure) {
        setError(failure);
      }
    },
    [run, service],
  );

  const reset = useCallback(() => {
    cancel();
    setPlan(null);
    setWritten(null);
    setUndone(null);
    setError(null);
  }, [cancel]);

  return { plan, written, undone, error, failed, work, compute, write, undo, cancel, reset };
}

export type SegmentChanges = ReturnType<typeof useSegmentChanges>;
