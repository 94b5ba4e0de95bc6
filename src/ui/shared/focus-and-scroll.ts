/** The first field of a form or region a user types into, for the focus when it opens. */
export function focusFirstField(container: HTMLElement | null): void {
  const field = container?.querySelector<HTMLElement>(
    'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), [role=combobox]:not([disabled])',
  );
  field?.focus();
}

/**
 * Scrolls every scrolling ancestor of the element (the pane's content area, the page) to its top,
 * so a view that replaces another opens at its beginning, not where the last one was scrolled.
 */
export function scrollToTop(element: HTMLElement | null): void {
  for (let node = element?.parentElement ?? null; node; node = node.parentElement) {
    if (node.scrollTop > 0) node.scrollTop = 0;
  }
  if (typeof window !== 'undefined' && window.scrollY > 0) window.scrollTo(0, 0);
}

/** Brings a message into view without jumping further than needed. */
export function revealMessage(element: HTMLElement | null): void {
  element?.scrollIntoView?.({ block: 'nearest' });
}
