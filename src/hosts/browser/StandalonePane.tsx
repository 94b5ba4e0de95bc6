import { useMemo, useState } from 'react';
import type { Locale } from '../../core/i18n';
import { RelacjeApp } from '../../ui/app/RelacjeApp';
import { browserViewHistory } from './browser-view-history';
import { graphWorkbookOverview } from './graph-workbook-overview';
import { recall, remember } from './remembered';
import { standaloneCrmService } from './standalone-crm-service';
import { readXlsxRows } from './xlsx-rows-reader';
import { UserNameGate } from './UserNameGate';

export interface StandalonePaneProps {
  initialLocale: Locale;
  /** `?workbook=` of the page's address. */
  chosenWorkbook: string | null;
  onLocaleChange: (locale: Locale) => void;
}

const USER_KEY = 'relacje.user';

/** The standalone pane: asks once who is working, then the app over the local workbook server. */
export function StandalonePane({ initialLocale, chosenWorkbook, onLocaleChange }: StandalonePaneProps) {
  const [locale, setLocale] = useState(initialLocale);
  const [user, setUser] = useState<string | null>(() => recall(USER_KEY));
  // While the name is being changed, the one before (the gate offers it; the services wait).
  const [changingFrom, setChangingFrom] = useState<string | null>(null);
  const origin = window.location.origin;
  const viewHistory = useMemo(browserViewHistory, []);
  const services = useMemo(
    () =>
      user === null
        ? null
        : {
            crm: standaloneCrmService({ origin, chosenWorkbook, user }),
            workbookOverview: graphWorkbookOverview(origin, chosenWorkbook),
            readXlsxRows,
          },
    [origin, chosenWorkbook, user],
  );
  if (!services) {
    return (
      <UserNameGate
        locale={locale}
        currentName={changingFrom ?? undefined}
        onChosen={(name) => {
          remember(USER_KEY, name);
          setChangingFrom(null);
          setUser(name);
        }}
      />
    );
  }
  return (
    <RelacjeApp
      initialLocale={locale}
      services={services}
      viewHistory={viewHistory}
      user={{
        name: user ?? '',
        change: () => {
          setChangingFrom(user);
          setUser(null);
        },
      }}
      onLocaleChange={(next) => {
        setLocale(next);
        onLocaleChange(next);
      }}
    />
  );
}
