import { startOfficePane } from '../office/start-office-pane';
import { officeReady, showStartFailure } from '../office/start-failure';

/*
 * The Excel pane (excel.html, loaded with Office.js from Microsoft's CDN). The manifest also makes
 * this the page older Office versions open in Word, so the host Office reports decides.
 */
async function main(): Promise<void> {
  const host = await officeReady(['Excel', 'Word']);
  const container = document.getElementById('root');
  if (!container) throw new Error('excel.html has no #root element');
  await startOfficePane(
    host === 'Excel'
      ? {
          host: 'excel',
          openThisWorkbook: async () =>
            (await import(/* webpackChunkName: "this-workbook" */ './this-workbook')).openThisWorkbook(),
        }
      : { host: 'word' },
    container,
  );
}

main().catch(showStartFailure);
