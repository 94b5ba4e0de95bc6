import { createContext, useContext } from 'react';

/**
 * Where the pane is (a tab, a client's card, a form), as the host's history keeps it: the
 * standalone page puts each view in the browser's history so that Back returns to the list;
 * Office has no Back, and the pane keeps its place in memory.
 */
export interface ViewHistory<S = unknown> {
  /** The state of the current entry; null before the pane has placed one. */
  current(): S | null;
  push(state: S): void;
  replace(state: S): void;
  /** Goes one entry back, as the browser's Back does. */
  back(): void;
  /** Called with the state of the entry the user went back or forward to. */
  subscribe(listener: (state: S | null) => void): () => void;
}

/** A history in memory: nothing goes back, nothing is told. */
export function memoryViewHistory<S>(): ViewHistory<S> {
  let state: S | null = null;
  return {
    current: () => state,
    push: (next) => {
      state = next;
    },
    replace: (next) => {
      state = next;
    },
    back: () => undefined,
    subscribe: () => () => undefined,
  };
}

/**
 * The history with a question before leaving a half-filled form: a Back that would throw input
 * away is undone at once (the entry left is put back) and, if the user agrees, made again. Every
 * listener hears of a move through one subscription, so the question is asked once.
 */
export function guardedViewHistory<S>(
  inner: ViewHistory<S>,
  guard: { dirty(): boolean; guard(action: () => void): void },
): ViewHistory<S> {
  let last = inner.current();
  const listeners = new Set<(state: S | null) => void>();
  let unsubscribe: (() => void) | null = null;
  const onMove = (state: S | null) => {
    if (guard.dirty() && last !== null) {
      inner.push(last);
      guard.guard(() => inner.back());
      return;
    }
    last = state;
    for (const listener of [...listeners]) listener(state);
  };
  return {
    current: () => inner.current(),
    push: (state) => {
      last = state;
      inner.push(state);
    },
    replace: (state) => {
      last = state;
      inner.replace(state);
    },
    back: () => inner.back(),
    subscribe: (listener) => {
      listeners.add(listener);
      unsubscribe ??= inner.subscribe(onMove);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && unsubscribe) {
          unsubscribe();
          unsubscribe = null;
        }
      };
    },
  };
}

/** Where the pane is, as one value in the history: the view (tab) and the view's own place. */
export interface PaneLocation {
  view: string;
  /** E.g. the client list's card or form; the view reads it back and checks it. */
  screen?: unknown;
}

export const ViewHistoryContext = createContext<ViewHistory<PaneLocation>>(memoryViewHistory());

export function useViewHistory(): ViewHistory<PaneLocation> {
  return useContext(ViewHistoryContext);
}
