import {
  Button,
  Caption1,
  FluentProvider,
  Title2,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Locale } from '../../core/i18n';
import { uiText } from '../i18n/ui-texts';
import { WorkbookOverviewPanel } from '../workbook-overview/WorkbookOverviewPanel';
import type { WorkbookOverviewService } from '../workbook-overview/workbook-overview-service';

/** The services the panes call; hosts provide them. */
export interface RelacjeServices {
  workbookOverview: WorkbookOverviewService;
}

export interface RelacjeAppProps {
  initialLocale: Locale;
  services: RelacjeServices;
  /** Told about every language change, so the host can remember it. */
  onLocaleChange?: (locale: Locale) => void;
}

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    minHeight: '100vh',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between' },
});

export function RelacjeApp({ initialLocale, services, onLocaleChange }: RelacjeAppProps) {
  const styles = useStyles();
  const [locale, setLocale] = useState<Locale>(initialLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = uiText(locale, 'productName');
  }, [locale]);

  const switchLocale = () => {
    const next: Locale = locale === 'pl' ? 'en' : 'pl';
    setLocale(next);
    onLocaleChange?.(next);
  };

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.page}>
        <header className={styles.header}>
          <div>
            <Title2 as="h1" block>
              {uiText(locale, 'productName')}
            </Title2>
            <Caption1>{uiText(locale, 'productTagline')}</Caption1>
          </div>
          <Button
            size="small"
            appearance="subtle"
            lang={locale === 'pl' ? 'en' : 'pl'}
            title={uiText(locale, 'switchLanguageLabel')}
            onClick={switchLocale}
          >
            {uiText(locale, 'switchLanguage')}
          </Button>
        </header>
        <WorkbookOverviewPanel locale={locale} service={services.workbookOverview} />
      </main>
    </FluentProvider>
  );
}
