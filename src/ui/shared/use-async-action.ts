import { useCallback, useEffect, useRef, useState } from 'react';

export interface AsyncAction<A extends unknown[]> {
  run: (...args: A) => Promise<boolean>;
  busy: boolean;
  error: unknown;
  clearError: () => void;
}

/**
 * Runs a service call once at a time and keeps its failure for the view to show; `run` resolves
 * to whether the call succeeded, so the caller can move on only then.
 */
export function useAsyncAction<A extends unknown[]>(
  action: (...args: A) => Promise<unknown>,
): AsyncAction<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(
    async (...args: A) => {
      setBusy(true);
      setError(null);
      try {
        await action(...args);
        return true;
      } catch (failure) {
        if (mounted.current) setError(failure);
        return false;
      } finally {
        if (mounted.current) setBusy(false);
      }
    },
    [action],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, busy, error, clearError };
}
