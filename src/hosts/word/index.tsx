import { startOfficePane } from '../office/start-office-pane';
import { officeReady, showStartFailure } from '../office/start-failure';

/*
 * The Word pane (word.html, loaded with Office.js from Microsoft's CDN): the client base from the
 * shared workbook, until the offer builder has its own pane here.
 */
async function main(): Promise<void> {
  await officeReady(['Word']);
  const container = document.getElementById('root');
  if (!container) throw new Error('word.html has no #root element');
  await startOfficePane({ host: 'word' }, container);
}

main().catch(showStartFailure);
