import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

export interface VirtualWindow {
  /** First and one past the last index to render. */
  start: number;
  end: number;
  totalHeight: number;
  onScroll: () => void;
  /** Scrolls just enough for row `index` to be fully visible (under a header of `headerHeight`). */
  reveal: (index: number) => void;
}

interface VirtualWindowOptions {
  count: number;
  rowHeight: number;
  /** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
  overscan?: number;
  /** Height of the sticky header inside the scroll container. */
  headerHeight?: number;
}

/**
 * A fixed-row-height virtualiser: only the rows inside the scroll container's viewport (plus
 * overscan) are rendered, so 50,000 clients cost as much as 20.
 */
export function useVirtualWindow(
  containerRef: RefObject<HTMLElement>,
  { count, rowHeight, overscan = 6, headerHeight = 0 }: VirtualWindowOptions,
): VirtualWindow {
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(0);

  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    setViewportHeight(container.clientHeight);
    const observer = new ResizeObserver(() => setViewportHeight(container.clientHeight));
    observer.observe(container);
    return () => observer.disconnect();
  }, [containerRef]);

  const onScroll = useCallback(() => {
    const container = containerRef.current;
    if (container) setScrollTop(container.scrollTop);
  }, [containerRef]);

  const reveal = useCallback(
    (index: number) => {
      const container = containerRef.current;
      if (!container) return;
      const top = index * rowHeight;
      const visible = container.clientHeight - headerHeight;
      if (top < container.scrollTop) container.scrollTop = top;
      else if (top + rowHeight > container.scrollTop + visible)
        container.scrollTop = top + rowHeight - visible;
      setScrollTop(container.scrollTop);
    },
    [containerRef, rowHeight, headerHeight],
  );

  const { start, end } = visibleRange({
    count,
    rowHeight,
    overscan,
    headerHeight,
    scrollTop,
    viewportHeight,
  });
  return { start, end, totalHeight: count * rowHeight, onScroll, reveal };
}

/** The rows to render for a scroll position: those in view under the header, plus overscan each side. */
export function visibleRange(view: {
  count: number;
  rowHeight: number;
  overscan: number;
  headerHeight: number;
  scrollTop: number;
  viewportHeight: number;
}): { start: number; end: number } {
  const { count, rowHeight, overscan, headerHeight, scrollTop, viewportHeight } = view;
  const rowsInView = Math.ceil(Math.max(viewportHeight - headerHeight, rowHeight) / rowHeight);
  const first = Math.min(Math.floor(scrollTop / rowHeight), count);
  return { start: Math.max(0, first - overscan), end: Math.min(count, first + rowsInView + overscan) };
}
