import type { PaneLocation, ViewHistory } from '../../ui/shared/view-history';

/** The pane's views in the browser's history: Back and Forward move between them, the address stays. */
export function browserViewHistory(): ViewHistory<PaneLocation> {
  const read = (state: unknown): PaneLocation | null =>
    state && typeof state === 'object' && 'relacje' in state
      ? (state as { relacje: PaneLocation }).relacje
      : null;
  return {
    current: () => read(window.history.state),
    push: (location) => window.history.pushState({ relacje: location }, ''),
    replace: (location) => window.history.replaceState({ relacje: location }, ''),
    back: () => window.history.back(),
    subscribe: (listener) => {
      const onPop = (event: PopStateEvent) => listener(read(event.state));
      window.addEventListener('popstate', onPop);
      return () => window.removeEventListener('popstate', onPop);
    },
  };
}
