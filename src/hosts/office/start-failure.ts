/*
 * Shown when the pane cannot even start (Office.js did not load, the page was opened outside
 * Office): plain DOM in both languages, since neither React nor the user's language may be known.
 */
const NOT_IN_OFFICE = {
  pl: 'Tę stronę otwiera Excel lub Word (przycisk „Klienci” na karcie Narzędzia główne). Poza Office użyj taskpane.html.',
  en: 'Excel or Word opens this page (the Clients button on the Home tab). Outside Office, use taskpane.html.',
};

const NO_OFFICE_JS = {
  pl: 'Nie udało się wczytać Office.js z appsforoffice.microsoft.com. Sprawdź połączenie z siecią (zapora lub serwer proxy muszą przepuszczać ten adres) i otwórz panel ponownie.',
  en: 'Office.js could not be loaded from appsforoffice.microsoft.com. Check the network connection (a firewall or proxy must let that address through) and open the pane again.',
};

class StartFailure extends Error {
  constructor(readonly texts: { pl: string; en: string }) {
    super(texts.en);
    this.name = 'StartFailure';
  }
}

/** The Office application this pane is for (the values of `Office.HostType` at run time). */
export type PaneApplication = 'Excel' | 'Word';

/**
 * Waits for Office.js and returns the application the pane runs in; fails with a clear text when
 * Office.js did not load or the page runs outside the given applications.
 */
export async function officeReady<A extends PaneApplication>(applications: readonly A[]): Promise<A> {
  if (typeof Office === 'undefined') throw new StartFailure(NO_OFFICE_JS);
  const info = await Office.onReady();
  const application = applications.find((name) => String(info.host) === name);
  if (!application) throw new StartFailure(NOT_IN_OFFICE);
  return application;
}

export function showStartFailure(error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  const texts =
    error instanceof StartFailure
      ? error.texts
      : {
          pl: `Relacje nie mogą się uruchomić w tym panelu (${detail}). Zamknij panel i otwórz go ponownie; jeśli błąd się powtarza, przekaż ten komunikat administratorowi.`,
          en: `Relacje cannot start in this pane (${detail}). Close the pane and open it again; if it keeps failing, pass this message to your administrator.`,
        };
  const root = document.getElementById('root') ?? document.body;
  root.replaceChildren(
    ...(['pl', 'en'] as const).map((lang) => {
      const paragraph = document.createElement('p');
      paragraph.lang = lang;
      paragraph.setAttribute('role', 'alert');
      paragraph.textContent = texts[lang];
      return paragraph;
    }),
  );
}
