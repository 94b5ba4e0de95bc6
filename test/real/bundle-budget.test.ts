import { measureBundles } from '../../bench/probes/bundle-size';

// The budget for a pane's JavaScript before its first screen, gzip-compressed.
const FIRST_RENDER_BUDGET_KIB = 300;

describe('the panes’ JavaScript (a production build)', () => {
  const sizes = measureBundles();

  test.each(['taskpane', 'excel', 'word'])('%s draws its first screen within the budget', (entry) => {
    expect(sizes[`${entry}EntryKiB`]).toBeGreaterThan(0);
    expect(sizes[`${entry}FirstRenderKiB`]).toBeLessThan(FIRST_RENDER_BUDGET_KIB);
  });

  test('lazy views (ExcelJS for .xlsx import, sign-in) are not part of any first screen', () => {
    expect(sizes.allJavaScriptKiB).toBeGreaterThan(sizes.taskpaneFirstRenderKiB + 150);
  });
});
