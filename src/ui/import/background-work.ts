import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Lets the browser paint (the progress bar) and handle a click (Cancel) before the next stage. A
 * timeout alone can run before the next frame is painted; a frame alone never comes in a hidden
 * tab; so whichever of the two comes first after a frame, or after 100 ms.
 */
export const yieldToBrowser = () =>
  new Promise<void>((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });

/** How long the work runs before the browser gets a turn: well under the 100 ms a click may wait. */
const SLICE_MS = 40;

/**
 * Drives a core generator (one that yields `{ done, total }` between steps) in time slices: the
 * bar moves and Cancel is heard inside a long stage, not only between stages. Null once cancelled.
 */
export async function runInSlices<T>(
  steps: Generator<{ done: number; total: number }, T>,
  control: WorkControl,
): Promise<T | null> {
  for (;;) {
    const sliceEnd = performance.now() + SLICE_MS;
    let step = steps.next();
    while (!step.done && performance.now() < sliceEnd) step = steps.next();
    if (step.done) return step.value;
    if (step.value.total > 0) control.progress(step.value.done / step.value.total);
    await yieldToBrowser();
    if (control.cancelled) return null;
  }
}

export interface RunningWork<K extends string> {
  label: K;
  /** 0–1 when known. */
  value?: number;
  cancellable: boolean;
}

export interface WorkControl {
  /** True once the user cancelled (or the view went away): the job must stop and change nothing. */
  readonly cancelled: boolean;
  progress(value: number): void;
}

/**
 * Runs one job at a time in stages, with a progress bar and, where stopping is safe, a Cancel.
 * Between stages the job yields to the browser, so the bar moves and Cancel is heard.
 */
export function useBackgroundWork<K extends string>() {
  const [work, setWork] = useState<RunningWork<K> | null>(null);
  const current = useRef<{ cancelled: boolean } | null>(null);

  useEffect(
    () => () => {
      if (current.current) current.current.cancelled = true;
    },
    [],
  );

  const run = useCallback(
    async <T>(
      label: K,
      cancellable: boolean,
      job: (control: WorkControl) => Promise<T>,
    ): Promise<T | null> => {
      const token = { cancelled: false };
      if (current.current) current.current.cancelled = true;
      current.current = token;
      setWork({ label, cancellable });
      const control: WorkControl = {
        get cancelled() {
          return token.cancelled;
        },
        progress: (value) => {
          if (!token.cancelled) setWork({ label, cancellable, value });
        },
      };
      try {
        await yieldToBrowser();
        const result = await job(control);
        return token.cancelled ? null : result;
      } finally {
        if (current.current === token) {
          current.current = null;
          setWork(null);
        }
      }
    },
    [],
  );

  const cancel = useCallback(() => {
    if (current.current) current.current.cancelled = true;
    current.current = null;
    setWork(null);
  }, []);

  return { work, run, cancel };
}
