import { createContext, useContext, useEffect, useId, useState, type ReactNode } from 'react';
import type { Locale } from '../../core/i18n';
import { ConfirmDialog } from './ConfirmDialog';
import { sharedText } from './shared-texts';

/** The pane's record of forms holding typed, unsaved input, and the question before losing it. */
export interface PaneGuard {
  /** Marks a form as holding typed, unsaved input (or not). */
  mark(formId: string, dirty: boolean): void;
  /** Runs `action` at once when nothing is unsaved; otherwise after the user agrees to discard it. */
  guard(action: () => void): void;
  /** Whether any form holds unsaved input now. */
  dirty(): boolean;
  /** Set by the provider: how the question is asked. */
  ask: ((action: () => void) => void) | null;
  /** Forgets every form's input (the user chose to discard it). */
  clear(): void;
}

export function createPaneGuard(): PaneGuard {
  const forms = new Set<string>();
  const guard: PaneGuard = {
    ask: null,
    mark: (formId, dirty) => {
      if (dirty) forms.add(formId);
      else forms.delete(formId);
    },
    guard: (action) => {
      if (forms.size === 0 || !guard.ask) action();
      else guard.ask(action);
    },
    dirty: () => forms.size > 0,
    clear: () => forms.clear(),
  };
  return guard;
}

const UnsavedChangesContext = createContext<PaneGuard>(createPaneGuard());

export interface UnsavedChangesProviderProps {
  locale: Locale;
  guard: PaneGuard;
  children: ReactNode;
}

/**
 * Keeps half-filled forms from vanishing: a view change (a tab, Back, the list) asks first, and a
 * reload or closing the page gets the browser's own question. Asking was chosen over keeping drafts:
 * a draft restored later, on a record someone has changed since, would need its own conflict check,
 * and a user who switched tabs by mistake expects to be stopped, not to hunt for a restored draft.
 */
export function UnsavedChangesProvider({ locale, guard, children }: UnsavedChangesProviderProps) {
  const [pending, setPending] = useState<(() => void) | null>(null);

  useEffect(() => {
    guard.ask = (action) => setPending(() => action);
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!guard.dirty()) return;
      event.preventDefault();
      // Older browsers show their question only when a value is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      guard.ask = null;
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [guard]);

  return (
    <UnsavedChangesContext.Provider value={guard}>
      {children}
      <ConfirmDialog
        open={pending !== null}
        title={sharedText(locale, 'unsavedTitle')}
        message={sharedText(locale, 'unsavedMessage')}
        confirmLabel={sharedText(locale, 'discardChanges')}
        cancelLabel={sharedText(locale, 'keepEditing')}
        onConfirm={() => {
          const action = pending;
          guard.clear();
          setPending(null);
          action?.();
        }}
        onCancel={() => setPending(null)}
      />
    </UnsavedChangesContext.Provider>
  );
}

/** The guard of the pane: `guard(action)` before anything that would throw a form away. */
export function useDiscardGuard(): PaneGuard['guard'] {
  return useContext(UnsavedChangesContext).guard;
}

/** Tells the guard whether this form holds unsaved input; forgotten when the form closes. */
export function useUnsavedChanges(dirty: boolean): void {
  const { mark } = useContext(UnsavedChangesContext);
  const id = useId();
  useEffect(() => {
    mark(id, dirty);
  }, [mark, id, dirty]);
  useEffect(() => () => mark(id, false), [mark, id]);
}
