import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle1,
  makeStyles,
  tokens,
  useId,
  type Theme,
} from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Locale } from '../../core/i18n';
import type { RelacjeServices } from '../../ui/app/RelacjeApp';
import { officePaneText, type OfficePaneTextKey } from './office-pane-texts';
import { paneFailureText } from './pane-failure-text';
import type { StoreChoice, StoreOption } from './store-choice';

export interface OfficePaneProps {
  locale: Locale;
  theme: Theme;
  options: readonly StoreOption[];
  /** Opened at once, without asking: the only choice possible here. */
  openAtStart: StoreChoice | null;
  /** Selected when the pane asks: the choice remembered in the document. */
  preselected: StoreChoice | null;
  /** The configuration's own error, shown with a `configInvalid` option. */
  configError?: unknown;
  openStore(choice: StoreChoice): Promise<RelacjeServices>;
  rememberChoice(choice: StoreChoice): Promise<void>;
}

type PaneState =
  | { kind: 'choosing'; failure?: unknown }
  | { kind: 'opening' }
  | { kind: 'open'; services: RelacjeServices; notRemembered?: unknown };

/* The app's views are a chunk of their own, fetched while the user chooses the store. */
const loadRelacjeApp = () =>
  import(/* webpackChunkName: "app" */ '../../ui/app/RelacjeApp').then((m) => ({ default: m.RelacjeApp }));
const RelacjeApp = lazy(loadRelacjeApp);

const CHOICE_TEXTS: Record<StoreChoice, { label: OfficePaneTextKey; hint: OfficePaneTextKey }> = {
  thisWorkbook: { label: 'thisWorkbook', hint: 'thisWorkbookHint' },
  sharedWorkbook: { label: 'sharedWorkbook', hint: 'sharedWorkbookHint' },
};

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  option: { display: 'flex', flexDirection: 'column', marginBottom: tokens.spacingVerticalS },
  hint: { paddingInlineStart: '32px', color: tokens.colorNeutralForeground3 },
  unavailable: { paddingInlineStart: '32px', color: tokens.colorPaletteRedForeground1 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/**
 * The Excel and Word pane: asks where the client base is (unless it is already known), opens that
 * store and then shows the shared app over it. A failure to open comes back here with its message.
 */
export function OfficePane(props: OfficePaneProps) {
  const { locale, theme, options, openAtStart, preselected, configError, openStore, rememberChoice } = props;
  const styles = useStyles();
  const [state, setState] = useState<PaneState>(openAtStart ? { kind: 'opening' } : { kind: 'choosing' });
  const [selected, setSelected] = useState<StoreChoice | null>(openAtStart ?? preselected);
  const started = useRef(false);
  const idPrefix = useId('store-choice');

  const open = async (choice: StoreChoice, remember: boolean) => {
    setState({ kind: 'opening' });
    let notRemembered: unknown;
    if (remember) await rememberChoice(choice).catch((error: unknown) => (notRemembered = error));
    try {
      setState({ kind: 'open', services: await openStore(choice), notRemembered });
    } catch (failure) {
      setState({ kind: 'choosing', failure });
    }
  };

  useEffect(() => {
    // Once, even under StrictMode's double effects: opening twice would sign in twice.
    if (started.current) return;
    started.current = true;
    // Fetched early only to save time; if it fails, rendering the app fetches it again and reports it.
    loadRelacjeApp().catch(() => undefined);
    if (openAtStart) void open(openAtStart, false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (state.kind === 'open') {
    return (
      <>
        {state.notRemembered !== undefined && (
          <FluentProvider theme={theme}>
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                {officePaneText(locale, 'notRemembered')} ({paneFailureText(state.notRemembered, locale)})
              </MessageBarBody>
            </MessageBar>
          </FluentProvider>
        )}
        <Suspense
          fallback={
            <FluentProvider theme={theme}>
              <Spinner label={officePaneText(locale, 'opening')} />
            </FluentProvider>
          }
        >
          <RelacjeApp initialLocale={locale} services={state.services} theme={theme} />
        </Suspense>
      </>
    );
  }

  const selectable = options.some((option) => option.available);
  // Kept in the document only where there is something to choose; otherwise nothing is written to it.
  const hasChoice = options.filter((option) => option.available).length > 1;
  const reasonText = (option: StoreOption): string | null => {
    if (option.available) return null;
    if (option.reason === 'configInvalid') return paneFailureText(configError, locale);
    return officePaneText(locale, option.reason);
  };

  return (
    <FluentProvider theme={theme}>
      <main className={styles.page}>
        <Subtitle1 as="h1">{officePaneText(locale, 'chooseTitle')}</Subtitle1>
        {state.kind === 'opening' ? (
          <Spinner label={officePaneText(locale, 'opening')} />
        ) : (
          <>
            {state.failure !== undefined && (
              <MessageBar intent="error" layout="multiline" role="alert">
                <MessageBarBody>
                  <MessageBarTitle>{officePaneText(locale, 'openFailed')}</MessageBarTitle>
                  {paneFailureText(state.failure, locale)}
                </MessageBarBody>
              </MessageBar>
            )}
            <RadioGroup
              value={selected ?? ''}
              onChange={(_event, data) => setSelected(data.value as StoreChoice)}
              aria-label={officePaneText(locale, 'chooseTitle')}
            >
              {options.map((option) => {
                const hintId = `${idPrefix}-${option.choice}-hint`;
                const reasonId = `${idPrefix}-${option.choice}-reason`;
                const reason = reasonText(option);
                return (
                  <div key={option.choice} className={styles.option}>
                    <Radio
                      value={option.choice}
                      disabled={!option.available}
                      label={officePaneText(locale, CHOICE_TEXTS[option.choice].label)}
                      aria-describedby={reason ? `${hintId} ${reasonId}` : hintId}
                    />
                    <Caption1 id={hintId} className={styles.hint}>
                      {officePaneText(locale, CHOICE_TEXTS[option.choice].hint)}
                    </Caption1>
                    {reason && (
                      <Caption1 id={reasonId} className={styles.unavailable}>
                        {reason}
                      </Caption1>
                    )}
                  </div>
                );
              })}
            </RadioGroup>
            {selectable ? (
              <div className={styles.actions}>
                <Button
                  appearance="primary"
                  disabled={!selected || !options.some((o) => o.choice === selected && o.available)}
                  onClick={() => selected && void open(selected, hasChoice)}
                >
                  {officePaneText(locale, 'open')}
                </Button>
              </div>
            ) : (
              <Body1>{officePaneText(locale, 'nothingToOpen')}</Body1>
            )}
          </>
        )}
      </main>
    </FluentProvider>
  );
}
