import { FluentProvider, webLightTheme, type Theme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Locale } from '../../core/i18n';
import { UnsavedChangesProvider, type PaneGuard } from '../shared/unsaved-changes';
import { ViewHistoryContext, type PaneLocation, type ViewHistory } from '../shared/view-history';

export interface PaneProvidersProps {
  locale: Locale;
  theme?: Theme;
  guard: PaneGuard;
  history: ViewHistory<PaneLocation>;
  children: ReactNode;
}

/** What every view of the pane reads from around it: the theme, the unsaved-form guard, the history. */
export function PaneProviders({ locale, theme, guard, history, children }: PaneProvidersProps) {
  return (
    <FluentProvider theme={theme ?? webLightTheme}>
      <UnsavedChangesProvider locale={locale} guard={guard}>
        <ViewHistoryContext.Provider value={history}>{children}</ViewHistoryContext.Provider>
      </UnsavedChangesProvider>
    </FluentProvider>
  );
}
